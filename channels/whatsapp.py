"""WhatsApp Business Cloud API (Meta): Rasa has no maintained connector, so this is the clinic's.

- ``GET /webhooks/whatsapp/webhook`` answers Meta's verification challenge when ``hub.verify_token``
  is the clinic's (constant-time compare), else 403.
- ``POST`` must carry ``X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body with the app
  secret>``, else 403; only messages to the clinic's own ``phone_number_id`` are read; delivery
  statuses and reactions are ignored; a repeated message id is answered once.
- Replies go through the Graph API (``/{phone_number_id}/messages``) as plain text, the options
  numbered in the same message, in the background with retries.
- Free-form messages outside WhatsApp's 24-hour window (a staff reply through Rasa's HTTP API)
  are refused with the reason (``channels/whatsapp_window.py``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
from collections.abc import Iterator
from typing import Any

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.delivery import SendResult, post_with_retries
from channels.medium import Chunk
from channels.messaging import MAX_REQUEST_BYTES, Inbound, MessagingChannel

log = logging.getLogger(__name__)

WA_ID = re.compile(r"^\d{5,15}$")
CHALLENGE = re.compile(r"^[A-Za-z0-9_-]{1,200}$")
MEDIA_TYPES = {"image", "audio", "voice", "video", "document", "sticker", "location", "contacts"}
WHATSAPP_MAX_TEXT = 4096


def signature_of(body: bytes, app_secret: str) -> str:
    return "sha256=" + hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def _message_text(message: dict[str, Any]) -> str:
    kind = message.get("type")
    if kind == "text":
        return str((message.get("text") or {}).get("body") or "")
    if kind == "button":  # a template's quick reply
        return str((message.get("button") or {}).get("text") or "")
    if kind == "interactive":
        reply = (message.get("interactive") or {})
        chosen = reply.get("button_reply") or reply.get("list_reply") or {}
        return str(chosen.get("title") or "")
    return ""


def parse_messages(payload: dict[str, Any], phone_number_id: str) -> Iterator[Inbound]:
    """The patient messages of a webhook payload sent to the clinic's number."""
    if payload.get("object") != "whatsapp_business_account":
        return
    for entry in payload.get("entry") or []:
        for change in (entry or {}).get("changes") or []:
            value = (change or {}).get("value") or {}
            to_clinic = (value.get("metadata") or {}).get("phone_number_id") == phone_number_id
            if change.get("field") != "messages" or not to_clinic:
                continue
            for message in value.get("messages") or []:
                if not isinstance(message, dict) or message.get("type") in {"reaction", "system", "unsupported"}:
                    continue
                sender, message_id = str(message.get("from") or ""), str(message.get("id") or "")
                if not WA_ID.match(sender) or not message_id:
                    continue
                yield Inbound(f"wa:+{sender}", message_id[:200], text=_message_text(message),
                              has_media=message.get("type") in MEDIA_TYPES)


class WhatsAppChannel(MessagingChannel):
    """``channels.whatsapp.WhatsAppChannel`` in credentials.yml: ``access_token``,
    ``phone_number_id``, ``app_secret``, ``verify_token``; optional ``api_url``
    (default https://graph.facebook.com/v19.0)."""

    max_chars = WHATSAPP_MAX_TEXT
    required_fields = ("access_token", "phone_number_id", "app_secret", "verify_token")

    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    def __init__(self, credentials: dict[str, str]) -> None:
        super().__init__()
        self.phone_number_id = credentials["phone_number_id"]
        self.app_secret = credentials["app_secret"]
        self.verify_token = credentials["verify_token"]
        self.headers = {"Authorization": f"Bearer {credentials['access_token']}"}
        api_url = credentials.get("api_url") or "https://graph.facebook.com/v19.0"
        self.messages_url = f"{api_url.rstrip('/')}/{self.phone_number_id}/messages"

    def authentic(self, request: Request) -> bool:
        given = request.headers.get("X-Hub-Signature-256", "")
        expected = signature_of(request.body or b"", self.app_secret)
        return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))

    def blueprint(self, on_new_message: Any) -> Blueprint:
        webhook = self.webhook_blueprint()

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token", "")
            challenge = request.args.get("hub.challenge", "")
            if (request.args.get("hub.mode") == "subscribe" and CHALLENGE.match(challenge)
                    and hmac.compare_digest(token.encode("utf-8"), self.verify_token.encode("utf-8"))):
                return response.text(challenge)
            log.warning("whatsapp: webhook verification with a wrong token refused")
            return response.text("forbidden", status=403)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if len(request.body or b"") > MAX_REQUEST_BYTES:
                return response.text("too large", status=413)
            if not self.authentic(request):
                log.warning("whatsapp: request without a valid X-Hub-Signature-256 refused")
                return response.text("forbidden", status=403)
            self.remember_app(request.app)
            try:
                payload = json.loads(request.body)
            except ValueError:
                return response.text("not JSON", status=400)
            if isinstance(payload, dict):
                for inbound in parse_messages(payload, self.phone_number_id):
                    self.accept(inbound, on_new_message)
            return response.text("ok")

        return webhook

    async def refusal_reason(self, recipient_id: str) -> str | None:
        return await self.whatsapp_window_refusal(recipient_id) or await super().refusal_reason(recipient_id)

    async def deliver(self, recipient_id: str, chunk: Chunk) -> SendResult:
        number = recipient_id.removeprefix("wa:+")
        if not WA_ID.match(number):
            return SendResult(False, 0, "not a WhatsApp number", 0)
        body = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": number,
                "type": "text", "text": {"body": chunk.text, "preview_url": False}}
        return await post_with_retries(self.session, self.messages_url, headers=self.headers, json=body)
