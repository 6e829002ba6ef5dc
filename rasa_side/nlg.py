"""Replies the Rasa server writes itself, from ``knowledge/messages.yml``, without the action server.

Urgent advice must reach the patient even when the action server is down, slow or failing, so it
is not a custom action: the rules answer ``report_urgent_symptom`` with the response
``utter_red_flag`` first, and this generator (``endpoints.yml``: ``nlg: type:
rasa_side.nlg.ClinicNLG``) words it inside the Rasa process. The words still live in the content
files: the file is re-read when it changes (``make content``), no retraining needed.

What the advice says comes only from the red-flag component's own entities (extractor
``RedFlagDetector``): one advice per kind it found, most urgent first, in the message's language;
the disclaimer follows when this is the conversation's first reply. Every other response name is
left to Rasa's templated generator.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from rasa.core.nlg.generator import NaturalLanguageGenerator
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from clinic.content import KNOWLEDGE_DIR, read_content
from clinic.queries import fill

log = logging.getLogger(__name__)

URGENT_RESPONSE = "utter_red_flag"
TRUSTED_EXTRACTOR = "RedFlagDetector"
KIND_ENTITY = "red_flag_kind"
LANGUAGE_ENTITY = "language"
NOT_URGENT_KINDS = frozenset({"possible", "checkin"})
FALLBACK_KIND = "unspecified"
MESSAGES_FILE = KNOWLEDGE_DIR / "messages.yml"


class ContentMessages:
    """The content file's messages, re-read whenever the file changes on disk."""

    def __init__(self, path: Path = MESSAGES_FILE) -> None:
        self._path = path
        self._stamp: tuple[float, int] | None = None
        self._messages: dict[str, str] = {}

    def get(self) -> dict[str, str]:
        stat = self._path.stat()
        stamp = (stat.st_mtime, stat.st_size)
        if stamp != self._stamp:
            messages = read_content(self._path.parent).messages
            if messages:  # a broken edit keeps the last good texts instead of silencing urgent advice
                self._messages, self._stamp = messages, stamp
            else:
                log.error("knowledge/messages.yml could not be read; keeping the previous texts")
        return self._messages


def trusted_values(tracker: DialogueStateTracker, entity_type: str) -> list[str]:
    """Values of ``entity_type`` in the latest message that the red-flag component set itself."""
    entities = tracker.latest_message.entities if tracker.latest_message else []
    values = [
        str(entity.get("value"))
        for entity in entities
        if entity.get("entity") == entity_type and entity.get("extractor") == TRUSTED_EXTRACTOR
    ]
    return list(dict.fromkeys(values))


def bot_spoke_before_this_turn(tracker: DialogueStateTracker) -> bool:
    """Whether the assistant replied earlier in this session (before the latest patient message)."""
    seen_user = False
    for event in reversed(tracker.events):
        name = type(event).__name__
        if name == "UserUttered":
            seen_user = True
        elif name == "BotUttered" and seen_user:
            return True
        elif name == "SessionStarted":
            return False
    return False


def urgent_text(tracker: DialogueStateTracker, messages: dict[str, str]) -> str:
    """Every advice the red-flag component asked for, most urgent first, then the first-turn disclaimer."""
    language = next(iter(trusted_values(tracker, LANGUAGE_ENTITY)), "en")
    prefix = "" if language == "en" else f"{language}."
    kinds = [k for k in trusted_values(tracker, KIND_ENTITY) if k not in NOT_URGENT_KINDS] or [FALLBACK_KIND]

    def message(key: str) -> str | None:
        text = messages.get(prefix + key) or messages.get(key)
        return fill(text) if text else None

    parts = [message(f"red_flag.{kind}") or message(f"red_flag.{FALLBACK_KIND}") for kind in kinds]
    if not bot_spoke_before_this_turn(tracker):
        parts.append(message("disclaimer"))
    return "\n\n".join(dict.fromkeys(p for p in parts if p))


class ClinicNLG(NaturalLanguageGenerator):
    """Urgent advice from the content files; every other response as Rasa's templated generator does."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None) -> None:
        self._templated = TemplatedNaturalLanguageGenerator((domain or Domain.empty()).responses)
        self._messages = ContentMessages()

    async def generate(
        self, utter_action: str, tracker: DialogueStateTracker, output_channel: str, **kwargs: Any
    ) -> dict[str, Any] | None:
        if utter_action == URGENT_RESPONSE:
            return {"text": urgent_text(tracker, self._messages.get())}
        return await self._templated.generate(utter_action, tracker, output_channel, **kwargs)
