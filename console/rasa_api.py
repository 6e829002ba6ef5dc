"""The console's only ways to act on a conversation: Rasa's HTTP API (with its token) and, for the
"ask the assistant" preview, the action server's webhook with a tracker that exists nowhere else.

Appending events with ``output_channel=latest`` and ``execute_side_effects=true`` makes Rasa send a
staff reply through whatever channel the patient last used (socket.io widget, Telegram, Twilio),
from inside the Rasa process, which is the only place that can reach a socket.io client.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import quote

import requests

TIMEOUT = 10
SAFE_IN_PATH = ":+@!$&'()*,;="


class RasaUnavailable(RuntimeError):
    """Rasa (or the action server) did not answer or refused the request."""


class RasaClient:
    def __init__(self, base_url: str, token: str, action_server_url: str):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.action_server_url = action_server_url

    def _post(self, path: str, payload: Any, **params: str) -> Any:
        try:
            response = requests.post(f"{self.base_url}{path}", json=payload, timeout=TIMEOUT,
                                     params={"token": self.token, **params})
        except requests.RequestException as error:
            raise RasaUnavailable(f"Rasa did not answer: {type(error).__name__}") from error
        if response.status_code >= 400:
            raise RasaUnavailable(f"Rasa answered {response.status_code}")
        return response.json() if response.content else None

    def _append(self, conversation_id: str, events: list[dict[str, Any]]) -> None:
        # Rasa does not decode the id in this path: keep ":" and "+" ("web:...", "sms:+1...") as they are.
        self._post(f"/conversations/{quote(conversation_id, safe=SAFE_IN_PATH)}/tracker/events", events,
                   include_events="NONE", output_channel="latest", execute_side_effects="true")

    def pause(self, conversation_id: str) -> None:
        self._append(conversation_id, [{"event": "pause", "timestamp": time.time()}])

    def resume(self, conversation_id: str) -> None:
        self._append(conversation_id, [{"event": "resume", "timestamp": time.time()}])

    def staff_reply(self, conversation_id: str, staff: str, text: str) -> None:
        self._append(conversation_id, [{"event": "bot", "text": text, "timestamp": time.time(),
                                        "metadata": {"staff": staff}}])

    def parse(self, text: str) -> dict[str, Any]:
        return dict(self._post("/model/parse", {"text": text}) or {})

    def preview(self, parse: dict[str, Any], action: str) -> list[dict[str, Any]]:
        """Run ``action`` on a throw-away tracker holding only this message: the reply the patient
        would get, with no conversation stored anywhere. The tracker already has a bot turn, so the
        first-reply disclaimer is left out of the preview."""
        tracker: dict[str, Any] = {
            "sender_id": "console-preview", "slots": {}, "latest_message": parse, "paused": False,
            "events": [{"event": "session_started"}, {"event": "bot", "text": ""},
                       {"event": "user", "text": parse.get("text", ""), "parse_data": parse}],
            "latest_event_time": time.time(), "followup_action": None, "active_loop": {},
            "latest_action_name": "action_listen", "latest_input_channel": "console",
        }
        try:
            response = requests.post(self.action_server_url, timeout=TIMEOUT, json={
                "next_action": action, "sender_id": "console-preview", "tracker": tracker, "domain": {},
                "version": "3.6.21"})
        except requests.RequestException as error:
            raise RasaUnavailable(f"the action server did not answer: {type(error).__name__}") from error
        if response.status_code >= 400:
            raise RasaUnavailable(f"the action server answered {response.status_code}")
        return list(response.json().get("responses") or [])
