"""Rasa graph component around ``nlp.intent_model``: trains it, stores it, sets intent and ranking.

It reads the spaCy doc that SpacyNLP put on each message (so the entity ruler's clinic terms and
the lookup lemmas are there) and needs no Rasa featurizer. Everything that is not Rasa plumbing
lives in ``nlp/intent_model.py``. The fitted model is stored as plain data (``nlp/intent_store.py``):
loading a model through Rasa's API can never run code.

Rasa's training cache fingerprints this class by its own source and config only. Its
``fingerprint_addon`` adds a hash of the modules that compute the features and the probabilities
and of the spaCy pipeline's build stamp, so changing any of them retrains the classifier instead of
reusing a stale one from the cache.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlp.fingerprint import code_fingerprint
from nlp.intent_model import IntentModel, focused_rank, message_features, part_rankings
from nlp.intent_store import PlainIntentModel

log = logging.getLogger(__name__)

QUESTION_PARTS_KEY = "question_parts"
DEPENDENCIES = ("nlp/intent_model.py", "nlp/intent_store.py", "models/spacy/clinic_en/clinic_build.json")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(GraphComponent):
    """Intent classification with a calibrated linear SVM (see ``nlp/intent_model.py`` for why)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"regularisation": 1.0, "ranking_length": 10, "random_seed": 42}

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn", "numpy", "spacy"]

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """What Rasa's cache key misses: the code and the spaCy pipeline this component depends on."""
        return code_fingerprint(DEPENDENCIES)

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 model: PlainIntentModel | None = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> LinearIntentClassifier:
        with model_storage.read_from(resource) as directory:
            model = PlainIntentModel.load(directory)
        return cls(config, model_storage, resource, model)

    def train(self, training_data: TrainingData) -> Resource:
        features, intents = [], []
        for example in training_data.intent_examples:
            doc = example.get(SPACY_DOCS[TEXT])
            if doc is not None and example.get(INTENT):
                features.append(message_features(doc))
                intents.append(example.get(INTENT))
        trained = IntentModel(self._config["regularisation"], self._config["random_seed"]).fit(features, intents)
        if trained.plain is None:
            raise ValueError("the intent model did not train")
        self._model = trained.plain
        with self._model_storage.write_to(self._resource) as directory:
            trained.plain.save(directory)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            doc = message.get(SPACY_DOCS[TEXT])
            if doc is None or self._model is None:
                continue
            ranking = [{INTENT_NAME_KEY: score.intent, PREDICTED_CONFIDENCE_KEY: score.confidence}
                       for score in focused_rank(self._model, doc, self._config["ranking_length"])]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            # each question of a several-question message on its own (read by actions/fact_selection.py)
            message.set(QUESTION_PARTS_KEY, part_rankings(self._model, doc), add_to_output=True)
        return messages
