"""Word sets with typo tolerance, for deciding whether a message uses the clinic's words at all.

Plain Python (no Rasa): content words are lower-case alphabetic words of three letters or more
that are not English stop words; a word matches a lexicon word within one edit (a missing, extra
or changed letter) when both are at least five letters long.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

MIN_WORD = 3
MIN_FUZZY = 5


def content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower().replace("’", "'"))
    return {w for w in words if len(w) >= MIN_WORD and w not in STOP_WORDS}


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class Lexicon:
    """A set of words; ``word in lexicon`` also accepts one typo in words of five letters or more."""

    def __init__(self, words: set[str]):
        self._words = set(words)
        self._deleted: set[str] = set()
        for word in self._words:
            if len(word) >= MIN_FUZZY:
                self._deleted |= _deletions(word)

    def __bool__(self) -> bool:
        return bool(self._words)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word in self._words:
            return True
        if len(word) < MIN_FUZZY:
            return False
        # a missing letter, an extra letter, or one changed letter
        return word in self._deleted or any(d in self._words or d in self._deleted for d in _deletions(word))
