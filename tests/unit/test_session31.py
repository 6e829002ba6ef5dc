"""Session 31: a condition takes one question along, not every question after it; surgery ruled out in
more words ("treatments that don't involve surgery", "apart from surgery") gets the options that are no
operation; "is surgery even something for me?" asks whether it is open to someone; "does that change
things?" after a case that points at one option gets what is weighed and that option; how long "the
operation would be" names the operation time; a named medicine weighed against another, and how often a
product may be used, are declined. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.fact_ranker import FactRanker
from actions.fact_selection import rank_answer
from clinic.asked_for import asks_for_operation, asks_if_open_to, rules_out_operation
from clinic.queries import KnowledgeBase
from clinic.question_split import split_questions
from nlp.off_topic import off_topic
from tests.unit.test_actions import run, texts, tracker

OPERATIONS = {"selective_neurectomy", "selective_myectomy"}


# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def test_a_condition_takes_its_question_along_and_no_more() -> None:
    assert split_questions("if I had the graft, when could I drive, and how long is the hospital stay?") == [
        "if I had the graft, when could I drive", "how long is the hospital stay"]
    assert split_questions("if the nerve won't recover, what then?") == ["if the nerve won't recover, what then"]


@pytest.mark.parametrize("text", ["Is there any treatment that doesn't need surgery?",
                                  "what helps that won't involve an operation?",
                                  "I want to avoid another operation, what else?",
                                  "anything apart from surgery for my tight cheek?"])
def test_more_ways_of_ruling_surgery_out(text: str) -> None:
    assert rules_out_operation(text) and not asks_for_operation(text)


@pytest.mark.parametrize("text", ["can't they just operate?", "if the injections don't work, is there surgery?",
                                  "Won't I need another operation later?"])
def test_a_negative_elsewhere_does_not_rule_surgery_out(text: str) -> None:
    assert not rules_out_operation(text)


def _procedures(kb: KnowledgeBase, text: str) -> list[str]:
    topic = kb.topic("synkinesis")
    assert topic is not None
    answer = rank_answer(FactRanker(kb), text, topic, {topic.intent: 0.6}, [], [], None)
    return [p for c in answer.facts for p in c.fact.procedure_ids]


@pytest.mark.parametrize("text", ["The tightness wears me out. Is there a treatment that doesn't involve surgery?",
                                  "anything apart from surgery for the tight cheek muscles?"])
def test_surgery_ruled_out_gets_the_treatments_that_are_no_operation(sqlite_kb: KnowledgeBase, text: str) -> None:
    found = _procedures(sqlite_kb, text)
    assert {"botox", "physical_therapy"} <= set(found) and not set(found) & OPERATIONS


def test_an_operation_asked_for_still_gets_the_operations(sqlite_kb: KnowledgeBase) -> None:
    assert set(_procedures(sqlite_kb, "The tightness wears me out. Is there an operation that helps?")) == OPERATIONS


@pytest.mark.parametrize("text", ["Is surgery even something for me?",
                                  "would reanimation still be an option for my mum?"])
def test_surgery_being_something_for_someone_asks_whether_it_is_open(text: str) -> None:
    assert asks_if_open_to(text)


def test_something_for_me_without_surgery_asks_for_the_options() -> None:
    assert not asks_if_open_to("is there something for me?")


def test_does_that_change_things_after_a_case_gets_what_is_weighed_and_the_option_of_that_case() -> None:
    """A long stretch of nerve lost: the considerations, framed as the surgeon's, and the graft the page ties
    to extensive damage (after the repair was discussed, which is not what such a case is told)."""
    text = "They found a big length of my nerve was destroyed in the accident. Would that change anything?"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_risks", text, slots={
        "topic": "procedure_info", "procedure": "nerve_repair", "recent_procedures": ["nerve_repair"]},
        ranking=[{"name": "ask_risks", "confidence": 0.35}, {"name": "ask_surgery_duration", "confidence": 0.2}]))
    said = texts(messages)
    assert "considerations" in said.lower() and "nerve grafting may be necessary" in said


def test_how_long_the_operation_would_be_names_the_operation_time(sqlite_kb: KnowledgeBase) -> None:
    topic = sqlite_kb.topic("duration")
    assert topic is not None and FactRanker.names_topic(topic, "how long would the operation be, roughly?")


@pytest.mark.parametrize("text", ["is prednisolone or dexamethasone better for bell's palsy?",
                                  "is famciclovir more effective than the others?",
                                  "the ointment is soothing, may I apply it 6 times a day?",
                                  "can I put the artificial tears in more than four times a day?"])
def test_a_medicine_weighed_or_a_product_used_more_often_is_declined(text: str) -> None:
    assert off_topic(text) == "medication"


@pytest.mark.parametrize("text", ["I use drops three times a day, would eyelid surgery help more?",
                                  "how often is botox repeated?", "is the graft better than the transfer?"])
def test_a_frequency_in_a_story_or_a_treatment_compared_is_not_declined(text: str) -> None:
    assert off_topic(text) is None


def test_surgery_ruled_out_under_a_topic_whose_list_the_ranking_missed(sqlite_kb: KnowledgeBase) -> None:
    """The ranking reached no option of the synkinesis list ("another operation" is what the page says may
    follow one): the list's options that are no operation still answer the question."""
    found = _procedures(sqlite_kb, "I'd hate to go through another op. Anything that doesn't involve surgery?")
    assert found[:2] == ["botox", "physical_therapy"] and not set(found) & OPERATIONS
