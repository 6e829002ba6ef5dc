"""Conversation ids for the website widget, issued by the server and proven by a signed token.

Rasa's own socket.io channel lets the client choose its ``session_id`` and joins whatever room it
names, so anyone who learns an id (from a shared screen, a log, a staff view) can read and post
into that conversation. Here the server draws the id and hands out, with it, a token: an HMAC of
the id and the time it was issued, under a secret only the server knows. A client resumes a
conversation (after a reload, a reconnect or a server restart) only by showing the token, so the
id alone is worth nothing; the secret survives restarts (``WEB_SESSION_SECRET`` or
``var/web_session_secret``), the conversation lasts as long as the token is younger than its
maximum age. No Rasa imports: tested on its own.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass

SESSION_ID = re.compile(r"[0-9a-f]{32}")
TOKEN = re.compile(r"(\d{1,12})\.([A-Za-z0-9_-]{43})")
SENDER_PREFIX = "web:"


@dataclass(frozen=True)
class WebSession:
    """A conversation the server issued: ``session_id`` is shown to the client, ``token`` proves it."""

    session_id: str
    token: str

    @property
    def sender_id(self) -> str:
        """Rasa's conversation key; the prefix says which channel a conversation came through."""
        return SENDER_PREFIX + self.session_id


class SessionIssuer:
    """Issues and checks session tokens with one secret. ``clock`` is replaceable for tests."""

    def __init__(self, secret: str, max_age_seconds: int, clock=time.time):
        if len(secret) < 16:
            raise ValueError("the web session secret must have at least 16 characters")
        self._key = secret.encode("utf-8")
        self.max_age_seconds = max_age_seconds
        self._clock = clock

    def _mac(self, session_id: str, issued: int) -> str:
        digest = hmac.new(self._key, f"{session_id}.{issued}".encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def _token(self, session_id: str) -> str:
        issued = int(self._clock())
        return f"{issued}.{self._mac(session_id, issued)}"

    def new_session(self) -> WebSession:
        session_id = secrets.token_hex(16)
        return WebSession(session_id, self._token(session_id))

    def resume(self, session_id: object, token: object) -> WebSession | None:
        """The session with a fresh token when ``token`` proves ``session_id``; None otherwise.

        Anything malformed (wrong type, wrong shape, a forged or expired token) is simply not a
        session: the caller starts a new conversation. The shape checks come first, so a hostile
        value costs no more than a regular expression over a bounded string.
        """
        if not isinstance(session_id, str) or not isinstance(token, str) or len(token) > 64:
            return None
        if not SESSION_ID.fullmatch(session_id):
            return None
        match = TOKEN.fullmatch(token)
        if match is None:
            return None
        issued = int(match.group(1))
        age = self._clock() - issued
        if age < -60 or age > self.max_age_seconds:  # a minute of clock skew between workers
            return None
        if not hmac.compare_digest(match.group(2), self._mac(session_id, issued)):
            return None
        return WebSession(session_id, self._token(session_id))
