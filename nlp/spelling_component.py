"""Rasa graph component: the clinic's misspelt words read back (``nlp/term_spelling.py``), right
after the input guard and before spaCy builds its document.

Why before everything else: the entity ruler matches the vocabulary's phrases as typed, and the
classifier weighs the words it was trained on; a misspelt procedure name ("a brow lfit") was no
procedure for either, and the message went to out of scope. The red-flag rules do not read the
corrected text: they read what was typed (``RedFlagDetector._as_typed``), with their own, wider typo
tolerance (``nlp/red_flags/normalizer.py``), so a correction never decides an emergency.
Training examples pass unchanged: their misspellings were written on purpose.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlp.input_guard_component import GUARD_PROPERTY
from nlp.term_spelling import TermSpeller, clinic_speller


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class ClinicSpelling(GraphComponent):
    """Rewrites misspelt clinic words in every message's text before it is understood."""

    def __init__(self, speller: TermSpeller) -> None:
        self._speller = speller

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ClinicSpelling:
        return cls(clinic_speller())

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            guarded = message.get(GUARD_PROPERTY)
            language = getattr(guarded, "language", "en")  # a Spanish message is not read as English
            if isinstance(text, str) and not text.startswith("/"):  # an offered payload stays as it is
                message.set(TEXT, self._speller.correct(text, language))
        return messages
