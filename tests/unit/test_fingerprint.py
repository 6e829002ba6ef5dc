"""No stale model: Rasa's cache key of the intent classifier changes when the code it depends on
changes, not only when its own class does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rasa.engine.training.fingerprinting import calculate_fingerprint_key

import nlp.linear_intent_classifier as component
from nlp.fingerprint import ROOT, code_fingerprint
from nlp.linear_intent_classifier import DEPENDENCIES, LinearIntentClassifier


def cache_key() -> str:
    return calculate_fingerprint_key(LinearIntentClassifier, {"regularisation": 1.0}, {})


@pytest.fixture
def project_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The component's dependencies copied aside, and the fingerprint pointed at the copy."""
    for relative in DEPENDENCIES:
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / relative).exists():
            shutil.copy(ROOT / relative, target)
    monkeypatch.setattr(component, "code_fingerprint", lambda paths: code_fingerprint(paths, root=tmp_path))
    return tmp_path


def test_changing_a_feature_function_changes_the_cache_key(project_copy: Path) -> None:
    before = cache_key()
    assert cache_key() == before  # stable while nothing changes
    source = project_copy / "nlp" / "intent_model.py"
    text = source.read_text(encoding="utf-8")
    assert "def word_ngrams(words: list[str], longest: int = 2)" in text
    source.write_text(text.replace("longest: int = 2", "longest: int = 3"), encoding="utf-8")
    assert cache_key() != before


def test_rebuilding_the_spacy_pipeline_changes_the_cache_key(project_copy: Path) -> None:
    before = cache_key()
    stamp = project_copy / "models" / "spacy" / "clinic_en" / "clinic_build.json"
    stamp.write_text('{"fingerprint": "a rebuilt vocabulary"}', encoding="utf-8")
    assert cache_key() != before


def test_the_component_declares_what_it_imports() -> None:
    assert {"sklearn", "numpy", "spacy"} <= set(LinearIntentClassifier.required_packages())
    assert "nlp/intent_model.py" in DEPENDENCIES and "nlp/intent_store.py" in DEPENDENCIES
