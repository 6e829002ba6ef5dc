"""Training data hygiene: held-out questions never leak into training; generated files are current."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from nlp.build import SYNONYMS_PATH, synonyms_yaml
from nlp.vocabulary import load_terms

ROOT = Path(__file__).resolve().parents[2]


def normalized(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def training_examples() -> dict[str, str]:
    examples = {}
    blocks = [block for path in sorted((ROOT / "data").glob("nlu*.yml"))
              for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]]
    for block in blocks:
        if "intent" in block:
            for line in block["examples"].splitlines():
                text = line.strip()[2:] if line.strip().startswith("- ") else ""
                if text:
                    examples[normalized(text)] = block["intent"]
    return examples


def held_out_texts() -> set[str]:
    texts = set()
    for path in (ROOT / "tests" / "e2e").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ("questions", "messages"):
            texts |= {normalized(item["text"]) for item in data.get(key) or []}
        for conversation in data.get("conversations") or []:
            texts |= {normalized(turn["text"]) for turn in conversation["turns"]}
    return texts


def test_no_held_out_question_is_a_training_example() -> None:
    overlap = (held_out_texts() & set(training_examples())) - {""}  # "" is an emoji-only line
    assert sorted(overlap) == []


def test_every_intent_has_enough_examples() -> None:
    counts: dict[str, int] = {}
    for intent in training_examples().values():
        counts[intent] = counts.get(intent, 0) + 1
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(counts) == set(domain["intents"])
    assert min(counts.values()) >= 25, counts


def test_generated_synonyms_match_the_vocabulary() -> None:
    assert SYNONYMS_PATH.read_text(encoding="utf-8") == synonyms_yaml(load_terms())
