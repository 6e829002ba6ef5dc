"""Session 47: a correction that points at another option by what it is for, while what it rules out names no
procedure ("I meant the one for his eye, not his smile"), is answered for the option its words describe; one that
keeps the procedure and changes what it is asked for ("I meant for the tightness, not for the paralysis") keeps
the procedure. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from tests.unit.test_actions import after_one_answer, run, texts, tracker

pytestmark = pytest.mark.usefixtures("use_kb")


@pytest.mark.parametrize("text", ["oops, I meant the one for his eye not his smile, it stays open at night",
                                  "no sorry, the eye one, not the smile one"])
def test_a_correction_pointing_at_another_option_answers_that_option(text: str) -> None:
    slots = {"procedure": "cross_face_nerve_graft", "topic": "procedure_info"}
    first = "how does the graft from the healthy side of the face work?"
    events = after_one_answer("ask_procedure_info", first, slots, "ask_eye_treatment", text)
    messages, produced = run(ActionAnswerQuestion(), tracker("ask_eye_treatment", text, events=events, slots=slots))
    assert "Eyelid reanimation surgery can improve blinking" in texts(messages)
    assert any(e.get("name") == "procedure" and e.get("value") == "eyelid_reanimation" for e in produced)


def test_a_correction_of_what_a_procedure_is_for_keeps_the_procedure() -> None:
    text = "I meant for the tight pulling after the palsy, not for the paralysis itself"
    slots = {"procedure": "botox", "topic": "synkinesis"}
    events = after_one_answer("ask_synkinesis", "Can Botox help facial paralysis?", slots, "ask_synkinesis", text)
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_synkinesis", text, events=events, slots=slots))
    assert "block nerve signals" in texts(messages)
