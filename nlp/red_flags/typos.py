"""The word knowledge behind the red-flag rules' typo tolerance: spaCy's lookup lemmas and word
frequencies (a frequent word is a real word, not a typo of a symptom) and what a likely slip looks
like on a keyboard. ``normalizer.Normalizer`` uses them, with the edit distance that counts a swap as
one slip (``clinic.spelling.osa_distance``, shared with the clinic's spellers).
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

import spacy_lookups_data

_LOOKUPS_DIR = Path(spacy_lookups_data.__file__).parent / "data"
_LEMMA_LOOKUP_PATH = _LOOKUPS_DIR / "en_lemma_lookup.json.gz"
_LEXEME_PROB_PATH = _LOOKUPS_DIR / "en_lexeme_prob.json.gz"


@lru_cache(maxsize=1)
def lemma_json() -> dict[str, str]:
    """spaCy's English lookup lemmas, the table the clinic pipeline's lemmatizer uses.

    Read as plain strings (``spacy.lookups.Table`` keys are hashes and cannot be iterated back to
    words, which the typo index needs to find every inflection of a concept word).
    """
    with gzip.open(_LEMMA_LOOKUP_PATH, "rt", encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=4)
def common_words(min_log_prob: float, min_length: int) -> frozenset[str]:
    """Lower-case words more frequent than ``min_log_prob`` in spaCy's English frequency table.

    A frequent word ("wellness", "expensive") is a real word, not a typo of a symptom ("weakness",
    "excessive"); misspellings sit far down the table (below about -15). The 30 MB table is scanned
    with a regex instead of ``json.load`` to keep loading well under a second and memory small.
    """
    if not _LEXEME_PROB_PATH.exists():
        return frozenset()
    text = gzip.decompress(_LEXEME_PROB_PATH.read_bytes()).decode("utf-8")
    pattern = re.compile(r'"([a-z]{' + str(max(min_length, 1)) + r',})": ?(-?[0-9.]+(?:e-?[0-9]+)?)')
    return frozenset(m.group(1) for m in pattern.finditer(text) if float(m.group(2)) > min_log_prob)


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """Letters next to each other on a QWERTY keyboard (same row, or the two touching keys above and below)."""
    rows = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    found: dict[str, set[str]] = {}
    for r, row in enumerate(rows):
        for c, letter in enumerate(row):
            near = found.setdefault(letter, set())
            near.update(row[i] for i in (c - 1, c + 1) if 0 <= i < len(row))
            if r > 0:
                near.update(rows[r - 1][i] for i in (c, c + 1) if i < len(rows[r - 1]))
            if r < len(rows) - 1:
                near.update(rows[r + 1][i] for i in (c - 1, c) if 0 <= i < len(rows[r + 1]))
    for letter, near in found.items():  # symmetric
        for other in near:
            found.setdefault(other, set()).add(letter)
    return {letter: frozenset(near) for letter, near in found.items()}


_NEIGHBOURS = _keyboard_neighbours()


def plain_slip(surface: str, form: str, distance: int) -> bool:
    """True when ``surface`` is ``form`` with letters left out, two letters swapped, one doubled or
    one replaced by a key next to it ("fsce")."""
    if len(form) > len(surface):
        return distance == len(form) - len(surface)
    if len(form) == len(surface):
        if sorted(form) == sorted(surface):
            return True
        changed = [(a, b) for a, b in zip(surface, form, strict=True) if a != b]
        return len(changed) == 1 and changed[0][0] in _NEIGHBOURS.get(changed[0][1], ())
    return len(surface) == len(form) + 1 and any(
        surface[i] == surface[i - 1] and surface[:i] + surface[i + 1 :] == form for i in range(1, len(surface))
    )
