"""Session 27: which procedures a shorter message asks about, and a therapist who speaks.
Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

from typing import Any

import pytest

from actions.answers import ActionAnswerQuestion
from actions.named_procedures import asked_procedures, mentioned_procedures
from tests.unit.test_actions import run, slot_events, texts, tracker

# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def _entity(text: str, value: str, words: str, kind: str = "procedure", nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return {"entity": kind, "value": value, "start": start, "end": start + len(words)}


def test_a_shorter_message_asks_about_what_its_question_names() -> None:
    text = "I have read about nerve grafting and nerve transfers. How long does a nerve transfer take to work?"
    entities = [_entity(text, "nerve_graft", "nerve grafting"), _entity(text, "nerve_transfer", "nerve transfers"),
                _entity(text, "nerve_transfer", "nerve transfer", nth=1)]
    assert asked_procedures(tracker("ask_procedure_info", text, entities=entities)) == ["nerve_transfer"]
    # a question that names none of them asks about them all ("I'm having a graft. Will it hurt?")
    told = "My surgeon offered a nerve graft or a nerve transfer. Will it hurt much?"
    both = [_entity(told, "nerve_graft", "nerve graft"), _entity(told, "nerve_transfer", "nerve transfer")]
    assert asked_procedures(tracker("ask_pain", told, entities=both)) == ["nerve_graft", "nerve_transfer"]
    # a question that points back ("What is it?") keeps the sentence it points to
    back = "A friend had a cross face nerve graft. What is it? And is a nerve transfer similar?"
    pointed = [_entity(back, "cross_face_nerve_graft", "cross face nerve graft"),
               _entity(back, "nerve_transfer", "nerve transfer")]
    assert asked_procedures(tracker("ask_procedure_info", back, entities=pointed)) == [
        "cross_face_nerve_graft", "nerve_transfer"]
    # a second question without its "?" is asked too
    two = "Is a nerve graft possible for me? also how long does a nerve transfer take to work"
    asked = [_entity(two, "nerve_graft", "nerve graft"), _entity(two, "nerve_transfer", "nerve transfer")]
    assert asked_procedures(tracker("ask_procedure_info", two, entities=asked)) == ["nerve_graft", "nerve_transfer"]


def test_a_therapist_who_speaks_is_no_therapy_asked_about() -> None:
    text = "My physiotherapist suggested Botox for the tightness."
    entities = [_entity(text, "physical_therapy", "physiotherapist", "treatment"),
                _entity(text, "botox", "Botox", "treatment")]
    assert mentioned_procedures(tracker("ask_synkinesis", text, entities=entities)) == ["botox"]
    kept = "Does physio help more than Botox?"
    therapy = [_entity(kept, "physical_therapy", "physio", "treatment"), _entity(kept, "botox", "Botox", "treatment")]
    assert mentioned_procedures(tracker("ask_synkinesis", kept, entities=therapy)) == ["physical_therapy", "botox"]


def test_the_one_asked_about_is_answered_and_the_others_named_stay_listed() -> None:
    text = "Our physio talked about Botox and selective myectomy for synkinesis. How does Botox work?"
    entities = [_entity(text, "physical_therapy", "physio", "treatment"), _entity(text, "botox", "Botox", "treatment"),
                _entity(text, "selective_myectomy", "selective myectomy", "treatment"),
                _entity(text, "botox", "Botox", "treatment", nth=1)]
    messages, events = run(ActionAnswerQuestion(), tracker(
        "ask_synkinesis", text, entities=entities, ranking=[{"name": "ask_synkinesis", "confidence": 0.9}]))
    reply = texts(messages)
    assert "to block nerve signals" in reply and "massaging, stretching" not in reply
    # "and the second one?" is the second the patient named
    assert slot_events(events).get("listed_options") == ["botox", "selective_myectomy"]
