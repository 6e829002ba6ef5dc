"""The website widget's channel: Rasa's socket.io channel with server-issued, socket-bound sessions.

What it changes from ``rasa.core.channels.socketio.SocketIOInput`` and why:
- **The server issues the session.** ``session_request`` answers with a fresh id and a signed
  token (``channels/web_session.py``); a client resumes a conversation only with its token, and
  any other request gets a new conversation. A socket is bound to one session: messages go into
  the bound session whatever ``session_id`` they carry (a different one is refused), and replies go
  to the sockets bound to it. A second client that learns an id can neither read nor post.
- **Sender ids carry the channel**: ``web:<session id>``, so staff tools and logs can tell where a
  conversation came from and a widget id can never collide with another channel's.
- **Only the clinic's site may connect**: the socket.io ``connect`` handler refuses a connection
  whose ``Origin`` is not in ``CLINIC_SITE_ORIGINS`` (browsers always send it; non-browser clients
  are not the risk an origin check addresses). Not engine.io's own check: it adds CORS headers of its
  own, which doubled with the ones the Rasa server adds (``--cors``) break the polling transport.
- **One ``bot_uttered`` event per bot message**, carrying its text, buttons and ``custom`` data
  (the page sentences an answer rests on). Rasa's channel splits text at blank lines and sends
  custom data as a separate, broken event (``emit(**json)``).
- **Every message is acknowledged**, so the widget knows what was delivered and can offer a retry
  instead of losing a message silently; bad input is refused with a reason the widget can show.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from channels.web_session import SessionIssuer, WebSession
from clinic.settings import get_site_settings

log = logging.getLogger(__name__)

CHANNEL_NAME = "web"
MAX_MESSAGE_CHARS = 1000
MAX_PAYLOAD_BYTES = 16_000
RATE_WINDOW_SECONDS = 60.0
RATE_MAX_MESSAGES = 30
DEFAULT_MAX_AGE_HOURS = 24


class ClinicWebOutput(OutputChannel):
    """Sends each bot message as one event to the sockets bound to its conversation."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    def __init__(self, sio: AsyncServer, bot_message_evt: str) -> None:
        self.sio = sio
        self.bot_message_evt = bot_message_evt

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        event = bot_event(message)
        if event:
            await self.sio.emit(self.bot_message_evt, event, room=recipient_id)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: list[dict[str, Any]],
                                     **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text, "buttons": buttons})

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"custom": json_message})


def bot_event(message: dict[str, Any]) -> dict[str, Any]:
    """The widget's view of one bot message: text, buttons (title and payload), custom data."""
    event: dict[str, Any] = {}
    if isinstance(message.get("text"), str) and message["text"].strip():
        event["text"] = message["text"]
    buttons = message.get("buttons") or message.get("quick_replies") or []
    shown = [{"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
             for b in buttons if isinstance(b, dict) and b.get("title")]
    if shown:
        event["buttons"] = shown
    if isinstance(message.get("custom"), dict) and message["custom"]:
        event["custom"] = message["custom"]
    if message.get("staff"):
        # A staff reply from the console (its event metadata names the author): the patient is told a
        # person is writing, never who (the console's user name stays inside the clinic).
        event["custom"] = {**event.get("custom", {}), "staff": True}
    return event


class RateLimit:
    """At most ``limit`` events per ``window`` seconds for one socket: a constant cost per event."""

    def __init__(self, limit: int = RATE_MAX_MESSAGES, window: float = RATE_WINDOW_SECONDS) -> None:
        self.limit, self.window = limit, window
        self.times: deque[float] = deque()

    def allow(self, now: float) -> bool:
        while self.times and now - self.times[0] > self.window:
            self.times.popleft()
        if len(self.times) >= self.limit:
            return False
        self.times.append(now)
        return True


def origin_allowed(origin: str | None, allowed: list[str]) -> bool:
    """A browser's ``Origin`` must be one of the site's; no header (not a browser) passes, ``*`` allows all."""
    return origin is None or "*" in allowed or origin.rstrip("/") in allowed


def message_problem(data: object, bound: WebSession) -> str | None:
    """Why a ``user_uttered`` payload is refused, or None when it may go to the assistant."""
    if not isinstance(data, dict):
        return "invalid"
    claimed = data.get("session_id")
    if claimed not in (None, "", bound.session_id):
        return "session_mismatch"
    text = data.get("message")
    if not isinstance(text, str):
        return "invalid"
    if not text.strip():
        return "empty"
    if len(text) > MAX_MESSAGE_CHARS:
        return "too_long"
    return None


class ClinicWebInput(SocketIOInput):
    """Rasa's socket.io channel with the session handling described in the module docstring."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        return cls(
            user_message_evt=credentials.get("user_message_evt", "user_uttered"),
            bot_message_evt=credentials.get("bot_message_evt", "bot_uttered"),
            socketio_path=credentials.get("socketio_path", "/socket.io"),
            max_age_hours=float(credentials.get("session_max_age_hours", DEFAULT_MAX_AGE_HOURS)),
        )

    def __init__(self, user_message_evt: str = "user_uttered", bot_message_evt: str = "bot_uttered",
                 socketio_path: str = "/socket.io", max_age_hours: float = DEFAULT_MAX_AGE_HOURS,
                 origins: tuple[str, ...] | None = None, secret: str | None = None) -> None:
        super().__init__(user_message_evt, bot_message_evt, None, True, socketio_path)
        site = get_site_settings()
        self.origins = list(origins if origins is not None else site.origins)
        secret = secret or site.session_secret
        if not secret:
            log.warning("WEB_SESSION_SECRET is not set: widget conversations will not survive a restart")
            secret = secrets.token_urlsafe(32)
        self.issuer = SessionIssuer(secret, int(max_age_hours * 3600))
        self.sessions: dict[str, WebSession] = {}  # socket id -> its conversation
        self.limits: dict[str, RateLimit] = {}
        self.tasks: set[asyncio.Task] = set()

    def get_output_channel(self) -> OutputChannel | None:
        return ClinicWebOutput(self.sio, self.bot_message_evt) if self.sio is not None else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # cors_allowed_origins=[]: engine.io adds no CORS headers (Sanic's CORS does); origins are checked on connect.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[], max_http_buffer_size=MAX_PAYLOAD_BYTES)
        self.sio = sio
        webhook = SocketBlueprint(sio, self.socketio_path, "clinic_web_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect")
        async def connect(sid: str, environ: dict, auth: Any = None) -> bool:
            if not origin_allowed(environ.get("HTTP_ORIGIN"), self.origins):
                log.warning("web socket refused: origin %.100r not in CLINIC_SITE_ORIGINS", environ.get("HTTP_ORIGIN"))
                return False
            self.limits[sid] = RateLimit()
            return True

        @sio.on("disconnect")
        async def disconnect(sid: str) -> None:
            self.sessions.pop(sid, None)
            self.limits.pop(sid, None)

        @sio.on("session_request")
        async def session_request(sid: str, data: Any = None) -> None:
            if not self.limits.get(sid, RateLimit()).allow(time.monotonic()):
                await sio.emit("session_refused", {"error": "too_fast"}, room=sid)
                return
            data = data if isinstance(data, dict) else {}
            session = self.issuer.resume(data.get("session_id"), data.get("session_token"))
            resumed = session is not None
            session = session or self.issuer.new_session()
            await self._bind(sid, session)
            await sio.emit("session_confirm", {"session_id": session.session_id,
                                               "session_token": session.token, "resumed": resumed}, room=sid)

        @sio.on(self.user_message_evt)
        async def handle_message(sid: str, data: Any = None) -> dict[str, Any]:
            session = self.sessions.get(sid)
            if session is None:
                return {"ok": False, "error": "no_session"}
            problem = message_problem(data, session)
            if problem is None and not self.limits.get(sid, RateLimit()).allow(time.monotonic()):
                problem = "too_fast"
            if problem is not None:
                log.info("web message refused (%s) on %s", problem, session.sender_id)
                return {"ok": False, "error": problem}
            output = ClinicWebOutput(sio, self.bot_message_evt)
            message = UserMessage(data["message"], output, session.sender_id, input_channel=CHANNEL_NAME,
                                  metadata={})
            task = asyncio.create_task(self._handle(on_new_message, message))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
            return {"ok": True}

        return webhook

    async def _bind(self, sid: str, session: WebSession) -> None:
        """Bind the socket to ``session`` (and only to it): it leaves any conversation it had."""
        assert self.sio is not None
        previous = self.sessions.get(sid)
        if previous is not None and previous.session_id != session.session_id:
            await _maybe_await(self.sio.leave_room(sid, previous.sender_id))
        self.sessions[sid] = session
        await _maybe_await(self.sio.enter_room(sid, session.sender_id))

    @staticmethod
    async def _handle(on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage) -> None:
        try:
            await on_new_message(message)
        except Exception:  # a failed turn must not end the socket's other turns
            log.exception("web message of %s failed", message.sender_id)


async def _maybe_await(result: Any) -> None:
    """python-socketio made ``enter_room``/``leave_room`` coroutines in 5.10; accept both."""
    if inspect.isawaitable(result):
        await result
