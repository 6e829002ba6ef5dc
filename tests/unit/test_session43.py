"""Session 43: "which muscles do they use?" asks for the muscles' names (the facts naming them lead, the named
procedure's first); "on the table" is the operation's length; nerve ends that are "not meeting" call for a graft;
a subject before a comma leads into a question ("and the eyelid one, how different"); a message the classifier was
unsure of that asks two things is not answered with the overview of the topic one of them names. Phrasings written
for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.did_you_mean import ActionDidYouMean
from actions.fact_ranker import FactRanker
from clinic.queries import KnowledgeBase
from clinic.question_parts import looks_like_question
from tests.unit.test_actions import run, texts, tracker

pytestmark = pytest.mark.usefixtures("use_kb")

_UNSURE = {"ask_procedure_info": 0.3, "ask_surgery_options": 0.3, "ask_recovery": 0.2}


def _top(kb: KnowledgeBase, text: str, confidence: dict[str, float] | None = None, named: list[str] | None = None,
         count: int = 1) -> list[str]:
    ranker = FactRanker(kb)
    weights = ranker.topic_weights(text, confidence or _UNSURE, None)
    return [scored.fact.id for scored in ranker.ranked(text, weights, named or [], [])[:count]]


def test_which_muscles_asks_for_the_facts_that_name_them(use_kb: KnowledgeBase) -> None:
    top = _top(use_kb, "Which muscles do they use to get a smile going?", count=2)
    assert set(top) == {"regional_muscle_transfer", "gracilis_transplant"}


def test_which_muscle_of_a_named_transplant_is_the_transplant(use_kb: KnowledgeBase) -> None:
    assert _top(use_kb, "which muscle goes in for a muscle transplant?", named=["gracilis"]) == ["gracilis_transplant"]


def test_on_the_table_is_the_operation_time(use_kb: KnowledgeBase) -> None:
    assert _top(use_kb, "how long will he be on the table?") == ["surgery_time"]


def test_nerve_ends_that_do_not_meet_are_the_graft(use_kb: KnowledgeBase) -> None:
    text = "His nerve was cut in a fall at work and the ends are not meeting. What is done then?"
    assert _top(use_kb, text, {"ask_procedure_info": 0.7}) == ["nerve_graft"]


@pytest.mark.parametrize(("text", "question"), [
    ("and the eyelid one, how different", True),
    ("my son, how long off school", True),
    ("Last spring, I saw a surgeon", False),
    ("ok thanks, bye", False),
])
def test_a_subject_before_a_comma_leads_into_a_question(text: str, question: bool) -> None:
    assert looks_like_question(text) is question


def test_an_unsure_message_asking_two_things_answers_both() -> None:
    text = "What does reanimation actually mean, and how many kinds of surgery are there?"
    ranking = [{"name": "nlu_fallback", "confidence": 0.25}, {"name": "ask_surgery_options", "confidence": 0.47},
               {"name": "ask_about_reanimation", "confidence": 0.39}]
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", text, ranking=ranking))
    said = texts(messages)
    assert "surgical interventions intended to restore movement" in said
    assert "two types of surgeries" in said
