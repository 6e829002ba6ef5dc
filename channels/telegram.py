"""Telegram: a webhook that only Telegram can call, and replies through the Bot API.

Unlike Rasa's own Telegram channel: every update must carry the secret registered with the
webhook (``X-Telegram-Bot-Api-Secret-Token``, compared in constant time), else 403; nothing calls
Telegram per incoming update (no ``getMe``); the webhook is registered by a command
(``python -m channels.set_webhook``), never by an open URL; a redelivered ``update_id`` is
answered once. Buttons become an inline keyboard whose ``callback_data`` is a fixed-length token
of the payload (Telegram allows 64 bytes), and the numbers can still be typed.

Only private chats are answered: a bot added to a group would read other people's messages.
"""

from __future__ import annotations

import hmac
import logging
import re
from typing import Any

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.delivery import SendResult, post_with_retries
from channels.medium import Chunk, option_token
from channels.messaging import MAX_REQUEST_BYTES, Inbound, MessagingChannel

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,256}$")
MEDIA_KINDS = ("photo", "voice", "audio", "video", "video_note", "document", "sticker", "animation",
               "location", "contact", "venue", "poll", "dice")
MAX_KEYBOARD_BUTTONS = 100
MAX_BUTTON_TEXT = 64
CALLBACK_PREFIX = "o:"
START_COMMAND = re.compile(r"^/start(?:@\w+)?(?:\s|$)", re.IGNORECASE)
HELP_COMMAND = re.compile(r"^/help(?:@\w+)?\s*$", re.IGNORECASE)
START_TEXT = "hello"  # /start is how every Telegram chat opens: it is a greeting


def keyboard(chunk: Chunk) -> dict[str, Any] | None:
    """One button per row, labelled like the numbered lines, ``callback_data`` ≤ 64 bytes."""
    if not chunk.options:
        return None
    rows = [[{"text": f"{n}. {option.title}"[:MAX_BUTTON_TEXT],
              "callback_data": CALLBACK_PREFIX + option_token(option.payload)}]
            for n, option in enumerate(chunk.options[:MAX_KEYBOARD_BUTTONS], start=1)]
    return {"inline_keyboard": rows}


def parse_update(update: dict[str, Any]) -> tuple[Inbound | None, str | None]:
    """The patient message in an update (None for anything else: edits, group chats, member
    changes...) and, for a button press, the callback query id to acknowledge."""
    update_id = update.get("update_id")
    if not isinstance(update_id, int):
        return None, None
    callback = update.get("callback_query")
    if isinstance(callback, dict):
        message = callback.get("message") or {}
        chat = message.get("chat") or {}
        data = str(callback.get("data") or "")
        if chat.get("type") != "private" or not isinstance(chat.get("id"), int):
            return None, str(callback.get("id") or "") or None
        token = data[len(CALLBACK_PREFIX):] if data.startswith(CALLBACK_PREFIX) else ""
        return Inbound(f"tg:{chat['id']}", f"update:{update_id}", option_token=token), str(callback.get("id") or "")
    message = update.get("message")
    if not isinstance(message, dict):
        return None, None
    chat = message.get("chat") or {}
    if chat.get("type") != "private" or not isinstance(chat.get("id"), int):
        return None, None
    text = str(message.get("text") or message.get("caption") or "")
    has_media = any(kind in message for kind in MEDIA_KINDS)
    if not text and not has_media:  # a service message (pinned message, chat title...)
        return None, None
    inbound = Inbound(f"tg:{chat['id']}", f"update:{update_id}", text=text, has_media=has_media)
    if START_COMMAND.match(text):
        inbound.text = START_TEXT
    elif HELP_COMMAND.match(text):
        inbound.keyword = "help"
    return inbound, None


class TelegramChannel(MessagingChannel):
    """``channels.telegram.TelegramChannel`` in credentials.yml: ``access_token``,
    ``webhook_secret``; optional ``api_url`` (default https://api.telegram.org)."""

    max_chars = 4000  # Telegram allows 4096 UTF-16 units; an emoji takes two, Python counts one
    required_fields = ("access_token", "webhook_secret")

    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        values = cls.checked_credentials(credentials)
        if not SECRET_TOKEN.match(values["webhook_secret"]):
            raise ValueError("the telegram channel needs a webhook_secret (TELEGRAM_WEBHOOK_SECRET) of 16-256 "
                             "letters, digits, _ or -")
        return cls(values["access_token"], values["webhook_secret"], values.get("api_url") or "https://api.telegram.org")

    def __init__(self, access_token: str, webhook_secret: str, api_url: str) -> None:
        super().__init__()
        self.webhook_secret = webhook_secret
        self.bot_url = f"{api_url.rstrip('/')}/bot{access_token}"

    def authentic(self, request: Request) -> bool:
        given = request.headers.get(SECRET_HEADER, "")
        return hmac.compare_digest(given.encode("utf-8"), self.webhook_secret.encode("utf-8"))

    def blueprint(self, on_new_message: Any) -> Blueprint:
        webhook = self.webhook_blueprint()

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.authentic(request):
                log.warning("telegram: update without the right secret token refused")
                return response.json({"error": "forbidden"}, status=403)
            if len(request.body or b"") > MAX_REQUEST_BYTES:
                return response.json({"error": "too large"}, status=413)
            self.remember_app(request.app)
            try:
                update = request.json
            except Exception:  # noqa: BLE001 - Sanic raises several kinds for a body that is not JSON
                return response.json({"error": "not JSON"}, status=400)
            inbound, callback_id = parse_update(update) if isinstance(update, dict) else (None, None)
            if callback_id:
                self.acknowledge(callback_id)
            if inbound is not None:
                self.accept(inbound, on_new_message)
            return response.json({"ok": True})

        return webhook

    def acknowledge(self, callback_id: str) -> None:
        """Stop the button's spinner (in the background; the answer does not depend on it)."""
        self.spawn(post_with_retries(self.session, f"{self.bot_url}/answerCallbackQuery",
                                     json={"callback_query_id": callback_id[:128]}, attempts=2))

    async def deliver(self, recipient_id: str, chunk: Chunk) -> SendResult:
        chat_id = recipient_id.removeprefix("tg:")
        if not re.fullmatch(r"-?\d{1,20}", chat_id):
            return SendResult(False, 0, "not a Telegram chat id", 0)
        body: dict[str, Any] = {"chat_id": int(chat_id), "text": chunk.text, "disable_web_page_preview": True}
        markup = keyboard(chunk)
        if markup:
            body["reply_markup"] = markup
        return await post_with_retries(self.session, f"{self.bot_url}/sendMessage", json=body)
