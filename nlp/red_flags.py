"""Deterministic red-flag detection: urgent symptoms the assistant must never leave to a classifier.

A patient who writes "my face dropped this morning and my arm is numb" needs to be told to call an
ambulance, whatever the intent classifier thinks. This module decides that with plain, auditable
rules so the decision is reproducible, testable and explainable; it imports spaCy but never Rasa
(the Rasa component that wraps it is the only bridge).

The rules live as data in ``nlp/red_flags.yml``; this engine only knows how to compile and apply them:

* **Concepts** are named lists of phrases written as words ("face ... droop", "can't breathe").
  Phrases compile to spaCy ``Matcher`` token patterns over a *normalised shadow* of the message: every
  token lower-cased, contractions split ("CAN'T" -> "can" "not"), lemmatised with the same lookup
  table as the clinic pipeline (so "drooping", "drooped", "DROOPS" all read "droop") and, for
  unknown words only, corrected to a concept word within a small edit distance ("numbnes").
  Phrase syntax: ``...`` / ``...N`` = up to gap / N tokens of the same clause; ``{concept}`` = any
  one-word phrase of that concept; ``{NUM}`` / ``{YEAR}`` / ``{BREAK}`` = a number / a four-digit
  year / a clause boundary or the start of the message; ``(a|b)`` = one of these words;
  ``=word`` = exactly this surface form, not lemmatised ("=had" but not "having").
* **Negation**: a match is ignored when a negation cue stands before it (within a window, same
  clause, no scope terminator such as "and" in between) or inside one of its gaps.
* **Kinds** ("stroke", ...) fire when all requirement groups of one alternative are present; named
  **suppressors** discard matches in chronic ("for 3 years") or hypothetical ("what if ...",
  "signs of ...") contexts unless a stronger cue (a recent onset, a first-person present situation)
  is there too: when in doubt, the rules err towards firing.

Only concept names leave this module (``RedFlag.concepts``), never patient text, so results are safe
to log.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

import spacy
import spacy_lookups_data
import yaml
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

DEFAULT_RULES_PATH = Path(__file__).with_name("red_flags.yml")
_LOOKUPS_DIR = Path(spacy_lookups_data.__file__).parent / "data"
_LEMMA_LOOKUP_PATH = _LOOKUPS_DIR / "en_lemma_lookup.json.gz"
_LEXEME_PROB_PATH = _LOOKUPS_DIR / "en_lexeme_prob.json.gz"

# Canonical spellings of boundaries in the shadow document; a gap ("...") never crosses them.
SENTENCE_BREAK = "."
CLAUSE_BREAK = ","
# The shadow document tags every token as a boundary or a word, so a gap is a cheap TAG test.
_BREAK_TAG = "BREAK"
_WORD_TAG = "WORD"
_SENTENCE_PUNCT = frozenset(".!?…")
_CLAUSE_PUNCT = frozenset(",;:—–")
_DIGITS_THEN_LETTERS = re.compile(r"^(\d+)([a-z]+)$")  # "2days", "48hrs": split like "2 days"
_CONCEPT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_SLOT = re.compile(r"^\{([A-Za-z][A-Za-z0-9_]*)\}$")
_GAP = re.compile(r"^\.\.\.(\d*)$")
_MAX_GAPS_PER_PHRASE = 3  # each gap token is optional: many in a row multiply the matcher's states
_MAX_GAP = 10
_FUZZY_CACHE_LIMIT = 50_000

_SCOPES = ("sentence", "message", "rest_of_sentence")
_TOP_KEYS = {"version", "settings", "concepts", "suppressors", "kinds"}
_SETTINGS_KEYS = {"gap", "clause_break_words", "negation", "fuzzy", "lemma_overrides"}
_NEGATION_KEYS = {"cues", "window", "terminators"}
_FUZZY_KEYS = {"min_length", "long_length", "same_first_letter", "stoplist", "protect_words_more_frequent_than"}
_CONCEPT_KEYS = {"phrases", "except", "description"}
_SUPPRESSOR_KEYS = {"concept", "unless", "scope", "description"}
_KIND_KEYS = {"when", "suppressed_by", "description"}


@dataclass(frozen=True)
class RedFlag:
    """One urgent situation found in a message."""

    kind: str  # "stroke" | "self_harm" | "post_op" | "new_palsy" | "eye_emergency"
    concepts: tuple[str, ...]  # names of the concepts that matched (safe to log: no patient text)


# --------------------------------------------------------------------------------------------------
# Compiled rule structures (internal)


@dataclass(frozen=True)
class _Settings:
    gap: int
    clause_break_words: frozenset[str]
    negation_concept: str
    negation_window: int
    negation_terminators: frozenset[str]
    fuzzy_min_length: int
    fuzzy_long_length: int
    fuzzy_same_first_letter: bool
    fuzzy_stoplist: frozenset[str]
    fuzzy_common_log_prob: float
    lemma_overrides: Mapping[str, str]


@dataclass(frozen=True)
class _Suppressor:
    name: str
    concept: str
    unless: tuple[str, ...]
    scope: str


@dataclass(frozen=True)
class _Kind:
    name: str
    # Alternatives; each is a tuple of requirement groups; a group is satisfied by any of its concepts.
    when: tuple[tuple[tuple[str, ...], ...], ...]
    suppressed_by: tuple[_Suppressor, ...]

    @property
    def concepts(self) -> tuple[str, ...]:
        """Every concept the kind depends on, in the order the rules file names them."""
        return tuple(dict.fromkeys(c for alternative in self.when for group in alternative for c in group))


@dataclass(frozen=True)
class _PatternInfo:
    concept: str
    is_except: bool
    literal: tuple[bool, ...]  # per pattern token: True for a written word, False for a gap wildcard


@dataclass(frozen=True)
class _Hit:
    concept: str
    start: int
    end: int
    literal: frozenset[int]  # shadow-token indices matched by written words (not by gaps)
    sentence: int


@dataclass(frozen=True)
class _Coverage:
    """The part of one message a suppressor discards matches from."""

    everything: bool = False
    sentences: frozenset[int] = frozenset()
    from_token: Mapping[int, int] = field(default_factory=dict)  # sentence -> first covered token

    def covers(self, hit: _Hit) -> bool:
        if self.everything or hit.sentence in self.sentences:
            return True
        first = self.from_token.get(hit.sentence)
        return first is not None and hit.start >= first


# --------------------------------------------------------------------------------------------------
# Text normalisation


@lru_cache(maxsize=1)
def _lemma_json() -> dict[str, str]:
    """spaCy's English lookup lemmas, the table the clinic pipeline's lemmatizer uses.

    Read as plain strings (``spacy.lookups.Table`` keys are hashes and cannot be iterated back to
    words, which the typo index needs to find every inflection of a concept word).
    """
    with gzip.open(_LEMMA_LOOKUP_PATH, "rt", encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=4)
def _common_words(min_log_prob: float, min_length: int) -> frozenset[str]:
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


def _osa_distance(a: str, b: str, limit: int) -> int:
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


def _deletions(word: str, depth: int) -> set[str]:
    """All strings reachable from ``word`` by deleting up to ``depth`` characters (SymSpell index)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


class _Normalizer:
    """Maps surface tokens to the words the patterns are written in (lower-case lemmas, typos fixed).

    Phrase words and message tokens go through the same function, so the rules file can be written
    in natural English ("can't breathe", "drooping") and still match "CANNOT BREATHE" or "droops".
    """

    def __init__(self, vocab: Vocab, settings: _Settings) -> None:
        self._tokenizer: Tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        self._lemmas = _lemma_json()
        self._overrides = dict(settings.lemma_overrides)
        self._settings = settings
        self._known_words = (
            frozenset(self._lemmas)
            | frozenset(self._lemmas.values())
            | _common_words(settings.fuzzy_common_log_prob, settings.fuzzy_min_length)
        )
        self._targets: dict[str, str] = {}  # surface form of a concept word -> its normalised word
        self._deletion_index: dict[str, set[str]] = {}
        self._fuzzy_cache: dict[str, str | None] = {}
        self._piece_cache: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}

    # -- building -------------------------------------------------------------------------------

    def lemma(self, word: str) -> str:
        word = word.replace("’", "'")
        if word in self._overrides:
            return self._overrides[word]
        return self._lemmas.get(word, word)

    def phrase_words(self, text: str) -> list[tuple[str, str]]:
        """(normalised word, surface) pairs for a written phrase part; no typo correction."""
        return [pair for token in self._tokenizer(text.lower()) for pair in self._split(token.text, token.norm_)]

    def set_fuzzy_targets(self, words: Iterable[str]) -> None:
        """Index the concept vocabulary (and every inflection of it) for typo correction."""
        wanted = {w for w in words if w.isalpha() and len(w) >= 4}
        targets = {w: w for w in wanted}
        for form, lemma in self._lemmas.items():
            if lemma in wanted and form.isalpha():
                targets.setdefault(form, lemma)
        for form, lemma in self._overrides.items():
            if lemma in wanted:
                targets.setdefault(form, lemma)
        self._targets = targets
        self._deletion_index = {}
        for form in targets:
            for deleted in _deletions(form, self._max_distance(len(form))):
                self._deletion_index.setdefault(deleted, set()).add(form)
        self._fuzzy_cache.clear()
        self._piece_cache.clear()

    # -- applying -------------------------------------------------------------------------------

    def pieces(self, text: str, norm: str) -> tuple[tuple[str, str], ...]:
        """(normalised word, lower-case surface) pairs for one message token, typos corrected.

        Upper-case tokens are re-tokenized in lower case: spaCy's contraction rules are
        case-sensitive, so "CAN'T" stays one token while "can't" becomes "ca" + "n't".
        """
        key = (text, norm)
        cached = self._piece_cache.get(key)
        if cached is not None:
            return cached
        lowered = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
        if lowered != text and len(lowered) > 1:
            raw = [pair for token in self._tokenizer(lowered) for pair in self._split(token.text, token.norm_)]
        else:
            raw = self._split(lowered, norm.replace("’", "'"))
        result = tuple((self._correct(word, surface), surface) for word, surface in raw)
        if len(self._piece_cache) < _FUZZY_CACHE_LIMIT:
            self._piece_cache[key] = result
        return result

    def _split(self, surface: str, norm: str) -> list[tuple[str, str]]:
        surface = surface.lower()
        glued = _DIGITS_THEN_LETTERS.match(surface)
        if glued:
            number, unit = glued.groups()
            return [(number, number), (self.lemma(unit), unit)]
        return [(self.lemma(norm.lower()), surface)]

    def _max_distance(self, length: int) -> int:
        return 2 if length >= self._settings.fuzzy_long_length else 1

    def _correct(self, word: str, surface: str) -> str:
        """The concept word a misspelt token stands for, or the token's own word."""
        if word in self._targets or surface in self._targets:
            return self._targets.get(word, self._targets.get(surface, word))
        settings = self._settings
        if (
            len(surface) < settings.fuzzy_min_length
            or not surface.isalpha()
            or surface in settings.fuzzy_stoplist
            or word in settings.fuzzy_stoplist
            or surface in self._known_words  # a real English word is never "corrected"
        ):
            return word
        if surface in self._fuzzy_cache:
            return self._fuzzy_cache[surface] or word
        best: tuple[int, int, str] | None = None
        for deleted in _deletions(surface, self._max_distance(len(surface))):
            for form in self._deletion_index.get(deleted, ()):
                if settings.fuzzy_same_first_letter and form[0] != surface[0]:
                    continue
                limit = self._max_distance(min(len(form), len(surface)))
                distance = _osa_distance(surface, form, limit)
                if distance <= limit:
                    candidate = (distance, abs(len(form) - len(surface)), form)
                    best = candidate if best is None or candidate < best else best
        corrected = self._targets[best[2]] if best else None
        if len(self._fuzzy_cache) < _FUZZY_CACHE_LIMIT:
            self._fuzzy_cache[surface] = corrected
        return corrected or word

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


# --------------------------------------------------------------------------------------------------
# Rules file validation


def _fail(message: str) -> NoReturn:
    raise ValueError(f"red-flag rules: {message}")


def _check_keys(
    where: str, value: Any, allowed: AbstractSet[str], required: AbstractSet[str] = frozenset()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(f"{where} must be a mapping, got {type(value).__name__}")
    unknown = set(value) - allowed
    if unknown:
        _fail(f"{where} has unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    missing = required - set(value)
    if missing:
        _fail(f"{where} is missing key(s) {sorted(missing)}")
    return value


def _string_list(where: str, value: Any, allow_empty: bool = False) -> list[str]:
    if not isinstance(value, list) or (not value and not allow_empty):
        _fail(f"{where} must be a non-empty list")
    items: list[str] = []
    for item in value:
        if isinstance(item, bool):
            _fail(f"{where} contains {item!r}: YAML reads unquoted no/yes/on/off as booleans, quote the word")
        if not isinstance(item, (str, int, float)) or not str(item).strip():
            _fail(f"{where} contains an empty or non-text entry: {item!r}")
        items.append(str(item).strip())
    return items


def _non_negative_int(where: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        _fail(f"{where} must be a non-negative integer, got {value!r}")
    return value


def _log_prob(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value > 0:
        _fail(f"settings.fuzzy.protect_words_more_frequent_than must be a log probability (<= 0), got {value!r}")
    return float(value)


def _parse_settings(raw: Any) -> _Settings:
    settings = _check_keys("settings", raw, _SETTINGS_KEYS, {"negation"})
    negation = _check_keys("settings.negation", settings["negation"], _NEGATION_KEYS, {"cues"})
    fuzzy = _check_keys("settings.fuzzy", settings.get("fuzzy", {}), _FUZZY_KEYS)
    overrides = settings.get("lemma_overrides", {}) or {}
    if not isinstance(overrides, dict):
        _fail("settings.lemma_overrides must be a mapping of word: lemma")
    if not isinstance(negation["cues"], str):
        _fail("settings.negation.cues must name a concept")
    same_first = fuzzy.get("same_first_letter", True)
    if not isinstance(same_first, bool):
        _fail("settings.fuzzy.same_first_letter must be true or false")
    return _Settings(
        gap=_non_negative_int("settings.gap", settings.get("gap", 4)),
        clause_break_words=frozenset(
            w.lower() for w in _string_list("settings.clause_break_words", settings.get("clause_break_words", []), True)
        ),
        negation_concept=negation["cues"],
        negation_window=_non_negative_int("settings.negation.window", negation.get("window", 4)),
        negation_terminators=frozenset(
            w.lower() for w in _string_list("settings.negation.terminators", negation.get("terminators", []), True)
        ),
        fuzzy_min_length=_non_negative_int("settings.fuzzy.min_length", fuzzy.get("min_length", 5)),
        fuzzy_long_length=_non_negative_int("settings.fuzzy.long_length", fuzzy.get("long_length", 8)),
        fuzzy_same_first_letter=same_first,
        fuzzy_stoplist=frozenset(
            w.lower() for w in _string_list("settings.fuzzy.stoplist", fuzzy.get("stoplist", []), True)
        ),
        fuzzy_common_log_prob=_log_prob(fuzzy.get("protect_words_more_frequent_than", -15.0)),
        lemma_overrides={str(k).lower(): str(v).lower() for k, v in overrides.items()},
    )


def _parse_concepts(raw: Any) -> dict[str, tuple[list[str], list[str]]]:
    if not isinstance(raw, dict) or not raw:
        _fail("concepts must be a non-empty mapping of name: [phrases]")
    concepts: dict[str, tuple[list[str], list[str]]] = {}
    for name, body in raw.items():
        if not isinstance(name, str) or not _CONCEPT_NAME.match(name):
            _fail(f"concept name {name!r} must be lower_snake_case")
        where = f"concept '{name}'"
        if isinstance(body, dict):
            body = _check_keys(where, body, _CONCEPT_KEYS, {"phrases"})
            phrases = _string_list(f"{where} phrases", body["phrases"])
            exceptions = _string_list(f"{where} except", body.get("except", []), allow_empty=True)
        else:
            phrases, exceptions = _string_list(f"{where}", body), []
        concepts[name] = (phrases, exceptions)
    return concepts


def _concept_ref(where: str, name: Any, concepts: Mapping[str, Any]) -> str:
    if not isinstance(name, str) or name not in concepts:
        _fail(f"{where} refers to unknown concept {name!r}")
    return name


def _parse_suppressors(raw: Any, concepts: Mapping[str, Any]) -> dict[str, _Suppressor]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        _fail("suppressors must be a mapping of name: {concept, unless, scope}")
    suppressors: dict[str, _Suppressor] = {}
    for name, body in raw.items():
        where = f"suppressor '{name}'"
        body = _check_keys(where, body, _SUPPRESSOR_KEYS, {"concept"})
        scope = body.get("scope", "sentence")
        if scope not in _SCOPES:
            _fail(f"{where} has scope {scope!r}; expected one of {list(_SCOPES)}")
        unless = _string_list(f"{where} unless", body.get("unless", []), allow_empty=True)
        suppressors[name] = _Suppressor(
            name=name,
            concept=_concept_ref(where, body["concept"], concepts),
            unless=tuple(_concept_ref(where, u, concepts) for u in unless),
            scope=scope,
        )
    return suppressors


def _parse_kinds(
    raw: Any, kinds: Sequence[str], concepts: Mapping[str, Any], suppressors: Mapping[str, _Suppressor]
) -> dict[str, _Kind]:
    if not isinstance(raw, dict):
        _fail("kinds must be a mapping of kind: {when, suppressed_by}")
    unknown = set(raw) - set(kinds)
    if unknown:
        _fail(f"unknown kind(s) {sorted(unknown)}; the kinds are {list(kinds)}")
    missing = [k for k in kinds if k not in raw]
    if missing:
        _fail(f"missing kind(s) {missing}")
    parsed: dict[str, _Kind] = {}
    for name in kinds:
        where = f"kind '{name}'"
        body = _check_keys(where, raw[name], _KIND_KEYS, {"when"})
        alternatives = body["when"]
        if not isinstance(alternatives, list) or not alternatives:
            _fail(f"{where} 'when' must be a non-empty list of alternatives")
        when: list[tuple[tuple[str, ...], ...]] = []
        for index, alternative in enumerate(alternatives):
            if not isinstance(alternative, list) or not alternative:
                _fail(f"{where} alternative {index} must be a non-empty list of concepts or concept groups")
            groups: list[tuple[str, ...]] = []
            for group in alternative:
                members = [group] if isinstance(group, str) else group
                if not isinstance(members, list) or not members:
                    _fail(f"{where} alternative {index} has an empty group")
                groups.append(tuple(_concept_ref(where, m, concepts) for m in members))
            when.append(tuple(groups))
        names = _string_list(f"{where} suppressed_by", body.get("suppressed_by", []), allow_empty=True)
        for s in names:
            if s not in suppressors:
                _fail(f"{where} refers to unknown suppressor {s!r}")
        parsed[name] = _Kind(name, tuple(when), tuple(suppressors[s] for s in names))
    return parsed


# --------------------------------------------------------------------------------------------------
# The engine


class RedFlagRules:
    """Compiled red-flag rules. ``detect`` is deterministic: the same message always gives the same
    flags (its only state is a bounded memo of token normalisations, which never changes a result)."""

    KINDS: tuple[str, ...] = ("stroke", "self_harm", "post_op", "new_palsy", "eye_emergency")

    def __init__(self, vocab: Vocab, rules: Mapping[str, Any]) -> None:
        """Validate and compile a parsed rules mapping (see ``nlp/red_flags.yml``)."""
        rules = _check_keys("rules file", rules, _TOP_KEYS, {"settings", "concepts", "kinds"})
        if rules.get("version", 1) != 1:
            _fail(f"version {rules['version']!r} is not supported (expected 1)")
        self.vocab = vocab
        self._settings = _parse_settings(rules["settings"])
        raw_concepts = _parse_concepts(rules["concepts"])
        _concept_ref("settings.negation.cues", self._settings.negation_concept, raw_concepts)
        self._suppressors = _parse_suppressors(rules.get("suppressors"), raw_concepts)
        self._kinds = _parse_kinds(rules["kinds"], self.KINDS, raw_concepts, self._suppressors)
        self._triggers = frozenset(c for kind in self._kinds.values() for c in kind.concepts)
        self._norm = _Normalizer(vocab, self._settings)
        self._break_words = frozenset(self._norm.lemma(w) for w in self._settings.clause_break_words)
        self._terminators = frozenset(self._norm.lemma(w) for w in self._settings.negation_terminators)
        self._matcher = Matcher(vocab)
        self._patterns: dict[int, _PatternInfo] = {}
        # Typos are corrected only towards words of the concepts that make a kind fire: correcting
        # into a context word ("possibly" -> "possible") could suppress a real flag.
        vocabulary: set[str] = set()
        slot_words = self._slot_words(raw_concepts)
        for name, (phrases, exceptions) in raw_concepts.items():
            for is_except, phrase_list in ((False, phrases), (True, exceptions)):
                words = vocabulary if name in self._triggers and not is_except else set()
                for phrase in phrase_list:
                    pattern, literal = self._compile(name, phrase, raw_concepts, slot_words, words)
                    # One key per phrase: the match's alignment then tells written words from gaps.
                    key = f"red_flag:{name}:{'except' if is_except else 'phrase'}:{len(self._patterns)}"
                    self._patterns[vocab.strings.add(key)] = _PatternInfo(name, is_except, literal)
                    self._matcher.add(key, [pattern])
        self._norm.set_fuzzy_targets(vocabulary - self._settings.fuzzy_stoplist)

    @classmethod
    def from_file(cls, vocab: Vocab, path: Path = DEFAULT_RULES_PATH) -> RedFlagRules:
        """Load, validate and compile a rules file; raises ValueError naming the first problem."""
        try:
            rules = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise ValueError(f"red-flag rules: {path} is not valid YAML: {error}") from error
        return cls(vocab, rules)

    # -- compilation ----------------------------------------------------------------------------

    def _slot_words(self, concepts: Mapping[str, tuple[list[str], list[str]]]) -> dict[str, list[str]]:
        """Normalised words of every concept that is a plain word list (usable as ``{concept}``)."""
        slots: dict[str, list[str]] = {}
        for name, (phrases, _) in concepts.items():
            words: list[str] = []
            for phrase in phrases:
                parts = self._norm.phrase_words(phrase) if not phrase.startswith(("{", "(", "=", ".")) else []
                if len(parts) != 1:
                    break
                words.append(parts[0][0])
            else:
                slots[name] = list(dict.fromkeys(words))
        return slots

    def _compile(
        self,
        concept: str,
        phrase: str,
        concepts: Mapping[str, Any],
        slot_words: Mapping[str, list[str]],
        vocabulary: set[str],
    ) -> tuple[list[dict[str, Any]], tuple[bool, ...]]:
        """Turn one written phrase into a Matcher pattern and its mask of written (non-gap) tokens."""
        where = f"concept '{concept}' phrase {phrase!r}"
        segments: list[list[dict[str, Any]] | int] = []  # token specs, or an int = max gap length
        for part in phrase.split():
            gap = _GAP.match(part)
            slot = _SLOT.match(part)
            if gap:
                if not segments or isinstance(segments[-1], int):
                    _fail(f"{where}: a gap must stand between two words")
                size = int(gap.group(1)) if gap.group(1) else self._settings.gap
                if not 1 <= size <= _MAX_GAP:
                    _fail(f"{where}: a gap must be 1 to {_MAX_GAP} tokens long")
                segments.append(size)
            elif slot:
                spec = self._slot_spec(where, slot.group(1), concepts, slot_words)
                vocabulary.update(spec.get("ORTH", {}).get("IN", []))
                segments.append([spec])
            elif part.startswith("(") and part.endswith(")"):
                options: list[str] = []
                for option in part[1:-1].split("|"):
                    slot_in_option = _SLOT.match(option)
                    if slot_in_option:
                        options += self._slot_spec(where, slot_in_option.group(1), concepts, slot_words)["ORTH"]["IN"]
                        continue
                    words = self._norm.phrase_words(option) if option else []
                    if len(words) != 1:
                        _fail(f"{where}: every alternative in {part} must be exactly one word or a {{concept}}")
                    options.append(words[0][0])
                vocabulary.update(options)
                segments.append([{"ORTH": {"IN": sorted(set(options))}}])
            elif part.startswith("=") and len(part) > 1:
                words = self._norm.phrase_words(part[1:])
                if len(words) != 1:
                    _fail(f"{where}: {part} must be exactly one word")
                segments.append([{"LEMMA": words[0][1]}])
            else:
                if any(c in part for c in "(){}|"):
                    _fail(f"{where}: {part!r} is neither a word, a (a|b) choice nor a {{concept}}")
                words = self._norm.phrase_words(part)
                if not words:
                    _fail(f"{where}: {part!r} has no words")
                vocabulary.update(w for w, _ in words)
                segments.append([{"ORTH": w} for w, _ in words])
        if not segments:
            _fail(f"{where}: empty phrase")
        if isinstance(segments[-1], int):
            _fail(f"{where}: a gap must stand between two words")
        gaps = [s for s in segments if isinstance(s, int)]
        if len(gaps) > _MAX_GAPS_PER_PHRASE:
            _fail(f"{where}: at most {_MAX_GAPS_PER_PHRASE} gaps per phrase")
        wildcard = {"TAG": _WORD_TAG}  # any token that is not a boundary (plain attribute test: fast)
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

    def _slot_spec(
        self, where: str, name: str, concepts: Mapping[str, Any], slot_words: Mapping[str, list[str]]
    ) -> dict[str, Any]:
        if name == "NUM":
            return {"LIKE_NUM": True}
        if name == "YEAR":
            return {"SHAPE": "dddd"}
        if name == "BREAK":
            return {"TAG": _BREAK_TAG}
        if name not in concepts:
            _fail(f"{where} refers to unknown concept {{{name}}}")
        if name not in slot_words:
            _fail(f"{where}: {{{name}}} can only refer to a concept made of single plain words")
        return {"ORTH": {"IN": sorted(slot_words[name])}}

    # -- detection ------------------------------------------------------------------------------

    def _shadow(self, doc: Doc) -> tuple[Doc, list[bool], list[bool], list[int]]:
        """A normalised copy of the message plus, per token, boundary flags and a sentence number.

        A sentence boundary is put first so ``{BREAK}`` can anchor a pattern at the message start.
        """
        words = [SENTENCE_BREAK]
        surfaces = [SENTENCE_BREAK]
        for token in doc:
            boundary = self._norm.boundary(token.text, self._settings.clause_break_words)
            if boundary is not None:
                words.append(boundary)
                surfaces.append(boundary)
            elif not token.is_space:
                for word, surface in self._norm.pieces(token.text, token.norm_):
                    words.append(word)
                    surfaces.append(surface)
        is_sentence_break = [w == SENTENCE_BREAK for w in words]
        is_clause_break = [w in (SENTENCE_BREAK, CLAUSE_BREAK) for w in words]
        tags = [_BREAK_TAG if b else _WORD_TAG for b in is_clause_break]
        shadow = Doc(self.vocab, words=words, lemmas=surfaces, tags=tags)
        sentence_ids: list[int] = []
        sentence = 0
        for i, is_break in enumerate(is_sentence_break):
            if is_break and i > 0 and not is_sentence_break[i - 1]:
                sentence += 1
            sentence_ids.append(sentence)
        return shadow, is_sentence_break, is_clause_break, sentence_ids

    def _hits(self, doc: Doc) -> tuple[dict[str, list[_Hit]], list[str], list[bool]]:
        """All concept matches that survive their concept's exceptions, with their sentence."""
        shadow, _, is_clause_break, sentence_ids = self._shadow(doc)
        found: dict[str, list[_Hit]] = {}
        exceptions: dict[str, list[tuple[int, int]]] = {}
        for key, start, end, alignment in self._matcher(shadow, with_alignments=True):
            info = self._patterns[key]
            if info.is_except:
                exceptions.setdefault(info.concept, []).append((start, end))
                continue
            literal = frozenset(start + i for i, index in enumerate(alignment) if info.literal[index])
            anchor = next((i for i in range(start, end) if not is_clause_break[i]), start)
            found.setdefault(info.concept, []).append(_Hit(info.concept, start, end, literal, sentence_ids[anchor]))
        for concept, spans in exceptions.items():
            if concept in found:
                found[concept] = [h for h in found[concept] if not any(h.start < e and s < h.end for s, e in spans)]
        words = [t.orth_ for t in shadow]
        return found, words, is_clause_break

    def _negated(self, hit: _Hit, cues: set[int], words: list[str], is_clause_break: list[bool]) -> bool:
        """True when a negation cue governs the hit: inside one of its gaps, or shortly before it in
        the same clause with no scope terminator ("and", "then", ...) in between."""
        if any(i in cues and i not in hit.literal for i in range(hit.start, hit.end)):
            return True
        i = hit.start - 1
        while i >= 0 and hit.start - i <= self._settings.negation_window:
            if is_clause_break[i] or words[i] in self._terminators:
                return False
            if i in cues:
                return True
            i -= 1
        return False

    def _valid_hits(self, doc: Doc) -> dict[str, list[_Hit]]:
        """Concept matches that are not negated (negation cues themselves are kept as they are)."""
        found, words, is_clause_break = self._hits(doc)
        negation = self._settings.negation_concept
        # A cue that is part of a matched phrase ("can't breathe", "won't close") is not a negation.
        # Only trigger concepts count: a context cue ("I'm not ...") must not swallow a negation.
        literal_elsewhere = {i for c, hits in found.items() if c in self._triggers for h in hits for i in h.literal}
        cues = {i for h in found.get(negation, []) for i in h.literal} - literal_elsewhere
        valid: dict[str, list[_Hit]] = {}
        for concept, hits in found.items():
            kept = (
                hits if concept == negation else [h for h in hits if not self._negated(h, cues, words, is_clause_break)]
            )
            if kept:
                valid[concept] = kept
        return valid

    @staticmethod
    def _coverage(suppressor: _Suppressor, valid: Mapping[str, list[_Hit]]) -> _Coverage:
        """Where a suppressor applies in this message (computed once, in time linear in the hits)."""
        markers = valid.get(suppressor.concept, [])
        if not markers:
            return _Coverage()
        # An "unless" cue only counts outside the marker itself ("I have a question" is no report).
        marker_tokens = {i for m in markers for i in range(m.start, m.end)}
        cancels = [
            h
            for u in suppressor.unless
            for h in valid.get(u, [])
            if not any(i in marker_tokens for i in range(h.start, h.end))
        ]
        if suppressor.scope == "message":
            return _Coverage(everything=not cancels)
        cancelled = {h.sentence for h in cancels}
        if suppressor.scope == "sentence":
            return _Coverage(sentences=frozenset(m.sentence for m in markers) - cancelled)
        starts: dict[int, int] = {}  # rest_of_sentence: from the first live marker to the sentence end
        for m in markers:
            if m.sentence not in cancelled:
                starts[m.sentence] = min(m.start, starts.get(m.sentence, m.start))
        return _Coverage(from_token=starts)

    def detect(self, doc: Doc) -> list[RedFlag]:
        """The red flags in a message, most urgent first; [] when there are none."""
        if not doc.text.strip():
            return []
        valid = self._valid_hits(doc)
        coverage = {name: self._coverage(s, valid) for name, s in self._suppressors.items()}
        flags: list[RedFlag] = []
        for name in self.KINDS:
            kind = self._kinds[name]
            covers = [coverage[s.name] for s in kind.suppressed_by]
            present = {
                h.concept for c in kind.concepts for h in valid.get(c, []) if not any(cov.covers(h) for cov in covers)
            }
            matched: list[str] = []
            for alternative in kind.when:
                if all(any(c in present for c in group) for group in alternative):
                    matched += [c for group in alternative for c in group if c in present]
            if matched:
                order = {c: i for i, c in enumerate(kind.concepts)}
                flags.append(RedFlag(name, tuple(sorted(set(matched), key=order.__getitem__))))
        return flags


@lru_cache(maxsize=4)
def _default_rules(vocab: Vocab) -> RedFlagRules:
    return RedFlagRules.from_file(vocab)


def detect_text(nlp: Language, text: str, rules: RedFlagRules | None = None) -> list[RedFlag]:
    """Run the clinic pipeline on ``text`` and return its red flags (rules default to the shipped file,
    compiled once per vocabulary)."""
    rules = rules if rules is not None else _default_rules(nlp.vocab)
    return rules.detect(nlp(text))
