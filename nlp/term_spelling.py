"""Patients' misspellings of the clinic's words, read back before anything understands the message.

Why here and not only in the fact ranking: the ranking's speller (``clinic.fact_ranking``) is
reached only once the classifier has taken the message as a question. A misspelt procedure name
("selectiv neurectomy", "a brow lfit") had no entity, the classifier read it as out of scope, and
the ranking never saw it. Corrected first, the entity ruler names the procedure, the classifier
reads the words it was trained on, and the out-of-scope and did-you-mean actions know a clinic
procedure was asked about.

What is corrected, and towards what:
- towards the clinic's words only: the page, the facts and their cues, the vocabulary's names
  (``nlp/vocabulary.yml``; its listed misspellings are never a target, and are themselves read
  back when close to one clinic word);
- never a real word: English words more frequent than ``REAL_WORD_LOG_PROB`` in spaCy's frequency
  table (the red-flag rules' dictionary), nor any word of the clinic's;
- one or two edits as ``clinic.spelling.Speller`` allows, four-letter words only by a likely slip;
- two clinic words typed as one ("nervegraft") are split;
- text-speak for the words that make a question ("wat", "hw", "shud"): the question shape is what
  tells a question about a named procedure from a remark (``clinic.question_parts``).
Plain Python; the Rasa component is ``nlp/spelling_component.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml

from clinic.spelling import MAX_WORD, Speller, adjacent_swaps, deletions, osa_distance
from nlp.red_flags.typos import common_words, lemma_json
from nlp.vocabulary import name_words, plain_words

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_FILES = (ROOT / "knowledge" / "source" / "clinic-page.txt", ROOT / "knowledge" / "facts.yml",
                   ROOT / "knowledge" / "fact_cues.yml")
REAL_WORD_LOG_PROB = -15.0  # misspellings sit below about -15 (see nlp/red_flags.yml, fuzzy)
MIN_PART = 4                # a joined word splits only into two words of at least this length
# Question words as people text them; each is read as the word it stands for.
TEXT_SPEAK = {
    "wat": "what", "wot": "what", "wht": "what", "wats": "whats", "wots": "whats", "whts": "whats",
    "hw": "how", "wen": "when", "wich": "which", "whic": "which", "wer": "where",
    "cud": "could", "wud": "would", "shud": "should", "cn": "can", "abt": "about",
    # who is asked ("are u a doctor?", "what can u do for me"), as the classifier learnt it
    "u": "you", "ur": "your", "r": "are",
    # the "and" between two questions ("recovery time n time off work"): where one question ends
    "n": "and",
    # Northern English "anything" and "nothing" ("can you do owt for me?")
    "owt": "anything", "nowt": "nothing",
}
# Text-speak written with a digit ("how long b4 it works", "any1 had this?"), which the word reader below skips.
DIGIT_SPEAK = {"b4": "before", "2day": "today", "2nite": "tonight", "2moro": "tomorrow", "2morrow": "tomorrow",
               "l8r": "later", "w8": "wait", "gr8": "great", "any1": "anyone", "some1": "someone", "sum1": "someone",
               "every1": "everyone"}
_DIGIT_SPEAK = re.compile(r"\b(?:" + "|".join(DIGIT_SPEAK) + r")\b", re.IGNORECASE)
# "am i 2 young for it??" is "too young", never option two: a "2" before a word of degree that
# ends the clause ("2 old now", "2 late?"); "2 old scars" goes on to a noun and stays a number.
_TOO_SPEAK = re.compile(
    r"\b2(?= (?:young|old|late|early|soon|long|much|many|risky|scared|nervous|weak|far gone)"
    r"(?:\s*(?:$|[?!.,;:)])| (?:for|to|now|yet|at|or|and|am|is|are)\b))", re.IGNORECASE)
# a word with its apostrophe ("wouldn't" is never "wouldn" read back as "would") and any letters
# ("recuperación" is not "recuperaci")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


class TermSpeller:
    """Rewrites a message's misspelt clinic words; every other character stays as typed."""

    def __init__(self, targets: Iterable[str], known: Iterable[str], real_words: Iterable[str]):
        self._targets = {w for w in targets if w.isalpha()}
        self._speller = Speller(self._targets, real_words=set(known) | set(real_words))

    def correct_word(self, word: str) -> str:
        if not word.isascii() or not word.isalpha():  # "wouldn't", "recuperación": as typed
            return word
        lower = word.lower()
        # a capital letter alone is a letter ("a U-shaped scar", "vitamin E"), not text-speak
        speak = None if len(word) == 1 and word.isupper() else TEXT_SPEAK.get(lower)
        fixed = speak or self._speller.correct(lower)
        if fixed != lower and lower not in TEXT_SPEAK and len(lower) > MIN_PART and self._real_as_near(lower, fixed):
            return word  # four-letter words come back only through a likely slip, checked by the speller
        if fixed == lower:
            fixed = self._split(lower)
        if fixed == lower:
            return word
        return fixed.capitalize() if word[:1].isupper() else fixed

    def _split(self, word: str) -> str:
        """"nervegraft" -> "nerve graft": the one place two clinic words meet, when unknown as a whole."""
        if (len(word) < 2 * MIN_PART or len(word) > MAX_WORD or word in self._speller.known
                or self._speller.is_real(word)):  # "homework" is a word, not "home work"
            return word
        splits = [(word[:i], word[i:]) for i in range(MIN_PART, len(word) - MIN_PART + 1)
                  if word[:i] in self._targets and word[i:] in self._targets]
        return " ".join(splits[0]) if len(splits) == 1 and not self._near_real(word) else word

    def _real_as_near(self, word: str, fixed: str) -> bool:
        """A real word at least as close as the clinic word: "sinse" is "since" (one letter
        changed), not "spine" (two); "nigth" is "night" or "ninth", so no guess is made."""
        distance = osa_distance(word, fixed, 2)
        letters = "abcdefghijklmnopqrstuvwxyz"
        near = deletions(word, 1) | adjacent_swaps(word)
        near |= {word[:i] + c + word[i + 1:] for i in range(len(word)) for c in letters}
        near |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
        near -= {word, fixed}
        return distance >= 1 and any(self._speller.is_real(w) for w in near)

    def _near_real(self, word: str) -> bool:
        """"painfull" is "painful" with a letter doubled, not "pain full": a word one slip from a real
        word (a letter too many, two swapped) is that word misspelt, not two words joined."""
        slips = (deletions(word, 1) | adjacent_swaps(word)) - {word}
        return any(s in self._speller.known or self._speller.is_real(s) for s in slips)

    def correct(self, text: str, language: str = "en") -> str:
        """``text`` with its misspelt clinic words read back; a message in another language
        (the input guard's reading) as it is: "herida" is no "hernia"."""
        if language != "en":
            return text
        text = _TOO_SPEAK.sub("too", _DIGIT_SPEAK.sub(_digit_word, text))
        return _WORD.sub(lambda m: self.correct_word(m.group(0)), text)


def _digit_word(found: re.Match[str]) -> str:
    word = DIGIT_SPEAK[found.group(0).lower()]
    return word.capitalize() if found.group(0)[0].isupper() else word


@lru_cache(maxsize=1)
def clinic_speller() -> TermSpeller:
    """The speller over the clinic's own words (read once per process)."""
    clinic_words: set[str] = set()
    for path in KNOWLEDGE_FILES:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".yml":  # the words of the entries, not the file's comments and keys
            text = yaml.safe_dump(yaml.safe_load(text), allow_unicode=True)
        clinic_words |= plain_words(text)
    # real words: frequent ones, and every inflection spaCy's lemma table knows ("paralysed",
    # "bloodshot", "aftercare" are words, not slips)
    real = common_words(REAL_WORD_LOG_PROB, 1) | {w for w in lemma_json() if w.isalpha()}
    # Targets: the names of procedures, treatments and tests, and the page's own technical words
    # (those no dictionary of everyday English holds: "gracilis", "myectomy"). Everyday words
    # ("swollen", "bleeding") are left to the classifier's character n-grams and to the red-flag
    # rules' own typo reading; the vocabulary's listed misspellings ("tranfer") are never aimed at,
    # and are read back like any other ("temporalis tranfer" names no listed phrase).
    targets = {w for w in name_words() if w in real or w in clinic_words} | (clinic_words - real)
    return TermSpeller(targets, known=clinic_words, real_words=real)
