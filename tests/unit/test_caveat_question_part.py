"""One question of several answered by a fact of no topic (session 19): "What decides if I'm a candidate?
And who should I talk the risks over with?"

The page's "discussing risks and benefits with the surgeon and healthcare team" and its list of
techniques belong to no topic, so the classifier's reading of the question (risks, the options)
lifted the topic's own facts over them: the patient asking whom to talk to got the list of risks.
A question whose own words clearly lead to such a fact gets it. "Go over" and "talk over" are the
page's "discussing" (all their words are stop words).
"""

from __future__ import annotations

from typing import Any

import pytest

from actions.answers import ActionAnswerQuestion
from clinic.fact_ranking import words_of
from tests.unit.test_actions import run, texts, tracker

SURGEON = "discussing risks and benefits with the surgeon"


# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def _answer(first: str, first_intent: str, second: str, second_intent: str) -> str:
    text = f"{first}? And {second}?"
    message = tracker(first_intent, text, ranking=[{"name": first_intent, "confidence": 0.6},
                                                   {"name": second_intent, "confidence": 0.3}])
    parts: list[dict[str, Any]] = [
        {"text": first, "start": 0, "end": len(first), "intents": {first_intent: 0.8, second_intent: 0.1}},
        {"text": second, "start": text.index(second), "end": text.index(second) + len(second),
         "intents": {second_intent: 0.8, first_intent: 0.1}}]
    message.latest_message["question_parts"] = parts
    return texts(run(ActionAnswerQuestion(), message)[0])


@pytest.mark.parametrize("second", ["who should I talk the risks over with", "who do I go over the risks with",
                                    "who should I talk through the risks with"])
def test_whom_to_talk_the_risks_over_with_is_answered(second: str) -> None:
    reply = _answer("What decides whether I'm a candidate for surgery", "ask_candidacy", second, "ask_risks")
    assert SURGEON in reply and "hinge on" in reply, reply


def test_the_techniques_asked_beside_another_question_are_listed() -> None:
    reply = _answer("Which techniques are there", "ask_surgery_options", "do I stay in hospital overnight",
                    "ask_hospital_stay")
    assert "Techniques include microsurgical facial nerve repair" in reply, reply
    assert "Outpatient or Hospital Stay" in reply, reply


def test_the_risks_asked_beside_another_question_are_still_the_risks() -> None:
    reply = _answer("What decides whether I'm a candidate for surgery", "ask_candidacy", "what are the risks",
                    "ask_risks")
    assert "temporary swelling, bruising" in reply, reply


def test_talking_over_is_discussing_but_going_through_surgery_is_not() -> None:
    assert "discuss" in words_of("who should I go over the risks with")
    assert "discuss" in words_of("can we talk it over")
    assert "discuss" not in words_of("I went through surgery twice")
