"""Session 35: a general fact shown beside one procedure (named, or the only one the answer describes) is preceded by
what the page says of that procedure on the same topic (the risk of a muscle transplant before the risks of surgery
in general, when the question describes the operation in lay words and the classifier read a question about the
procedure); and a message asking to be told something ("I would like to know what ... does") is no case of the
patient's own to read the next short question with. Phrasings written for these tests, not taken from a held-out
set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.fact_ranker import FactRanker
from actions.fact_selection import rank_answer
from actions.situation import situation_for
from clinic.queries import KnowledgeBase
from tests.unit.test_actions import SPOKE, run, texts, tracker, user_event

SPECIFIC = "poor movement due to lack of blood flow"
GENERAL = "temporary swelling, bruising"


# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


@pytest.mark.parametrize("text", [
    "That surgery where a piece of thigh muscle gets put into the cheek, what is its biggest risk?",
    "the one where they use muscle from the leg for the smile - any risks with it?",
])
def test_the_described_operations_own_risk_comes_first(text: str) -> None:
    ranking = [{"name": "ask_procedure_info", "confidence": 0.6}, {"name": "ask_risks", "confidence": 0.3}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", text, ranking=ranking))
    said = texts(messages)
    assert SPECIFIC in said and GENERAL in said
    assert said.index(SPECIFIC) < said.index(GENERAL)


def test_a_named_procedure_draws_its_own_fact_before_the_general_one(sqlite_kb: KnowledgeBase) -> None:
    ranker = FactRanker(sqlite_kb)
    topic = sqlite_kb.topic("risks")
    assert topic is not None
    answer = rank_answer(ranker, "what are the risks of a muscle transplant?", topic, {topic.intent: 0.9},
                         ["gracilis"], [], None)
    ids = [c.fact.id for c in answer.facts]
    assert ids.index("specific_risks") < ids.index("general_risks")


@pytest.mark.parametrize("asked", [
    "Hello there. I would like to know what the gracilis muscle operation involves.",
    "Could you tell me what eyelid reanimation surgery is for, my mum is looking into it",
])
def test_a_request_to_know_is_no_case_to_read_a_question_with(asked: str) -> None:
    """A short question about "me" after a message asking to be told something: that message described no case of
    the patient's own, so the question is read alone (its own topic's words decide, not the operation's again)."""
    question = "Would I be awake for it?"
    events = [*SPOKE, user_event("ask_procedure_info", asked), {"event": "bot", "text": "..."},
              user_event("ask_anesthesia", question)]
    assert situation_for(tracker("ask_anesthesia", question, events=events)) is None
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_anesthesia", question,
                                                      slots={"procedure": "gracilis", "topic": "procedure_info"},
                                                      events=events))
    assert "Local, Sedation, or General" in texts(messages)


def test_a_case_told_before_still_frames_the_question() -> None:
    told = "I had a bad palsy after an accident two years ago and my smile never came back."
    events = [*SPOKE, user_event("ask_personal_advice", told), {"event": "bot", "text": "..."},
              user_event("ask_options", "so what can I do?")]
    assert situation_for(tracker("ask_options", "so what can I do?", events=events)) == told


def test_a_question_alone_is_no_case_either() -> None:
    """The message before only asked ("Can static surgery give me a moving smile?"): the next short question about
    "me" is read alone, not as two questions with the one before."""
    question = "ok, what could I try instead?"
    events = [*SPOKE, user_event("ask_procedure_info", "Can static surgery give me a moving smile?"),
              {"event": "bot", "text": "..."}, user_event("ask_options", question)]
    assert situation_for(tracker("ask_options", question, events=events)) is None
