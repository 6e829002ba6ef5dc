"""The physical model's second opinion: it can only raise a physical cue the rules saw, never act alone.

Messages here are written for these tests only; the held-out sets in tests/e2e/ are never read.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from spacy.language import Language

from nlp.red_flags.assessment import PHYSICAL_MODEL_CONCEPT, assess, detect_text, is_cue
from nlp.red_flags.engine import RedFlag, RedFlagRules
from nlp.red_flags.physical_model import (
    DEFAULT_PHYSICAL_THRESHOLD,
    ORDINARY,
    PHYSICAL_KINDS,
    PhysicalTrainingSet,
    load_physical_model,
)
from nlp.red_flags.risk_model import build_pipeline


class FixedReading:
    """Stands in for the physical model: reads every text as ``kind``."""

    threshold = 0.5

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def reading(self, text: str) -> tuple[str, float]:
        return self.kind, 1.0


def kinds(flags: list[RedFlag]) -> list[str]:
    return [f.kind for f in flags]


STROKE_CUE = RedFlag("stroke_cue", ("limb_weakness",))
EYE_CUE = RedFlag("eye_emergency_cue", ("eye_mention", "eye_discharge"))


def test_every_physical_kind_has_a_cue_kind_that_is_not_urgent() -> None:
    cues = {k for k in RedFlagRules.KINDS if is_cue(k)}
    # and the writer's word of safety, a cue that only ever lowers a self-harm cue (session 37)
    assert cues == {"self_harm_cue", "stated_safe_cue", *(f"{k}_cue" for k in PHYSICAL_KINDS)}
    assert all(RedFlagRules.KINDS.index(c) > RedFlagRules.KINDS.index("checkin") for c in cues)


def test_a_cue_alone_is_never_a_result() -> None:
    assert assess([STROKE_CUE, EYE_CUE], "text", None, None) == []
    assert assess([STROKE_CUE], "text", None, FixedReading(ORDINARY)) == []  # type: ignore[arg-type]
    assert assess([STROKE_CUE], "text", None, FixedReading("eye_emergency")) == []  # type: ignore[arg-type]


def test_a_cue_the_model_reads_as_its_kind_becomes_that_kind() -> None:
    flags = assess([STROKE_CUE], "text", None, FixedReading("stroke"))  # type: ignore[arg-type]
    assert kinds(flags) == ["stroke"] and PHYSICAL_MODEL_CONCEPT in flags[0].concepts
    with_checkin = [RedFlag("checkin", ("distress",)), EYE_CUE]
    assert kinds(assess(with_checkin, "t", None, FixedReading("eye_emergency"))) == ["eye_emergency"]  # type: ignore[arg-type]


def test_the_model_alone_raises_nothing() -> None:
    for kind in PHYSICAL_KINDS:
        assert assess([], "text", None, FixedReading(kind)) == []  # type: ignore[arg-type]
        assert kinds(assess([RedFlag("checkin", ("distress",))], "t", None, FixedReading(kind))) == ["checkin"]  # type: ignore[arg-type]


def test_nothing_is_raised_beside_an_emergency_the_rules_found() -> None:
    found = [RedFlag("eye_emergency", ("eye_not_closing", "eye_redness")), STROKE_CUE]
    assert kinds(assess(found, "t", None, FixedReading("stroke"))) == ["eye_emergency"]  # type: ignore[arg-type]
    self_harm = [RedFlag("self_harm", ("self_harm_acts",)), STROKE_CUE]
    assert kinds(assess(self_harm, "t", None, FixedReading("stroke"))) == ["self_harm"]  # type: ignore[arg-type]


def test_the_rules_see_cues_but_a_suppressed_cue_is_not_one(nlp: Language, rules: RedFlagRules) -> None:
    assert "stroke_cue" in kinds(rules.detect(nlp("Dad's arm went heavy while eating and he dropped his fork")))
    for text in ("What are the signs of a stroke, like arm weakness?",  # general question
                 "If my arm went numb after the op, who would I call?",  # conditional
                 "My arm has been weak since my stroke years ago, can the face be helped?"):  # history
        assert not any(is_cue(k) for k in kinds(rules.detect(nlp(text)))), text
        assert kinds(assess(rules.detect(nlp(text)), text, None, FixedReading("stroke"))) == []  # type: ignore[arg-type]


def test_cue_and_the_shipped_model_together_raise_the_kind(nlp: Language) -> None:
    text = "Dad's arm went heavy while eating and he dropped his fork"
    assert kinds(detect_text(nlp, text)) == ["stroke"]


@pytest.mark.parametrize("text", [
    "How long does the swelling last after the cross face nerve graft?",
    "I've had a dry eye for years, is there a better drop?",
    "my smile is weaker when I'm tired",
    "my throat is sore after the operation yesterday",
    "my eye waters a lot when I eat, is that the nerve?",
    "my eye is dry and sore in the evenings",  # comes and goes: the weak cue gives way
    "my eye gets red and dry at night",
])
def test_look_alikes_get_no_urgent_flag(nlp: Language, text: str) -> None:
    """Written here from general knowledge: physical words, no emergency."""
    assert [f.kind for f in detect_text(nlp, text) if f.kind != "checkin"] == []


def test_the_training_file_loads_and_rejects_a_short_one(tmp_path: Path) -> None:
    training = PhysicalTrainingSet.from_file()
    assert set(training.examples) == {*PHYSICAL_KINDS, ORDINARY}
    assert all(len(v) >= 50 for v in training.examples.values()) and len(training.examples[ORDINARY]) >= 250
    short = tmp_path / "short.yml"
    short.write_text("stroke: [a, b]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="at least"):
        PhysicalTrainingSet.from_file(short)


def test_the_shipped_threshold_keeps_false_alarms_low_when_cross_validated() -> None:
    """5-fold cross-validation on the training file only (the held-out sets are never used here): at
    the shipped threshold, few ordinary messages read as an urgent kind and most urgent ones do."""
    texts, labels = PhysicalTrainingSet.from_file().texts_and_labels()
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    pipeline = build_pipeline()
    probabilities = cross_val_predict(pipeline, texts, labels, cv=folds, method="predict_proba")
    classes = sorted(set(labels))
    best = [classes[i] for i in probabilities.argmax(axis=1)]
    read = [b if p.max() >= DEFAULT_PHYSICAL_THRESHOLD else ORDINARY for b, p in zip(best, probabilities, strict=True)]
    y, read_as = np.array(labels), np.array(read)
    false_alarms = float(np.mean(read_as[y == ORDINARY] != ORDINARY))
    recall = {k: float(np.mean(read_as[y == k] == k)) for k in PHYSICAL_KINDS}
    print(f"cross-validated: false alarms {false_alarms:.3f}, recall {recall}")
    # measured 0.006 with the first training file; 0.018 with session 14's added examples (650 urgent, 450 ordinary)
    assert false_alarms <= 0.03
    # measured 0.60 (post_op, new_palsy) to 0.80 (eye_emergency); 0.85 (new_palsy) to 0.96 (eye_emergency)
    # since session 14
    assert min(recall.values()) >= 0.55


def test_the_model_is_trained_once() -> None:
    assert load_physical_model() is load_physical_model()
