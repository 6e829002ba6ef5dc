"""Rasa graph component: a message that shares no word with the clinic's questions is out of scope.

DIET must put every message in some intent, and on text unlike anything it has seen ("blue",
"tell me a joke") it is often confidently wrong, so a confidence threshold cannot catch it. This
component learns, at training time, the words of every in-scope training example; at run time a
message with none of them (allowing one typo in longer words) and no recognised clinic term is
re-labelled ``out_of_scope``. It sits after DIET and before the red-flag detector, which still
wins over everything.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlp.lexicon import Lexicon, content_words

VOCABULARY_FILE = "domain_vocabulary.json"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class DomainVocabularyGate(GraphComponent):
    """Re-labels messages without a single in-domain word as ``out_of_scope``."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"out_of_scope_intent": "out_of_scope", "entities": ["procedure", "treatment", "test"]}

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 words: set[str] | None = None) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._lexicon = Lexicon(words or set())

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> DomainVocabularyGate:
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> DomainVocabularyGate:
        try:
            with model_storage.read_from(resource) as directory:
                words = set(json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8")))
        except (ValueError, FileNotFoundError):
            words = set()
        return cls(config, model_storage, resource, words)

    def train(self, training_data: TrainingData) -> Resource:
        """In-domain words: used by in-scope examples at least as often (per example) as by
        out-of-scope ones, so generic words ("tell", "help", "clinic") do not open the gate."""
        inside: Counter[str] = Counter()
        outside: Counter[str] = Counter()
        for example in training_data.intent_examples:
            is_outside = example.get(INTENT) == self._config["out_of_scope_intent"]
            (outside if is_outside else inside).update(content_words(example.get(TEXT) or ""))
        n_inside = max(1, sum(1 for e in training_data.intent_examples
                              if e.get(INTENT) != self._config["out_of_scope_intent"]))
        n_outside = max(1, len(training_data.intent_examples) - n_inside)
        words = {w for w, count in inside.items() if count / n_inside >= outside[w] / n_outside}
        for synonym in training_data.entity_synonyms:
            words.update(content_words(synonym))
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(words)), encoding="utf-8")
        self._lexicon = Lexicon(words)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        if not self._lexicon:
            return messages
        for message in messages:
            words = content_words(message.get(TEXT) or "")
            named = any(e.get("entity") in self._config["entities"] for e in message.get(ENTITIES) or [])
            if words and not named and not any(word in self._lexicon for word in words):
                outside = {INTENT_NAME_KEY: self._config["out_of_scope_intent"], "confidence": 1.0}
                others = [{**r, "confidence": 0.0} for r in message.get(INTENT_RANKING_KEY) or []
                          if r.get(INTENT_NAME_KEY) != outside[INTENT_NAME_KEY]]
                message.set(INTENT, outside, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [outside, *others], add_to_output=True)
        return messages
