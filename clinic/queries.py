"""The questions the assistant asks of the knowledge base, as one small read-mostly API.

Actions call these and nothing else: they never build SQL or know table names. Results are plain
frozen dataclasses, detached from the session, so a caller cannot lazily trigger queries later.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload

from clinic.content import read_content
from clinic.db import get_engine, session_factory
from clinic.models import Fact, Message, Procedure, RedFlagEvent, Topic, fact_topics
from clinic.search import search
from clinic.settings import get_settings

log = logging.getLogger(__name__)

MAX_STORED_MESSAGE = 4000


@dataclass(frozen=True)
class TopicView:
    id: str
    intent: str
    title: str
    intro: str
    closing: str
    uses_procedure: bool
    lists: str
    list_intro: str
    without_procedure: str
    keywords: tuple[str, ...]
    with_procedure: str = ""
    confusable_with: tuple[str, ...] = ()

    def without_keywords(self, text: str) -> str:
        """The text with this topic's keywords taken out: what is left asks something more specific."""
        padded = " " + re.sub(r"[^a-z0-9]+", " ", text.lower()) + " "
        for keyword in sorted(self.keywords, key=len, reverse=True):
            padded = padded.replace(f" {keyword} ", "  ")
        return padded.strip()

    def mentioned_in(self, text: str) -> bool:
        """Whether one of the topic's keywords occurs in ``text`` as whole words."""
        padded = " " + re.sub(r"[^a-z0-9]+", " ", text.lower()) + " "
        return any(f" {keyword} " in padded for keyword in self.keywords)


@dataclass(frozen=True)
class ProcedureView:
    id: str
    name: str
    category: str
    kind: str
    detail_topic: str
    list_name: str
    list_order: int


@dataclass(frozen=True)
class FactView:
    id: str
    label: str
    text: str
    procedure_ids: tuple[str, ...]


@dataclass(frozen=True)
class CatalogueFact:
    """A fact with everything the ranker and the reply need: where it is shown, what it is about,
    and the page sentences it rests on (sent along with the answer for the widget to show)."""

    fact: FactView
    topic_ids: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Answer:
    """What the page says on a topic, for a procedure when one is known.

    ``facts`` has the procedure-specific facts first. ``general_only`` is true when a procedure
    was asked about but the page says nothing specific to it on this topic, so the reply can say
    the figures are general rather than imply they are about that procedure.
    """

    topic: TopicView
    procedure: ProcedureView | None
    facts: tuple[FactView, ...]
    closing: str
    options: tuple[ProcedureView, ...]
    general_only: bool


@dataclass(frozen=True)
class RedFlagRecord:
    id: int
    conversation_id: str
    kind: str
    message: str
    channel: str
    created_at: datetime


class _Placeholders(dict):
    """Leaves an unknown ``{name}`` as it is instead of failing the whole reply."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, **extra: str) -> str:
    """Put the deployment's settings (clinic phone, emergency number...) into a content text."""
    return text.format_map(_Placeholders({**get_settings().placeholders, **extra}))


@lru_cache(maxsize=1)
def _file_messages() -> dict[str, str]:
    """The messages as written in knowledge/messages.yml: the fallback when the database is down."""
    return read_content().messages


def _topic_view(topic: Topic) -> TopicView:
    return TopicView(
        id=topic.id, intent=topic.intent, title=topic.title, intro=topic.intro or "", closing=topic.closing or "",
        uses_procedure=bool(topic.uses_procedure), lists=topic.lists or "", list_intro=topic.list_intro or "",
        without_procedure=topic.without_procedure or "", keywords=tuple(json.loads(topic.keywords or "[]")),
        with_procedure=topic.with_procedure or "", confusable_with=tuple(json.loads(topic.confusable_with or "[]")),
    )


def _procedure_view(proc: Procedure) -> ProcedureView:
    return ProcedureView(proc.id, proc.name, proc.category, proc.kind or "", proc.detail_topic,
                         proc.list_name or "", proc.list_order or 0)


def _fact_view(fact: Fact) -> FactView:
    return FactView(fact.id, fact.label or "", fact.text, tuple(sorted(p.id for p in fact.procedures)))


class KnowledgeBase:
    """Read access to the clinic's content and write access to its red-flag log."""

    def __init__(self, engine: Engine | None = None):
        self.engine = engine or get_engine()
        self._sessions = session_factory(self.engine)

    # --- topics and procedures -------------------------------------------------------------------
    def topic(self, topic_id: str) -> TopicView | None:
        with self._sessions() as session:
            topic = session.get(Topic, topic_id)
            return _topic_view(topic) if topic else None

    def topic_for_intent(self, intent: str) -> TopicView | None:
        with self._sessions() as session:
            topic = session.scalars(select(Topic).where(Topic.intent == intent)).first()
            return _topic_view(topic) if topic else None

    def topics(self) -> list[TopicView]:
        with self._sessions() as session:
            return [_topic_view(t) for t in session.scalars(select(Topic).order_by(Topic.menu_order, Topic.id))]

    def menu(self) -> list[TopicView]:
        """The topics offered in the "what can I ask" menu (a ``menu_order`` set), in menu order."""
        with self._sessions() as session:
            rows = session.scalars(select(Topic).where(Topic.menu_order > 0).order_by(Topic.menu_order))
            return [_topic_view(t) for t in rows]

    def procedure(self, procedure_id: str | None) -> ProcedureView | None:
        if not procedure_id:
            return None
        with self._sessions() as session:
            proc = session.get(Procedure, procedure_id)
            return _procedure_view(proc) if proc else None

    def options(self, list_name: str) -> list[ProcedureView]:
        """The procedures of a numbered list, in the order the assistant shows them."""
        with self._sessions() as session:
            rows = session.scalars(
                select(Procedure).where(Procedure.list_name == list_name).order_by(Procedure.list_order)
            )
            return [_procedure_view(p) for p in rows]

    # --- answers ---------------------------------------------------------------------------------
    def answer(self, topic_id: str, procedure_id: str | None = None) -> Answer:
        """The facts of a topic; with a procedure, its own facts first, then the general ones.

        Without a procedure every fact of the topic is given (all risks, every synkinesis
        treatment), because a patient asking in general wants the whole picture.
        """
        with self._sessions() as session:
            topic = session.get(Topic, topic_id)
            if topic is None:
                raise KeyError(f"unknown topic {topic_id!r}")
            statement = (
                select(Fact)
                .join(fact_topics, fact_topics.c.fact_id == Fact.id)
                .where(fact_topics.c.topic_id == topic_id)
                .options(selectinload(Fact.procedures))
                .order_by(Fact.position)
            )
            facts = [_fact_view(f) for f in session.scalars(statement)]
            procedure = session.get(Procedure, procedure_id) if procedure_id else None
            closing = session.get(Fact, topic.closing).text if topic.closing else ""
            options = self.options(topic.lists) if topic.lists else []
            view = _topic_view(topic)
            proc_view = _procedure_view(procedure) if procedure else None
        general_only = False
        if proc_view is not None:
            specific = [f for f in facts if proc_view.id in f.procedure_ids]
            general = [f for f in facts if not f.procedure_ids]
            general_only = not specific
            facts = specific + general if specific or general else facts
        return Answer(view, proc_view, tuple(facts), closing, tuple(options), general_only)

    def fact_catalogue(self) -> list[CatalogueFact]:
        """Every fact in page order, with its topics, procedures and sources (about 40 rows)."""
        with self._sessions() as session:
            statement = select(Fact).options(selectinload(Fact.topics), selectinload(Fact.procedures))
            return [CatalogueFact(_fact_view(f), tuple(sorted(t.id for t in f.topics)),
                                  tuple(json.loads(f.source or "[]")))
                    for f in session.scalars(statement.order_by(Fact.position))]

    def topics_mentioned(self, text: str) -> list[TopicView]:
        """Topics whose keywords occur in ``text`` as whole words, in order of first mention."""
        lowered = " " + re.sub(r"[^a-z0-9]+", " ", text.lower()) + " "
        found: list[tuple[int, TopicView]] = []
        for topic in self.topics():
            if topic.mentioned_in(text):
                found.append((min(lowered.find(f" {k} ") for k in topic.keywords if f" {k} " in lowered), topic))
        return [topic for _, topic in sorted(found, key=lambda pair: pair[0])]

    def suggest_topics(self, text: str, limit: int = 3) -> list[TopicView]:
        """Topics whose facts best match ``text`` by full-text search: suggestions, not answers."""
        with self.engine.connect() as conn:
            hits = search(conn, text, limit=limit * 4)
        seen: list[str] = []
        for hit in hits:
            if hit.topic_id not in seen:
                seen.append(hit.topic_id)
        topics = {t.id: t for t in self.topics()}
        return [topics[t] for t in seen[:limit] if t in topics]

    # --- conversational texts --------------------------------------------------------------------
    def message(self, key: str, **extra: str) -> str:
        """A conversational text with placeholders filled; falls back to the content file.

        The fallback matters for safety: an urgent reply must go out even when the database is
        unreachable.
        """
        try:
            with self._sessions() as session:
                row = session.get(Message, key)
                text = row.text if row else None
        except SQLAlchemyError:
            log.exception("message %s: database unavailable, using the content file", key)
            text = None
        if text is None:
            text = _file_messages().get(key)
        if text is None:
            raise KeyError(f"no message {key!r} in the database or knowledge/messages.yml")
        return fill(text, **extra)

    # --- the red-flag log ------------------------------------------------------------------------
    def record_red_flag(self, conversation_id: str, kind: str, message: str, channel: str = "") -> int:
        """Store an urgent message for the staff; returns its id."""
        with self._sessions() as session, session.begin():
            event = RedFlagEvent(conversation_id=conversation_id[:255], kind=kind,
                                 message=message[:MAX_STORED_MESSAGE], channel=(channel or "")[:80])
            session.add(event)
            session.flush()
            return int(event.id)

    def red_flags(self, limit: int = 100) -> list[RedFlagRecord]:
        """The most recent red-flag events, newest first."""
        with self._sessions() as session:
            rows = session.scalars(select(RedFlagEvent).order_by(RedFlagEvent.id.desc()).limit(limit))
            return [RedFlagRecord(r.id, r.conversation_id, r.kind, r.message, r.channel, r.created_at) for r in rows]
