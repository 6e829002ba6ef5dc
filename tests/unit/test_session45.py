"""Session 45: "how is that different from the other kind?" after one of a pair compares the pair; a story that names
one procedure and gets the list of techniques makes that procedure the conversation's ("what could go wrong with
it?" next); a question asked outright with a yes-word in it ("What exactly does the jab achieve?") is answered,
not agreed with; an option someone "brought up as an alternative" is told, not a request for the others; figuring
out why asks for the tests. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.conversation import ActionSmallTalk
from clinic.asked_choices import asks_alternatives
from clinic.queries import KnowledgeBase
from clinic.question_parts import asks_outright
from tests.unit.test_actions import run, slot_events, texts, tracker

pytestmark = pytest.mark.usefixtures("use_kb")


def test_different_from_the_other_kind_compares_the_pair(use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionSmallTalk(), tracker(
        "something_else", "so how does that differ from the other kind?",
        slots={"procedure": "dynamic_restoration", "topic": "procedure_info"}))
    said = texts(messages)
    assert "does not restore muscle movement" in said and "Dynamic" in said


def test_a_story_naming_one_procedure_keeps_it_after_the_list(use_kb: KnowledgeBase) -> None:
    text = ("My neighbour told me they can take a muscle from the inner thigh and put it in the cheek to make a smile. "
            "Do surgeons really do that?")
    _, events = run(ActionAnswerQuestion(), tracker(
        "ask_procedure_info", text,
        entities=[{"entity": "procedure", "value": "gracilis", "start": 44, "end": 60}]))
    assert slot_events(events).get("procedure") == "gracilis"


@pytest.mark.parametrize(("text", "outright"), [
    ("What exactly does the jab achieve?", True),
    ("How precisely is the nerve joined?", True),
    ("exactly", False),
    ("yes exactly what I wanted", False),
    ("What exactly?", False),
])
def test_a_question_asked_outright(text: str, outright: bool) -> None:
    assert asks_outright(text) is outright


def test_a_yes_word_in_a_question_is_no_agreement(use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionSmallTalk(), tracker(
        "affirm", "What exactly does the botox injection achieve?", slots={"topic": "synkinesis"}))
    assert "block nerve signals" in texts(messages)


@pytest.mark.parametrize(("text", "asks"), [
    ("The surgeon brought up a nerve graft as an alternative. How long does that take to work?", False),
    ("She also suggested physio as another option, is it painful?", False),
    ("He suggested a nerve graft. Apart from that, what other options are there?", True),
    ("What could I have as an alternative to Botox?", True),
])
def test_an_option_put_forward_is_told_not_asked_for(text: str, asks: bool) -> None:
    assert asks_alternatives(text) is asks


def test_figuring_out_why_asks_for_the_tests(use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_diagnosis", "my dad's face stopped moving on one side, how will the doctors figure out why?"))
    assert "electromyography (EMG), blood tests, and imaging" in texts(messages)
