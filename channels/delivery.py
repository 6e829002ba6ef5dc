"""What every messaging channel needs around the network: process a message once, keep a
patient's turns in order, send with retries without blocking the event loop, keep phone numbers
out of the logs.

- Telegram, Twilio and Meta redeliver a webhook they think failed; ``RecentIds`` remembers the
  ids of the last two days (bounded), so a redelivered update is answered once. It is per
  process: with several Rasa processes, route a channel's webhook to one of them.
- ``post_with_retries`` is an aiohttp call (never a blocking client in the event loop) retried
  on network errors, 429 and 5xx with backoff, honouring ``Retry-After``; a 4xx is final.
- ``PhoneNumberRedactor`` rewrites every log record of the Rasa process that carries a phone
  number (Rasa logs sender ids at DEBUG) before any handler writes it.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

PHONE_NUMBER = re.compile(r"(?<![\w+])(?:(?:sms|wa|whatsapp):\+?\d{5,15}|\+\d{7,15})(?!\d)")
TWO_DAYS = 48 * 3600.0
RETRYABLE_STATUSES = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 30.0


def masked(sender_id: str) -> str:
    """A sender id fit for a log line: the channel prefix and a short hash, never the number."""
    prefix, _, _rest = sender_id.rpartition(":")
    digest = hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:10]
    return f"{prefix}:#{digest}" if prefix else f"#{digest}"


class PhoneNumberRedactor(logging.Filter):
    """Replaces phone numbers (E.164 "+" and 7 to 15 digits, or digits behind an ``sms:``, ``wa:``
    or ``whatsapp:`` prefix) in log messages by a hash, so logs can be kept and shared without the patients' numbers."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed log record (bad format args) is not ours to fix
            return True
        redacted = PHONE_NUMBER.sub(lambda m: masked(m.group(0)), message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def redact_phone_numbers_in_logs() -> None:
    """Attach the redactor to every handler of the root logger (once). Filters on handlers see
    the records of every logger that propagates to them, Rasa's and Sanic's included."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, PhoneNumberRedactor) for f in handler.filters):
            handler.addFilter(PhoneNumberRedactor())


class RecentIds:
    """The message ids seen in the last ``ttl`` seconds, at most ``capacity`` of them."""

    def __init__(self, ttl: float = TWO_DAYS, capacity: int = 50_000):
        self.ttl, self.capacity = ttl, capacity
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, message_id: str, now: float | None = None) -> bool:
        """True the first time ``message_id`` is seen (and remembers it); False for a repeat."""
        now = time.monotonic() if now is None else now
        while self._seen:
            oldest, seen_at = next(iter(self._seen.items()))
            if now - seen_at <= self.ttl and len(self._seen) < self.capacity:
                break
            self._seen.pop(oldest)
        if message_id in self._seen:
            return False
        self._seen[message_id] = now
        return True


class SenderLocks:
    """One lock per conversation, so a patient's turns are answered in the order they came,
    even though each is processed in the background. Locks nobody waits for are dropped."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}

    @asynccontextmanager
    async def hold(self, sender_id: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(sender_id, asyncio.Lock())
        self._users[sender_id] = self._users.get(sender_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[sender_id] -= 1
            if not self._users[sender_id]:
                del self._users[sender_id], self._locks[sender_id]


@dataclass(frozen=True)
class SendResult:
    ok: bool
    status: int
    body: str
    attempts: int


def _retry_after(response_headers: Any, body: str, default: float) -> float:
    """Seconds to wait before retrying: ``Retry-After`` or Telegram's ``retry_after``."""
    header = response_headers.get("Retry-After", "") if response_headers is not None else ""
    found = re.search(r'"retry_after"\s*:\s*(\d+)', body)
    for value in (header, found.group(1) if found else ""):
        if value and value.strip().isdigit():
            return min(float(value), MAX_RETRY_AFTER)
    return default


async def post_with_retries(session: aiohttp.ClientSession, url: str, *, attempts: int = 4,
                            backoff: float = 0.5, **request: Any) -> SendResult:
    """POST ``request`` (json=, data=, headers=, auth=) to ``url``, retrying what may succeed
    later. Never raises for HTTP or network failures: the caller logs the result."""
    status, body = 0, ""
    for attempt in range(1, attempts + 1):
        delay = backoff * 2 ** (attempt - 1)
        try:
            async with session.post(url, **request) as response:
                status, body = response.status, (await response.text())[:2000]
                if status < 300:
                    return SendResult(True, status, body, attempt)
                if status not in RETRYABLE_STATUSES:
                    return SendResult(False, status, body, attempt)
                delay = _retry_after(response.headers, body, delay)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            status, body = 0, type(error).__name__
        if attempt < attempts:
            await asyncio.sleep(delay)
    return SendResult(False, status, body, attempts)


def client_session(timeout_seconds: float = 15.0) -> aiohttp.ClientSession:
    """A session for one channel's outbound calls (created inside the running event loop)."""
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout_seconds))
