"""The trained intent classifier as plain data, and its ranking computed from that data alone.

A Rasa model can be replaced through the HTTP API, so loading one must never run code: pickle and
joblib files do exactly that. Here a trained ``nlp.intent_model.IntentModel`` is exported to
- ``intent_model.json``: the format version, the intents and the two tf-idf vocabularies (term lists);
- ``intent_model.npz``: numbers only (idf weights; per calibration fold the SVM's coefficients and
  intercepts and the sigmoid calibration's slope and offset per intent), read with
  ``allow_pickle=False``.
``PlainIntentModel.rank`` recomputes scikit-learn's ``predict_proba`` of the calibrated pipeline
(tf-idf with sublinear tf and l2 norm per view, one-vs-rest decision values, Platt sigmoid per
intent, normalised, averaged over folds); a unit test holds it to scikit-learn's own numbers.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

FORMAT_VERSION = 1
JSON_FILE = "intent_model.json"
ARRAYS_FILE = "intent_model.npz"


@dataclass(frozen=True)
class IntentScore:
    intent: str
    confidence: float


@dataclass(frozen=True)
class TermWeights:
    """One tf-idf view: term -> column, and each column's idf."""

    index: dict[str, int]
    idf: np.ndarray

    def weights(self, terms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Columns and l2-normalised sublinear tf-idf values of the known terms."""
        counts = Counter(t for t in terms if t in self.index)
        if not counts:
            return np.empty(0, dtype=np.int64), np.empty(0)
        columns = np.fromiter((self.index[t] for t in counts), dtype=np.int64, count=len(counts))
        values = (np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts))) + 1.0) * self.idf[columns]
        norm = np.sqrt(np.dot(values, values))
        return columns, values / norm if norm > 0 else values


@dataclass(frozen=True)
class PlainIntentModel:
    """Everything needed to rank intents, as JSON-able lists and float arrays."""

    intents: list[str]
    views: tuple[TermWeights, ...]
    coef: np.ndarray        # folds x scored classes x features
    intercept: np.ndarray   # folds x scored classes
    slope: np.ndarray       # folds x scored classes (sigmoid calibration a)
    offset: np.ndarray      # folds x scored classes (sigmoid calibration b)

    def probabilities(self, view_terms: Sequence[Sequence[str]]) -> np.ndarray:
        """Calibrated probability per intent for one message, given the terms of each view."""
        columns, values, start = [], [], 0
        for view, terms in zip(self.views, view_terms, strict=True):
            view_columns, view_values = view.weights(terms)
            columns.append(view_columns + start)
            values.append(view_values)
            start += len(view.idf)
        cols, vals = np.concatenate(columns), np.concatenate(values)
        decision = self.coef[:, :, cols] @ vals + self.intercept          # folds x scored classes
        calibrated = 1.0 / (1.0 + np.exp(self.slope * decision + self.offset))
        if len(self.intents) == 2:
            proba = np.stack([1.0 - calibrated[:, 0], calibrated[:, 0]], axis=1)
        else:
            totals = calibrated.sum(axis=1, keepdims=True)
            uniform = np.full_like(calibrated, 1.0 / len(self.intents))
            proba = np.divide(calibrated, totals, out=uniform, where=totals != 0)
        proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
        return proba.mean(axis=0)

    def rank(self, view_terms: Sequence[Sequence[str]], limit: int = 10) -> list[IntentScore]:
        probabilities = self.probabilities(view_terms)
        order = np.argsort(-probabilities, kind="stable")[:limit]
        return [IntentScore(self.intents[i], float(probabilities[i])) for i in order]

    def save(self, directory: Path) -> None:
        terms = [sorted(view.index, key=view.index.__getitem__) for view in self.views]
        (directory / JSON_FILE).write_text(json.dumps(
            {"format": FORMAT_VERSION, "intents": self.intents, "terms": terms}), encoding="utf-8")
        arrays = {f"idf_{n}": view.idf for n, view in enumerate(self.views)}
        np.savez(directory / ARRAYS_FILE, coef=self.coef, intercept=self.intercept, slope=self.slope,
                 offset=self.offset, **arrays)

    @classmethod
    def load(cls, directory: Path) -> PlainIntentModel:
        """Read a saved model; raises ValueError for anything but the plain format."""
        meta = json.loads((directory / JSON_FILE).read_text(encoding="utf-8"))
        if not isinstance(meta, dict) or meta.get("format") != FORMAT_VERSION:
            raise ValueError(f"{JSON_FILE}: not an intent model of format {FORMAT_VERSION}")
        with np.load(directory / ARRAYS_FILE, allow_pickle=False) as arrays:
            views = tuple(TermWeights({str(t): i for i, t in enumerate(terms)}, arrays[f"idf_{n}"].astype(np.float64))
                          for n, terms in enumerate(meta["terms"]))
            return cls([str(i) for i in meta["intents"]], views, arrays["coef"].astype(np.float64),
                       arrays["intercept"].astype(np.float64), arrays["slope"].astype(np.float64),
                       arrays["offset"].astype(np.float64))


def export(vectorisers: Sequence[Any], calibrated: Any) -> PlainIntentModel:
    """The plain form of fitted tf-idf ``vectorisers`` and a fitted sigmoid ``CalibratedClassifierCV``."""
    intents = [str(c) for c in calibrated.classes_]
    coef, intercept, slope, offset = [], [], [], []
    for fold in calibrated.calibrated_classifiers_:
        svm = fold.base_estimator
        if [str(c) for c in svm.classes_] != intents:
            raise ValueError("a calibration fold did not see every intent; add examples")
        coef.append(svm.coef_)
        intercept.append(np.atleast_1d(svm.intercept_))
        slope.append([c.a_ for c in fold.calibrators])
        offset.append([c.b_ for c in fold.calibrators])
    views = tuple(TermWeights({str(t): int(i) for t, i in v.vocabulary_.items()}, np.asarray(v.idf_, dtype=np.float64))
                  for v in vectorisers)
    return PlainIntentModel(intents, views, np.asarray(coef, dtype=np.float64), np.asarray(intercept, dtype=np.float64),
                            np.asarray(slope, dtype=np.float64), np.asarray(offset, dtype=np.float64))

