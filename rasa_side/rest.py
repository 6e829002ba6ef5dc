"""The REST webhook with its input checked before anything reaches the assistant.

Rasa's own REST channel passes whatever JSON it gets: a message without ``sender`` joins the one
shared conversation "default", a number or a list as ``message`` fails deep inside the pipeline and
the client gets ``[]``, and ``input_channel`` and ``metadata`` are taken from the client. Here:
- ``sender`` must be a non-empty string of printable characters (at most ``MAX_SENDER_LENGTH``),
  ``message`` a string: anything else is a 400 with a sentence saying what is wrong;
- an empty or whitespace-only message gets the content files' ``empty_message`` reply;
- the channel name is always "rest" and client metadata is dropped;
- a sender id of a messaging channel (``sms:``, ``wa:``, ``tg:``) is refused with 403: only those
  channels, after checking the platform's signature, may speak for that patient.
The URL stays ``/webhooks/rest/webhook``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.rest import is_messaging_sender
from clinic.wording import file_message

MAX_SENDER_LENGTH = 128
EMPTY_MESSAGE_KEY = "empty_message"


def payload_problem(payload: Any) -> str | None:
    """What is wrong with a webhook body, in one sentence; None when it can be handled."""
    if not isinstance(payload, dict):
        return "the body must be a JSON object with 'sender' and 'message'"
    sender = payload.get("sender")
    if not isinstance(sender, str) or not sender.strip():
        return "'sender' must be a non-empty string that identifies the conversation"
    if len(sender) > MAX_SENDER_LENGTH or not sender.isprintable():
        return f"'sender' must be at most {MAX_SENDER_LENGTH} printable characters"
    if not isinstance(payload.get("message"), str):
        return "'message' must be a string"
    return None


class GuardedRestInput(RestInput):
    """``rest`` channel that refuses malformed messages with a clear 400 instead of silence."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("clinic_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            payload = request.json
            problem = payload_problem(payload)
            if problem is not None:
                return response.json({"error": problem}, status=400)
            sender, text = payload["sender"], payload["message"]
            if is_messaging_sender(sender):
                return response.json({"error": "this sender id belongs to a messaging channel"}, status=403)
            if not text.strip():
                return response.json([{"recipient_id": sender, "text": file_message(EMPTY_MESSAGE_KEY)}])
            collector = CollectingOutputChannel()
            await on_new_message(UserMessage(text, collector, sender, input_channel=self.name()))
            return response.json(collector.messages)

        return webhook
