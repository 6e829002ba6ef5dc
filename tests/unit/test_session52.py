"""Session 52: what one can do oneself at home asks for the exercises, not about going home; a lid "working again" is
its function, not a job; "a one-off" and "one major operation" ask whether it is done in stages; a nerve with a section
gone is the graft's. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.fact_ranker import FactRanker
from clinic.queries import KnowledgeBase
from clinic.question_words import read_in_place, words_of

pytestmark = pytest.mark.usefixtures("use_kb")


def read(text: str) -> list[str]:
    words = words_of(text)
    return [read_in_place(words, at, question=True) for at in range(len(words))]


@pytest.mark.parametrize(("text", "fact"), [
    ("are there things my mum could try doing at home", "physical_therapy"),
    ("anything I can practise at home between appointments?", "physical_therapy"),
    ("can she go home on the same day?", "hospital_stay"),
    ("does he have to stay at home for a while after it?", "hospital_stay"),
    ("my lower lid hangs open, could an operation get the lid working again?", "eyelid_reanimation"),
    ("is it all done as a one-off, or spread out?", "individualized_in_stages"),
    ("would it be one major operation for him?", "individualized_in_stages"),
    ("will she need several ops, or more operations later on?", "individualized_in_stages"),
    ("a whole section of his nerve has gone, so what then?", "nerve_graft"),
])
def test_the_fact_asked_for(use_kb: KnowledgeBase, text: str, fact: str) -> None:
    assert FactRanker(use_kb).index.rank(text, {})[0].fact.id == fact, text


def test_home_is_exercises_only_where_something_is_done_there() -> None:
    assert "exercises" in read("what can I do at home")
    assert "exercises" not in read("do I have to stay at home for long")
    assert "exercises" not in read("when can I go home")


def test_a_lid_that_works_is_its_function() -> None:
    assert "function" in read("get the lid working again")
    assert "function" not in read("when can I get back to working again")
