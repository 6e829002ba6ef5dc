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
SHORT = 4             # four-letter words are read back only through a likely slip (see _slip)


def deletions(word: str, depth: int) -> set[str]:
    """All strings reachable from ``word`` by deleting up to ``depth`` characters (the index both
    spellers look words up by: this one and the red-flag rules' ``nlp.red_flags.normalizer``)."""
    forms, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        forms |= frontier
    return forms


def adjacent_swaps(word: str, start: int = 0) -> set[str]:
    """``word`` with two neighbouring letters swapped, from position ``start`` on ("lfit" -> "lift")."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(start, len(word) - 1)}


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance (a swap of neighbours costs 1); stops past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class Speller:
    """Corrects a word to the one vocabulary word it is close to, or leaves it as it is."""

    def __init__(self, vocabulary: Iterable[str], real_words: Iterable[str] | None = None):
        """``real_words``: words that are never corrected though not in ``vocabulary`` (a
        dictionary of the language). Only a speller given them reads four-letter words back: without
        one, "form" or "lips" could not be told from a slip of "from" or "lisp"."""
        self.known = {w for w in vocabulary if w.isalpha()}
        self._real = frozenset(real_words or ())
        self._by_form: dict[str, set[str]] = defaultdict(set)
        self._short = {w for w in self.known if SHORT <= len(w) <= SHORT + 1} if real_words is not None else set()
        for word in self.known:
            if MIN_LENGTH <= len(word) <= MAX_WORD:
                for form in deletions(word, self._depth(word)):
                    self._by_form[form].add(word)

    def is_real(self, word: str) -> bool:
        return word in self._real

    @staticmethod
    def _depth(word: str) -> int:
        return 2 if len(word) >= TWO_EDITS_FROM else 1

    def correct(self, word: str) -> str:
        """``word`` itself when known, too short, too long or not close to exactly one known word
        (two candidates: the patient's intent is not clear, so nothing is guessed)."""
        if (word in self.known or word in self._real or not SHORT <= len(word) <= MAX_WORD
                or not word.isalpha()):
            return word
        if len(word) < MIN_LENGTH:
            return self._slip(word)
        candidates: set[str] = set()
        for form in deletions(word, self._depth(word)):
            candidates |= self._by_form.get(form, set())
        # a misspelling keeps its first letter far more often than not: "night" is no "tight";
        # the exception is the first two letters typed the wrong way round ("rgaft")
        candidates = {c for c in candidates if (c[0] == word[0] or c[:2] == word[1::-1])
                      and abs(len(c) - len(word)) <= self._depth(c)}
        if len(candidates) == 1:
            return candidates.pop()
        # one candidate a single slip away, every other further: "injectons" is "injections",
        # not "injection" or "infections" (two edits each)
        nearest = [c for c in candidates if osa_distance(word, c, 1) <= 1]
        if len(nearest) == 1:
            return nearest[0]
        # the closest first ("recovry": "recovery", one letter left out, before "recover", two edits)
        shortest = sorted(candidates, key=lambda c: (osa_distance(word, c, 2), abs(len(c) - len(word)), c))
        # "grafitng" is near "grafting" and "grafted": a shared stem is an answer whichever is meant
        if shortest and all(c[:5] == shortest[0][:5] for c in shortest):
            return shortest[0]
        return word

    def _slip(self, word: str) -> str:
        """A four-letter word has too many neighbours one edit away ("lift": list, lint, loft...),
        so it is read back only through the likeliest slips, and only to a single word: two
        neighbouring letters swapped ("lfit", "garft" is longer), the last letter left out ("graf"),
        or, in a word with no vowel at all (no word of the language), its one vowel ("grft").
        Anything else stays as typed."""
        swaps = adjacent_swaps(word, start=1)
        candidates = {c for c in self._short if len(c) == len(word) and c in swaps}
        candidates |= {c for c in self._short if len(c) == len(word) + 1 and c[:-1] == word}
        if not _VOWELS.intersection(word):
            candidates |= {c for c in self._short if len(c) == len(word) + 1 and _without_one_vowel(c) == word}
        return candidates.pop() if len(candidates) == 1 else word


_VOWELS = frozenset("aeiouy")


def _without_one_vowel(word: str) -> str | None:
    """``word`` with its only vowel left out, when it has exactly one (else None)."""
    at = [i for i, letter in enumerate(word) if letter in _VOWELS]
    return word[:at[0]] + word[at[0] + 1:] if len(at) == 1 else None
