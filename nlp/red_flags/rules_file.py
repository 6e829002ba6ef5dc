"""Reading and validating ``nlp/red_flags.yml``: settings, concepts, suppressors and kinds.

A malformed rules file must fail when the assistant starts, naming the first problem, never on a
patient's message; everything here raises ``ValueError`` with a readable message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, NoReturn

_CONCEPT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_SCOPES = ("sentence", "message", "rest_of_sentence", "sentence_and_previous")
_UNLESS_IN = ("sentence", "message")
TOP_KEYS = {"version", "settings", "concepts", "suppressors", "kinds"}
_SETTINGS_KEYS = {"gap", "clause_break_words", "negation", "fuzzy", "lemma_overrides"}
_NEGATION_KEYS = {"cues", "window", "terminators", "cues_shared_with"}
_FUZZY_KEYS = {"min_length", "long_length", "same_first_letter", "stoplist", "protect_words_more_frequent_than"}
_CONCEPT_KEYS = {"phrases", "except", "suppressed_by", "description"}
_SUPPRESSOR_KEYS = {"concept", "unless", "unless_in", "scope", "description"}
_KIND_KEYS = {"when", "suppressed_by", "covered_by", "description", "background", "background_through", "leads_over",
              "leads_unless"}

# --------------------------------------------------------------------------------------------------
# Compiled rule structures (internal)


@dataclass(frozen=True)
class Settings:
    gap: int
    clause_break_words: frozenset[str]
    negation_concept: str
    negation_window: int
    negation_terminators: frozenset[str]
    # concepts whose matches may hold a negation cue that still negates ("no plans to hurt myself")
    negation_shared_with: frozenset[str]
    fuzzy_min_length: int
    fuzzy_long_length: int
    fuzzy_same_first_letter: bool
    fuzzy_stoplist: frozenset[str]
    fuzzy_common_log_prob: float
    lemma_overrides: Mapping[str, str]


@dataclass(frozen=True)
class Suppressor:
    name: str
    concept: str
    unless: tuple[str, ...]
    scope: str
    # Where an `unless` cue cancels: in the marker's own sentence (default), or anywhere in the message
    # ("can my face swell after the op? it has since this morning": the time told later is the question's event).
    unless_in: str = "sentence"


@dataclass(frozen=True)
class Kind:
    name: str
    # Alternatives; each is a tuple of requirement groups; a group is satisfied by any of its concepts.
    when: tuple[tuple[tuple[str, ...], ...], ...]
    suppressed_by: tuple[Suppressor, ...]
    # Kinds whose advice already covers this one ("new_palsy" is covered by "stroke"): not reported with them.
    covered_by: tuple[str, ...] = ()
    # Background concepts (the operation a complication follows) still count when only `background_through`
    # suppressors (a sentence asking a question) cover them, provided another concept of the kind is kept.
    background: tuple[str, ...] = ()
    background_through: tuple[str, ...] = ()
    # Kinds this one is told before when both are found, unless the other matched through one of `leads_unless`
    # (an eye that lost its sight after an eyelid operation: the eye's advice first, unless the wound is infected).
    leads_over: tuple[str, ...] = ()
    leads_unless: tuple[str, ...] = ()

    @property
    def concepts(self) -> tuple[str, ...]:
        """Every concept the kind depends on, in the order the rules file names them."""
        return tuple(dict.fromkeys(c for alternative in self.when for group in alternative for c in group))



# --------------------------------------------------------------------------------------------------
# Rules file validation


def fail(message: str) -> NoReturn:
    raise ValueError(f"red-flag rules: {message}")


def check_keys(
    where: str, value: Any, allowed: AbstractSet[str], required: AbstractSet[str] = frozenset()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        fail(f"{where} must be a mapping, got {type(value).__name__}")
    unknown = set(value) - allowed
    if unknown:
        fail(f"{where} has unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    missing = required - set(value)
    if missing:
        fail(f"{where} is missing key(s) {sorted(missing)}")
    return value


def string_list(where: str, value: Any, allow_empty: bool = False) -> list[str]:
    if not isinstance(value, list) or (not value and not allow_empty):
        fail(f"{where} must be a non-empty list")
    items: list[str] = []
    for item in value:
        if isinstance(item, bool):
            fail(f"{where} contains {item!r}: YAML reads unquoted no/yes/on/off as booleans, quote the word")
        if not isinstance(item, (str, int, float)) or not str(item).strip():
            fail(f"{where} contains an empty or non-text entry: {item!r}")
        items.append(str(item).strip())
    return items


def _non_negative_int(where: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        fail(f"{where} must be a non-negative integer, got {value!r}")
    return value


def _log_prob(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value > 0:
        fail(f"settings.fuzzy.protect_words_more_frequent_than must be a log probability (<= 0), got {value!r}")
    return float(value)


def parse_settings(raw: Any) -> Settings:
    settings = check_keys("settings", raw, _SETTINGS_KEYS, {"negation"})
    negation = check_keys("settings.negation", settings["negation"], _NEGATION_KEYS, {"cues"})
    fuzzy = check_keys("settings.fuzzy", settings.get("fuzzy", {}), _FUZZY_KEYS)
    overrides = settings.get("lemma_overrides", {}) or {}
    if not isinstance(overrides, dict):
        fail("settings.lemma_overrides must be a mapping of word: lemma")
    if not isinstance(negation["cues"], str):
        fail("settings.negation.cues must name a concept")
    same_first = fuzzy.get("same_first_letter", True)
    if not isinstance(same_first, bool):
        fail("settings.fuzzy.same_first_letter must be true or false")
    return Settings(
        gap=_non_negative_int("settings.gap", settings.get("gap", 4)),
        clause_break_words=frozenset(
            w.lower() for w in string_list("settings.clause_break_words", settings.get("clause_break_words", []), True)
        ),
        negation_concept=negation["cues"],
        negation_window=_non_negative_int("settings.negation.window", negation.get("window", 4)),
        negation_terminators=frozenset(
            w.lower() for w in string_list("settings.negation.terminators", negation.get("terminators", []), True)
        ),
        negation_shared_with=frozenset(
            string_list("settings.negation.cues_shared_with", negation.get("cues_shared_with", []), True)
        ),
        fuzzy_min_length=_non_negative_int("settings.fuzzy.min_length", fuzzy.get("min_length", 5)),
        fuzzy_long_length=_non_negative_int("settings.fuzzy.long_length", fuzzy.get("long_length", 8)),
        fuzzy_same_first_letter=same_first,
        fuzzy_stoplist=frozenset(
            w.lower() for w in string_list("settings.fuzzy.stoplist", fuzzy.get("stoplist", []), True)
        ),
        fuzzy_common_log_prob=_log_prob(fuzzy.get("protect_words_more_frequent_than", -15.0)),
        lemma_overrides={str(k).lower(): str(v).lower() for k, v in overrides.items()},
    )


def parse_concepts(raw: Any) -> dict[str, tuple[list[str], list[str]]]:
    if not isinstance(raw, dict) or not raw:
        fail("concepts must be a non-empty mapping of name: [phrases]")
    concepts: dict[str, tuple[list[str], list[str]]] = {}
    for name, body in raw.items():
        if not isinstance(name, str) or not _CONCEPT_NAME.match(name):
            fail(f"concept name {name!r} must be lower_snake_case")
        where = f"concept '{name}'"
        if isinstance(body, dict):
            body = check_keys(where, body, _CONCEPT_KEYS, {"phrases"})
            phrases = string_list(f"{where} phrases", body["phrases"])
            exceptions = string_list(f"{where} except", body.get("except", []), allow_empty=True)
        else:
            phrases, exceptions = string_list(f"{where}", body), []
        concepts[name] = (phrases, exceptions)
    return concepts


def parse_concept_suppressors(raw: Any, suppressors: Mapping[str, Suppressor]) -> dict[str, tuple[Suppressor, ...]]:
    """Suppressors named by a concept itself: they discard that concept's matches in every kind.

    A kind that is never suppressed as a whole (self-harm) can still have a concept that a
    general question or a past event explains ("can you overdose on Botox?").
    """
    found: dict[str, tuple[Suppressor, ...]] = {}
    for name, body in (raw or {}).items():
        if not isinstance(body, dict) or not body.get("suppressed_by"):
            continue
        names = string_list(f"concept '{name}' suppressed_by", body["suppressed_by"])
        for suppressor in names:
            if suppressor not in suppressors:
                fail(f"concept '{name}' refers to unknown suppressor {suppressor!r}")
        found[name] = tuple(suppressors[n] for n in names)
    return found


def concept_ref(where: str, name: Any, concepts: Mapping[str, Any]) -> str:
    if not isinstance(name, str) or name not in concepts:
        fail(f"{where} refers to unknown concept {name!r}")
    return name


def parse_suppressors(raw: Any, concepts: Mapping[str, Any]) -> dict[str, Suppressor]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        fail("suppressors must be a mapping of name: {concept, unless, scope}")
    suppressors: dict[str, Suppressor] = {}
    for name, body in raw.items():
        where = f"suppressor '{name}'"
        body = check_keys(where, body, _SUPPRESSOR_KEYS, {"concept"})
        scope = body.get("scope", "sentence")
        if scope not in _SCOPES:
            fail(f"{where} has scope {scope!r}; expected one of {list(_SCOPES)}")
        unless = string_list(f"{where} unless", body.get("unless", []), allow_empty=True)
        unless_in = body.get("unless_in", "sentence")
        if unless_in not in _UNLESS_IN:
            fail(f"{where} has unless_in {unless_in!r}; expected one of {list(_UNLESS_IN)}")
        suppressors[name] = Suppressor(
            name=name,
            concept=concept_ref(where, body["concept"], concepts),
            unless=tuple(concept_ref(where, u, concepts) for u in unless),
            scope=scope,
            unless_in=unless_in,
        )
    return suppressors


def _parse_when(where: str, alternatives: Any, concepts: Mapping[str, Any]) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """A kind's alternatives: each a list of requirement groups, each group one concept or a list of them."""
    if not isinstance(alternatives, list) or not alternatives:
        fail(f"{where} 'when' must be a non-empty list of alternatives")
    when: list[tuple[tuple[str, ...], ...]] = []
    for index, alternative in enumerate(alternatives):
        if not isinstance(alternative, list) or not alternative:
            fail(f"{where} alternative {index} must be a non-empty list of concepts or concept groups")
        groups: list[tuple[str, ...]] = []
        for group in alternative:
            members = [group] if isinstance(group, str) else group
            if not isinstance(members, list) or not members:
                fail(f"{where} alternative {index} has an empty group")
            groups.append(tuple(concept_ref(where, m, concepts) for m in members))
        when.append(tuple(groups))
    return tuple(when)


def _names_in(where: str, key: str, body: Mapping[str, Any], known: Sequence[str] | Mapping[str, Any],
              what: str, exclude: str = "") -> list[str]:
    """A list of names under ``key`` that must all be among ``known`` (and not ``exclude``)."""
    names = string_list(f"{where} {key}", body.get(key, []), allow_empty=True)
    for name in names:
        if name not in known or name == exclude:
            fail(f"{where} refers to unknown {what} {name!r}")
    return names


def parse_kinds(
    raw: Any, kinds: Sequence[str], concepts: Mapping[str, Any], suppressors: Mapping[str, Suppressor]
) -> dict[str, Kind]:
    if not isinstance(raw, dict):
        fail("kinds must be a mapping of kind: {when, suppressed_by}")
    unknown = set(raw) - set(kinds)
    if unknown:
        fail(f"unknown kind(s) {sorted(unknown)}; the kinds are {list(kinds)}")
    missing = [k for k in kinds if k not in raw]
    if missing:
        fail(f"missing kind(s) {missing}")
    parsed: dict[str, Kind] = {}
    for name in kinds:
        where = f"kind '{name}'"
        body = check_keys(where, raw[name], _KIND_KEYS, {"when"})
        names = _names_in(where, "suppressed_by", body, suppressors, "suppressor")
        covered = _names_in(where, "covered_by", body, kinds, "other kind", exclude=name)
        background = _names_in(where, "background", body, concepts, "concept")
        through = _names_in(where, "background_through", body, suppressors, "suppressor")
        leads = _names_in(where, "leads_over", body, kinds, "other kind", exclude=name)
        leads_unless = _names_in(where, "leads_unless", body, concepts, "concept")
        parsed[name] = Kind(name, _parse_when(where, body["when"], concepts), tuple(suppressors[s] for s in names),
                            tuple(covered), tuple(background), tuple(through), tuple(leads), tuple(leads_unless))
    return parsed


