"""While staff hold a conversation, neither a typed /restart nor a new session resumes the bot."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.takeover_guard import ActionRestartUnlessPaused, ActionSessionStartKeepingPause


def tracker(paused: bool) -> Tracker:
    return Tracker("web:1", {"session_started_metadata": {"channel": "web"}}, {}, [], paused, None, {}, "action_listen")


def run(action, paused: bool) -> list[dict]:
    return asyncio.run(action.run(CollectingDispatcher(), tracker(paused), {}))


@pytest.mark.parametrize("paused, expected", [(False, ["restart"]), (True, ["followup"])])
def test_restart_is_refused_while_paused(paused: bool, expected: list[str]) -> None:
    assert [e["event"] for e in run(ActionRestartUnlessPaused(), paused)] == expected


@pytest.mark.parametrize("paused, expected", [
    (False, ["session_started", "slot", "action"]),
    (True, ["session_started", "slot", "pause", "action"]),
])
def test_a_new_session_keeps_the_pause(paused: bool, expected: list[str]) -> None:
    events = run(ActionSessionStartKeepingPause(), paused)
    assert [e["event"] for e in events] == expected
    assert events[-1]["name"] == "action_listen"
