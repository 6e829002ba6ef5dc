"""Greetings, thanks and goodbyes in other languages (nlp/courtesy.py) and the Spanish reply to one. Phrasings
written for these tests, not taken from a held-out set."""

from __future__ import annotations

from typing import Any

import pytest

from actions.conversation import ActionSmallTalk
from nlp.courtesy import courtesy_intent
from tests.unit.test_actions import run, texts, tracker


@pytest.mark.parametrize(("text", "intent"), [
    ("Guten Morgen!", "greet"),
    ("Bonjour Claire", "greet"),
    ("Arigatou gozaimasu", "thank"),
    ("Cảm ơn!!", "thank"),
    ("Obrigada, tchau", "goodbye"),
    ("Salamat po", "thank"),
    ("Спасибо", "thank"),
    ("Hwyl fawr", "goodbye"),
])
def test_a_courtesy_in_another_language_is_small_talk(text: str, intent: str) -> None:
    assert courtesy_intent(text) == intent


@pytest.mark.parametrize("text", [
    "Danke, but how long is the recovery after a nerve graft?",
    "Hola, ¿cuánto tiempo dura la operación?",
    "thanks",          # English courtesy is the classifier's
    "ok",
    "",
    "merci " * 50,     # longer than any courtesy
])
def test_questions_english_and_long_messages_are_left_to_the_classifier(text: str) -> None:
    assert courtesy_intent(text) is None


def test_a_spanish_greeting_is_greeted_in_spanish_then_pointed_to_the_front_desk(use_kb: Any) -> None:
    entities = [{"entity": "language", "value": "es", "extractor": "RedFlagDetector"}]
    messages, _ = run(ActionSmallTalk(), tracker("greet", "¡Hola, buenas tardes!", entities=entities))
    assert messages[0]["text"] == "¡Hola!"
    assert "solo puedo responder en inglés" in texts(messages)
