"""Callback requests: checking what the patient typed, knowing what a messaging channel already
tells us, and storing the request for the front desk.

No Rasa here: the action server's form calls these, the console reads the same table. Every check
is a single regular-expression match over a bounded string, so no input costs more than a small
constant per character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from clinic.frontdesk import CallbackRequest, create_frontdesk_schema

MAX_NAME = 80
MAX_TIME = 120
MAX_QUESTION = 300
MAX_EMAIL = 254

# Sender-id prefixes of the messaging channels: the number or chat is known from the channel itself.
MESSAGING_PREFIXES = {"sms:": "sms", "wa:": "whatsapp", "tg:": "telegram"}

_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[ '.\-])*", re.UNICODE)
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")
_PHONE_CHARS = re.compile(r"\+?[0-9 ().\-]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Contact:
    """How to reach the patient: ``kind`` is phone, email, sms, whatsapp or telegram."""

    kind: str
    value: str


def clean_line(text: str, limit: int) -> str | None:
    """One line of at most ``limit`` characters with runs of white space folded, or None when empty
    or too long (a too-long answer is re-asked rather than silently cut)."""
    if len(text) > limit * 4:
        return None
    line = _SPACES.sub(" ", text).strip()
    if not line or len(line) > limit:
        return None
    return line


def valid_name(text: str) -> str | None:
    """A person's name: letters (any script), spaces, apostrophes, dots and hyphens."""
    name = clean_line(text, MAX_NAME)
    if name is None or not _NAME.fullmatch(name) or len(name.split()) > 6:
        return None
    return name


def valid_contact(text: str) -> Contact | None:
    """A phone number (7 to 15 digits, optional leading +, common separators) or an e-mail address."""
    value = clean_line(text, MAX_EMAIL)
    if value is None:
        return None
    if "@" in value:
        return Contact("email", value) if _EMAIL.fullmatch(value) else None
    if not _PHONE_CHARS.fullmatch(value):
        return None
    digits = re.sub(r"\D", "", value)
    if not 7 <= len(digits) <= 15:
        return None
    return Contact("phone", ("+" if value.startswith("+") else "") + digits)


def known_contact(sender_id: str) -> Contact | None:
    """The contact a messaging channel's sender id already carries (``sms:+1555...``, ``tg:1234``).

    Sender ids are set by the channel code on the server, never by the patient, for these prefixes;
    the web widget's ids (``web:...``) carry nothing reachable."""
    for prefix, kind in MESSAGING_PREFIXES.items():
        if sender_id.startswith(prefix) and len(sender_id) > len(prefix):
            return Contact(kind, sender_id[len(prefix):][:MAX_EMAIL])
    return None


def record_callback(engine: Engine, *, conversation_id: str, channel: str, name: str, contact: Contact,
                    preferred_time: str, question: str) -> int:
    """Store one request for the front desk's queue; returns its id."""
    create_frontdesk_schema(engine)
    with Session(engine, future=True) as session, session.begin():
        row = CallbackRequest(conversation_id=conversation_id[:255], channel=channel[:80], name=name[:120],
                              contact=contact.value[:255], contact_kind=contact.kind,
                              preferred_time=preferred_time[:200], question=question[:2000])
        session.add(row)
        session.flush()
        return int(row.id)
