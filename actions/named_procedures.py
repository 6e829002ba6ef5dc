"""Which procedures, treatments and tests a message names, where, and which of them its question asks
about: kept apart from the other turn readers because every answer that names a procedure starts here."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.constants import PROCEDURE_ENTITIES
from actions.turn import latest_text
from clinic.question_parts import question_focus, short_question_focus

# "my physio mentioned Botox", "the physical therapist said": the therapist who speaks is a person,
# not the therapy asked about.
_SPEAKER = re.compile(r"(?:physio|physiotherapist|physio therapist|physical therapist|therapist)$", re.IGNORECASE)
_SPEAKS = re.compile(r"\s+(?:has |had |also |just )?(?:said|says|mentioned|mentions|told|tells|suggested|suggests|"
                     r"recommended|recommends|thinks|thought|reckons|advised|advises|explained|asked|wants|wanted|"
                     r"(?:talked|talks|spoke|speaks) (?:about|of)|brought up)\b",
                     re.IGNORECASE)


def procedure_entities(tracker: Tracker) -> list[dict[str, Any]]:
    """This message's procedure, treatment and test entities, without a therapist who speaks."""
    text = latest_text(tracker)
    return [e for e in tracker.latest_message.get("entities") or []
            if e.get("entity") in PROCEDURE_ENTITIES and e.get("value") is not None and not (
                _SPEAKER.search(text[int(e.get("start") or 0):int(e.get("end") or 0)])
                and _SPEAKS.match(text, int(e.get("end") or 0)))]


def mentioned_procedures(tracker: Tracker) -> list[str]:
    """The distinct procedures, treatments and tests named in this very message, in order."""
    return list(dict.fromkeys(str(e["value"]) for e in procedure_entities(tracker)))


def procedure_positions(tracker: Tracker) -> dict[str, list[tuple[int, int]]]:
    """Where each procedure named in the message is (start, end): each of several questions gets
    its own, and the name's words are not counted again as words of the question."""
    positions: dict[str, list[tuple[int, int]]] = {}
    for entity in procedure_entities(tracker):
        span = (int(entity.get("start") or 0), int(entity.get("end") or 0))
        positions.setdefault(str(entity["value"]), []).append(span)
    return positions


def named_within(named: list[str], positions: dict[str, list[tuple[int, int]]], span: tuple[int, int]) -> list[str]:
    """The procedures of ``named`` whose name lies within ``span`` of the message."""
    return [p for p in named if any(span[0] <= start < span[1] for start, _ in positions.get(p, []))]


def asked_procedures(tracker: Tracker) -> list[str]:
    """The procedures this message asks about: in a long story, those named in its question
    sentence(s) ("I've done physio for a year... which treatments do you have for this?" asks about
    the treatments, not about physio, which the story names as tried)."""
    named = mentioned_procedures(tracker)
    text = latest_text(tracker)
    long_focus = question_focus(text, with_context=False)
    focus = long_focus or short_question_focus(text)
    if focus is None or not named:
        return named
    positions = procedure_positions(tracker)
    asked = named_within(named, positions, focus)
    # a shorter message whose question names none of them ("I'm having a graft. Will it hurt?") asks about them all
    return asked if asked or long_focus is not None else named


def procedures_outside(tracker: Tracker, excluded: str) -> list[str]:
    """The procedures this message names, leaving out those named inside ``excluded`` ("not the graft")."""
    text = latest_text(tracker)
    start = text.lower().find(excluded.lower()) if excluded else -1
    end = start + len(excluded)
    found = []
    for entity in procedure_entities(tracker):
        if start >= 0 and start <= int(entity.get("start") or 0) < end:
            continue
        found.append(str(entity["value"]))
    return list(dict.fromkeys(found))
