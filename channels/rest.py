"""Which sender ids belong to a messaging channel.

A sender id is the only key of a conversation, so a REST or socket.io client that sent
``"sender": "sms:+15551234567"`` would read and write that SMS patient's conversation. Only the
messaging channels, after checking the platform's signature, may create these ids; the REST
webhook (``rasa_side/rest.py``) refuses them with 403.
"""

from __future__ import annotations

MESSAGING_PREFIXES = ("sms:", "wa:", "tg:")


def is_messaging_sender(sender_id: object) -> bool:
    """Whether ``sender_id`` belongs to a messaging channel's conversation (any case, any
    surrounding spaces: Rasa strips nothing, but a tracker store might compare loosely)."""
    return isinstance(sender_id, str) and sender_id.strip().lower().startswith(MESSAGING_PREFIXES)
