"""One patient turn through the running assistant's REST webhook, and what its tracker says of it.

Shared by the held-out scorers (``run.py``, ``heldout.py``): they differ in what they score, not
in how they talk to the assistant.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any


def request_json(url: str, path: str, body: dict[str, Any] | None = None, timeout: float = 60.0) -> Any:
    data = json.dumps(body).encode("utf-8") if body is not None else None
    request = urllib.request.Request(url.rstrip("/") + path, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def exchange(url: str, token: str, sender: str, text: str, timeout: float = 60.0) -> tuple[list[dict[str, Any]],
                                                                                           dict[str, Any]]:
    """The replies to ``text`` and the conversation's tracker right after it."""
    replies = request_json(url, "/webhooks/rest/webhook", {"sender": sender, "message": text}, timeout)
    tracker = request_json(url, f"/conversations/{sender}/tracker?token={token}", timeout=timeout)
    return replies, tracker


def actions_of_last_turn(tracker: dict[str, Any]) -> list[str]:
    """The actions the assistant ran after the patient's latest message (``action_listen`` left out)."""
    events = tracker.get("events") or []
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    names = [e.get("name") for e in events[last_user + 1:] if e.get("event") == "action"]
    return [str(name) for name in names if name and name != "action_listen"]
