"""After two failed attempts to understand in a row, offer a callback from the front desk.

A failed attempt is a patient message the assistant could not place: the fallback (the "did you
mean" and "sorry, I didn't understand" replies) or out of scope. Answers to the callback form (a
name, "weekday mornings") are not questions and break the run. Counted over the current session's
patient messages, so the offer comes at the second, fourth... failure in a row, not at every one.
"""

from __future__ import annotations

from rasa_sdk import Tracker

FAILED_INTENTS = frozenset({"nlu_fallback", "out_of_scope"})
FORM_ACTIONS = frozenset({"callback_form"})
FAILURES_BEFORE_OFFER = 2
CALLBACK_PAYLOAD = "/request_callback"


def failures_in_a_row(tracker: Tracker) -> int:
    """How many of the latest patient messages in this session, counting back, were not understood."""
    count = 0
    answered_by = ""  # walking backwards, the first action after the user message seen last
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "session_started":
            break
        if kind == "action" and event.get("name") != "action_listen":
            answered_by = str(event.get("name") or "")
            continue
        if kind != "user":
            continue
        intent = str(((event.get("parse_data") or {}).get("intent") or {}).get("name") or "")
        if intent not in FAILED_INTENTS or answered_by in FORM_ACTIONS:
            break
        count += 1
        answered_by = ""
    return count


def should_offer_callback(tracker: Tracker) -> bool:
    failures = failures_in_a_row(tracker)
    return failures > 0 and failures % FAILURES_BEFORE_OFFER == 0
