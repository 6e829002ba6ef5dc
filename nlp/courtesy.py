"""Greetings, thanks and goodbyes in other languages (``nlp/courtesy.yml``): a message made only of
them is small talk, whatever the intent classifier makes of words it never saw ("Goedemiddag!"
was declined as out of scope, "Kia ora" asked to be rephrased). Plain Python, no Rasa: the
red-flag component asks it after the rules have found nothing urgent.

A message counts only when every word but at most one (a name, "doctor", "everyone") belongs to
such a phrase, so a question that opens with "merci" is still a question.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

from nlp.red_flags.normalizer import fold_accents

COURTESY_PATH = Path(__file__).with_name("courtesy.yml")
MAX_COURTESY_WORDS = 8      # longer than this is more than a courtesy
MAX_OTHER_WORDS = 1         # "Bonjour docteur", "Hola Ana"
# Leaving wins over thanks, thanks over a greeting ("merci, au revoir" takes leave).
PRECEDENCE = ("goodbye", "thank", "greet")
_APOSTROPHES = re.compile("['\u2019\u02bb\u02bc`\u00b4]")
_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """Lower-case words without accents or apostrophes ("Fa'afetai" and "faafetai", "Tschüss" and
    "tschuss" are one word), in any script."""
    plain = fold_accents(_APOSTROPHES.sub("", text.casefold()))
    return _WORD.findall(unicodedata.normalize("NFC", plain))


@lru_cache(maxsize=2)
def _phrases(path: Path) -> tuple[dict[tuple[str, ...], str], int]:
    """Each phrase's words and its kind, and the most words a phrase has."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: dict[tuple[str, ...], str] = {}
    for kind in reversed(PRECEDENCE):  # a phrase listed under two kinds keeps the one that wins
        for phrase in data.get(kind) or []:
            found[tuple(words_of(str(phrase)))] = kind
    return found, max(map(len, found), default=0)


def courtesy_intent(text: str, path: Path = COURTESY_PATH) -> str | None:
    """``greet``, ``thank`` or ``goodbye`` for a message made of other languages' courtesies, else None."""
    words = words_of(text[: MAX_COURTESY_WORDS * 40])
    if not words or len(words) > MAX_COURTESY_WORDS:
        return None
    phrases, longest = _phrases(path)
    kinds: set[str] = set()
    others, i = 0, 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            kind = phrases.get(tuple(words[i:i + size]))
            if kind is not None:
                kinds.add(kind)
                i += size
                break
        else:
            others += 1
            i += 1
    if not kinds or others > MAX_OTHER_WORDS:
        return None
    return next(kind for kind in PRECEDENCE if kind in kinds)
