"""Session 36: a correction that rejects the last answer ("that's not quite what I asked, I meant ...") names no
subject it rejects, so the sibling of the procedure discussed is meant; "and the repair one?" after a nerve graft is
the nerve's repair, a sibling named by its last word; and "are they the only option?" asks for the others. Phrasings
written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.memory import sibling_named
from clinic.asked_choices import asks_alternatives
from clinic.corrections import correction
from clinic.queries import KnowledgeBase
from tests.unit.test_actions import SPOKE, run, texts, tracker, user_event

# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


@pytest.mark.parametrize("text", [
    "that's not quite what I asked, I meant the kind that brings movement back",
    "no, not what I wanted to know. I meant the other type",
    "not the one I meant, sorry, the kind that moves",
])
def test_rejecting_the_last_answer_names_nothing_rejected(text: str) -> None:
    fix = correction(text)
    assert fix is not None and fix.not_meant == ""


def test_a_subject_rejected_by_name_is_still_read() -> None:
    fix = correction("no, I meant time off work, not the full recovery")
    assert fix is not None and fix.not_meant == "full recovery"


def test_the_other_kind_is_meant_when_the_answer_was_rejected() -> None:
    text = "that's not quite what I asked, I meant the kind that brings movement back"
    events = [*SPOKE, {"event": "slot", "name": "procedure", "value": "static_restoration"},
              {"event": "slot", "name": "topic", "value": "options"}, user_event("ask_results", text)]
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_results", text, slots={"procedure": "static_restoration", "topic": "options"}, events=events))
    said = texts(messages)
    assert "also restores movement" in said
    assert "does not restore muscle movement" not in said.split("\n")[0]


@pytest.mark.parametrize(("text", "discussed", "meant"), [
    ("and the repair one?", "nerve_graft", "nerve_repair"),
    ("what about the transfer one", "nerve_graft", "nerve_transfer"),
    ("and the transfer one", "nerve_repair", "nerve_transfer"),
])
def test_a_sibling_is_named_by_its_last_word(sqlite_kb: KnowledgeBase, text: str, discussed: str,
                                              meant: str) -> None:
    ids = list(sqlite_kb.content().procedures)
    assert list(sibling_named(text, discussed, ids)) == [meant]


def test_no_sibling_without_one_of_the_same_family(sqlite_kb: KnowledgeBase) -> None:
    ids = list(sqlite_kb.content().procedures)
    assert sibling_named("and the transfer one", "gracilis", ids) == {}
    assert sibling_named("and the other one", "nerve_graft", ids) == {}


@pytest.mark.parametrize("text", ["are they the only option for the tightness?", "is surgery the only way?"])
def test_the_only_option_asks_for_the_others(text: str) -> None:
    assert asks_alternatives(text)
