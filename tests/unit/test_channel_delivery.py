"""Once-only processing, retries of outbound calls, phone numbers kept out of logs, WhatsApp's
24-hour window."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest

from channels.delivery import PhoneNumberRedactor, RecentIds, SenderLocks, client_session, masked, post_with_retries
from channels.whatsapp_window import WINDOW_SECONDS, window_status
from tests.channels.fake_apis import FakeApi


@pytest.fixture
def api() -> Iterator[FakeApi]:
    fake = FakeApi("telegram", 0).start()
    yield fake
    fake.stop()


def test_a_message_id_is_processed_once() -> None:
    seen = RecentIds(ttl=60, capacity=3)
    assert seen.first_time("a", now=0) and seen.first_time("b", now=1)
    assert not seen.first_time("a", now=2)
    assert seen.first_time("a", now=100)  # forgotten after the ttl
    for n in range(5):
        seen.first_time(f"x{n}", now=101)
    assert len(seen._seen) <= 3


def test_turns_of_one_sender_wait_for_each_other() -> None:
    locks, order = SenderLocks(), []

    async def turn(name: str, sender: str, pause: float) -> None:
        async with locks.hold(sender):
            order.append(f"{name} start")
            await asyncio.sleep(pause)
            order.append(f"{name} end")

    async def main() -> None:
        await asyncio.gather(turn("first", "sms:1", 0.05), turn("second", "sms:1", 0), turn("other", "sms:2", 0))

    asyncio.run(main())
    assert order.index("first end") < order.index("second start")
    assert order.index("other end") < order.index("first end")
    assert not locks._locks


def test_outbound_calls_are_retried_on_server_errors(api: FakeApi) -> None:
    api.fail_next(500, 503)

    async def send():
        async with client_session() as session:
            return await post_with_retries(session, f"{api.url}/send", json={"text": "hi"}, backoff=0.01)

    result = asyncio.run(send())
    assert result.ok and result.attempts == 3
    assert [c.body for c in api.calls] == [{"text": "hi"}]


def test_a_client_error_is_not_retried(api: FakeApi) -> None:
    api.fail_next(400)

    async def send():
        async with client_session() as session:
            return await post_with_retries(session, f"{api.url}/send", json={}, backoff=0.01)

    result = asyncio.run(send())
    assert not result.ok and result.status == 400 and result.attempts == 1


def test_an_unreachable_api_gives_up_after_the_attempts() -> None:
    async def send():
        async with client_session(2) as session:
            return await post_with_retries(session, "http://127.0.0.1:9/send", json={}, attempts=2, backoff=0.01)

    result = asyncio.run(send())
    assert not result.ok and result.status == 0 and result.attempts == 2


@pytest.mark.parametrize("message, hidden", [
    ("Starting a new session for conversation ID 'sms:+15551234567'.", "15551234567"),
    ("sender wa:+447700900123 said hello", "447700900123"),
    ("From whatsapp:+15550001111", "15550001111"),
    ("call +15550001111 back", "15550001111"),
])
def test_phone_numbers_are_redacted_from_log_records(message: str, hidden: str) -> None:
    record = logging.LogRecord("rasa", logging.DEBUG, __file__, 1, "%s", (message,), None)
    PhoneNumberRedactor().filter(record)
    assert hidden not in record.getMessage()
    assert "#" in record.getMessage()


def test_other_numbers_in_logs_are_left_alone() -> None:
    message = "2026-12-01 05:35:00 loaded 12345 facts in 250 ms, tg:123456789"
    record = logging.LogRecord("rasa", logging.INFO, __file__, 1, message, (), None)
    PhoneNumberRedactor().filter(record)
    assert record.getMessage() == message


def test_masked_sender_ids_keep_the_channel_only() -> None:
    assert masked("sms:+15551234567").startswith("sms:#")
    assert "1234567" not in masked("sms:+15551234567")
    assert masked("sms:+15551234567") != masked("sms:+15551234568")


def test_whatsapp_window_is_open_for_24_hours_after_the_patients_last_message() -> None:
    events = [{"event": "user", "timestamp": 1000.0}, {"event": "bot", "timestamp": 1001.0},
              {"event": "user", "timestamp": 5000.0}, {"event": "bot", "timestamp": 90000.0}]
    assert window_status(events, now=5000.0 + WINDOW_SECONDS - 1).open
    closed = window_status(events, now=5000.0 + WINDOW_SECONDS + 1)
    assert not closed.open and closed.closes_at == 5000.0 + WINDOW_SECONDS
    assert "24-hour window closed at 1970-01-02 01:23 UTC" in closed.reason


def test_whatsapp_window_is_closed_before_the_patient_writes() -> None:
    status = window_status([{"event": "bot", "timestamp": 10.0}], now=20.0)
    assert not status.open and status.closes_at is None and "not written" in status.reason
