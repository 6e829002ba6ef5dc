"""The callback form's checks, the known-contact rule of messaging channels, and the offer after
two misunderstandings in a row."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.stuck import failures_in_a_row, should_offer_callback
from clinic.callbacks import Contact, known_contact, record_callback, valid_contact, valid_name
from clinic.db import get_engine
from clinic.frontdesk import CallbackRequest


@pytest.mark.parametrize("text, expected", [
    ("Mary O'Neil", "Mary O'Neil"), ("  José   Álvarez-Ruiz ", "José Álvarez-Ruiz"), ("李小龙", "李小龙"),
])
def test_names_accepted(text: str, expected: str) -> None:
    assert valid_name(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "how long is recovery?", "<script>alert(1)</script>", "R2D2",
                                  "a" * 81, "x " * 10_000, "one two three four five six seven"])
def test_names_refused(text: str) -> None:
    assert valid_name(text) is None


@pytest.mark.parametrize("text, expected", [
    ("+44 20 7946 0958", Contact("phone", "+442079460958")), ("(555) 010-0000", Contact("phone", "5550100000")),
    ("mary.oneil@example.co.uk", Contact("email", "mary.oneil@example.co.uk")),
])
def test_contacts_accepted(text: str, expected: Contact) -> None:
    assert valid_contact(text) == expected


@pytest.mark.parametrize("text", ["12345", "call me", "mary@", "@example.com", "mary@example",
                                  "+1 555 0100 0000 0000 1", "555-0100; DROP TABLE", "a@b.c" + "c" * 300,
                                  "1" * 100_000])
def test_contacts_refused(text: str) -> None:
    assert valid_contact(text) is None


def test_messaging_sender_ids_carry_the_contact() -> None:
    assert known_contact("sms:+15550100") == Contact("sms", "+15550100")
    assert known_contact("wa:+15550100") == Contact("whatsapp", "+15550100")
    assert known_contact("tg:12345") == Contact("telegram", "12345")
    assert known_contact("web:abc") is None
    assert known_contact("sms:") is None
    assert known_contact("patient-1") is None


def test_a_callback_is_stored(tmp_path) -> None:
    engine = get_engine(f"sqlite:///{tmp_path / 'cb.db'}")
    new_id = record_callback(engine, conversation_id="web:1", channel="socketio", name="Ann",
                             contact=Contact("phone", "+15550100"), preferred_time="mornings", question="scar")
    with Session(engine) as session:
        row = session.scalars(select(CallbackRequest)).one()
    assert (row.id, row.status, row.contact_kind, row.question) == (new_id, "open", "phone", "scar")


def tracker_with(intents: list[str]) -> Tracker:
    events = [{"event": "session_started"}]
    for intent in intents:
        events += [{"event": "user", "text": "x", "parse_data": {"intent": {"name": intent}}},
                   {"event": "bot", "text": "reply"}]
    return Tracker("t", {}, events[-2]["parse_data"] if intents else {}, events, False, None, {}, "action_listen")


@pytest.mark.parametrize("intents, failures, offer", [
    (["nlu_fallback"], 1, False),
    (["nlu_fallback", "out_of_scope"], 2, True),
    (["ask_risks", "nlu_fallback", "nlu_fallback"], 2, True),
    (["nlu_fallback", "ask_risks", "nlu_fallback"], 1, False),
    (["nlu_fallback", "nlu_fallback", "nlu_fallback"], 3, False),
    (["nlu_fallback"] * 4, 4, True),
    (["ask_risks", "greet"], 0, False),
])
def test_callback_offered_after_two_failures_in_a_row(intents: list[str], failures: int, offer: bool) -> None:
    tracker = tracker_with(intents)
    assert failures_in_a_row(tracker) == failures
    assert should_offer_callback(tracker) is offer


def test_answers_to_the_callback_form_are_not_failures() -> None:
    """A name and "weekday mornings" read as fallback, but the form took them: no run of failures."""
    events = [{"event": "session_started"}]
    for text in ("Maria Lopez", "weekday mornings"):
        events += [{"event": "user", "text": text, "parse_data": {"intent": {"name": "nlu_fallback"}}},
                   {"event": "action", "name": "callback_form"}, {"event": "action", "name": "action_listen"}]
    events.append({"event": "user", "text": "blorp", "parse_data": {"intent": {"name": "nlu_fallback"}}})
    tracker = Tracker("t", {}, events[-1]["parse_data"], events, False, None, {}, "action_listen")
    assert failures_in_a_row(tracker) == 1 and not should_offer_callback(tracker)
