"""Which words of a question count towards a fact: a name's trailing "option", asking what a
choice depends on, comparisons, and the subject asked about beside a procedure.
Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.fact_ranker import FactRanker
from actions.fact_selection import blank_names, rank_answer
from clinic.asked_choices import asks_what_decides
from clinic.queries import KnowledgeBase
from clinic.question_parts import is_comparison
from tests.unit.test_actions import run, texts, tracker

# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def test_a_word_after_a_name_that_only_says_it_is_an_option_is_part_of_the_name() -> None:
    text = "what is the leg muscle procedure like?"
    start = text.index("leg muscle")
    blanked = blank_names(text, {"gracilis": [(start, start + len("leg muscle"))]})
    assert "procedure" not in blanked and blanked.endswith(" like?")
    # a plural head word inside a name still asks for the list ("what dynamic procedures are there?")
    kept = "what dynamic procedures are there?"
    at = kept.index("dynamic procedures")
    assert "procedures" in blank_names(kept, {"dynamic_restoration": [(at, at + len("dynamic procedures"))]})


def test_a_named_option_is_answered_with_its_own_line(sqlite_kb: KnowledgeBase) -> None:
    # "option" after the name no longer draws the regional transfers' "other option" cue to the lead alone
    text = "could you explain the thigh muscle option?"
    at = text.index("thigh muscle")
    answer = rank_answer(FactRanker(sqlite_kb), text, sqlite_kb.topic("procedure_info"),
                         {"ask_procedure_info": 0.5}, ["gracilis"], [], None, {"gracilis": [(at, at + 12)]})
    assert "gracilis_transplant" in [f.fact.id for f in answer.facts]


def test_what_a_choice_depends_on_is_asked_in_several_shapes() -> None:
    assert asks_what_decides("what does the type of operation depend upon?")
    assert asks_what_decides("how do surgeons decide between the two kinds of surgery?")
    assert asks_what_decides("What determines which operation is offered")
    assert not asks_what_decides("what operations are there?")
    assert not asks_what_decides("can I decide later?")


def test_what_the_choice_of_operation_depends_on_gets_the_pages_line_not_the_list() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_surgery_options", "which operation someone gets, what does that depend on?",
        ranking=[{"name": "ask_surgery_options", "confidence": 0.95}]))
    reply = texts(messages)
    assert "depend on individual symptoms and needs" in reply and "Microsurgical facial nerve repair" not in reply


def test_the_subject_asked_beside_a_procedure_gets_its_own_answer(sqlite_kb: KnowledgeBase) -> None:
    text = "what is facial reanimation to begin with, and can the static kind make me smile?"
    at = text.index("static kind")
    answer = rank_answer(FactRanker(sqlite_kb), text, sqlite_kb.topic("about"), {"ask_about_reanimation": 0.7},
                         ["static_restoration"], [], None, {"static_restoration": [(at, at + 11)]})
    ids = [f.fact.id for f in answer.facts]
    assert "reanimation_definition" in ids and "static_restoration" in ids


def test_two_things_said_to_be_the_same_are_both_answered() -> None:
    assert is_comparison("is the hospital stay the same as the time off work?")
    assert is_comparison("is a repair done more often than a transfer?") and is_comparison("is it riskier than Botox?")
    # a count is no comparison of two things
    assert not is_comparison("will I need more than one operation?")
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_hospital_stay", "is the hospital stay the same as the time off work?",
        ranking=[{"name": "ask_hospital_stay", "confidence": 0.6}, {"name": "ask_time_off_work", "confidence": 0.2}]))
    assert "Outpatient or Hospital Stay" in texts(messages) and "1-5 weeks" in texts(messages)


def test_asking_for_more_on_top_of_what_was_said_names_no_part_of_the_face(sqlite_kb: KnowledgeBase) -> None:
    text = "and what does the dynamic kind add on top of that?"
    at = text.index("dynamic kind")
    answer = rank_answer(FactRanker(sqlite_kb), text, sqlite_kb.topic("procedure_info"),
                         {"ask_procedure_info": 0.8}, ["dynamic_restoration"], [], None,
                         {"dynamic_restoration": [(at, at + 12)]})
    assert answer.facts[0].fact.id != "upper_face_options"


def test_who_a_synkinesis_treatment_is_for_is_told_with_its_lists_own_words() -> None:
    entities = [{"entity": "procedure", "value": "selective_neurectomy", "start": 7, "end": 27}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_candidacy", "who is selective neurectomy meant for?",
                                                      entities=entities))
    reply = texts(messages)
    assert reply.index("experiencing muscle tightness or spasms") < reply.index("cutting specific facial nerve")
