"""WhatsApp's customer-service window: a business may send a free-form message only within 24
hours of the person's last message to it (later, only a pre-approved template). Meta refuses
such messages (error 131047) and repeated attempts can cost the number its quality rating.

Plain Python over tracker events as the tracker store keeps them (dicts with ``event``,
``timestamp``), so the staff console can ask the same question from its own process:

    from channels.whatsapp_window import window_status
    status = window_status(events, now=time.time())
    if not status.open: show(status.reason)
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

WINDOW_SECONDS = 24 * 3600.0


@dataclass(frozen=True)
class WindowStatus:
    """``open``: a free-form message may be sent now; ``closes_at``: Unix time the window closes
    (closed since, when in the past); ``reason``: why it is closed, for the person sending."""

    open: bool
    closes_at: float | None
    reason: str


def last_patient_message_at(events: Iterable[Mapping[str, Any]]) -> float | None:
    """The Unix time of the patient's latest message among ``events`` (None if none)."""
    latest = None
    for event in events:
        if event.get("event") == "user" and isinstance(event.get("timestamp"), (int, float)):
            latest = max(latest or 0.0, float(event["timestamp"]))
    return latest


def window_status(events: Iterable[Mapping[str, Any]], now: float | None = None) -> WindowStatus:
    """Whether WhatsApp's 24-hour window is open for this conversation at ``now``."""
    now = time.time() if now is None else now
    last = last_patient_message_at(events)
    if last is None:
        return WindowStatus(False, None, "the patient has not written on WhatsApp yet; WhatsApp only allows a "
                                         "reply within 24 hours of the patient's last message")
    closes_at = last + WINDOW_SECONDS
    if now < closes_at:
        return WindowStatus(True, closes_at, "")
    closed = datetime.fromtimestamp(closes_at, tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return WindowStatus(False, closes_at, f"WhatsApp's 24-hour window closed at {closed} (24 hours after the "
                                          "patient's last message); a reply is possible again once they write")
