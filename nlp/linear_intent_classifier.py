"""Rasa graph component around ``nlp.intent_model``: trains it, stores it, sets intent and ranking.

It reads the spaCy doc that SpacyNLP put on each message (so the entity ruler's clinic terms and
the lookup lemmas are there) and needs no Rasa featurizer. Everything that is not Rasa plumbing
lives in ``nlp/intent_model.py``.
"""

from __future__ import annotations

import logging
from typing import Any

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlp.intent_model import IntentModel, message_features

log = logging.getLogger(__name__)

MODEL_FILE = "intent_model.joblib"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(GraphComponent):
    """Intent classification with a calibrated linear SVM (see ``nlp/intent_model.py`` for why)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"regularisation": 1.0, "ranking_length": 10, "random_seed": 42}

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 model: IntentModel | None = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._model = model or IntentModel(self._config["regularisation"], self._config["random_seed"])

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> LinearIntentClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                model = joblib.load(directory / MODEL_FILE)
        except (ValueError, FileNotFoundError):
            log.warning("no trained intent model found; every message will go unclassified")
            model = None
        return cls(config, model_storage, resource, model)

    def train(self, training_data: TrainingData) -> Resource:
        features, intents = [], []
        for example in training_data.intent_examples:
            doc = example.get(SPACY_DOCS[TEXT])
            if doc is not None and example.get(INTENT):
                features.append(message_features(doc))
                intents.append(example.get(INTENT))
        self._model.fit(features, intents)
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self._model, directory / MODEL_FILE)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            doc = message.get(SPACY_DOCS[TEXT])
            if doc is None or not self._model.trained:
                continue
            ranking = [{INTENT_NAME_KEY: score.intent, PREDICTED_CONFIDENCE_KEY: score.confidence}
                       for score in self._model.rank(message_features(doc), self._config["ranking_length"])]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
