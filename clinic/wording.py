"""Filling a content text with the deployment's settings, and the messages as written in the file.

Light on purpose (no database, no SQLAlchemy): the Rasa server process uses it to word the replies
that must not depend on the action server or the database.
"""

from __future__ import annotations

from functools import lru_cache

from clinic.content_files import read_content
from clinic.errors import UnknownContent
from clinic.settings import get_settings


class _Placeholders(dict):
    """Leaves an unknown ``{name}`` as it is instead of failing the whole reply."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, **extra: str) -> str:
    """Put the deployment's settings (clinic phone, emergency number...) into a content text."""
    return text.format_map(_Placeholders({**get_settings().placeholders, **extra}))


@lru_cache(maxsize=1)
def file_messages() -> dict[str, str]:
    """The messages as written in knowledge/messages.yml (read once per process)."""
    return read_content().messages


def file_message(key: str, **extra: str) -> str:
    """A message from knowledge/messages.yml with its placeholders filled."""
    text = file_messages().get(key)
    if text is None:
        raise UnknownContent(f"no message {key!r} in knowledge/messages.yml")
    return fill(text, **extra)
