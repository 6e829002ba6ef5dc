"""The conversation's memory beyond the current topic and procedure: the topic before it ("going
back to the static one") and the last procedures discussed or compared ("which of those two...").

Rasa sends the action server only the last turn's events (``rasa_side/action_payload.py``), so what
the conversation should remember longer is kept in slots, updated after every action from the
slot changes that action made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.constants import (
    LISTED_OPTIONS_SLOT,
    PREVIOUS_TOPIC_SLOT,
    PROCEDURE_SLOT,
    RECENT_PROCEDURES_SLOT,
    TOPIC_SLOT,
)
from clinic.fact_ranking import SUBJECT_WORDS

REMEMBERED = 3  # procedures remembered
COMPARED = range(2, REMEMBERED + 1)  # a list this long was a comparison or a short choice
MIN_WORD = 4  # shorter last words ("emg") are names in full, already recognised


def memory_events(tracker: Tracker, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The slot changes that keep the memory up to date after an action returned ``events``."""
    set_now = {e.get("name"): e.get("value") for e in events if e.get("event") == "slot"}
    found: list[dict[str, Any]] = []
    topic_before = tracker.get_slot(TOPIC_SLOT)
    if TOPIC_SLOT in set_now and topic_before and set_now[TOPIC_SLOT] != topic_before:
        found.append(SlotSet(PREVIOUS_TOPIC_SLOT, topic_before))
    recent = [str(p) for p in tracker.get_slot(RECENT_PROCEDURES_SLOT) or []]
    listed = set_now.get(LISTED_OPTIONS_SLOT)
    procedure = set_now.get(PROCEDURE_SLOT, tracker.get_slot(PROCEDURE_SLOT))
    if isinstance(listed, list) and len(listed) in COMPARED:
        remembered = [str(p) for p in listed]
    elif procedure:
        remembered = [str(procedure), *(p for p in recent if p != procedure)][:REMEMBERED]
    else:
        remembered = recent
    if remembered != recent:
        found.append(SlotSet(RECENT_PROCEDURES_SLOT, remembered))
    return found


def named_in_passing(tracker: Tracker, text: str, earlier: list[str] | None = None,
                     names: Mapping[str, str] | None = None) -> dict[str, list[tuple[int, int]]]:
    """Procedures of the conversation named by the last word of their name ("the transfer", "that
    graft" after a nerve transfer or graft was discussed, "the transplant" after a muscle transplant,
    "the therapy" after the list of synkinesis treatments), with where; the most recent one wins.
    ``earlier``: procedures named earlier in the same message (a story), looked at first.
    ``names``: each procedure's name as the page gives it (by id)."""
    found: dict[str, list[tuple[int, int]]] = {}
    taken: set[str] = set()
    discussed = [*(tracker.get_slot(RECENT_PROCEDURES_SLOT) or []), *(tracker.get_slot(LISTED_OPTIONS_SLOT) or [])]
    for procedure in [*(earlier or []), *discussed]:
        for word in _last_words(str(procedure), (names or {}).get(str(procedure), "")):
            if word in taken or not _names_one(word):
                continue
            taken.add(word)
            span = _where_named(word, text)
            if span and str(procedure) not in found:
                found[str(procedure)] = [span]
    return found


def sibling_named(text: str, discussed: str, procedures: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """The sibling of the procedure discussed that a message names by its last word ("and the transfer one?"
    after a nerve graft is the nerve transfer, not the muscle transfer): a procedure whose id starts with the
    same word as the discussed one's and ends with a word of the message, with where; {} for none or several."""
    family = discussed.split("_", 1)[0]
    found: dict[str, list[tuple[int, int]]] = {}
    for procedure in procedures:
        head, _, last = procedure.rpartition("_")
        if procedure == discussed or head.split("_", 1)[0] != family or not _names_one(last):
            continue
        span = _where_named(last, text)
        if span:
            found[procedure] = [span]
    return found if len(found) == 1 else {}


# Last words of a name that say only that it is an operation: "the surgery" is no one procedure.
_GENERIC = frozenset({"surgery", "surgeries", "procedure", "procedures", "technique", "techniques"})


def _names_one(word: str) -> bool:
    """A last word that can stand for one procedure: not the subject ("reanimation"), not "surgery", and not a
    short name ("emg"), which is a name in full and already recognised."""
    return word not in SUBJECT_WORDS and word not in _GENERIC and len(word) >= MIN_WORD


def _where_named(word: str, text: str) -> tuple[int, int] | None:
    """Where ``text`` says ``word`` (or its plural) as a word of its own."""
    match = re.search(rf"\b{re.escape(word)}s?\b", text, re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def _last_words(procedure: str, name: str) -> list[str]:
    """The last word of the procedure's id and of its name before any bracket ("Muscle transplant
    (gracilis muscle facial reanimation)": "transplant"), singular."""
    head = name.lower().split("(", 1)[0].split()
    return list(dict.fromkeys([procedure.rsplit("_", 1)[-1], *[w.rstrip("s") for w in head[-1:]]]))


def prefer_specific(tracker: Tracker, text: str, named: list[str],
                    positions: dict[str, list[tuple[int, int]]]) -> tuple[list[str], dict[str, list[tuple[int, int]]]]:
    """A bare word naming a procedure ("that graft") means the more specific one of that name named
    elsewhere in the message or discussed just before (a cross-face nerve graft), if there is one."""
    candidates = [*named, *(str(p) for p in tracker.get_slot(RECENT_PROCEDURES_SLOT) or [])]
    chosen: list[str] = []
    where: dict[str, list[tuple[int, int]]] = {}
    for procedure in named:
        spans = positions.get(procedure, [])
        words = {text[a:b].lower().strip() for a, b in spans}
        word = words.pop().rstrip("s") if len(words) == 1 else ""
        specific = next((q for q in candidates if q != procedure and " " not in word and word
                         and q.rsplit("_", 1)[-1] == word), procedure)
        if specific not in chosen:
            chosen.append(specific)
        where.setdefault(specific, []).extend(spans)
    return chosen, where
