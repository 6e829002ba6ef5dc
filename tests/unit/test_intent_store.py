"""The intent model stored as plain data: same probabilities as scikit-learn, and no code on load."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest
import spacy

from nlp.intent_model import IntentModel, message_features, rank
from nlp.intent_store import ARRAYS_FILE, JSON_FILE, PlainIntentModel

EXAMPLES = {
    "ask_risks": ["what are the risks", "is it dangerous", "complications of surgery", "side effects",
                  "can it go wrong", "how safe is it"],
    "ask_pain": ["does it hurt", "is it painful", "how much pain after", "pain after the gracilis",
                 "will i be sore", "painkillers after surgery"],
    "greet": ["hi", "hello", "hey there", "good morning", "hiya", "hello bot"],
}
PROBES = ["what could go wrong", "will the gracilis hurt", "hi there", "zzz", "", "risks and pain 😀"]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


@pytest.fixture(scope="module", params=[3, 2], ids=["three intents", "two intents"])
def fitted(request: pytest.FixtureRequest, nlp: spacy.language.Language) -> IntentModel:
    intents = list(EXAMPLES)[: request.param]
    features = [message_features(nlp(text)) for intent in intents for text in EXAMPLES[intent]]
    labels = [intent for intent in intents for _ in EXAMPLES[intent]]
    return IntentModel().fit(features, labels)


def test_plain_model_gives_scikit_learns_probabilities(fitted: IntentModel, nlp, tmp_path: Path) -> None:
    assert fitted.plain is not None
    fitted.plain.save(tmp_path)
    loaded = PlainIntentModel.load(tmp_path)
    features = [message_features(nlp(text)) for text in PROBES]
    expected = fitted.fitted_probabilities(features)
    for row, feature in zip(expected, features, strict=True):
        ranking = {score.intent: score.confidence for score in rank(loaded, feature)}
        assert np.allclose([ranking[i] for i in fitted.intents], row, atol=1e-12)


def test_saved_model_is_json_and_numbers_only(fitted: IntentModel, tmp_path: Path) -> None:
    assert fitted.plain is not None
    fitted.plain.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([JSON_FILE, ARRAYS_FILE])
    json.loads((tmp_path / JSON_FILE).read_text(encoding="utf-8"))
    with np.load(tmp_path / ARRAYS_FILE, allow_pickle=False) as arrays:
        assert all(arrays[name].dtype.kind == "f" for name in arrays.files)


class Payload:
    def __reduce__(self):
        return (Path("/tmp/never-created-by-a-model-load").touch, ())


def test_loading_never_unpickles(fitted: IntentModel, tmp_path: Path) -> None:
    assert fitted.plain is not None
    fitted.plain.save(tmp_path)
    arrays = dict(np.load(tmp_path / ARRAYS_FILE, allow_pickle=False))
    arrays["coef"] = np.array([Payload()], dtype=object)  # a model replaced through the API
    np.savez(tmp_path / ARRAYS_FILE, **arrays)
    with pytest.raises(ValueError, match="pickle"):
        PlainIntentModel.load(tmp_path)
    assert not Path("/tmp/never-created-by-a-model-load").exists()
    (tmp_path / JSON_FILE).write_bytes(pickle.dumps({"format": 1}))
    with pytest.raises(ValueError):
        PlainIntentModel.load(tmp_path)
