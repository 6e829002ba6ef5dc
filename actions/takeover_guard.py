"""Keeps a conversation paused while staff have taken it over.

Rasa resumes a paused conversation in two ways the patient controls: a typed ``/restart`` (the
processor handles the restart intent even when paused, and ``Restarted`` clears the pause) and a
new session after the session expiry (``SessionStarted`` resets the tracker, pause included).
These two overrides of Rasa's default actions put the pause back, so only staff, through the
console's hand-back (``ConversationResumed``), resume the bot.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ConversationPaused, FollowupAction, Restarted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

CARRIED_OVER_WHEN_PAUSED = ("session_started_metadata",)


class ActionRestartUnlessPaused(Action):
    """``action_restart``: a restart as usual, except while staff hold the conversation."""

    def name(self) -> str:
        return "action_restart"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        if tracker.is_paused():
            # Nothing happens, and nothing more is predicted for this message: without the
            # follow-up, Rasa would go on predicting (the fallback) because the latest message is
            # still the restart intent, which it handles even in a paused conversation.
            return [FollowupAction("action_listen")]
        return [Restarted()]


class ActionSessionStartKeepingPause(Action):
    """``action_session_start``: Rasa's default (a new session, then listen), plus the pause again
    when the previous session was paused, and the channel metadata Rasa's default carries over."""

    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        events: list[dict[str, Any]] = [SessionStarted()]
        metadata = tracker.get_slot("session_started_metadata")
        if metadata:
            events.append(SlotSet("session_started_metadata", metadata))
        if tracker.is_paused():
            events.append(ConversationPaused())
        events.append(ActionExecuted("action_listen"))
        return events
