"""Twilio (SMS, and WhatsApp through Twilio): a webhook only Twilio can call, replies through
Twilio's REST API without blocking the event loop.

Unlike Rasa's own Twilio channel: every request's ``X-Twilio-Signature`` is checked with the
``twilio`` package's ``RequestValidator`` against the public URL configured in ``.env`` (and the
``AccountSid`` must be the clinic's), else 403 before anything reaches the assistant; the webhook
answers an empty TwiML at once and the reply is sent in the background with retries; a repeated
``MessageSid`` is answered once; buttons become numbered lines in one text, never one SMS each.

SMS keywords behave as carriers expect: STOP (and STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT) gets
no reply from the assistant and nothing is sent to that number until START; HELP names the
clinic and its number. Twilio's own ``OptOutType`` field is honoured when it is present.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import parse_qs

from aiohttp import BasicAuth
from sanic import Blueprint, response
from sanic.request import Request, RequestParameters
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator

from channels.delivery import SendResult, post_with_retries
from channels.medium import Chunk, sms_keyword
from channels.messaging import MAX_REQUEST_BYTES, Inbound, MessagingChannel

log = logging.getLogger(__name__)

PHONE = re.compile(r"^\+\d{5,15}$")
MESSAGE_SID = re.compile(r"^(?:SM|MM|SMS|MMS)[0-9a-zA-Z]{1,40}$")
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
TWILIO_MAX_BODY = 1600
OPT_OUT_TYPES = {"STOP": "stop", "START": "start", "HELP": "help"}


def form_fields(request: Request) -> RequestParameters | None:
    """The POST fields with blank values kept (Sanic's ``request.form`` drops them, which would
    make a media-only message's signature fail); None when the body is not a form."""
    if not (request.content_type or "").startswith("application/x-www-form-urlencoded"):
        return None
    try:
        return RequestParameters(parse_qs((request.body or b"").decode("utf-8"), keep_blank_values=True))
    except UnicodeDecodeError:
        return None


def sender_id_of(from_field: str) -> str | None:
    """``sms:+15551234567`` for an SMS, ``wa:+15551234567`` for WhatsApp through Twilio."""
    whatsapp = from_field.startswith("whatsapp:")
    medium, number = ("wa", from_field.removeprefix("whatsapp:")) if whatsapp else ("sms", from_field)
    return f"{medium}:{number}" if PHONE.match(number) else None


def parse_message(form: Any) -> Inbound | None:
    """The message in a Twilio webhook form, or None when it is not a patient's message (a
    delivery-status callback, which carries the clinic's own number as ``From``, is not)."""
    sender = sender_id_of(str(form.get("From") or ""))
    sid = str(form.get("MessageSid") or form.get("SmsMessageSid") or "")
    status = str(form.get("MessageStatus") or form.get("SmsStatus") or "received").lower()
    if sender is None or not MESSAGE_SID.match(sid) or status != "received":
        return None
    text = str(form.get("Body") or "").replace("¡", "@")  # some carriers turn @ into ¡
    try:
        media = int(str(form.get("NumMedia") or "0")) > 0
    except ValueError:
        media = False
    media = media or bool(form.get("Latitude"))
    inbound = Inbound(sender, sid, text=text, has_media=media)
    if sender.startswith("sms:"):
        inbound.keyword = OPT_OUT_TYPES.get(str(form.get("OptOutType") or "").upper()) or sms_keyword(text)
    return inbound


class TwilioChannel(MessagingChannel):
    """``channels.twilio_sms.TwilioChannel`` in credentials.yml: ``account_sid``, ``auth_token``,
    ``number`` (the SMS sender), ``webhook_url`` (the public URL Twilio calls: signatures are
    computed over it); optional ``whatsapp_number``, ``api_url``, ``max_chars``."""

    required_fields = ("account_sid", "auth_token", "number", "webhook_url")

    @classmethod
    def name(cls) -> str:
        return "twilio"

    def __init__(self, credentials: dict[str, str]) -> None:
        super().__init__()
        self.account_sid = credentials["account_sid"]
        self.auth = BasicAuth(self.account_sid, credentials["auth_token"])
        self.validator = RequestValidator(credentials["auth_token"])
        self.number = credentials["number"]
        self.whatsapp_number = credentials.get("whatsapp_number", "")
        self.webhook_url = credentials["webhook_url"]
        api_url = credentials.get("api_url") or "https://api.twilio.com"
        self.messages_url = f"{api_url.rstrip('/')}/2010-04-01/Accounts/{self.account_sid}/Messages.json"
        self.max_chars = min(int(credentials.get("max_chars") or TWILIO_MAX_BODY), TWILIO_MAX_BODY)

    def authentic(self, form: RequestParameters, signature: str) -> bool:
        """Twilio signs the URL it called plus every POST field, empty ones included."""
        if not signature or form.get("AccountSid") != self.account_sid:
            return False
        return bool(self.validator.validate(self.webhook_url, form, signature))

    def blueprint(self, on_new_message: Any) -> Blueprint:
        webhook = self.webhook_blueprint()

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if len(request.body or b"") > MAX_REQUEST_BYTES:
                return response.text("too large", status=413)
            form = form_fields(request)
            if form is None or not self.authentic(form, request.headers.get("X-Twilio-Signature", "")):
                log.warning("twilio: request without a valid X-Twilio-Signature refused")
                return response.text("forbidden", status=403)
            self.remember_app(request.app)
            inbound = parse_message(form)
            if inbound is not None:
                self.accept(inbound, on_new_message)
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return webhook

    def _parties(self, recipient_id: str) -> tuple[str, str] | None:
        medium, _, number = recipient_id.partition(":")
        if not PHONE.match(number):
            return None
        if medium == "sms":
            return number, self.number
        if medium == "wa" and self.whatsapp_number:
            return f"whatsapp:{number}", f"whatsapp:{self.whatsapp_number.removeprefix('whatsapp:')}"
        return None

    async def refusal_reason(self, recipient_id: str) -> str | None:
        reason = await self.whatsapp_window_refusal(recipient_id) if recipient_id.startswith("wa:") else None
        return reason or await super().refusal_reason(recipient_id)

    async def deliver(self, recipient_id: str, chunk: Chunk) -> SendResult:
        parties = self._parties(recipient_id)
        if parties is None:
            return SendResult(False, 0, "no Twilio sender for this recipient", 0)
        to, sender = parties
        return await post_with_retries(self.session, self.messages_url, auth=self.auth,
                                       data={"To": to, "From": sender, "Body": chunk.text})
