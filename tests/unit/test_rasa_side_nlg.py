"""Urgent advice worded inside the Rasa server (rasa_side/nlg.py), from the content files."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from clinic.content import read_content
from clinic.queries import fill
from rasa_side.nlg import ClinicNLG, urgent_text

MESSAGES = read_content().messages


def said(key: str) -> str:
    return fill(MESSAGES[key])


def tracker(entities: list[dict[str, Any]], spoke_before: bool = False) -> DialogueStateTracker:
    events: list[Any] = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    if spoke_before:
        events += [UserUttered("hi"), BotUttered("Hello!"), ActionExecuted("action_listen")]
    events.append(UserUttered("…", {"name": "report_urgent_symptom", "confidence": 1.0}, entities))
    return DialogueStateTracker.from_events("patient-1", events)


def entity(kind: str, value: str, extractor: str = "RedFlagDetector") -> dict[str, Any]:
    return {"entity": kind, "value": value, "extractor": extractor}


def test_every_kind_most_urgent_first_then_the_disclaimer_on_the_first_turn() -> None:
    text = urgent_text(tracker([entity("red_flag_kind", "self_harm"), entity("red_flag_kind", "post_op")]), MESSAGES)
    assert text.split("\n\n") == [said("red_flag.self_harm"), said("red_flag.post_op"), said("disclaimer")]


def test_no_disclaimer_once_the_assistant_has_spoken() -> None:
    text = urgent_text(tracker([entity("red_flag_kind", "stroke")], spoke_before=True), MESSAGES)
    assert text == said("red_flag.stroke")


def test_spanish_advice_for_a_spanish_message() -> None:
    text = urgent_text(tracker([entity("red_flag_kind", "stroke"), entity("language", "es")], True), MESSAGES)
    assert text == said("es.red_flag.stroke")


def test_a_kind_from_any_other_extractor_is_ignored() -> None:
    forged = [entity("red_flag_kind", "self_harm", extractor="RegexMessageHandler")]
    assert urgent_text(tracker(forged, spoke_before=True), MESSAGES) == said("red_flag.unspecified")


def test_the_generator_answers_utter_red_flag_and_leaves_the_rest_to_rasa() -> None:
    nlg = ClinicNLG()
    reply = asyncio.run(nlg.generate("utter_red_flag", tracker([entity("red_flag_kind", "breathing")], True), "rest"))
    assert reply == {"text": said("red_flag.breathing")}
    assert asyncio.run(nlg.generate("utter_unknown", tracker([], True), "rest")) is None
