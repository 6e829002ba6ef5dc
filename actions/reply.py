"""Collecting a reply and sending it, with the rules every reply obeys.

- The first reply of every conversation, on every channel, carries the disclaimer: before the
  answer, or right after an urgent message so that urgent advice is always read first.
- No failure ends in silence: a knowledge-base failure gets "can't reach the clinic's information",
  any other exception "I can't answer right now"; both are logged by type and place only, never with
  the patient's text. Urgent advice already collected is kept, and nothing is added after it.
- ``respond`` runs in a worker thread: the red-flag log is written to the database, and that write
  must not stall the action server's event loop (every other read is served from memory).
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.constants import CHECK_IN, POSSIBLY_URGENT
from actions.memory import memory_events
from actions.stuck import CALLBACK_PAYLOAD, should_offer_callback
from actions.turn import bot_spoke_this_session, language_prefix, latest_text, trusted_red_flag_kinds
from clinic.errors import KnowledgeBaseError
from clinic.queries import KnowledgeBase

log = logging.getLogger(__name__)

# Channels whose clients show an answer's sources ("From the clinic's page"). Others get none:
# an SMS would carry the `custom` data as a text of its own, and REST clients an extra message.
SOURCE_CHANNELS = frozenset({"web"})

_knowledge_base: KnowledgeBase | None = None


def knowledge_base() -> KnowledgeBase:
    """The action server's one knowledge base (its engine holds the connection pool)."""
    global _knowledge_base
    if _knowledge_base is None:
        _knowledge_base = KnowledgeBase()
    return _knowledge_base


@dataclass
class Button:
    title: str
    payload: str


@dataclass
class Reply:
    """The messages of one bot turn. ``urgent`` keeps urgent advice ahead of the disclaimer."""

    messages: list[tuple[str, list[Button], list[str]]] = field(default_factory=list)
    urgent: bool = False
    disclaimer_key: str = "disclaimer"  # "es.disclaimer" when the patient wrote in Spanish
    reserved: int = 0  # characters of lines said after the answer (the check-in line): answers leave room

    def said_length(self) -> int:
        """Characters of what the turn says so far: an answer's length limit counts them too."""
        return sum(len(text) for text, _, _ in self.messages)

    def answered(self) -> bool:
        """Whether the turn says facts of the page (they come with their sources), not only a question back."""
        return any(sources for _, _, sources in self.messages)

    def say(self, text: str, buttons: list[Button] | None = None, sources: list[str] | None = None) -> None:
        """Add a message; ``sources`` are the page sentences an answer rests on (the widget shows them)."""
        if text.strip() or buttons:
            self.messages.append((text.strip(), list(buttons or []), list(sources or [])))

    def send(self, dispatcher: CollectingDispatcher, tracker: Tracker, kb: KnowledgeBase) -> None:
        messages = list(self.messages)
        if not bot_spoke_this_session(tracker):
            disclaimer: tuple[str, list[Button], list[str]] = (kb.message(self.disclaimer_key), [], [])
            messages = messages + [disclaimer] if self.urgent else [disclaimer, *messages]
        show_sources = tracker.get_latest_input_channel() in SOURCE_CHANNELS
        for text, buttons, sources in messages:
            extra = {"json_message": {"sources": sources}} if sources and show_sources else {}
            dispatcher.utter_message(text=text, buttons=[{"title": b.title, "payload": b.payload} for b in buttons],
                                     **extra)


def record_for_staff(kb: KnowledgeBase, tracker: Tracker, kind: str) -> None:
    """Put this message in the staff's red-flag log; a database failure only costs the log entry."""
    try:
        kb.record_red_flag(tracker.sender_id, kind, latest_text(tracker), str(tracker.get_latest_input_channel() or ""))
    except KnowledgeBaseError as error:
        log.error("a %s message could not be recorded: %s", kind, error)


def add_check_in(reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> None:
    """An ambiguous statement of distress: the question is answered, then one gentle line, and staff see it."""
    reply.say(kb.message(f"{language_prefix(tracker)}red_flag.{CHECK_IN}"))
    record_for_staff(kb, tracker, CHECK_IN)


def note_possible_urgency(reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> None:
    """The classifier, but no red-flag rule, read this as urgent: lead with a short safety note
    and put the message in the staff's red-flag log for review; the answer follows as usual."""
    reply.say(kb.message(f"red_flag.{POSSIBLY_URGENT}"))
    reply.urgent = True
    record_for_staff(kb, tracker, POSSIBLY_URGENT)


class ClinicAction(Action, ABC):
    """Base for every action: builds a Reply with ``respond`` and sends it safely."""

    action_name = ""

    def name(self) -> str:
        return self.action_name

    @abstractmethod
    def respond(self, reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]]:
        """Fill ``reply`` and return the events (slot changes) of this turn."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        kb = knowledge_base()
        reply = Reply()
        events = await asyncio.to_thread(self.respond_or_apologise, reply, tracker, kb)
        events = events + memory_events(tracker, events)
        # a turn that answered from the page, however unsure the classifier was, is no failure to understand
        if should_offer_callback(tracker) and not reply.answered():
            reply.say(kb.message("callback.offer"), [Button(kb.message("callback.offer_button"), CALLBACK_PAYLOAD)])
        reply.send(dispatcher, tracker, kb)
        return events

    def respond_or_apologise(self, reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]]:
        """``respond``, or an apology when it fails (urgent advice already in ``reply`` is kept)."""
        kinds = trusted_red_flag_kinds(tracker)
        try:
            if POSSIBLY_URGENT in kinds:
                note_possible_urgency(reply, tracker, kb)
            if CHECK_IN in kinds:
                reply.reserved = len(kb.message(f"{language_prefix(tracker)}red_flag.{CHECK_IN}"))
            events = self.respond(reply, tracker, kb)
            if CHECK_IN in kinds:
                add_check_in(reply, tracker, kb)
            return events
        except KnowledgeBaseError as error:
            log.error("%s: knowledge base unavailable: %s", self.name(), error)
            apologise(reply, kb, "service_unavailable")
        except Exception as error:  # noqa: BLE001 - any bug still gets a reply; logged below without patient text
            log.error("%s failed with %s at %s", self.name(), type(error).__name__, where_it_failed(error))
            apologise(reply, kb, "cannot_answer")
        return []


def apologise(reply: Reply, kb: KnowledgeBase, key: str) -> None:
    """Replace a half-built answer by the apology ``key``; after urgent advice, add nothing."""
    if reply.urgent:
        return
    reply.messages.clear()
    reply.say(kb.message(key))


def where_it_failed(error: BaseException) -> str:
    """File, line and function of each frame: enough to find the bug, and never the message
    (an exception's text may quote what the patient wrote)."""
    frames = traceback.extract_tb(error.__traceback__)
    return " <- ".join(f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} {frame.name}" for frame in reversed(frames))
