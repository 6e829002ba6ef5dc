"""Concept matches in one message and the two things that set a match aside: negation and suppressors.

``RedFlagRules`` finds the matches; the functions here decide, from token positions alone, whether a
negation cue governs a match ("no arm weakness") and which part of the message a suppressor covers
("for 3 years", "what if ..."). Kept apart from the engine so these scope rules can be read on their
own; they see positions and normalised words, never the patient's text.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from nlp.red_flags.rules_file import Suppressor


@dataclass(frozen=True)
class Hit:
    """One match of a concept's phrase in the normalised shadow of a message."""

    concept: str
    start: int
    end: int
    literal: frozenset[int]  # shadow-token indices matched by written words (not by gaps)
    sentence: int


@dataclass(frozen=True)
class Coverage:
    """The part of one message a suppressor discards matches from."""

    everything: bool = False
    sentences: frozenset[int] = frozenset()
    from_token: Mapping[int, int] = field(default_factory=dict)  # sentence -> first covered token

    def covers(self, hit: Hit) -> bool:
        if self.everything or hit.sentence in self.sentences:
            return True
        first = self.from_token.get(hit.sentence)
        return first is not None and hit.start >= first


def is_negated(
    hit: Hit, cues: Collection[int], words: list[str], is_clause_break: list[bool],
    terminators: frozenset[str], window: int, opens_with_negation: bool = False,
) -> bool:
    """True when a negation cue governs the hit: inside one of its gaps, or at most ``window`` tokens
    before it in the same clause with no scope terminator ("and", "then", ...) in between."""
    if any(i in cues and i not in hit.literal for i in range(hit.start, hit.end)):
        return True
    # A match that begins with a terminator ("it won't shut because of the palsy") starts a new scope, and so does
    # one that opens with its own negation: "que no sirvió para nada no quiero seguir viviendo" (Spanish doubles
    # its negations and often leaves out the comma) wishes not to live whatever the cue before it denied.
    if opens_with_negation or words[hit.start] in terminators:
        return False
    i = hit.start - 1
    while i >= 0 and hit.start - i <= window:
        if is_clause_break[i] or words[i] in terminators:
            return False
        if i in cues:
            return True
        i -= 1
    return False


def statements_by_token(statements: Iterable[Hit]) -> dict[int, list[Hit]]:
    """The statements covering each token: each is a short phrase, so this stays linear in the message."""
    covering: dict[int, list[Hit]] = {}
    for statement in statements:
        for i in range(statement.start, statement.end):
            covering.setdefault(i, []).append(statement)
    return covering


def negated_inside(
    hit: Hit, covering: Mapping[int, list[Hit]], cues: AbstractSet[int], words: list[str], is_clause_break: list[bool],
    terminators: frozenset[str], window: int,
) -> bool:
    """True when a statement holding its own negation ("no plans to hurt myself") contains the hit and one of
    the statement's cues governs it: such a cue negates what the statement holds, and nothing after it. Within
    the statement the window reaches back to its start: its phrase already ties the cue to what it negates
    ("not having any thoughts of hurting myself" puts five words between them)."""
    # a statement's own tokens are few: the intersection walks them, not every cue of the message
    return any(hit.end <= s.end and is_negated(hit, s.literal & cues, words, is_clause_break, terminators,
                                               max(window, hit.start - s.start))
               for s in covering.get(hit.start, ()))


def suppressor_coverage(suppressor: Suppressor, valid: Mapping[str, list[Hit]]) -> Coverage:
    """Where a suppressor applies in this message (computed once, in time linear in the hits)."""
    markers = valid.get(suppressor.concept, [])
    if not markers:
        return Coverage()
    # An "unless" cue only counts outside the marker itself ("I have a question" is no report).
    marker_tokens = {i for m in markers for i in range(m.start, m.end)}
    cancels = [
        h
        for u in suppressor.unless
        for h in valid.get(u, [])
        if not any(i in marker_tokens for i in range(h.start, h.end))
    ]
    if suppressor.scope == "message":
        return Coverage(everything=not cancels)
    if cancels and suppressor.unless_in == "message":
        return Coverage()
    cancelled = {h.sentence for h in cancels}
    if suppressor.scope == "sentence":
        return Coverage(sentences=frozenset(m.sentence for m in markers) - cancelled)
    if suppressor.scope == "sentence_and_previous":
        # a sentence that dates the one before it ("I cut my wrists as a lad. That was 35 years ago."): both are
        # covered, unless either tells that it is back or recent
        return Coverage(sentences=frozenset(
            s for m in markers if not {m.sentence, m.sentence - 1} & cancelled for s in (m.sentence, m.sentence - 1)))
    starts: dict[int, int] = {}  # rest_of_sentence: from the first live marker to the sentence end
    for m in markers:
        if m.sentence not in cancelled:
            starts[m.sentence] = min(m.start, starts.get(m.sentence, m.start))
    return Coverage(from_token=starts)
