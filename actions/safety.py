"""After the urgent advice: the closing line and the staff's red-flag log.

The advice itself is not written here: the Rasa server words it (``utter_red_flag``,
``rasa_side/nlg.py``) before this action runs, so it reaches the patient even when the action
server is down. This action adds the gentle closing line (not after self-harm advice, where an
FAQ nudge would jar) and records one event per kind for the staff, trusting only the kinds the
red-flag component found.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.constants import NOT_URGENT_KINDS, RED_FLAG_KIND_SLOT
from actions.reply import ClinicAction, Reply
from actions.turn import language_prefix, latest_text, trusted_red_flag_kinds
from clinic.errors import KnowledgeBaseError
from clinic.privacy import conversation_ref
from clinic.queries import KnowledgeBase

log = logging.getLogger(__name__)

UNSPECIFIED = "unspecified"
NO_FAQ_AFTER = frozenset({"self_harm"})


def record_red_flags(kb: KnowledgeBase, tracker: Tracker, kinds: list[str]) -> None:
    """One staff-log event per kind; a database failure is logged, never shown to the patient."""
    channel = str(tracker.get_latest_input_channel() or "")
    for kind in kinds:
        try:
            event_id = kb.record_red_flag(tracker.sender_id, kind, latest_text(tracker), channel)
        except KnowledgeBaseError as error:
            log.error("red flag %s could not be recorded for conversation %s: %s", kind,
                      conversation_ref(tracker.sender_id), error)
        else:
            log.warning("red flag %s recorded as event %s (conversation %s, channel %s)", kind, event_id,
                        conversation_ref(tracker.sender_id), channel or "unknown")


class ActionRedFlag(ClinicAction):
    """Closes the urgent turn and records it; the advice was already sent by the Rasa server."""

    action_name = "action_red_flag"

    def respond(self, reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]]:
        kinds = [k for k in trusted_red_flag_kinds(tracker) if k not in NOT_URGENT_KINDS] or [UNSPECIFIED]
        reply.urgent = True
        if not NO_FAQ_AFTER & set(kinds):
            reply.say(kb.message(f"{language_prefix(tracker)}red_flag.after"))
        record_red_flags(kb, tracker, kinds)
        return [SlotSet(RED_FLAG_KIND_SLOT, kinds[0])]
