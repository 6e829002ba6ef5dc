"""What Rasa sends the action server: the events the actions read, not the whole conversation.

Rasa posts the entire tracker with every custom action call, so each turn of a long conversation
costs more than the one before (serialising, sending and parsing every earlier event). The
actions read only the current message, the slots, the previous message's intent and text
(``actions.turn.previous_user_event``) and whether the assistant has spoken in this session
(``actions.turn.bot_spoke_this_session``). ``trimmed_events`` keeps exactly what those need:
the session's opening events up to its first reply, and everything from the patient's previous
message on. Longer context lives in slots, which are always sent whole.
"""

from __future__ import annotations

from typing import Any

import rasa
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

_MARK = "_clinic_trimmed"
USER, BOT, SESSION_STARTED = "user", "bot", "session_started"


def kept_positions(kinds: list[str]) -> list[int]:
    """Which events to send, given each event's type name: the session's start up to its first
    bot reply, then everything from the patient's previous message on."""
    user_positions = [i for i, kind in enumerate(kinds) if kind == USER]
    if len(user_positions) < 2:
        return list(range(len(kinds)))
    tail_start = user_positions[-2]
    session_start = max((i for i in range(tail_start) if kinds[i] == SESSION_STARTED), default=0)
    first_reply = next((i for i in range(session_start, tail_start) if kinds[i] == BOT), None)
    if first_reply is not None:
        head = list(range(session_start, first_reply + 1))
    else:  # the assistant has not spoken in this session: its start event says so
        head = [session_start] if kinds[session_start] == SESSION_STARTED else []
    return [*head, *range(tail_start, len(kinds))]


def recent_events(events: list[Event]) -> list[dict[str, Any]]:
    kinds = [str(getattr(event, "type_name", "")) for event in events]
    return [events[i].as_dict() for i in kept_positions(kinds)]


def call_body(action: RemoteAction, tracker: DialogueStateTracker, domain: Any) -> dict[str, Any]:
    """Rasa's request body for a custom action, with only the recent events serialised."""
    state = tracker.current_state(EventVerbosity.NONE)
    state["events"] = recent_events(list(tracker.events))
    body = {"next_action": action.name(), "sender_id": tracker.sender_id, "tracker": state,
            "version": rasa.__version__}
    if not action._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(action.name()):
        body["domain"] = domain.as_dict()
    return body


def install() -> None:
    """Send recent events only, for every custom action call of this process (idempotent)."""
    if not getattr(RemoteAction._action_call_format, _MARK, False):
        setattr(call_body, _MARK, True)
        RemoteAction._action_call_format = call_body
