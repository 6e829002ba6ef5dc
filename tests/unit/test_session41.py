"""Session 41: a correction announced as one ("Correction: I wanted to ask about X, not Y"); a question announced as
about something else ("Other question: ...") leaves the procedure discussed before, which the conversation keeps; a
subject named before a dash ("Recovery - how long overall?") stays with its question; one animal asked about is
declined; text-speak with a digit ("b4") is read as its word. Phrasings written for these tests, not taken from a
held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.conversation import ActionSmallTalk
from clinic.corrections import correction
from clinic.question_parts import opens_new_subject
from clinic.question_split import split_questions
from nlp.off_topic import off_topic
from nlp.term_spelling import clinic_speller
from tests.unit.test_actions import STARTED, run, texts, tracker, user_event

pytestmark = pytest.mark.usefixtures("use_kb")


def _after(first_intent: str, first: str, slots: dict[str, object], intent: str, text: str) -> list[dict[str, object]]:
    return [*STARTED, user_event(first_intent, first), {"event": "bot", "text": "..."},
            *({"event": "slot", "name": k, "value": v} for k, v in slots.items()), user_event(intent, text)]


@pytest.mark.parametrize(("text", "meant", "not_meant"), [
    ("Correction: I meant to ask about the nerve graft, not the transfer.", "the nerve graft", "transfer"),
    ("I wanted to ask about physio, not Botox", "physio", "Botox"),
])
def test_a_correction_announced_as_one(text: str, meant: str, not_meant: str) -> None:
    fix = correction(text)
    assert fix is not None and fix.meant == meant and fix.not_meant == not_meant


def test_a_new_question_without_not_is_no_correction() -> None:
    assert correction("I wanted to ask about the recovery as well") is None


def test_a_correction_filed_as_small_talk_answers_what_was_meant() -> None:
    slots = {"procedure": "nerve_transfer", "topic": "procedure_info"}
    text = "Correction: I meant to ask about the cross-face graft, not the transfer."
    events = _after("ask_procedure_info", "what is a nerve transfer?", slots, "deny", text)
    start = text.index("cross-face")
    entities = [{"entity": "procedure", "value": "cross_face_nerve_graft", "start": start, "end": start + 16},
                {"entity": "procedure", "value": "nerve_transfer", "start": text.index("transfer"),
                 "end": text.index("transfer") + 8}]
    messages, _ = run(ActionSmallTalk(), tracker("deny", text, entities=entities, events=events, slots=slots))
    assert "Cross face nerve grafts utilize redundant nerve branches" in texts(messages)


@pytest.mark.parametrize(("text", "new"), [
    ("Another question: do patients stay overnight?", True),
    ("Different topic - how long is the stay in hospital?", True),
    ("Changing the subject, what does the eyelid weight do?", True),
    ("Another question about it: how long does it take?", False),
    ("Other options?", False),
])
def test_a_question_announced_as_new(text: str, new: bool) -> None:
    assert opens_new_subject(text) is new


def test_a_new_question_leaves_the_procedure_before() -> None:
    slots = {"procedure": "cross_face_nerve_graft", "topic": "procedure_info"}
    text = "Separate question: how many weeks would she need off her job afterwards?"
    events = _after("ask_procedure_info", "what is the cross-face graft?", slots, "ask_time_off_work", text)
    messages, produced = run(ActionAnswerQuestion(), tracker("ask_time_off_work", text, events=events, slots=slots))
    assert "1-5 weeks" in texts(messages)
    assert "redundant nerve branches" not in texts(messages)
    # the graft stays the procedure discussed, for "going back to the graft, ..."
    assert not any(e.get("name") == "procedure" and e.get("value") != "cross_face_nerve_graft" for e in produced)


def test_a_subject_before_a_dash_stays_with_its_question() -> None:
    assert split_questions("Scarring - is there much? Stay - is it overnight?") == [
        "Scarring - is there much", "Stay - is it overnight"]
    assert split_questions("how long is the op - and the risks?") == ["how long is the op", "and the risks"]


@pytest.mark.parametrize(("text", "subject"), [
    ("could a dog have this kind of operation?", "animal"),
    ("Can a pony get Bell's palsy?", "animal"),
    ("can a cat scan show the damaged nerve?", None),
])
def test_one_animal_asked_about_is_declined(text: str, subject: str | None) -> None:
    assert off_topic(text) == subject


def test_text_speak_with_a_digit_is_read_as_its_word() -> None:
    speller = clinic_speller()
    assert speller.correct("B4 the op, has any1 had gr8 results?") == "Before the op, has anyone had great results?"
    assert speller.correct("the B45 road, 4 weeks") == "the B45 road, 4 weeks"

