"""The urgent reply: first in the turn, recorded for staff, and sent even if the database is down."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from sqlalchemy.exc import SQLAlchemyError

from actions.constants import RED_FLAG_KIND_ENTITY, RED_FLAG_KIND_SLOT
from actions.reply import ClinicAction, Reply
from actions.turn import entity_value, latest_text
from clinic.queries import KnowledgeBase

log = logging.getLogger(__name__)

UNSPECIFIED = "unspecified"
NO_FAQ_AFTER = frozenset({"self_harm"})


def conversation_ref(conversation_id: str) -> str:
    """A short, stable stand-in for the sender id in logs (Telegram and SMS ids identify people)."""
    return hashlib.sha256(conversation_id.encode("utf-8")).hexdigest()[:12]


class ActionRedFlag(ClinicAction):
    """Sends the advice for the red-flag kind the NLU pipeline found, then records the event."""

    action_name = "action_red_flag"

    def respond(self, reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]]:
        kind = entity_value(tracker, RED_FLAG_KIND_ENTITY) or UNSPECIFIED
        reply.urgent = True
        try:
            reply.say(kb.message(f"red_flag.{kind}"))
        except KeyError:
            kind = UNSPECIFIED
            reply.say(kb.message(f"red_flag.{UNSPECIFIED}"))
        if kind not in NO_FAQ_AFTER:
            reply.say(kb.message("red_flag.after"))
        channel = str(tracker.get_latest_input_channel() or "")
        try:
            event_id = kb.record_red_flag(tracker.sender_id, kind, latest_text(tracker), channel)
        except SQLAlchemyError:
            log.exception("red flag %s could not be recorded for conversation %s", kind,
                          conversation_ref(tracker.sender_id))
        else:
            log.warning("red flag %s recorded as event %s (conversation %s, channel %s)", kind, event_id,
                        conversation_ref(tracker.sender_id), channel or "unknown")
        return [SlotSet(RED_FLAG_KIND_SLOT, kind)]
