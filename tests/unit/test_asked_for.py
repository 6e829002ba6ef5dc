"""Session 30: a question asking for an operation among the synkinesis treatments gets the two operations; one
asking whether surgery is open to someone gets the page's candidacy line with how the decision is made; "the
transplant" after a muscle transplant was discussed (and another topic since) is that transplant, and "the
therapy" after the list of treatments is physical therapy. Phrasings written for these tests, not taken from
a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.fact_ranker import FactRanker
from actions.fact_selection import rank_answer
from clinic.asked_for import asks_for_operation, asks_if_open_to
from clinic.queries import CatalogueFact, KnowledgeBase
from tests.unit.test_actions import run, texts, tracker

OPERATIONS = ["selective_neurectomy", "selective_myectomy"]


# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def _ranked(kb: KnowledgeBase, text: str, topic_id: str, confidence: float, named: list[str] | None = None,
            context: list[str] | None = None, located: bool = False) -> list[CatalogueFact]:
    """The facts answering ``text`` under that topic; ``located``: where each named procedure stands in it."""
    ranker = FactRanker(kb)
    topic = kb.topic(topic_id)
    assert topic is not None
    positions = {p: [_span(text, p.replace("_", " "))] for p in named or []} if located else None
    return rank_answer(ranker, text, topic, {topic.intent: confidence}, named or [], context or [], None,
                       positions).facts


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.lower().index(words)
    return start, start + len(words)


def _facts(kb: KnowledgeBase, text: str, topic_id: str) -> list[str]:
    return [c.fact.id for c in _ranked(kb, text, topic_id, 0.7)]


def _procedures(kb: KnowledgeBase, text: str, named: list[str] | None = None) -> list[str]:
    return [p for c in _ranked(kb, text, "synkinesis", 0.6, named) for p in c.fact.procedure_ids]


@pytest.mark.parametrize("text", ["Is there an operation for it?", "any surgical fix for the spasms?",
                                  "could they operate on the tight cheek?"])
def test_an_operation_asked_for_is_recognised(text: str) -> None:
    assert asks_for_operation(text)


@pytest.mark.parametrize("text", ["Is there anything without surgery for it?", "I'd rather avoid an operation",
                                  "any non-surgical options?", "no surgery please, what else?"])
def test_an_operation_ruled_out_asks_for_none(text: str) -> None:
    assert not asks_for_operation(text)


def test_an_operation_for_the_tightness_is_answered_by_both_operations(sqlite_kb: KnowledgeBase) -> None:
    assert _procedures(sqlite_kb, "Is there an operation that helps the tight cheek muscles?") == OPERATIONS


def test_either_an_operation_or_a_named_treatment_is_answered_on_both_sides(sqlite_kb: KnowledgeBase) -> None:
    found = _procedures(sqlite_kb, "For the spasms, is there surgery, or only the botox jabs?", ["botox"])
    assert set(found) == {"botox", *OPERATIONS}


def test_ruling_an_operation_out_keeps_the_other_treatments(sqlite_kb: KnowledgeBase) -> None:
    found = _procedures(sqlite_kb, "Is there anything for the tight cheek without surgery?")
    assert found and not set(found) & set(OPERATIONS)


def test_the_last_word_of_a_name_means_the_procedure_discussed_before_another_topic() -> None:
    text = "one more about the transplant: what could go wrong?"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_risks", text, slots={
        "topic": "synkinesis", "procedure": "botox", "recent_procedures": ["botox", "gracilis"]},
        ranking=[{"name": "ask_risks", "confidence": 0.8}]))
    assert "lack of blood flow" in texts(messages)
    assert "not for Botox" not in texts(messages)


@pytest.mark.parametrize("text", ["Would my husband be eligible at 80?", "can my son still have the operation?",
                                  "is the nerve graft possible for someone like me?", "am I too old for it"])
def test_asking_whether_surgery_is_open_to_someone_is_recognised(text: str) -> None:
    assert asks_if_open_to(text)


@pytest.mark.parametrize("text", ["Do I need an operation?", "how long can I have off work?",
                                  "what options are there?", "should I have surgery now or wait?"])
def test_needing_surgery_or_other_questions_are_not_asking_whether_it_is_open(text: str) -> None:
    assert not asks_if_open_to(text)


def test_whether_surgery_is_open_to_me_gets_the_candidacy_line_with_the_decision(sqlite_kb: KnowledgeBase) -> None:
    facts = _facts(sqlite_kb, "After eight years of this, can I still get the operation?", "personal_advice")
    assert "candidate" in facts and "considerations" in facts
    # whether one needs it is never answered with "Yes, if you have facial palsy"
    assert "candidate" not in _facts(sqlite_kb, "After eight years of this, do I need the operation?",
                                     "personal_advice")


def test_the_last_word_of_a_listed_option_names_it_beside_one_named_in_full() -> None:
    text = "how long does the therapy take to work, and do the injections hurt?"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_synkinesis", text, slots={
        "topic": "synkinesis", "listed_options": ["botox", "physical_therapy", "selective_neurectomy",
                                                  "selective_myectomy"]},
        entities=[{"entity": "procedure", "value": "botox", "start": text.index("injections"),
                   "end": text.index("injections") + len("injections")}],
        ranking=[{"name": "ask_synkinesis", "confidence": 0.8}]))
    assert "neuromuscular retraining" in texts(messages)


def _answer(kb: KnowledgeBase, text: str, topic_id: str, named: list[str], context: list[str]) -> list[str]:
    return [c.fact.id for c in _ranked(kb, text, topic_id, 0.5, named, context, located=True)]


def test_it_in_a_second_question_is_the_one_procedure_named_in_the_first(sqlite_kb: KnowledgeBase) -> None:
    """Not the overview of the synkinesis treatments: "it" is the nerve transfer."""
    facts = _answer(sqlite_kb, "Explain the nerve transfer please, and might it lead to synkinesis later?",
                    "synkinesis", ["nerve_transfer"], [])
    assert "specific_risks" in facts and "botox" not in facts


@pytest.mark.parametrize("text", [
    "How often do you manage it, and what happens when the damage is too extensive for it?",
    "Is that common? And if the nerve gap is too big for it, what then?"])
def test_it_pointing_back_does_not_hold_a_question_whose_words_ask_for_another(text: str) -> None:
    """After the nerve repair: a gap or damage too big for it asks for the graft, not the repair again."""
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_risks", text, slots={
        "topic": "procedure_info", "procedure": "nerve_repair", "recent_procedures": ["nerve_repair"]},
        ranking=[{"name": "ask_risks", "confidence": 0.6}]))
    assert "nerve grafting may be necessary" in texts(messages)


def test_the_other_one_of_a_pair_is_asked_about_not_the_one_discussed(sqlite_kb: KnowledgeBase) -> None:
    """After static restoration: "the other kind" is dynamic restoration (the lifts, also done for
    symmetry at rest, are no answer to it)."""
    facts = _answer(sqlite_kb, "Will it ever let me smile, and what is the other kind for?", "procedure_info",
                    [], ["static_restoration"])
    catalogue = FactRanker(sqlite_kb).catalogue
    assert any("dynamic_restoration" in catalogue[f].fact.procedure_ids for f in facts)
