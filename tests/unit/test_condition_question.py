"""Asking in which case a procedure is used (session 20): "in which cases is it done?", "when would
I need a graft?", "if the nerve cannot be repaired, what do they do?".

The page says when two of its options apply ("When extensive nerve damage occurs, nerve grafting
may be necessary", regional muscle transfers "when nerve function cannot be restored"), in words a
question asking "in which case" need not share. A procedure described rather than named ("the
operation where a muscle is moved in from the thigh") was answered by its own description, whose
words the description matched, never by when it is used. The question now carries one more word for
asking in which case (``clinic.asking_condition``), and when an answer is ranked the facts that say
when they apply, of the procedures asked about, are lifted by it; asking when something happens to
the patient is not that question.
"""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from clinic.fact_ranking import FactEntry, FactIndex, words_of
from tests.unit.test_actions import run, texts, tracker

# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def _reply(text: str, intent: str) -> str:
    message = tracker(intent, text, ranking=[{"name": intent, "confidence": 0.9}])
    return texts(run(ActionAnswerQuestion(), message)[0])


def test_a_described_procedure_asked_in_which_case_gets_when_it_is_used() -> None:
    reply = _reply("That operation where a muscle is moved in from the thigh: in which cases is it done?",
                   "ask_procedure_info")
    assert "when nerve function cannot be restored" in reply, reply


@pytest.mark.parametrize("question", [
    "When would a surgeon use a nerve graft?",
    "in what situations do they do that one",
    "If my nerve cannot be fixed, what do they do?",
    "Why would they graft it instead of stitching it back?",
])
def test_asking_in_which_case_is_one_word_more(question: str) -> None:
    assert "whenused" in words_of(question), question


@pytest.mark.parametrize("question", [
    "When can I go back to work?",
    "when will I see results?",
    "When do the stitches come out?",
])
def test_asking_when_something_happens_is_not_that_question(question: str) -> None:
    assert "whenused" not in words_of(question), question


def test_only_a_fact_that_says_when_it_applies_is_lifted() -> None:
    facts = [FactEntry("graft", (), (), "When extensive damage occurs, a graft may be necessary."),
             FactEntry("repair", (), (), "Repair fixes the damaged part directly."),
             FactEntry("other", (), (), "Recovery takes weeks.")]
    index = FactIndex(facts)
    plain = index.lexical_scores("is a graft or a repair used for damage?", frozenset())
    asked = index.lexical_scores("in which cases is a graft or a repair used for damage?", frozenset())
    described = index.lexical_scores("in which cases is a graft or a repair used for damage?")
    assert described[0] - described[1] == pytest.approx(plain[0] - plain[1]), (plain, described)
    assert asked[0] - asked[1] > plain[0] - plain[1] + 0.5, (plain, asked)
    assert asked[1] == plain[1] and asked[2] == plain[2] == 0.0, (plain, asked)


def test_when_another_procedure_applies_is_not_asked_of_this_one() -> None:
    """"In which cases would they use it?" after a nerve transfer: not when grafting is needed."""
    facts = [FactEntry("graft", (), ("graft",), "When extensive damage occurs, a graft may be necessary."),
             FactEntry("transfer", (), ("transfer",), "A transfer bypasses the damaged part.")]
    index = FactIndex(facts)
    question = "in which cases would they use it?"
    assert index.lexical_scores(question, frozenset({"transfer"}))[0] == 0.0
    assert index.lexical_scores(question, frozenset())[0] > 0.0
