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


# The words patients use for "an operation" interchangeably: "the eyelid op" is the eyelid surgery.
_OPERATION_WORDS = ("surgery", "operation", "op", "procedure")


def _with_operation_words(names: list[str], taken: set[str]) -> list[str]:
    """For a multi-word name ending in a word for an operation, the same name with each of the
    others ("eyelid surgery" -> "eyelid op", "eyelid procedure"), unless another term lists it."""
    forms: list[str] = []
    for name in names:
        head, _, last = name.rpartition(" ")
        forms.append(name)
        if head and last in _OPERATION_WORDS:
            forms.extend(f"{head} {word}" for word in _OPERATION_WORDS if f"{head} {word}" not in taken)
    return list(dict.fromkeys(forms))


def _with_plurals(names: list[str]) -> list[str]:
    """Add a plural for multi-word names so "nerve grafts" matches like "nerve graft"."""
    forms: list[str] = []
    for name in names:
        forms.append(name)
        if " " in name and not name.endswith("s"):
            forms.append(name + "s")
    return list(dict.fromkeys(forms))


def _listed_names(entry: dict[str, object]) -> list[str]:
    names = entry["names"]
    return [str(name).strip().lower() for name in names] if isinstance(names, list) else []


def load_terms(path: Path = VOCABULARY_PATH) -> list[Term]:
    """Parse and sanity-check the vocabulary file; raises ValueError on a malformed entry."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    terms: list[Term] = []
    seen: dict[str, str] = {}
    entries = raw.get("entries", [])
    for entry in entries:
        if not isinstance(entry, dict) or not {"id", "label", "names"} <= entry.keys():
            raise ValueError(f"vocabulary entry needs id, label and names: {entry!r}")
    listed = {name for entry in entries for name in _listed_names(entry)}
    for entry in entries:
        own = _listed_names(entry)
        names = _with_plurals(_with_operation_words(own, listed - set(own)))
        term = Term(str(entry["id"]), str(entry["label"]), tuple(names))
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
