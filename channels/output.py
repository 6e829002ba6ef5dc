"""The two ways Rasa's bot messages leave through a messaging channel.

- ``TurnCollector``: during a patient's turn, collect the messages (text and buttons), so the
  channel can compose the whole turn for the medium and send it in order afterwards.
- ``DirectOutput``: what Rasa's HTTP API uses outside a turn (a staff reply): each message is
  sent at once, after the channel's rules allow it (STOP, WhatsApp's 24-hour window); a refusal
  raises ``SendRefused`` with the reason, which Rasa's API returns to the caller.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from rasa.core.channels.channel import OutputChannel

from channels.delivery import masked
from channels.medium import BotMessage, options_of

if TYPE_CHECKING:
    from channels.messaging import MessagingChannel

log = logging.getLogger(__name__)


class SendRefused(RuntimeError):
    """A message the platform's rules forbid sending now (opted out, WhatsApp window closed).
    Raised to the caller of Rasa's HTTP API, which shows the reason to the staff member."""


class TurnCollector(OutputChannel):
    """Collects what Rasa says during one turn, so the turn can be composed for the medium."""

    def __init__(self, channel_name: str) -> None:
        self.channel_name = channel_name
        self.messages: list[BotMessage] = []

    def name(self) -> str:
        return self.channel_name

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        text = str(message.get("text") or "")
        extra = [str(message[key]) for key in ("image", "attachment") if message.get(key)]
        text = "\n".join([text, *extra]).strip()
        options = options_of(message.get("buttons") or message.get("quick_replies"))
        if text or options:
            self.messages.append(BotMessage(text, options))

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})


class DirectOutput(OutputChannel):
    """What Rasa's HTTP API uses to message a patient outside a turn (a staff reply): each message
    is composed and sent at once, after the channel's rules allow it."""

    def __init__(self, channel: MessagingChannel) -> None:
        self.channel = channel

    def name(self) -> str:
        return self.channel.name()

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        collector = TurnCollector(self.name())
        await collector.send_response(recipient_id, message)
        reason = await self.channel.refusal_reason(recipient_id)
        if reason:
            log.warning("%s: message to %s refused: %s", self.name(), masked(recipient_id), reason)
            raise SendRefused(reason)
        await self.channel.send_turn(recipient_id, collector.messages)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})
