"""Rasa graph component: the message guard (``nlp/message_guard.py``) as the first pipeline step.

It runs before spaCy builds its document, so every later step (tokenizer, classifier, entity
ruler, red-flag rules) reads the guarded text: format characters removed, at most
``MAX_UNDERSTOOD_CHARS`` characters, and a leading "/" kept only for a payload the assistant
offers. Rasa's own ``RegexMessageHandler`` runs after the pipeline on this same text, so a payload
the guard refused can no longer replace the understanding of the message. What the guard noticed
travels with the message as ``GUARD_PROPERTY`` for the red-flag component to act on.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlp.message_guard import MAX_UNDERSTOOD_CHARS, default_allow_list, guard

log = logging.getLogger(__name__)

GUARD_PROPERTY = "clinic_guard"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class InputGuard(GraphComponent):
    """Cleans and bounds every message's text before anything else reads it."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"max_characters": MAX_UNDERSTOOD_CHARS}

    def __init__(self, config: dict[str, Any]) -> None:
        self._limit = int(config["max_characters"])
        self._payloads = default_allow_list()  # fails at load time on a bad allow-list

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InputGuard:
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            original = message.get(TEXT)
            if not isinstance(original, str):
                continue
            guarded = guard(original, self._payloads, self._limit)
            if guarded.too_long or guarded.payload_rejected:
                log.info("message guarded: %d characters, too long %s, payload refused %s",
                         len(original), guarded.too_long, guarded.payload_rejected)
            message.set(TEXT, guarded.text)
            message.set(GUARD_PROPERTY, guarded)
        return messages
