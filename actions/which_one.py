""""Which of those two is the rarer one?": a choice between the procedures just compared or listed.

The conversation remembers the procedures it discussed or compared last (``actions/memory.py``). A
question asking which of them has some property is answered by the fact, among those options'
facts, that the question's words match best: the option it is about, and that fact.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.constants import LISTED_OPTIONS_SLOT, ORDINAL_ENTITY, PROCEDURE_SLOT, RECENT_PROCEDURES_SLOT
from actions.fact_ranker import AGREEING_MATCH, FactRanker
from actions.formatting import fact_line
from actions.named_procedures import mentioned_procedures
from actions.reply import Reply
from actions.turn import latest_text
from clinic.asked_choices import asks_which_suits
from clinic.queries import Answer, KnowledgeBase
from clinic.question_parts import asks_which_of, is_comparison
from clinic.question_split import split_questions

_NOT_THIS = re.compile(r"\b(?:rather than|instead of|not)\b[^,.;?!]*", re.IGNORECASE)
MAX_OPTIONS = 3
MIN_SCORE = 0.5  # BM25: the question's words must point at something in one option's facts


def recent_options(tracker: Tracker) -> list[str]:
    """The options "those two" points at: the last two or three compared together, or else the last
    two procedures discussed one after the other ("a nerve graft?" "and a transfer?")."""
    recent = [str(p) for p in tracker.get_slot(RECENT_PROCEDURES_SLOT) or []]
    listed = [str(p) for p in tracker.get_slot(LISTED_OPTIONS_SLOT) or []]
    return listed if listed and set(listed) == set(recent) else recent[:2]


# "them", "both", "the two": a comparison of what was just discussed, not of anything it names
_BOTH = re.compile(r"\b(?:them|they|both|the two|those two|these two|each other|either)\b", re.IGNORECASE)


def compared_options(tracker: Tracker, text: str) -> list[str]:
    """The procedures a comparison that names none compares ("so what's the difference between the
    two?" after a graft, then a transfer): the recent options, when there are two or three."""
    if mentioned_procedures(tracker) or not is_comparison(text) or not _BOTH.search(text):
        return []
    options = recent_options(tracker)
    return options if 2 <= len(options) <= MAX_OPTIONS else []


_THE_OTHER = re.compile(r"\bthe other (?:type|kind|sort|one|approach|option)\b", re.IGNORECASE)


def the_other_of_pair(ranker: FactRanker, text: str, context: list[str]) -> list[str]:
    """"...and what's the other type?" after static restoration: the one other of a pair (the two approaches,
    ``KnowledgeBase.siblings``), not the one discussed, which would draw its own facts to the question."""
    if len(context) != 1 or not _THE_OTHER.search(text):
        return []
    others = ranker.kb.siblings(context[0])
    return [others[0].id] if len(others) == 1 else []


def compared_with_other(ranker: FactRanker, tracker: Tracker, text: str, context: list[str]) -> list[str]:
    """"How is that different from the other type?" after static restoration: the one discussed and the other of
    its pair, compared; [] when the pair is not that plain."""
    other = [] if mentioned_procedures(tracker) or not is_comparison(text) else the_other_of_pair(ranker, text, context)
    return [context[0], *other] if other else []


def other_meant(ranker: FactRanker, text: str, rejected: str) -> str | None:
    """"Sorry, I mixed them up, I wanted the type that gives movement back" after static restoration:
    the procedure meant is one the patient could have confused with the one discussed (its siblings,
    ``KnowledgeBase.siblings``): the only one, or the one the correction's own words describe."""
    siblings = {p.id for p in ranker.kb.siblings(rejected)}
    if len(siblings) == 1:
        return siblings.pop()
    for scored in ranker.index.rank(text, {}):
        if scored.lexical < AGREEING_MATCH:
            break
        described = [p for p in scored.fact.procedures if p in siblings]
        if len(described) == 1:
            return described[0]
    return None


def answer_which_of(reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]] | None:
    """The option (of the last two or three shown) that the question singles out, with the fact
    that says so; None when the message is not such a question or its words single out none."""
    text = latest_text(tracker)
    if not asks_which_of(text) or asks_which_suits(text) or mentioned_procedures(tracker):
        return None  # "which one is better for me?" is the surgeon's choice: the personal question's answer
    listed = recent_options(tracker)
    if not 2 <= len(listed) <= MAX_OPTIONS:
        return None
    ranker = FactRanker(kb)
    # "which one cuts nerves and which one divides muscle?": each such question answered
    parts = [part for part in split_questions(text) if asks_which_of(part)] or [text]
    picks = [pick for pick in (_pick(ranker, part, listed) for part in parts[:MAX_OPTIONS]) if pick is not None]
    chosen = None
    for option, fact_id in dict(picks).items():
        procedure = kb.procedure(option)
        if procedure is None:
            continue
        fact = ranker.catalogue[fact_id]
        reply.say(kb.message("which_of_listed", procedure=procedure.name) + "\n" + fact_line(fact.fact),
                  sources=list(fact.sources))
        chosen = procedure.id
    return [SlotSet(PROCEDURE_SLOT, chosen)] if chosen is not None else None


def _pick(ranker: FactRanker, text: str, listed: list[str]) -> tuple[str, str] | None:
    """The option one question singles out and the fact that says so, or None when its words point
    at none of them clearly."""
    text = _NOT_THIS.sub(" ", text)  # "...works on the muscle rather than the nerve": the nerve is not it
    best: dict[str, tuple[float, str]] = {}  # option -> (score, fact id) of its best-matching fact
    for entry, score in zip(ranker.index.facts, ranker.index.lexical_scores(text), strict=True):
        about = [p for p in entry.procedures if p in listed]
        if len(about) == 1 and score > best.get(about[0], (0.0, ""))[0]:  # a fact about both tells them apart not
            best[about[0]] = (score, entry.id)
    ranked = sorted(best.items(), key=lambda item: -item[1][0])
    if not ranked or ranked[0][1][0] < MIN_SCORE or (len(ranked) > 1 and ranked[1][1][0] >= ranked[0][1][0]):
        return None
    option, (_, fact_id) = ranked[0]
    return option, fact_id


def discussed_in_order(tracker: Tracker) -> list[str]:
    """The procedures the conversation remembers, oldest first, when there are at least two to count."""
    recent = [str(p) for p in tracker.get_slot(RECENT_PROCEDURES_SLOT) or []]
    return recent[::-1] if len(recent) >= 2 else []


def pick(options: list[str], ordinal: str) -> str | None:
    """The option an ordinal points at: "2" is the second, "last" the last; None if out of range."""
    if ordinal == "last":
        return options[-1] if options else None
    if ordinal.isdigit() and 1 <= int(ordinal) <= len(options):
        return options[int(ordinal) - 1]
    return None


# An ordinal that points at an item of a list ("the 2nd one", "the last option", "number 3"), not at
# a time or a count ("3 years ago", "last year", "my first operation").
_ITEM_AFTER = re.compile(r"^\s*(?:one|ones|option|treatment|procedure|technique|surgery|operation|thing)\b",
                         re.IGNORECASE)
_ITEM_BEFORE = re.compile(r"\b(?:number|no\.?|option|#)\s*$", re.IGNORECASE)


_ASKS_KINDS = re.compile(r"\b(?:types?|kinds?|sorts?|categor(?:y|ies))\b", re.IGNORECASE)


def kinds_shown(answer: Answer, text: str) -> list[str]:
    """The kinds an overview sets out before its list, when the question asked for kinds ("what are the two types
    of surgery?"): "the second one" then counts those kinds (static, dynamic), not the techniques listed after."""
    kinds = [p for fact in answer.facts for p in fact.procedure_ids if len(fact.procedure_ids) == 1]
    return kinds if len(kinds) >= 2 and _ASKS_KINDS.search(text) else []


# Words of a message that only chooses an option, or asks what it is ("the second one please",
# "what about the 1st?", "how does number 2 work?"): anything else asks something of the option.
_CHOOSING_ONLY = frozenset(
    "one ones option options number no the a an of about me more tell please i ill id like want take choose "
    "pick go for with lets let us on that this those them what and ok okay yes yeah can you could info details "
    "explain know hear read see show give is it its how does do work works mean means involve involves exactly "
    "which first second third fourth fifth sixth seventh eighth ninth last final".split())


_PLACE = re.compile(r"\d+(?:st|nd|rd|th)?")


def asks_of_option(text: str) -> bool:
    """Whether a message that picks an option by its place asks something of it ("does the second one
    carry a special risk?") rather than only choosing it or asking what it is."""
    return any(word not in _CHOOSING_ONLY and not _PLACE.fullmatch(word)
               for word in re.findall(r"[a-z0-9]+", text.lower().replace("'", "")))


def listed_option_meant(tracker: Tracker) -> list[str]:
    """The option of the list last shown that a question points at by its place in it ("how does
    the 1st one work?" after the synkinesis treatments): that option is what the question is about,
    as if it were named. Without a list, the place is among the procedures discussed, in the order
    they came up ("and the first one, any special risk?" after a nerve transfer, then the eyelid
    surgery). Empty when there is nothing to count or the ordinal counts something else."""
    options = [str(o) for o in tracker.get_slot(LISTED_OPTIONS_SLOT) or []] or discussed_in_order(tracker)
    if not options:
        return []
    text = latest_text(tracker)
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") != ORDINAL_ENTITY or entity.get("value") is None:
            continue
        start, end = int(entity.get("start") or 0), int(entity.get("end") or 0)
        # the span may take the item word along: "second one", "number 3" (but not "the first" time)
        words = [w for w in text[start:end].lower().split() if w != "the"]
        if len(words) > 1 or _ITEM_AFTER.match(text[end:]) or _ITEM_BEFORE.search(text[:start]):
            chosen = pick(options, str(entity["value"]))
            return [chosen] if chosen else []
    return []
