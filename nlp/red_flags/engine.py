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
  clause, no scope terminator such as "and" in between) or inside one of its gaps. A cue inside
  another trigger's phrase ("can't breathe") negates nothing, except in the statements named by
  ``settings.negation.cues_shared_with`` ("no plans to hurt myself"), where it negates what they hold.
* **Kinds** ("stroke", ...) fire when all requirement groups of one alternative are present; named
  **suppressors** discard matches in chronic ("for 3 years") or hypothetical ("what if ...",
  "signs of ...") contexts unless a stronger cue (a recent onset, a first-person present situation)
  is there too: when in doubt, the rules err towards firing.

Only concept names leave this module (``RedFlag.concepts``), never patient text, so results are safe
to log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlp.red_flags.hits import Hit, is_negated, negated_inside, statements_by_token, suppressor_coverage
from nlp.red_flags.normalizer import BREAK_TAG, CLAUSE_BREAK, SENTENCE_BREAK, WORD_TAG, Normalizer, joins_words
from nlp.red_flags.patterns import PhraseCompiler
from nlp.red_flags.rules_file import (
    TOP_KEYS,
    check_keys,
    concept_ref,
    fail,
    parse_concept_suppressors,
    parse_concepts,
    parse_kinds,
    parse_settings,
    parse_suppressors,
)
from nlp.red_flags.sentences import names_mid_sentence, sentence_spans

DEFAULT_RULES_PATH = Path(__file__).resolve().parent.parent / "red_flags.yml"

@dataclass(frozen=True)
class RedFlag:
    """One urgent situation found in a message."""

    kind: str  # one of RedFlagRules.KINDS
    concepts: tuple[str, ...]  # names of the concepts that matched (safe to log: no patient text)
    # (concept, sentence number) of each match, for a second opinion that reads the sentence a cue is
    # in (``sentence_spans`` gives its characters); numbers, not text, and not part of equality
    where: tuple[tuple[str, int], ...] = field(default=(), compare=False)



@dataclass(frozen=True)
class _PatternInfo:
    concept: str
    is_except: bool
    literal: tuple[bool, ...]  # per pattern token: True for a written word, False for a gap wildcard


# --------------------------------------------------------------------------------------------------
# The engine


class RedFlagRules:
    """Compiled red-flag rules. ``detect`` is deterministic: the same message always gives the same
    flags (its only state is a bounded memo of token normalisations, which never changes a result)."""

    # Most urgent first. "checkin" is not an emergency: an ambiguous statement of distress that gets
    # its question answered plus one gentle line (the Rasa component treats it apart).
    # "self_harm_cue" is not one either: a weaker self-harm cue that only the risk model's second
    # opinion can raise to "self_harm" (nlp/red_flags/assessment.py); the "<kind>_cue" after it, the same
    # for the physical kinds with the physical model. Alone, a cue changes nothing. "stated_safe_cue" (the
    # writer says they are safe) only keeps low mood alone from being raised above a check-in.
    KINDS: tuple[str, ...] = ("stroke", "self_harm", "breathing", "post_op", "new_palsy", "eye_emergency", "checkin",
                              "self_harm_cue", "stroke_cue", "breathing_cue", "post_op_cue", "new_palsy_cue",
                              "eye_emergency_cue", "stated_safe_cue")

    def __init__(self, vocab: Vocab, rules: Mapping[str, Any]) -> None:
        """Validate and compile a parsed rules mapping (see ``nlp/red_flags.yml``)."""
        rules = check_keys("rules file", rules, TOP_KEYS, {"settings", "concepts", "kinds"})
        if rules.get("version", 1) != 1:
            fail(f"version {rules['version']!r} is not supported (expected 1)")
        self.vocab = vocab
        self._settings = parse_settings(rules["settings"])
        raw_concepts = parse_concepts(rules["concepts"])
        concept_ref("settings.negation.cues", self._settings.negation_concept, raw_concepts)
        for shared in sorted(self._settings.negation_shared_with):
            concept_ref("settings.negation.cues_shared_with", shared, raw_concepts)
        self._suppressors = parse_suppressors(rules.get("suppressors"), raw_concepts)
        self._kinds = parse_kinds(rules["kinds"], self.KINDS, raw_concepts, self._suppressors)
        self._concept_suppressors = parse_concept_suppressors(rules["concepts"], self._suppressors)
        self._triggers = frozenset(c for kind in self._kinds.values() for c in kind.concepts)
        self._norm = Normalizer(vocab, self._settings)
        self._break_words = frozenset(self._norm.lemma(w) for w in self._settings.clause_break_words)
        self._terminators = frozenset(self._norm.lemma(w) for w in self._settings.negation_terminators)
        self._matcher = Matcher(vocab)
        self._patterns: dict[int, _PatternInfo] = {}
        # Typos are corrected only towards words of the concepts that make a kind fire: correcting
        # into a context word ("possibly" -> "possible") could suppress a real flag.
        vocabulary: set[str] = set()
        compiler = PhraseCompiler(self._norm, self._settings.gap, raw_concepts, self._slot_words(raw_concepts))
        for name, (phrases, exceptions) in raw_concepts.items():
            for is_except, phrase_list in ((False, phrases), (True, exceptions)):
                words = vocabulary if name in self._triggers and not is_except else set()
                for phrase in phrase_list:
                    pattern, literal = compiler.compile(name, phrase, words)
                    # One key per phrase: the match's alignment then tells written words from gaps.
                    key = f"red_flag:{name}:{'except' if is_except else 'phrase'}:{len(self._patterns)}"
                    self._patterns[vocab.strings.add(key)] = _PatternInfo(name, is_except, literal)
                    self._matcher.add(key, [pattern])
        # Stop-listed words are never corrected themselves, but a misspelling may still aim at them ("sinse").
        self._norm.set_fuzzy_targets(vocabulary)

    @classmethod
    def from_file(cls, vocab: Vocab, path: Path = DEFAULT_RULES_PATH) -> RedFlagRules:
        """Load, validate and compile a rules file; raises ValueError naming the first problem."""
        return cls.from_text(vocab, Path(path).read_text(encoding="utf-8"), str(path))

    @classmethod
    def from_text(cls, vocab: Vocab, text: str, source: str = "the rules file") -> RedFlagRules:
        """Validate and compile rules already read (the component reads its file once, when it loads)."""
        try:
            rules = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise ValueError(f"red-flag rules: {source} is not valid YAML: {error}") from error
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

    # -- detection ------------------------------------------------------------------------------

    def _shadow(self, doc: Doc) -> tuple[Doc, list[bool], list[bool], list[int]]:
        """A normalised copy of the message plus, per token, boundary flags and a sentence number.

        A sentence boundary is put first so ``{BREAK}`` can anchor a pattern at the message start, and
        one last when the message ends without punctuation, so it anchors one at the end too ("if I
        vanished" as much as "if I vanished.").
        """
        words = [SENTENCE_BREAK]
        surfaces = [SENTENCE_BREAK]
        names = names_mid_sentence(doc)
        for token in doc:
            if joins_words(token):  # "palsy-side" is read as "palsy side"
                continue
            boundary = self._norm.boundary(token.text, self._settings.clause_break_words)
            if boundary is not None:
                words.append(boundary)
                surfaces.append(boundary)
            elif not token.is_space:
                for word, surface in self._norm.pieces(token.text, token.norm_, names[token.i]):
                    words.append(word)
                    surfaces.append(surface)
        if words[-1] not in (SENTENCE_BREAK, CLAUSE_BREAK):
            words.append(CLAUSE_BREAK)
            surfaces.append(CLAUSE_BREAK)
        is_sentence_break = [w == SENTENCE_BREAK for w in words]
        is_clause_break = [w in (SENTENCE_BREAK, CLAUSE_BREAK) for w in words]
        tags = [BREAK_TAG if b else WORD_TAG for b in is_clause_break]
        shadow = Doc(self.vocab, words=words, lemmas=surfaces, tags=tags)
        sentence_ids: list[int] = []
        sentence = 0
        for i, is_break in enumerate(is_sentence_break):
            if is_break and i > 0 and not is_sentence_break[i - 1]:
                sentence += 1
            sentence_ids.append(sentence)
        return shadow, is_sentence_break, is_clause_break, sentence_ids

    def sentence_spans(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) characters of each sentence of ``doc``, numbered as ``RedFlag.where`` numbers them."""
        return sentence_spans(doc, lambda text: self._norm.boundary(text, self._settings.clause_break_words))

    def _hits(self, doc: Doc) -> tuple[dict[str, list[Hit]], list[str], list[bool]]:
        """All concept matches that survive their concept's exceptions, with their sentence."""
        shadow, _, is_clause_break, sentence_ids = self._shadow(doc)
        found: dict[str, list[Hit]] = {}
        exceptions: dict[str, list[tuple[int, int]]] = {}
        for key, start, end, alignment in self._matcher(shadow, with_alignments=True):
            info = self._patterns[key]
            if info.is_except:
                exceptions.setdefault(info.concept, []).append((start, end))
                continue
            literal = frozenset(start + i for i, index in enumerate(alignment) if info.literal[index])
            anchor = next((i for i in range(start, end) if not is_clause_break[i]), start)
            found.setdefault(info.concept, []).append(Hit(info.concept, start, end, literal, sentence_ids[anchor]))
        for concept, spans in exceptions.items():
            if concept in found:
                found[concept] = [h for h in found[concept] if not any(h.start < e and s < h.end for s, e in spans)]
        words = [t.orth_ for t in shadow]
        return found, words, is_clause_break

    def _valid_hits(self, doc: Doc) -> dict[str, list[Hit]]:
        """Concept matches that are not negated (negation cues themselves are kept as they are)."""
        found, words, is_clause_break = self._hits(doc)
        negation = self._settings.negation_concept
        # A cue that is part of a matched phrase ("can't breathe", "won't close") is not a negation.
        # Only trigger concepts count: a context cue ("I'm not ...") must not swallow a negation, nor a
        # statement that holds its own ("no plans to hurt myself": settings.negation.cues_shared_with).
        shared = self._settings.negation_shared_with
        literal_elsewhere = {i for c, hits in found.items() if c in self._triggers for h in hits for i in h.literal}
        all_cues = {i for h in found.get(negation, []) for i in h.literal}
        cues = all_cues - literal_elsewhere
        # statements that hold their own negation ("no plans to hurt myself"): it negates only what they contain
        covering = statements_by_token(h for c in shared for h in found.get(c, []))
        window = self._settings.negation_window

        def negated(h: Hit) -> bool:
            opens_with_negation = h.start in h.literal and h.start in all_cues
            return is_negated(h, cues, words, is_clause_break, self._terminators, window, opens_with_negation) or (
                h.concept not in shared
                and negated_inside(h, covering, all_cues, words, is_clause_break, self._terminators, window))

        valid: dict[str, list[Hit]] = {}
        for concept, hits in found.items():
            kept = hits if concept == negation else [h for h in hits if not negated(h)]
            if kept:
                valid[concept] = kept
        return valid

    def detect(self, doc: Doc) -> list[RedFlag]:
        """The red flags in a message, most urgent first; [] when there are none."""
        if not doc.text.strip():
            return []
        valid = self._valid_hits(doc)
        coverage = {name: suppressor_coverage(s, valid) for name, s in self._suppressors.items()}
        flags: list[RedFlag] = []
        for name in self.KINDS:
            kind = self._kinds[name]
            covers = [coverage[s.name] for s in kind.suppressed_by]
            kept = [
                h
                for c in kind.concepts
                for h in valid.get(c, [])
                if not any(cov.covers(h) for cov in covers)
                and not any(coverage[s.name].covers(h) for s in self._concept_suppressors.get(c, ()))
            ]
            if kind.background and any(h.concept not in kind.background for h in kept):
                # the operation named only in a question sentence, the complication told in another
                through = set(kind.background_through)
                strict = [cov for s, cov in zip(kind.suppressed_by, covers, strict=True) if s.name not in through]
                kept += [
                    h
                    for c in kind.background
                    for h in valid.get(c, [])
                    if h not in kept
                    and not any(cov.covers(h) for cov in strict)
                    and not any(coverage[s.name].covers(h) for s in self._concept_suppressors.get(c, ()))
                ]
            present = {h.concept for h in kept}
            matched: list[str] = []
            for alternative in kind.when:
                if all(any(c in present for c in group) for group in alternative):
                    matched += [c for group in alternative for c in group if c in present]
            if matched:
                order = {c: i for i, c in enumerate(kind.concepts)}
                where = tuple(sorted({(h.concept, h.sentence) for h in kept if h.concept in matched}))
                flags.append(RedFlag(name, tuple(sorted(set(matched), key=order.__getitem__)), where))
        found = {flag.kind for flag in flags}
        return self._led([flag for flag in flags if not found & set(self._kinds[flag.kind].covered_by)])

    def _led(self, flags: list[RedFlag]) -> list[RedFlag]:
        """``flags`` (most urgent first) with each kind that leads over an earlier one moved before it, when the
        earlier one matched through none of the leading kind's ``leads_unless`` concepts."""
        ordered = list(flags)
        for flag in flags:
            kind = self._kinds[flag.kind]
            for i, other in enumerate(ordered[: ordered.index(flag)]):
                if other.kind in kind.leads_over and not set(other.concepts) & set(kind.leads_unless):
                    ordered.remove(flag)
                    ordered.insert(i, flag)
                    break
        return ordered


@lru_cache(maxsize=4)
def compiled_rules(vocab: Vocab, text: str) -> RedFlagRules:
    """Rules compiled once per vocabulary and text: compiling takes seconds, and every detector of a process that
    loaded the same rules with the same vocabulary shares them (a test suite builds dozens)."""
    return RedFlagRules.from_text(vocab, text)


def default_rules(vocab: Vocab) -> RedFlagRules:
    """The shipped rules, compiled once per vocabulary (the component's own when it loaded the shipped file)."""
    return compiled_rules(vocab, DEFAULT_RULES_PATH.read_text(encoding="utf-8"))
