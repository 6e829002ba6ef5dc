"""No training example may be a held-out message in other words order: the patient-language sets
(``tests/e2e/dev/``, ``tests/e2e/blind/``) only measure the assistant if nothing was learnt from them.

"Near-equal" is the same set of words, whatever their order, case, punctuation or repetition. The
blind texts are read here in code and compared, never shown: a failure names the training example
(file and intent), not the held-out text it matches.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
HELD_OUT_NAMES = ("dev", "blind", "dev2", "blind2", "dev3", "dev4", "blind3", "blind4", "dev6", "dev7", "blind5",
                  "dev8", "dev9", "blind6", "dev10", "blind7", "dev11", "blind8", "dev12", "blind9", "dev13", "dev14",
                  "blind10", "dev15", "blind11", "dev16", "blind12", "dev17", "blind13", "dev18", "blind14", "dev19",
                  "blind15", "dev20", "blind16", "dev21", "blind17", "dev22", "blind18", "dev23", "blind19", "dev24",
                  "dev25", "dev26", "dev27", "dev28", "dev29", "dev30", "dev31", "dev32", "dev33", "dev34", "dev35",
                  "dev36", "dev37", "dev38", "dev39", "dev40", "dev41", "dev42", "dev43", "dev44", "dev45", "dev46",
                  "dev47", "dev48", "dev49", "dev50", "dev51", "dev52", "blind20", "dev53", "dev54", "blind21",
                  "dev55", "dev56", "blind22", "dev57", "dev58", "blind23", "blind24", "dev59", "dev60",
                  "blind25", "dev61", "dev62", "blind26", "dev63", "dev64", "dev65", "dev66",
                  "blind27", "dev67", "dev68", "blind28", "dev69", "dev70", "blind29",
                  "dev71", "dev72", "blind30",
                  "blind31", "dev73", "dev74", "blind32", "dev75", "dev76",
                  "blind33", "dev77", "dev78",
                  "blind34", "dev79", "dev80")
HELD_OUT_DIRS = tuple(ROOT / "tests" / "e2e" / name for name in HELD_OUT_NAMES)


def word_set(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def _texts(data: Any) -> list[str]:
    if not isinstance(data, dict):
        return []
    texts = [str(item.get("text") or "") for key in ("questions", "messages") for item in data.get(key) or []]
    for conversation in data.get("conversations") or []:
        texts += [str(turn.get("text") or "") for turn in conversation.get("turns") or []]
    return texts


# libyaml's parser when PyYAML was built with it: the sets hold thousands of messages
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def held_out_word_sets() -> frozenset[frozenset[str]]:
    """Every message of the dev and blind sets (their red-flag files included), as word sets; read once."""
    found: set[frozenset[str]] = set()
    for directory in HELD_OUT_DIRS:
        for path in sorted(directory.rglob("*.yml")) if directory.exists() else []:
            found |= {word_set(t) for t in _texts(yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER))}
    return frozenset(found - {frozenset()})


def training_examples() -> list[tuple[str, str]]:
    """(intent, example) for every example of data/*.yml and of the two red-flag models' training files.

    Synonym tables are left out: data/synonyms.yml is generated from nlp/vocabulary.yml's names of the
    clinic's procedures, and a held-out follow-up made of one such name ("dynamic?") is no leak."""
    examples = []
    for path in sorted((ROOT / "data").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu") or []:
            if "synonym" in block:
                continue
            for line in str(block.get("examples") or "").splitlines():
                if line.strip().startswith("- "):
                    examples.append((str(block.get("intent") or path.name), line.strip()[2:]))
    # The self-harm risk model's training file is training data too.
    risk_file = yaml.safe_load((ROOT / "nlp" / "self_harm_risk.yml").read_text(encoding="utf-8")) or {}
    for label in ("risk", "ordinary"):
        examples += [(f"self_harm_risk.{label}", str(text)) for text in risk_file.get(label) or []]
    # So is the physical urgency model's (one list per urgent kind, plus "ordinary").
    physical_file = yaml.safe_load((ROOT / "nlp" / "physical_urgency.yml").read_text(encoding="utf-8")) or {}
    for label, texts in physical_file.items():
        examples += [(f"physical_urgency.{label}", str(text)) for text in texts or []]
    return examples


def test_held_out_sets_are_found() -> None:
    assert (ROOT / "tests" / "e2e" / "dev" / "in_scope.yml").exists()
    assert len(held_out_word_sets()) > 100


def test_no_training_example_has_the_words_of_a_held_out_message() -> None:
    held_out = held_out_word_sets()
    leaks = [f"{intent}: example #{number}" for number, (intent, text) in enumerate(training_examples())
             if word_set(text) and word_set(text) in held_out]
    assert leaks == [], "training examples with the same words as a held-out message: " + ", ".join(leaks)


def test_the_check_catches_a_reordered_copy() -> None:
    assert word_set("How long is the op, and the recovery?") == word_set("the recovery and how long is the OP")
