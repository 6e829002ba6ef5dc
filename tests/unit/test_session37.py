"""Session 37: a question without its "?" in the second sentence of a message ("My GP mentioned a neurectomy.
what does that involve") is still a question, so a procedure it names is answered whatever the classifier made
of it; a correction keeps the "not" of its own question ("no, not the graft. what if the muscle is not moving
after it?") and its chatty fillers ("nah", "sry") are no part of what was meant. Phrasings written for these
tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.conversation import ActionOutOfScope
from clinic.corrections import correction
from clinic.question_parts import looks_like_question
from tests.unit.test_actions import run, texts, tracker

# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


@pytest.mark.parametrize("text", [
    "My GP mentioned a neurectomy. what does that involve",
    "hi there. so how long is the hospital stay",
    "Thank you. Could you explain the nerve graft",
])
def test_a_later_sentence_can_be_the_question(text: str) -> None:
    assert looks_like_question(text)


@pytest.mark.parametrize("text", ["My GP mentioned a neurectomy. It sounds scary", "ok. thanks a lot", "what"])
def test_statements_are_no_question(text: str) -> None:
    assert not looks_like_question(text)


def test_a_named_procedure_asked_about_in_a_later_sentence_is_answered() -> None:
    text = "Good morning. The letter from the hospital says selective neurectomy. what does that mean"
    entities = [{"entity": "procedure", "value": "selective_neurectomy", "extractor": "RegexEntityExtractor"}]
    messages, _ = run(ActionOutOfScope(), tracker("out_of_scope", text, entities=entities))
    assert "cutting specific facial nerve branches" in texts(messages)


def test_a_correction_keeps_the_not_of_its_own_question() -> None:
    fix = correction("no, not the graft. what happens if the muscle is not moving after the transfer?")
    assert fix is not None and fix.not_meant == "graft"
    assert "not moving" in fix.meant and "muscle" in fix.meant


@pytest.mark.parametrize(("text", "meant"), [
    ("nah sorry, I meant the physio one", "the physio"),
    ("wait sry I meant the eyelid one not the brow one", "the eyelid"),
])
def test_chatty_fillers_are_no_part_of_what_was_meant(text: str, meant: str) -> None:
    fix = correction(text)
    assert fix is not None and fix.meant == meant
