"""Patients' misspellings of the knowledge base's own words ("selectiv neurectommy", "graftin"),
mapped back to those words before the facts are ranked.

Why a closed vocabulary: the ranker only needs the words that can match a fact, so a word is
corrected only towards a word of the facts or their cues, and only when it is not itself one of
them. Why deletions: a word and its misspelling one edit apart share a form with one letter
deleted (the "symmetric delete" idea), so a lookup costs a few dictionary probes per letter, never
a scan of the vocabulary: the cost per character of a message stays a small constant.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

MIN_LENGTH = 5        # shorter words have too many neighbours one edit away ("eye", "lid", "arm")
TWO_EDITS_FROM = 9    # long words ("electromyography") may be two edits off and still unambiguous
MAX_WORD = 30         # longer tokens are not words a patient misspelt: left alone


def deletions(word: str, depth: int) -> set[str]:
    """All strings reachable from ``word`` by deleting up to ``depth`` characters (the index both
    spellers look words up by: this one and the red-flag rules' ``nlp.red_flags.normalizer``)."""
    forms, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        forms |= frontier
    return forms


class Speller:
    """Corrects a word to the one vocabulary word it is close to, or leaves it as it is."""

    def __init__(self, vocabulary: Iterable[str]):
        self.known = {w for w in vocabulary if w.isalpha()}
        self._by_form: dict[str, set[str]] = defaultdict(set)
        for word in self.known:
            if MIN_LENGTH <= len(word) <= MAX_WORD:
                for form in deletions(word, self._depth(word)):
                    self._by_form[form].add(word)

    @staticmethod
    def _depth(word: str) -> int:
        return 2 if len(word) >= TWO_EDITS_FROM else 1

    def correct(self, word: str) -> str:
        """``word`` itself when known, too short, too long or not close to exactly one known word
        (two candidates: the patient's intent is not clear, so nothing is guessed)."""
        if word in self.known or not MIN_LENGTH <= len(word) <= MAX_WORD or not word.isalpha():
            return word
        candidates: set[str] = set()
        for form in deletions(word, self._depth(word)):
            candidates |= self._by_form.get(form, set())
        # a misspelling keeps its first letter far more often than not: "night" is no "tight"
        candidates = {c for c in candidates if c[0] == word[0] and abs(len(c) - len(word)) <= self._depth(c)}
        if len(candidates) == 1:
            return candidates.pop()
        shortest = sorted(candidates, key=lambda c: (abs(len(c) - len(word)), c))
        # "grafitng" is near "grafting" and "grafted": a shared stem is an answer whichever is meant
        if shortest and all(c[:5] == shortest[0][:5] for c in shortest):
            return shortest[0]
        return word
