"""What a channel needs to know from a conversation's tracker: what the bot offered and whether
it has spoken in this session. Read from the tracker store, so it survives a restart when the
tracker store is a database, and a payload is accepted only if the bot really offered it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasa.shared.core.events import BotUttered, SessionStarted, UserUttered

from channels.medium import BotMessage, Option, options_of


@dataclass(frozen=True)
class Conversation:
    """``last_turn``: the bot's messages since the patient's last message (what "2" refers to);
    ``offered``: every option shown in this session (what a Telegram button may still choose)."""

    last_turn: tuple[BotMessage, ...] = ()
    offered: tuple[Option, ...] = ()
    bot_spoke_this_session: bool = False
    events_read: int = field(default=0, compare=False)


def read_conversation(tracker: Any) -> Conversation:
    """The conversation as the channel sees it; an unknown sender has an empty one."""
    if tracker is None:
        return Conversation()
    last_turn: list[BotMessage] = []
    offered: list[Option] = []
    in_last_turn = True
    spoke = False
    read = 0
    for event in reversed(tracker.events):
        read += 1
        if isinstance(event, SessionStarted):
            break
        if isinstance(event, UserUttered):
            in_last_turn = False
        elif isinstance(event, BotUttered):
            spoke = True
            message = BotMessage(event.text or "", options_of((event.data or {}).get("buttons")))
            offered.extend(message.options)
            if in_last_turn:
                last_turn.insert(0, message)
    return Conversation(tuple(last_turn), tuple(offered), spoke, read)
