"""A second opinion on the physical emergencies, for the wordings the phrase rules cannot list.

On held-out sets the rules for stroke, breathing, post-op, new palsy and eye emergencies each missed
a few messages: a patient writes "my new muscle looks a funny colour and feels cold" or "I keep
coughing when I drink and it feels like it goes the wrong way", and no list of combinations foresees
them all. Each kind therefore also has a weak cue in ``nlp/red_flags.yml`` (``stroke_cue``, ...:
part of what the full rule needs, such as one stroke sign without the second, or an eye symptom
word without the combination); this model reads the whole message and says which kind, if any, it
resembles most among the messages of ``nlp/physical_urgency.yml``.

It never decides alone: ``nlp/red_flags/assessment.py`` raises a cue of kind K to an urgent K only
when the model also reads the message as K. Same features as the self-harm risk model (the pipeline
and the accent folding are shared, from ``risk_model``), trained at load in about a second from a
text file the clinic can read and correct, so there is no opaque artefact to ship.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from sklearn.pipeline import Pipeline

from nlp.red_flags.risk_model import build_pipeline

DEFAULT_PHYSICAL_PATH = Path(__file__).resolve().parent.parent / "physical_urgency.yml"
PHYSICAL_KINDS: tuple[str, ...] = ("stroke", "breathing", "post_op", "new_palsy", "eye_emergency")
ORDINARY = "ordinary"
# A kind counts when it is the model's most likely label at this probability or more. 5-fold
# cross-validation on the training file only (tests/unit/test_physical_model.py): at 0.35, 1.3 % of
# its ordinary messages read as an urgent kind and 72-90 % of each kind's as that kind; but then four
# of the assistant's own ordinary training questions ("is laser eye surgery painful", "my face feels
# tight since my bell's palsy") got urgent advice. At 0.5: 0.6 % and 60-80 %, and two of those four.
# Session 14 added 650 urgent and 450 ordinary examples written by a separate session (README, "Red
# flags"): at 0.5, 1.8 % and 85-96 %; 0.55 lost a blind set's urgent message and was not taken.
DEFAULT_PHYSICAL_THRESHOLD = 0.5
MIN_EXAMPLES = 20


@dataclass(frozen=True)
class PhysicalTrainingSet:
    """Messages per urgent physical kind, plus ordinary look-alikes (the clinic's everyday questions)."""

    examples: dict[str, tuple[str, ...]]

    @classmethod
    def from_file(cls, path: Path = DEFAULT_PHYSICAL_PATH) -> PhysicalTrainingSet:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping of kind: [messages]")
        examples: dict[str, tuple[str, ...]] = {}
        for label in (*PHYSICAL_KINDS, ORDINARY):
            texts = data.get(label)
            if not isinstance(texts, list) or len(texts) < MIN_EXAMPLES:
                raise ValueError(f"{path}: needs a list '{label}' of at least {MIN_EXAMPLES} messages")
            examples[label] = tuple(str(t) for t in texts)
        return cls(examples)

    def texts_and_labels(self) -> tuple[list[str], list[str]]:
        texts = [t for texts in self.examples.values() for t in texts]
        labels = [label for label, texts in self.examples.items() for _ in texts]
        return texts, labels


class PhysicalUrgencyModel:
    """``probabilities(text)``: how much a message reads like each urgent physical kind (0 to 1)."""

    def __init__(self, training: PhysicalTrainingSet, threshold: float = DEFAULT_PHYSICAL_THRESHOLD) -> None:
        texts, labels = training.texts_and_labels()
        self._pipeline: Pipeline = build_pipeline().fit(texts, labels)
        self._labels: tuple[str, ...] = tuple(str(c) for c in self._pipeline.classes_)
        self.threshold = threshold

    def probabilities(self, text: str) -> dict[str, float]:
        row = self._pipeline.predict_proba([text])[0]
        return {label: float(p) for label, p in zip(self._labels, row, strict=True)}

    def reading(self, text: str) -> tuple[str, float]:
        """The most likely label (a kind or ``ordinary``) and its probability."""
        label, probability = max(self.probabilities(text).items(), key=lambda item: item[1])
        return label, probability



@lru_cache(maxsize=2)
def load_physical_model(path: Path = DEFAULT_PHYSICAL_PATH,
                        threshold: float = DEFAULT_PHYSICAL_THRESHOLD) -> PhysicalUrgencyModel:
    """Trained once per process, training file and threshold."""
    return PhysicalUrgencyModel(PhysicalTrainingSet.from_file(path), threshold)
