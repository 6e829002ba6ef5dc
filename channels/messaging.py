"""The part of the Telegram, SMS and WhatsApp channels that does not depend on the platform.

A platform channel checks who is calling (signature or secret; 403 otherwise), parses the
request into ``Inbound`` messages and calls ``accept``; the webhook then answers 200 at once.
In the background, per patient and in order, the message is:

1. dropped when its platform id was seen before (a redelivery);
2. answered without the assistant when it is an SMS keyword (STOP: nothing; HELP; START) or has
   no text (a photo or voice note: "I can only read text messages");
3. otherwise mapped to the payload of an option the bot offered ("2", an option's words, a
   Telegram button) and handed to Rasa; the bot messages Rasa produces are collected in order
   (urgent advice first, as Rasa made them), the first reply of a conversation gets the clinic's
   contact line after the disclaimer, and the turn is sent as few texts as the medium allows,
   with retries, through the platform's API.
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.delivery import (
    RecentIds,
    SenderLocks,
    SendResult,
    client_session,
    masked,
    redact_phone_numbers_in_logs,
)
from channels.history import Conversation, read_conversation
from channels.medium import BotMessage, Chunk, Option, choose_option, compose_turn, payload_for_token
from channels.output import DirectOutput, TurnCollector
from channels.whatsapp_window import window_status
from clinic.queries import KnowledgeBase

log = logging.getLogger(__name__)

MAX_INPUT_CHARS = 4096
MAX_REQUEST_BYTES = 256 * 1024
MAX_TURNS_IN_FLIGHT = 16
SHUTDOWN_GRACE_SECONDS = 10.0


@dataclass
class Inbound:
    """One patient message as the platform delivered it, already authenticated."""

    sender_id: str
    message_id: str
    text: str = ""
    has_media: bool = False
    option_token: str | None = None
    keyword: str | None = None


class MessagingChannel(InputChannel, ABC):
    """Base of the clinic's messaging channels. Subclasses authenticate and parse requests in
    ``blueprint`` and implement ``deliver``; ``max_chars`` is the medium's length limit."""

    max_chars = 1600
    required_fields: tuple[str, ...] = ()

    @classmethod
    def checked_credentials(cls, credentials: dict[str, Any] | None) -> dict[str, str]:
        """The channel's credentials as strings; a missing secret stops the server from starting
        (clinic/channels.py names the ``.env`` variable behind each field). Also turns on the
        redaction of phone numbers in the logs, before the first message is logged."""
        values = {key: str(value or "").strip() for key, value in (credentials or {}).items()}
        missing = [key for key in cls.required_fields if not values.get(key)]
        if missing:
            raise ValueError(f"the {cls.name()} channel refuses to start without {', '.join(missing)} "
                             "(set its variables in .env: README, Messaging apps)")
        redact_phone_numbers_in_logs()
        return values

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """The channel from its credentials.yml section; subclasses take the checked dict."""
        return cls(cls.checked_credentials(credentials))  # type: ignore[call-arg]

    def __init__(self) -> None:
        self.recent_ids = RecentIds()
        self.sender_locks = SenderLocks()
        self.opted_out: set[str] = set()
        self.knowledge = KnowledgeBase()
        self._session: aiohttp.ClientSession | None = None
        self._app: Sanic | None = None
        self._tasks: set[asyncio.Task] = set()
        self._in_flight = asyncio.Semaphore(MAX_TURNS_IN_FLIGHT)

    # --- what a platform channel provides ---------------------------------------------------------
    @abstractmethod
    async def deliver(self, recipient_id: str, chunk: Chunk) -> SendResult:
        """Send one text (with its options, for a medium with real buttons) to ``recipient_id``."""

    async def refusal_reason(self, recipient_id: str) -> str | None:
        """Why a message outside a turn may not be sent now (None: it may)."""
        if recipient_id in self.opted_out:
            return "the patient replied STOP; they must text START before they can be messaged again"
        return None

    def get_output_channel(self) -> OutputChannel:
        return DirectOutput(self)

    # --- shared plumbing ------------------------------------------------------------------------
    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = client_session()
        return self._session

    def remember_app(self, app: Sanic) -> None:
        self._app = app

    def webhook_blueprint(self) -> Blueprint:
        """The channel's blueprint with a health route; it remembers the app when the server
        starts, so staff messages sent before any patient writes can read the tracker store."""
        webhook = Blueprint(f"clinic_{self.name()}_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.listener("after_server_start")
        async def remember(app: Sanic, _loop: Any) -> None:
            self.remember_app(app)

        @webhook.listener("before_server_stop")
        async def finish(_app: Sanic, _loop: Any) -> None:
            await self.finish_pending()

        return webhook

    async def finish_pending(self, timeout: float = SHUTDOWN_GRACE_SECONDS) -> None:
        """On shutdown: let turns in progress send their replies (a patient whose message was
        acknowledged would otherwise never be answered), then close the HTTP session."""
        if self._tasks:
            log.info("%s: waiting for %d reply(ies) before stopping", self.name(), len(self._tasks))
            await asyncio.wait(set(self._tasks), timeout=timeout)
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def _tracker(self, sender_id: str, every_session: bool = False) -> Any:
        """The conversation's tracker; ``every_session``: with the events of earlier sessions too
        (the SQL tracker store's ``retrieve`` stops at the latest session start)."""
        agent = getattr(self._app.ctx, "agent", None) if self._app is not None else None
        if agent is None or agent.tracker_store is None:
            return None
        store = agent.tracker_store
        return await (store.retrieve_full_tracker(sender_id) if every_session else store.retrieve(sender_id))

    async def conversation(self, sender_id: str) -> Conversation:
        return read_conversation(await self._tracker(sender_id))

    async def whatsapp_window_refusal(self, recipient_id: str) -> str | None:
        """Why WhatsApp would refuse a free-form message to ``recipient_id`` now (None: open)."""
        # The window runs from the patient's last message, which may lie in an earlier session.
        tracker = await self._tracker(recipient_id, every_session=True)
        events = [event.as_dict() for event in tracker.events] if tracker is not None else []
        status = window_status(events)
        return None if status.open else status.reason

    async def message(self, key: str) -> str:
        """A text of knowledge/messages.yml (through the database), read off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(None, self.knowledge.message, key)

    def accept(self, inbound: Inbound, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> bool:
        """Schedule ``inbound`` to be answered in the background; False for a redelivery."""
        if not self.recent_ids.first_time(f"{self.name()}:{inbound.message_id}"):
            log.info("%s: message %s from %s was delivered again; answered once",
                     self.name(), inbound.message_id[:64], masked(inbound.sender_id))
            return False
        self.spawn(self._answer(inbound, on_new_message))
        return True

    def spawn(self, work: Coroutine[Any, Any, Any]) -> None:
        """Run ``work`` in the background, holding a reference until it ends."""
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _answer(self, inbound: Inbound, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        async with self._in_flight, self.sender_locks.hold(inbound.sender_id):
            try:
                messages = await self._turn(inbound, on_new_message)
                await self.send_turn(inbound.sender_id, messages)
            except Exception:  # the webhook has answered already; the log is where this goes
                log.exception("%s: message from %s could not be answered", self.name(), masked(inbound.sender_id))

    async def _turn(self, inbound: Inbound, on_new_message: Callable[[UserMessage], Awaitable[Any]]
                    ) -> list[BotMessage]:
        sender = inbound.sender_id
        if inbound.keyword == "stop":
            self.opted_out.add(sender)
            log.info("%s: %s opted out (STOP); no reply", self.name(), masked(sender))
            return []
        if inbound.keyword == "start":
            self.opted_out.discard(sender)
            return [BotMessage(await self.message("messaging.start"))]
        if inbound.keyword == "help":
            return [BotMessage(await self.message("messaging.help"))]
        if sender in self.opted_out:
            log.info("%s: %s has opted out; message not answered", self.name(), masked(sender))
            return []
        conversation = await self.conversation(sender)
        if not inbound.text.strip() and inbound.option_token is None and inbound.has_media:
            messages = [BotMessage(await self.message("messaging.media_only"))]
            if not conversation.bot_spoke_this_session:
                messages.insert(0, BotMessage(await self.message("disclaimer")))
            return messages
        text = self._text_for_rasa(inbound, conversation.last_turn, conversation.offered)
        if text is None:
            return []
        collector = TurnCollector(self.name())
        await on_new_message(UserMessage(text, collector, sender, input_channel=self.name(),
                                         message_id=inbound.message_id[:128]))
        return await self._with_contact_line(sender, collector.messages)

    def _text_for_rasa(self, inbound: Inbound, last_turn: Sequence[BotMessage],
                       offered: Sequence[Option]) -> str | None:
        """The patient's text, or the payload of the option they chose (only ever one the bot
        offered in this session); None for a button press that matches no such option (a stale
        keyboard from an ended session, or forged data), which is not answered."""
        if inbound.option_token is not None:
            payload = payload_for_token(inbound.option_token, offered)
            if payload is None:
                log.info("%s: %s pressed a button not offered in this session", self.name(), masked(inbound.sender_id))
            return payload
        text = inbound.text[:MAX_INPUT_CHARS]
        return choose_option(text, last_turn) or text

    async def _with_contact_line(self, sender_id: str, messages: list[BotMessage]) -> list[BotMessage]:
        """The clinic's contact line right after the disclaimer, in whichever reply carries it
        (the assistant adds it to the first reply of every conversation and session, first or
        after urgent advice). SMS adds the carriers' HELP and STOP keywords."""
        if not messages:
            return messages
        disclaimer = (await self.message("disclaimer")).strip()
        position = next((i + 1 for i, m in enumerate(messages) if m.text.strip() == disclaimer), None)
        if position is None:
            return messages
        key = "messaging.contact_sms" if sender_id.startswith("sms:") else "messaging.contact"
        return [*messages[:position], BotMessage(await self.message(key)), *messages[position:]]

    async def send_turn(self, recipient_id: str, messages: Sequence[BotMessage]) -> None:
        """Send a turn's messages, composed for the medium, in order; a text that fails after its
        retries is logged and the rest of the turn is not sent (it would read out of context)."""
        for chunk in compose_turn(messages, self.max_chars):
            result = await self.deliver(recipient_id, chunk)
            if not result.ok:
                log.error("%s: reply to %s failed after %d attempt(s): HTTP %s %s", self.name(),
                          masked(recipient_id), result.attempts, result.status, result.body[:200])
                return
