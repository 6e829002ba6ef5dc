"""Compiling one written rule phrase ("{face_part} ... (droop|sag)") into a spaCy Matcher pattern.

Each word of a phrase becomes one token test; the syntax is explained at the top of
``nlp/red_flags.yml``. A phrase also yields a mask of which pattern tokens are written words (as
opposed to gap wildcards), so negation can tell a cue inside a gap from one the rule itself wrote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from nlp.red_flags.normalizer import BREAK_TAG, WORD_TAG, Normalizer
from nlp.red_flags.rules_file import fail

_SLOT = re.compile(r"^\{([A-Za-z][A-Za-z0-9_]*)\}$")
_GAP = re.compile(r"^\.\.\.(\d*)$")
_MAX_GAPS_PER_PHRASE = 3  # each gap token is optional: many in a row multiply the matcher's states
_MAX_GAP = 10

Segment = list[dict[str, Any]] | int  # token specs, or an int = the longest gap


class PhraseCompiler:
    """Turns phrases into Matcher patterns, collecting the words typo correction may aim at."""

    def __init__(self, norm: Normalizer, default_gap: int, concepts: Mapping[str, Any],
                 slot_words: Mapping[str, list[str]]) -> None:
        self._norm = norm
        self._default_gap = default_gap
        self._concepts = concepts
        self._slot_words = slot_words

    def compile(self, concept: str, phrase: str, vocabulary: set[str]) -> tuple[list[dict[str, Any]], tuple[bool, ...]]:
        """One written phrase as a Matcher pattern and its mask of written (non-gap) tokens."""
        where = f"concept '{concept}' phrase {phrase!r}"
        segments: list[Segment] = []
        for part in phrase.split():
            if part == "-":  # "self - harm" is written for "self-harm", whose hyphen the shadow drops (joins_words)
                continue
            segment = self._segment(where, part, vocabulary)
            if isinstance(segment, int) and (not segments or isinstance(segments[-1], int)):
                fail(f"{where}: a gap must stand between two words")
            segments.append(segment)
        return self._assemble(where, segments)

    def _segment(self, where: str, part: str, vocabulary: set[str]) -> Segment:
        gap = _GAP.match(part)
        if gap:
            size = int(gap.group(1)) if gap.group(1) else self._default_gap
            if not 1 <= size <= _MAX_GAP:
                fail(f"{where}: a gap must be 1 to {_MAX_GAP} tokens long")
            return size
        slot = _SLOT.match(part)
        if slot:
            spec = self.slot_spec(where, slot.group(1))
            vocabulary.update(spec.get("ORTH", {}).get("IN", []))
            return [spec]
        if part.startswith("(") and part.endswith(")"):
            options = self._choice(where, part)
            vocabulary.update(options)
            return [{"ORTH": {"IN": sorted(set(options))}}]
        if part.startswith("=") and len(part) > 1:
            words = self._norm.phrase_words(part[1:])
            if len(words) != 1:
                fail(f"{where}: {part} must be exactly one word")
            return [{"LEMMA": words[0][1]}]
        if any(c in part for c in "(){}|"):
            fail(f"{where}: {part!r} is neither a word, a (a|b) choice nor a {{concept}}")
        words = self._norm.phrase_words(part)
        if not words:
            fail(f"{where}: {part!r} has no words")
        vocabulary.update(w for w, _ in words)
        return [{"ORTH": w} for w, _ in words]

    def _choice(self, where: str, part: str) -> list[str]:
        """The words of a "(a|b|{concept})" choice."""
        options: list[str] = []
        for option in part[1:-1].split("|"):
            slot = _SLOT.match(option)
            if slot:
                options += self.slot_spec(where, slot.group(1))["ORTH"]["IN"]
                continue
            words = self._norm.phrase_words(option) if option else []
            if len(words) != 1:
                fail(f"{where}: every alternative in {part} must be exactly one word or a {{concept}}")
            options.append(words[0][0])
        return options

    @staticmethod
    def _assemble(where: str, segments: list[Segment]) -> tuple[list[dict[str, Any]], tuple[bool, ...]]:
        if not segments:
            fail(f"{where}: empty phrase")
        if isinstance(segments[-1], int):
            fail(f"{where}: a gap must stand between two words")
        if sum(isinstance(s, int) for s in segments) > _MAX_GAPS_PER_PHRASE:
            fail(f"{where}: at most {_MAX_GAPS_PER_PHRASE} gaps per phrase")
        wildcard = {"TAG": WORD_TAG}  # any token that is not a boundary (plain attribute test: fast)
        pattern: list[dict[str, Any]] = []
        literal: list[bool] = []
        for segment in segments:
            if isinstance(segment, int):
                pattern += [{**wildcard, "OP": "?"} for _ in range(segment)]
                literal += [False] * segment
            else:
                pattern += segment
                literal += [True] * len(segment)
        return pattern, tuple(literal)

    def slot_spec(self, where: str, name: str) -> dict[str, Any]:
        """The token test of a ``{name}`` slot: a built-in class or a word-list concept."""
        if name == "NUM":
            return {"LIKE_NUM": True}
        if name == "YEAR":
            return {"SHAPE": "dddd"}
        if name == "BREAK":
            return {"TAG": BREAK_TAG}
        if name not in self._concepts:
            fail(f"{where} refers to unknown concept {{{name}}}")
        if name not in self._slot_words:
            fail(f"{where}: {{{name}}} can only refer to a concept made of single plain words")
        return {"ORTH": {"IN": sorted(self._slot_words[name])}}
