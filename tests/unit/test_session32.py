"""Session 32: a patient who says movement is not what they are after but a face that looks even is told
what the static kind of surgery is for and what it is done with, whichever topic the words resemble.
Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.did_you_mean import ActionDidYouMean
from clinic.asked_for import wants_even_not_moving
from tests.unit.test_actions import run, texts, tracker

STATIC_AIM = "appear more symmetric at rest"
LIFTS = "face lifts and browlifts to restore symmetry"


# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


@pytest.mark.parametrize("text", [
    "Movement doesn't matter to me, I'd like it balanced when I'm relaxed.",
    "i'm not too worried about smiling, i'd settle for looking less wonky",
    "I don't need it to move again. Can it be made symmetrical?",
    "not really interested in getting expressions back, just want things level"])
def test_movement_not_wanted_and_an_even_face_wanted(text: str) -> None:
    assert wants_even_not_moving(text)


@pytest.mark.parametrize("text", [
    "I don't care what it costs, I want my smile back and my face even",
    "I don't mind if the smile is imperfect, even a bit of movement would help",
    "Will static restoration make my face symmetrical?",
    "I don't need to smile like before, but can my eye close again?",
    "I don't even care about smiling now, my dry eye is what I want fixed",
    "Movement is important to me, as well as looking symmetrical"])
def test_movement_wanted_or_no_even_face_is_not_that(text: str) -> None:
    assert not wants_even_not_moving(text)


@pytest.mark.parametrize("intent", ["ask_synkinesis", "ask_results", "ask_surgery_options"])
def test_an_even_face_without_movement_gets_the_static_kind_whatever_the_topic(intent: str) -> None:
    """The classifier reads "even when relaxed" as tightness, "look even" as results: the case decides."""
    text = ("Smiling isn't a priority for me any more. I'd just like my face to look balanced in pictures. "
            "What could be done?")
    messages, events = run(ActionAnswerQuestion(), tracker(intent, text))
    said = texts(messages)
    assert STATIC_AIM in said and LIFTS in said, said
    assert "Botox" not in said


def test_the_case_before_a_short_follow_up_counts() -> None:
    previous = "To be honest I'm not fussed about moving my face again, I want it to be more even, that's all."
    events = [{"event": "user", "text": previous, "parse_data": {"intent": {"name": "ask_results", "confidence": 0.5},
                                                                  "entities": []}},
              {"event": "action", "name": "action_answer_question"}, {"event": "bot", "text": "..."},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": "so what could you do for me?", "parse_data": {}}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_options", "so what could you do for me?",
                                                      events=events))
    assert LIFTS in texts(messages)


def test_whether_surgery_is_open_to_them_keeps_its_frame_and_adds_the_static_option() -> None:
    text = "I'm 82 and not bothered about movement, I just want to look less lopsided. Could I still have surgery?"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_candidacy", text))
    said = texts(messages)
    assert "only your surgeon" in said.lower() and LIFTS in said, said


@pytest.mark.parametrize(("kind", "text", "wanted"), [
    ("static_restoration", "and which operations would that mean?", LIFTS),
    ("dynamic_restoration", "what sort of procedures does that include?", "Dynamic procedures may include")])
def test_procedures_of_the_kind_just_discussed_are_that_kinds_not_the_whole_list(kind: str, text: str,
                                                                                  wanted: str) -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_options", text,
                                                      slots={"procedure": kind, "topic": "procedure_info"}))
    said = texts(messages)
    assert wanted in "\n".join(said.split("\n")[:2]), said  # among the first two facts
    assert "1. Microsurgical facial nerve repair" not in said


def test_an_unsure_classifier_does_not_turn_such_a_case_into_a_question_back() -> None:
    text = "Getting my smile moving again doesn't matter to me. I'd like it level at rest. Any ideas?"
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", text, ranking=[
        {"name": "nlu_fallback", "confidence": 0.3}, {"name": "ask_personal_advice", "confidence": 0.25},
        {"name": "ask_results", "confidence": 0.2}]))
    assert STATIC_AIM in texts(messages)


@pytest.mark.parametrize(("text", "lead"), [
    ("which of the operations actually make a face move again?", "Dynamic procedures may include"),
    ("what kinds of surgery are only for symmetry?", LIFTS),
    ("the procedures that give you back a smile, what are they?", "Dynamic procedures may include")])
def test_procedures_asked_for_by_what_they_do_lead_the_overview(text: str, lead: str) -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_options", text))
    said = texts(messages)
    assert lead in said.split("\n")[0] and "Techniques include:" in said, said


def test_the_options_asked_for_plainly_keep_their_overview_alone() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_options", "what types of surgery are there?"))
    assert texts(messages).startswith("• There are two types of surgeries")


@pytest.mark.parametrize("text", ["so it won't let me smile again?", "ok so that one doesn't bring movement back?"])
def test_a_question_stated_of_the_kind_discussed_is_about_that_kind(text: str) -> None:
    """Said as a statement with a question mark: "it" and "that one" are the static kind just discussed, even
    though the words describe what the other kind does (movement, a smile)."""
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", text, slots={
        "procedure": "static_restoration", "topic": "procedure_info"}))
    said = texts(messages)
    assert "does not restore muscle movement" in said.split("\n")[0], said
