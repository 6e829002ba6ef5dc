"""Rasa's REST channel, minus one hole: a sender id is the only key of a conversation, so a REST
client that sends ``"sender": "sms:+15551234567"`` would read and write that SMS patient's
conversation. Sender ids with a messaging channel's prefix are refused (403); only the
messaging channels, after checking the platform's signature, create them."""

from __future__ import annotations

from rasa.core.channels.rest import RestInput
from sanic.exceptions import SanicException
from sanic.request import Request

# "web:" too: the website widget's conversations are reached only through its bound sessions (channels/web.py).
MESSAGING_PREFIXES = ("sms:", "wa:", "tg:", "web:")


def is_messaging_sender(sender_id: object) -> bool:
    """Whether ``sender_id`` belongs to a messaging channel's conversation (any case, any
    surrounding spaces: Rasa strips nothing, but a tracker store might compare loosely)."""
    return isinstance(sender_id, str) and sender_id.strip().lower().startswith(MESSAGING_PREFIXES)


class RestChannel(RestInput):
    """``channels.rest.RestChannel`` in credentials.yml; same URL as Rasa's (/webhooks/rest/webhook)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    async def _extract_sender(self, req: Request) -> str | None:
        sender = await super()._extract_sender(req)
        if is_messaging_sender(sender):
            raise SanicException("this sender id belongs to a messaging channel", status_code=403)
        return sender
