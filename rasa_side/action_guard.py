"""Never silent: when the action server is down, slow or failing, the Rasa server replies itself.

Rasa runs a custom action by posting the tracker to the action server (``RemoteAction.run``).
When that fails, Rasa logs the error and the patient gets nothing at all. ``install`` wraps the
call: past ``ACTION_TIMEOUT_SECONDS``, on a refused connection, an HTTP error or a malformed
response, the turn ends with the content files' ``cannot_answer`` message, worded here in the Rasa
process from knowledge/messages.yml (no action server, no database). When the turn already said
something (the urgent advice is rendered on the Rasa side), nothing is added: a second, unrelated
"I can't answer" after emergency advice would only confuse. A failed override of Rasa's own session
start (the takeover guard) falls back to Rasa's default session start instead: it is no patient
turn, and the turn's own action apologises once.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from rasa.core.actions.action import ActionExecutionRejection, ActionSessionStart, RemoteAction, create_bot_utterance
from rasa.shared.core.constants import ACTION_SESSION_START_NAME
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from clinic.wording import file_message

log = logging.getLogger(__name__)

APOLOGY_KEY = "cannot_answer"
DEFAULT_TIMEOUT_SECONDS = 5.0
_GUARD_MARK = "_clinic_guarded"

RunAction = Callable[..., Awaitable[list[Event]]]


def action_timeout() -> float:
    """Seconds a custom action may take (``ACTION_TIMEOUT_SECONDS``, default 5)."""
    try:
        value = float(os.environ.get("ACTION_TIMEOUT_SECONDS", "") or DEFAULT_TIMEOUT_SECONDS)
    except ValueError:
        return DEFAULT_TIMEOUT_SECONDS
    return value if value > 0 else DEFAULT_TIMEOUT_SECONDS


def bot_spoke_this_turn(tracker: DialogueStateTracker) -> bool:
    """Whether the assistant already said something since the patient's latest message."""
    for event in reversed(tracker.events):
        if isinstance(event, BotUttered):
            return True
        if isinstance(event, UserUttered):
            return False
    return False


def apology(tracker: DialogueStateTracker) -> list[Event]:
    """The events that end a failed turn: the apology, or nothing when the turn already spoke."""
    if bot_spoke_this_turn(tracker):
        return []
    return [create_bot_utterance({"text": file_message(APOLOGY_KEY)})]


def guarded(run: RunAction, timeout: Callable[[], float] = action_timeout) -> RunAction:
    """``run`` (RemoteAction.run) with a time limit and a reply from this process when it fails."""

    async def run_once_more_if_stale(self: RemoteAction, output_channel: Any, nlg: Any,
                                     tracker: DialogueStateTracker, domain: Any) -> list[Event]:
        try:
            return await run(self, output_channel, nlg, tracker, domain)
        except RasaException as error:
            if not isinstance(error.__context__, aiohttp.ServerDisconnectedError):
                raise
            # A kept-alive connection the action server closed (it restarted): the request never
            # reached an action, so one retry on a fresh connection is safe.
            return await run(self, output_channel, nlg, tracker, domain)

    async def run_or_apologise(self: RemoteAction, output_channel: Any, nlg: Any,
                               tracker: DialogueStateTracker, domain: Any) -> list[Event]:
        try:
            return await asyncio.wait_for(run_once_more_if_stale(self, output_channel, nlg, tracker, domain),
                                          timeout())
        except ActionExecutionRejection:
            raise  # a form rejecting a slot: Rasa's own flow, not a failure
        except asyncio.TimeoutError:
            log.error("custom action %s took longer than %.1f s: the Rasa server replies instead",
                      self.name(), timeout())
        except Exception as error:  # noqa: BLE001 - whatever went wrong, the patient gets a reply; logged here
            log.error("custom action %s failed (%s): the Rasa server replies instead", self.name(),
                      type(error).__name__)
        if self.name() == ACTION_SESSION_START_NAME:
            return await ActionSessionStart().run(output_channel, nlg, tracker, domain)
        return apology(tracker)

    setattr(run_or_apologise, _GUARD_MARK, True)
    return run_or_apologise


def install() -> None:
    """Guard every custom action of this process (idempotent)."""
    if not getattr(RemoteAction.run, _GUARD_MARK, False):
        RemoteAction.run = guarded(RemoteAction.run)
