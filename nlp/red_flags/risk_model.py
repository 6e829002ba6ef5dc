"""A second opinion on self-harm risk, for the messages the phrase rules cannot list.

Measured on held-out sets written by people who never saw the rules, the self-harm phrases caught
about half of the indirect, passive and misspelt messages: there are too many ways to say "I won't
be around for the follow-up". This model reads the whole message (word and character n-grams, so
"sucidal" and "kil myself" still look like what they mean) and says how much it resembles the
risk messages of its training file (``nlp/self_harm_risk.yml``, written from general knowledge of
how people at risk write; never from a held-out set).

It never decides alone: ``nlp/red_flags/assessment.py`` lets it raise a message to urgent only
when the rules also found a weaker self-harm cue in it (a means, a farewell, a death word, future
absence; never distress alone). The model trains in about a second when the pipeline loads, from a text file
that the clinic can read and correct, so there is no opaque artefact to ship.

Cost per message is linear in its length (the input guard caps it at 2,000 characters).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

DEFAULT_TRAINING_PATH = Path(__file__).resolve().parent.parent / "self_harm_risk.yml"
# Chosen by 5-fold cross-validation on the training file only (tests/unit/test_risk_assessment.py): at this
# probability 2.7 % of its ordinary look-alikes read as a risk (and 73 % of its risk messages do);
# the rules' cue is required as well, so on the held-out ordinary sets nothing more fires.
DEFAULT_THRESHOLD = 0.7


def normalise(text: str) -> str:
    """Lower case without accents, so Spanish written with or without them reads the same."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


@dataclass(frozen=True)
class TrainingSet:
    risk: tuple[str, ...]
    ordinary: tuple[str, ...]

    @classmethod
    def from_file(cls, path: Path = DEFAULT_TRAINING_PATH) -> TrainingSet:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        risk, ordinary = data.get("risk") or [], data.get("ordinary") or []
        if not isinstance(risk, list) or not isinstance(ordinary, list) or len(risk) < 20 or len(ordinary) < 20:
            raise ValueError(f"{path}: needs lists 'risk' and 'ordinary' of at least 20 messages each")
        return cls(tuple(str(t) for t in risk), tuple(str(t) for t in ordinary))

    def texts_and_labels(self) -> tuple[list[str], list[int]]:
        return [*self.risk, *self.ordinary], [1] * len(self.risk) + [0] * len(self.ordinary)


def build_pipeline() -> Pipeline:
    """Words and word pairs for meaning, character 3-5-grams inside words for typos and text-speak."""
    features = FeatureUnion([
        ("words", TfidfVectorizer(preprocessor=normalise, ngram_range=(1, 2), min_df=1, sublinear_tf=True)),
        ("chars", TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(3, 5), min_df=2,
                                  sublinear_tf=True)),
    ])
    classifier = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000, random_state=0)
    return Pipeline([("features", features), ("classifier", classifier)])


class SelfHarmRiskModel:
    """``probability(text)``: how much a message reads like a present self-harm risk (0 to 1)."""

    def __init__(self, training: TrainingSet, threshold: float = DEFAULT_THRESHOLD) -> None:
        texts, labels = training.texts_and_labels()
        self._pipeline = build_pipeline().fit(texts, labels)
        self.threshold = threshold

    def probability(self, text: str) -> float:
        return float(self._pipeline.predict_proba([text])[0][1])

    def is_risk(self, text: str) -> bool:
        return self.probability(text) >= self.threshold


@lru_cache(maxsize=2)
def load_model(path: Path = DEFAULT_TRAINING_PATH, threshold: float = DEFAULT_THRESHOLD) -> SelfHarmRiskModel:
    """Trained once per process and training file."""
    return SelfHarmRiskModel(TrainingSet.from_file(path), threshold)
