"""The questions the assistant asks of the knowledge base, as one small read-mostly API.

Actions call these and nothing else: they never build SQL or know table names. Reads are served
from an in-memory snapshot of the loaded content (``clinic.snapshot``), so answering a question
costs no database round trip; the snapshot is swapped when ``make content`` loads new content
(checked by fingerprint at most every ``refresh_seconds``). Failures surface as the knowledge
layer's own exceptions (``clinic.errors``), never as SQLAlchemy's.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from clinic.db import get_engine, session_factory
from clinic.errors import KnowledgeBaseUnavailable, UnknownContent
from clinic.models import RedFlagEvent
from clinic.search import search
from clinic.snapshot import ContentSnapshot, read_snapshot, stored_fingerprint
from clinic.views import (
    Answer,
    CatalogueFact,
    FactView,
    ProcedureView,
    RedFlagRecord,
    TopicView,
    padded_words,
)
from clinic.wording import file_messages, fill

log = logging.getLogger(__name__)

MAX_STORED_MESSAGE = 4000
REFRESH_SECONDS = 2.0

__all__ = [
    "Answer", "CatalogueFact", "FactView", "KnowledgeBase", "ProcedureView", "RedFlagRecord", "TopicView", "fill",
]


class KnowledgeBase:
    """Read access to the clinic's content and write access to its red-flag log."""

    def __init__(self, engine: Engine | None = None, refresh_seconds: float = REFRESH_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine or get_engine()
        self._sessions = session_factory(self.engine)
        self._refresh_seconds = refresh_seconds
        self._clock = clock
        self._snapshot: ContentSnapshot | None = None
        self._checked_at = float("-inf")
        self._lock = threading.Lock()

    # --- the snapshot ------------------------------------------------------------------------------
    def content(self) -> ContentSnapshot:
        """The current content; re-read from the database when a new load changed its fingerprint."""
        now = self._clock()
        if self._snapshot is not None and now - self._checked_at < self._refresh_seconds:
            return self._snapshot
        with self._lock:
            if self._snapshot is None or now - self._checked_at >= self._refresh_seconds:
                self._refresh()
                self._checked_at = now
        if self._snapshot is None:
            raise KnowledgeBaseUnavailable("the database holds no content: run `make content`")
        return self._snapshot

    def _refresh(self) -> None:
        try:
            with self._sessions() as session:
                current = self._snapshot
                if current is not None and stored_fingerprint(session) == current.fingerprint:
                    return
                self._snapshot = read_snapshot(session) or current
        except SQLAlchemyError as error:
            if self._snapshot is None:
                raise KnowledgeBaseUnavailable(f"the knowledge base cannot be read: {type(error).__name__}") from error
            log.warning("content check failed (%s); serving the content already in memory", type(error).__name__)

    def check(self) -> str:
        """Fingerprint of the loaded content, read from the database now (for health checks)."""
        try:
            with self._sessions() as session:
                fingerprint = stored_fingerprint(session)
        except SQLAlchemyError as error:
            raise KnowledgeBaseUnavailable(f"the database cannot be read ({type(error).__name__}): check DATABASE_URL "
                                           "and load the content with `make content`") from error
        if not fingerprint:
            raise KnowledgeBaseUnavailable("the database holds no content: run `make content`")
        return fingerprint

    # --- topics and procedures -------------------------------------------------------------------
    def topic(self, topic_id: str) -> TopicView | None:
        return self.content().topics.get(topic_id)

    def topic_for_intent(self, intent: str) -> TopicView | None:
        return self.content().topic_by_intent.get(intent)

    def topics(self) -> list[TopicView]:
        return self.content().ordered_topics

    def menu(self) -> list[TopicView]:
        """The topics offered in the "what can I ask" menu (a ``menu_order`` set), in menu order."""
        return [t for t in self.content().ordered_topics if t.menu_order > 0]

    def procedure(self, procedure_id: str | None) -> ProcedureView | None:
        return self.content().procedures.get(procedure_id) if procedure_id else None

    def siblings(self, procedure_id: str) -> list[ProcedureView]:
        """The procedures a patient may have confused with this one: the others of its numbered list,
        or of its category when it is on none (static and dynamic restoration, the two approaches)."""
        own = self.procedure(procedure_id)
        if own is None:
            return []
        if own.list_name:
            return [p for p in self.options(own.list_name) if p.id != own.id]
        return [p for p in self.content().procedures.values() if p.id != own.id and p.category == own.category]

    def options(self, list_name: str) -> list[ProcedureView]:
        """The procedures of a numbered list, in the order the assistant shows them."""
        return list(self.content().lists.get(list_name, ()))

    # --- answers ---------------------------------------------------------------------------------
    def answer(self, topic_id: str, procedure_id: str | None = None) -> Answer:
        """The facts of a topic; with a procedure, its own facts first, then the general ones.

        Without a procedure every fact of the topic is given (all risks, every synkinesis
        treatment), because a patient asking in general wants the whole picture.
        """
        content = self.content()
        topic = content.topics.get(topic_id)
        if topic is None:
            raise UnknownContent(f"unknown topic {topic_id!r}")
        facts = list(content.facts_by_topic.get(topic_id, ()))
        procedure = content.procedures.get(procedure_id) if procedure_id else None
        closing = content.fact_text.get(topic.closing, "") if topic.closing else ""
        options = content.lists.get(topic.lists, ()) if topic.lists else ()
        general_only = False
        if procedure is not None:
            specific = [f for f in facts if procedure.id in f.procedure_ids]
            general = [f for f in facts if f.said_in_general(procedure.id)]
            general_only = not specific and procedure.is_treatment
            facts = specific + general if specific or general else facts
        return Answer(topic, procedure, tuple(facts), closing, tuple(options), general_only)

    def fact_catalogue(self) -> list[CatalogueFact]:
        """Every fact in page order, with its topics, procedures and sources (from memory)."""
        return list(self.content().catalogue)

    def topics_mentioned(self, text: str) -> list[TopicView]:
        """Topics whose keywords occur in ``text`` as whole words, in order of first mention."""
        lowered = padded_words(text)
        found: list[tuple[int, TopicView]] = []
        for topic in self.topics():
            if topic.mentioned_in(text):
                found.append((min(lowered.find(f" {k} ") for k in topic.keywords if f" {k} " in lowered), topic))
        return [topic for _, topic in sorted(found, key=lambda pair: pair[0])]

    def suggest_topics(self, text: str, limit: int = 3) -> list[TopicView]:
        """Topics whose facts best match ``text`` by full-text search: suggestions, not answers."""
        try:
            with self.engine.connect() as conn:
                hits = search(conn, text, limit=limit * 4)
        except SQLAlchemyError as error:
            raise KnowledgeBaseUnavailable(f"search failed: {type(error).__name__}") from error
        seen = list(dict.fromkeys(hit.topic_id for hit in hits))
        topics = self.content().topics
        return [topics[t] for t in seen[:limit] if t in topics]

    # --- conversational texts --------------------------------------------------------------------
    def message(self, key: str, **extra: str) -> str:
        """A conversational text with placeholders filled; falls back to the content file.

        The fallback matters for safety: an urgent reply must go out even when the database is
        unreachable.
        """
        try:
            text = self.content().messages.get(key)
        except KnowledgeBaseUnavailable:
            log.warning("message %s: knowledge base unavailable, using the content file", key)
            text = None
        if text is None:
            text = file_messages().get(key)
        if text is None:
            raise UnknownContent(f"no message {key!r} in the database or knowledge/messages.yml")
        return fill(text, **extra)

    # --- the red-flag log ------------------------------------------------------------------------
    def record_red_flag(self, conversation_id: str, kind: str, message: str, channel: str = "") -> int:
        """Store an urgent message for the staff; returns its id."""
        try:
            with self._sessions() as session, session.begin():
                event = RedFlagEvent(conversation_id=conversation_id[:255], kind=kind,
                                     message=message[:MAX_STORED_MESSAGE], channel=(channel or "")[:80])
                session.add(event)
                session.flush()
                return int(event.id)
        except SQLAlchemyError as error:
            raise KnowledgeBaseUnavailable(f"the red-flag event was not stored: {type(error).__name__}") from error

    def red_flags(self, limit: int = 100) -> list[RedFlagRecord]:
        """The most recent red-flag events, newest first."""
        with self._sessions() as session:
            rows = session.scalars(select(RedFlagEvent).order_by(RedFlagEvent.id.desc()).limit(limit))
            return [RedFlagRecord(r.id, r.conversation_id, r.kind, r.message, r.channel, r.created_at) for r in rows]
