"""Text normalisation for the red-flag rules: lower-case lemmas, split contractions, typos fixed.

Phrase words and message tokens go through the same functions, so the rules file can be written in
natural English and still match "CANNOT BREATHE" or "droops". Typo correction is bounded: only
tokens a few letters longer than the longest concept word are ever looked up, so a message of
made-up words costs a constant per character.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import spacy
from spacy.tokenizer import Tokenizer
from spacy.tokens import Token
from spacy.vocab import Vocab

from clinic.spelling import deletions, osa_distance
from nlp.red_flags.glued import glued_words
from nlp.red_flags.rules_file import Settings
from nlp.red_flags.typos import common_words, lemma_json, plain_slip
from nlp.vocabulary import name_words

# Canonical spellings of boundaries in the shadow document; a gap ("...") never crosses them.
SENTENCE_BREAK = "."
CLAUSE_BREAK = ","
# The shadow document tags every token as a boundary or a word, so a gap is a cheap TAG test.
BREAK_TAG = "BREAK"
WORD_TAG = "WORD"
_SENTENCE_PUNCT = frozenset(".!?…")
_CLAUSE_PUNCT = frozenset(",;:—–")
_DIGITS_THEN_LETTERS = re.compile(r"^(\d+)([a-z]+)$")  # "2days", "48hrs": split like "2 days"
_LETTER_RUN = re.compile(r"([a-z])\1{2,}")  # "sooo", "bleeeding": a letter typed three times or more
_HYPHENS = frozenset("-\u2010\u2011")
_SHORT_LENGTH = 5  # tokens shorter than this are corrected only when a single concept word is closest
_FUZZY_CACHE_LIMIT = 50_000

# --------------------------------------------------------------------------------------------------
# Text normalisation


def fold_accents(text: str) -> str:
    """"cirugía" -> "cirugia": rules and messages compare without accents (Spanish typed either way)."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def joins_words(token: Token) -> bool:
    """A hyphen typed inside a compound ("the palsy-side eye", "self-harm", "a 3-hour op"): read as the
    space it stands for, so that a rule's "palsy side" matches the compound as well (session 46: "the
    palsy-side eye feels like it's full of sand" kept "palsy" as a new palsy's word). A hyphen with a
    space on either side is a dash, and stays a word."""
    doc = token.doc
    if token.text not in _HYPHENS or token.whitespace_ or not 0 < token.i < len(doc) - 1:
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    return not before.whitespace_ and before.text[-1:].isalnum() and after.text[:1].isalnum()


def clinic_words() -> frozenset[str]:
    """The words of the clinic's names for its procedures and treatments (``nlp/vocabulary.yml``):
    never read as several words typed together."""
    return frozenset(w for w in name_words() if len(w) >= 8)


class Normalizer:
    """Maps surface tokens to the words the patterns are written in (lower-case lemmas, typos fixed).

    Phrase words and message tokens go through the same function, so the rules file can be written
    in natural English ("can't breathe", "drooping") and still match "CANNOT BREATHE" or "droops".
    """

    def __init__(self, vocab: Vocab, settings: Settings) -> None:
        self._tokenizer: Tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        self._lemmas = lemma_json()
        self._overrides = dict(settings.lemma_overrides)
        self._settings = settings
        self._common_words = common_words(settings.fuzzy_common_log_prob, settings.fuzzy_min_length)
        self._known_words = frozenset(self._lemmas) | frozenset(self._lemmas.values()) | self._common_words
        self._clinic_words = clinic_words()  # "temporalis" is the clinic's word, not "temp oral is" typed as one
        self._targets: dict[str, str] = {}  # surface form of a concept word -> its normalised word
        self._longest_correctable = 0
        self._deletion_index: dict[str, set[str]] = {}
        self._fuzzy_cache: dict[str, str | None] = {}
        self._piece_cache: dict[tuple[str, str, bool], tuple[tuple[str, str], ...]] = {}

    # -- building -------------------------------------------------------------------------------

    def lemma(self, word: str) -> str:
        word = word.replace("’", "'")
        if word in self._overrides:
            return self._overrides[word]
        return self._lemmas.get(word, word)

    def phrase_words(self, text: str) -> list[tuple[str, str]]:
        """(normalised word, surface) pairs for a written phrase part; no typo correction."""
        text = fold_accents(text.lower())
        return [pair for token in self._tokenizer(text) if not joins_words(token)
                for pair in self._split(token.text, token.norm_)]

    def set_fuzzy_targets(self, words: Iterable[str]) -> None:
        """Index the concept vocabulary (and every inflection of it) for typo correction."""
        # A word under four letters is no target itself, but its longer forms are ("arms", "eyes").
        wanted = {w for w in words if w.isalpha()}
        targets = {w: w for w in wanted if len(w) >= 4}
        for form, lemma in self._lemmas.items():
            if (lemma in wanted and form.isalpha() and (len(lemma) >= 4 or len(form) >= 4)
                    and self._overrides.get(form, lemma) == lemma):  # the rules' overrides win ("dice")
                targets.setdefault(form, lemma)
        for form, lemma in self._overrides.items():
            if lemma in wanted and (len(lemma) >= 4 or len(form) >= 4):
                targets.setdefault(form, lemma)
        self._targets = targets
        # A token longer than this cannot be within the edit limit of any concept word: it is
        # never looked up, which keeps a made-up 2,000-letter word from building ~n**3 deletions.
        self._longest_correctable = max((len(form) for form in targets), default=0) + 2
        self._deletion_index = {}
        for form in targets:
            for deleted in deletions(form, self._max_distance(len(form))):
                self._deletion_index.setdefault(deleted, set()).add(form)
        self._fuzzy_cache.clear()
        self._piece_cache.clear()

    # -- applying -------------------------------------------------------------------------------

    def pieces(self, text: str, norm: str, name: bool = False) -> tuple[tuple[str, str], ...]:
        """(normalised word, lower-case surface) pairs for one message token, typos corrected.

        Upper-case tokens are re-tokenized in lower case: spaCy's contraction rules are
        case-sensitive, so "CAN'T" stays one token while "can't" becomes "ca" + "n't". A ``name``
        (``sentences.names_mid_sentence``) is read as written: "Thank you, Marek" signs a message, it is no
        misspelt "mareo" (dizzy).
        """
        key = (text, norm, name)
        cached = self._piece_cache.get(key)
        if cached is not None:
            return cached
        lowered = fold_accents(unicodedata.normalize("NFKC", text).lower().replace("’", "'"))
        if lowered != text and len(lowered) > 1:
            raw = [pair for token in self._tokenizer(lowered) for pair in self._split(token.text, token.norm_)]
        else:
            raw = self._split(lowered, norm.replace("’", "'"))
        if name:
            result = tuple((self._as_target(word, surface) or word, surface) for word, surface in raw)
        else:
            result = tuple(pair for word, surface in raw for pair in self._read(word, surface))
        if len(self._piece_cache) < _FUZZY_CACHE_LIMIT:
            self._piece_cache[key] = result
        return result

    def _read(self, word: str, surface: str) -> list[tuple[str, str]]:
        """One surface word as (normalised word, surface) pairs: corrected, or two words typed as one."""
        corrected = self._correct(word, surface)
        if corrected == word and corrected not in self._targets:
            unglued = self._unglue(surface)
            if unglued:
                return unglued
        return [(corrected, surface)]

    def _unglue(self, surface: str) -> list[tuple[str, str]] | None:
        """Words typed without the space ("myface", "cantbreathe"), as pairs; only for an unknown token."""
        if (
            not surface.isalpha()
            or surface in self._known_words
            or surface in self._clinic_words
            or surface in self._settings.fuzzy_stoplist
        ):
            return None
        words = glued_words(surface, self._targets, self._known, self._longest_correctable)
        return [pair for w in words for pair in self._known_pieces(w)] if words is not None else None

    def _known_pieces(self, text: str) -> list[tuple[str, str]]:
        """A correctly spelt word as pairs, contractions split as the tokenizer does ("cant")."""
        pairs = [pair for token in self._tokenizer(text) for pair in self._split(token.text, token.norm_)]
        return [(self._targets.get(word, word), surface) for word, surface in pairs]

    def _split(self, surface: str, norm: str) -> list[tuple[str, str]]:
        surface = surface.lower()
        glued = _DIGITS_THEN_LETTERS.match(surface)
        if glued:
            number, unit = glued.groups()
            return [(number, number), (self.lemma(unit), unit)]
        return [(self.lemma(norm.lower()), surface)]

    def _max_distance(self, length: int) -> int:
        return 2 if length >= self._settings.fuzzy_long_length else 1

    def _as_target(self, word: str, surface: str) -> str | None:
        """The concept word a token is as written (its word or its surface form), no correction made."""
        if word in self._targets or surface in self._targets:
            return self._targets.get(word, self._targets.get(surface, word))
        return None

    def _correct(self, word: str, surface: str) -> str:
        """The concept word a misspelt token stands for, or the token's own word."""
        exact = self._as_target(word, surface)
        if exact is not None:
            return exact
        settings = self._settings
        if self._dropped_g(surface):
            return self._targets[surface + "g"]
        undoubled = self._consonant_typed_once(surface)
        if undoubled is not None:
            return undoubled
        if (
            not surface.isalpha()
            or surface in settings.fuzzy_stoplist
            or word in settings.fuzzy_stoplist
            or surface in self._known_words  # a real English word is never "corrected"
        ):
            return word
        reshaped = self._reshape(surface)
        if reshaped is not None:
            return reshaped
        surface = _LETTER_RUN.sub(r"\1\1", surface)
        if len(surface) < settings.fuzzy_min_length or len(surface) > self._longest_correctable:
            return word
        if surface in self._fuzzy_cache:
            return self._fuzzy_cache[surface] or word
        corrected = self._closest(surface)
        if len(self._fuzzy_cache) < _FUZZY_CACHE_LIMIT:
            self._fuzzy_cache[surface] = corrected
        return corrected or word

    def _dropped_g(self, surface: str) -> bool:
        """"hangin", "bleedin": a concept word's -ing form without its g. Slang spellings like these
        are frequent enough to count as known words, so this is checked before that veto; only for
        tokens that are no dictionary form themselves and of six letters or more ("thin" stays)."""
        return (len(surface) >= 6 and surface.endswith("in") and surface + "g" in self._targets
                and surface not in self._lemmas)

    def _consonant_typed_once(self, surface: str) -> str | None:
        """"stoped", "droped": a concept word's -ed or -ing form with its doubled consonant typed once;
        "stopd", "droopd": its -ed typed as a bare "d". Such a slip can be a rare dictionary word itself
        ("stoped", from the miner's "stope"), so this is checked before the known-word veto; never for
        a common word ("scared" is not "scarred", "hoping" not "hopping", "hand" not "handed")."""
        if surface in self._common_words:
            return None
        for suffix, typed in (("ed", "ed"), ("ing", "ing"), ("ed", "d")):
            stem = surface[: -len(typed)]
            if len(stem) < 3 or not surface.endswith(typed) or stem[-1] in "aeiouy" or not stem.isalpha():
                continue
            for form in (stem + stem[-1] + suffix, stem + suffix) if typed == "d" else (stem + stem[-1] + suffix,):
                if form in self._targets:
                    return self._targets[form]
        return None

    def _known(self, form: str) -> str | None:
        """The normalised word of a correctly spelt ``form``, or None when it is no known word."""
        if form in self._targets:
            return self._targets[form]
        if form in self._known_words or form in self._overrides:
            lemma = self.lemma(form)
            return self._targets.get(lemma, lemma)
        return None

    def _reshape(self, surface: str) -> str | None:
        """Spelling habits that no edit distance needs: letters typed three times or more ("sooo
        bleeeding", read with two and then one of them), a concept word with one letter doubled
        ("scaar") and a dropped final g ("bleedin", "droopin"). Linear in the token's length."""
        if _LETTER_RUN.search(surface):
            for collapsed in (_LETTER_RUN.sub(r"\1\1", surface), _LETTER_RUN.sub(r"\1", surface)):
                known = self._known(collapsed)
                if known is not None:
                    return known
        for i in range(1, len(surface) if len(surface) <= self._longest_correctable else 0):
            if surface[i] == surface[i - 1] and surface[:i] + surface[i + 1 :] in self._targets:
                return self._targets[surface[:i] + surface[i + 1 :]]  # one letter typed twice ("scaar")
        if len(surface) >= 4 and surface.endswith("in"):
            return self._known(surface + "g")
        return None

    def _closest(self, surface: str) -> str | None:
        """The concept word within the edit limit of ``surface`` (bounded SymSpell look-up), or None.

        A short token ("fcae", "smle", "fsce") may only have two letters swapped, one left out or one
        replaced by a neighbouring key, and must have a single closest concept word of four letters or
        more: with four letters, any changed letter reaches too many words, among them other
        languages' ("piel" is no "pill")."""
        short = len(surface) < _SHORT_LENGTH
        best: tuple[int, int, int, int] | None = None
        chosen: set[str] = set()
        for deleted in deletions(surface, self._max_distance(len(surface))):
            for form in self._deletion_index.get(deleted, ()):
                score = self._score(surface, form, short)
                if score is None or (best is not None and score > best):
                    continue
                if best is None or score < best:
                    best, chosen = score, set()
                chosen.add(form)
        if not chosen:
            return None
        if short and len({self._targets[form] for form in chosen}) > 1:
            return None
        return self._targets[min(chosen)]

    def _score(self, surface: str, form: str, short: bool) -> tuple[int, int, int, int] | None:
        """How likely ``form`` is the word meant by ``surface`` (lower is likelier), or None when it cannot be."""
        if self._settings.fuzzy_same_first_letter and form[0] != surface[0]:
            return None
        if short and len(form) < _SHORT_LENGTH - 1:
            return None
        limit = self._max_distance(min(len(form), len(surface)))
        distance = osa_distance(surface, form, limit)
        if distance > limit:
            return None
        slip = plain_slip(surface, form, distance)
        if short and len(form) == len(surface) and not slip:
            return None
        # Letters left out, doubled, swapped or hit next to the key are likelier than any other
        # change ("croked" is "crooked", not "choked"); then the closer length, then the longer word.
        return distance, int(not slip), abs(len(form) - len(surface)), -len(form)

    def boundary(self, text: str, words: frozenset[str]) -> str | None:
        """The canonical boundary a token stands for, or None for an ordinary token."""
        if text.isspace():
            return SENTENCE_BREAK if "\n" in text else None
        if set(text) <= _SENTENCE_PUNCT:
            return SENTENCE_BREAK
        if set(text) <= _CLAUSE_PUNCT:
            return CLAUSE_BREAK
        if text.lower() in words:
            return CLAUSE_BREAK
        return None


