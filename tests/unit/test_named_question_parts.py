"""Several questions, one naming a procedure: "What's nerve transfer and what's its risk?" (session 18).

The answer ranks the message with each named procedure blanked out, so the name counts once. The
first question was then the bare word "What's": too short to be a question of its own, and as near
the classifier's reading of "what's its risk" as of its own. Both questions must be answered.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions.answers import ActionAnswerQuestion
from tests.unit.test_actions import run, texts, tracker

# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def _part(text: str, start: int, intents: dict[str, float]) -> dict[str, Any]:
    return {"text": text, "start": start, "end": start + len(text), "intents": intents}


@pytest.mark.parametrize(("opening", "name", "value", "joint", "second", "second_intent", "second_fact"), [
    ("What's ", "nerve transfer", "nerve_transfer", " and ", "what's its risk", "ask_risks", "incorrect nerve growth"),
    ("What's ", "gracilis", "gracilis", " and ", "how long is recovery", "ask_recovery", "Full recovery"),
    # the first question after an announcement: its reading is its own, not the whole message's
    ("Two things. 1) what is ", "gracilis", "gracilis", "? 2) ", "how long is recovery", "ask_recovery",
     "Full recovery"),
])
def test_a_named_question_and_the_next_are_both_answered(opening: str, name: str, value: str, joint: str, second: str,
                                                         second_intent: str, second_fact: str) -> None:
    text = f"{opening}{name}{joint}{second}?"
    at = len(opening)
    entities = [{"entity": "procedure", "value": value, "start": at, "end": at + len(name)}]
    first = f"{opening.split(')')[-1].strip()} {name}".lower()
    # the whole message read as the question named first, or (after an announcement) as the second
    lead, other = (second_intent, "ask_procedure_info") if ")" in opening else ("ask_procedure_info", second_intent)
    message = tracker(lead, text, entities=entities,
                      ranking=[{"name": lead, "confidence": 0.7}, {"name": other, "confidence": 0.25}])
    message.latest_message["question_parts"] = [
        _part(first, text.lower().index(first), {"ask_procedure_info": 0.9, second_intent: 0.02}),
        _part(second, text.index(second), {second_intent: 0.75, "ask_procedure_info": 0.02})]
    reply = texts(run(ActionAnswerQuestion(), message)[0])
    own_fact = {"nerve_transfer": "bypass the injured nerve section", "gracilis": "temporalis or gracilis"}[value]
    assert own_fact in reply and second_fact in reply, reply
