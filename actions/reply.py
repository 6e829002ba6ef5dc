"""Collecting a reply and sending it, with the rules every reply obeys.

- The first reply of every conversation, on every channel, carries the disclaimer: before the
  answer, or right after an urgent message so that urgent advice is always read first.
- A database failure never ends the conversation: the action says so politely and logs it.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.constants import POSSIBLY_URGENT, RED_FLAG_KIND_ENTITY
from actions.stuck import CALLBACK_PAYLOAD, should_offer_callback
from actions.turn import bot_spoke_this_session, entity_value, latest_text
from clinic.queries import KnowledgeBase

log = logging.getLogger(__name__)

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

    messages: list[tuple[str, list[Button]]] = field(default_factory=list)
    urgent: bool = False

    def say(self, text: str, buttons: list[Button] | None = None) -> None:
        if text.strip() or buttons:
            self.messages.append((text.strip(), list(buttons or [])))

    def send(self, dispatcher: CollectingDispatcher, tracker: Tracker, kb: KnowledgeBase) -> None:
        messages = list(self.messages)
        if not bot_spoke_this_session(tracker):
            disclaimer = (kb.message("disclaimer"), [])
            messages = messages + [disclaimer] if self.urgent else [disclaimer, *messages]
        for text, buttons in messages:
            dispatcher.utter_message(text=text, buttons=[{"title": b.title, "payload": b.payload} for b in buttons])


def note_possible_urgency(reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> None:
    """The classifier, but no red-flag rule, read this as urgent: lead with a short safety note
    and put the message in the staff's red-flag log for review; the answer follows as usual."""
    reply.say(kb.message(f"red_flag.{POSSIBLY_URGENT}"))
    reply.urgent = True
    try:
        kb.record_red_flag(tracker.sender_id, POSSIBLY_URGENT, latest_text(tracker),
                           str(tracker.get_latest_input_channel() or ""))
    except SQLAlchemyError:
        log.exception("a possibly urgent message could not be recorded")


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
        try:
            if entity_value(tracker, RED_FLAG_KIND_ENTITY) == POSSIBLY_URGENT:
                note_possible_urgency(reply, tracker, kb)
            events = self.respond(reply, tracker, kb)
        except SQLAlchemyError:
            log.exception("%s: knowledge base unavailable", self.name())
            if not reply.urgent:  # safety advice already collected is kept; a half-built answer is not
                reply.messages.clear()
            reply.say(kb.message("service_unavailable"))
            events = []
        if should_offer_callback(tracker):
            reply.say(kb.message("callback.offer"), [Button(kb.message("callback.offer_button"), CALLBACK_PAYLOAD)])
        reply.send(dispatcher, tracker, kb)
        return events
