"""Reads ``nlp/vocabulary.yml``: the clinic's terms, their labels and their canonical ids.

One source feeds three consumers so they can never disagree: the spaCy entity ruler (which span
is a procedure), Rasa's synonym table (which canonical id the span maps to) and the knowledge
base's validation (every procedure it mentions exists here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

VOCABULARY_PATH = Path(__file__).with_name("vocabulary.yml")


@dataclass(frozen=True)
class Term:
    """One canonical term and all the surface forms that mean it."""

    id: str
    label: str
    names: tuple[str, ...]


def _with_plurals(names: list[str]) -> list[str]:
    """Add a plural for multi-word names so "nerve grafts" matches like "nerve graft"."""
    forms: list[str] = []
    for name in names:
        name = str(name).strip().lower()
        forms.append(name)
        if " " in name and not name.endswith("s"):
            forms.append(name + "s")
    return list(dict.fromkeys(forms))


def load_terms(path: Path = VOCABULARY_PATH) -> list[Term]:
    """Parse and sanity-check the vocabulary file; raises ValueError on a malformed entry."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    terms: list[Term] = []
    seen: dict[str, str] = {}
    for entry in raw.get("entries", []):
        if not isinstance(entry, dict) or not {"id", "label", "names"} <= entry.keys():
            raise ValueError(f"vocabulary entry needs id, label and names: {entry!r}")
        term = Term(str(entry["id"]), str(entry["label"]), tuple(_with_plurals(entry["names"])))
        for name in term.names:
            if name in seen and seen[name] != term.id:
                raise ValueError(f"'{name}' is listed for both {seen[name]} and {term.id}")
            seen[name] = term.id
        terms.append(term)
    return terms


def canonical_ids(label: str | None = None, path: Path = VOCABULARY_PATH) -> set[str]:
    """The canonical ids, optionally only those with one label (e.g. "procedure")."""
    return {t.id for t in load_terms(path) if label is None or t.label == label}


def plain_words(text: str) -> set[str]:
    """The words of ``text``, lower-case, apostrophes dropped ("Bell's" -> "bells")."""
    return {w.replace("'", "") for w in re.findall(r"[a-z]+(?:'[a-z]+)*", text.lower())}


def name_words(path: Path = VOCABULARY_PATH) -> set[str]:
    """Every word of the terms' names: the clinic's own words, which spelling correction aims at and
    the red-flag rules never split."""
    return {w for term in load_terms(path) for name in term.names for w in plain_words(name)}
