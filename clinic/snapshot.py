"""The whole loaded content, read from the database in one go and kept in memory.

Content is small (a few dozen topics and facts) and changes only when staff run ``make content``,
so the action server answers from an immutable snapshot instead of querying per message. A new
load changes the fingerprint in ``content_state``; ``KnowledgeBase`` compares it now and then and
swaps in a fresh snapshot.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clinic.models import ContentState, Fact, Message, Procedure, Topic
from clinic.views import CatalogueFact, FactView, ProcedureView, TopicView

FINGERPRINT_KEY = "fingerprint"


@dataclass(frozen=True)
class FactEntry:
    """A fact with the topics it is shown under."""

    view: FactView
    topics: tuple[str, ...]


@dataclass(frozen=True)
class ContentSnapshot:
    """Everything the actions read, by id, in display order."""

    fingerprint: str
    topics: dict[str, TopicView]
    topic_by_intent: dict[str, TopicView]
    procedures: dict[str, ProcedureView]
    facts_by_topic: dict[str, tuple[FactView, ...]]
    fact_text: dict[str, str]
    messages: dict[str, str]
    lists: dict[str, tuple[ProcedureView, ...]] = field(default_factory=dict)
    catalogue: tuple[CatalogueFact, ...] = ()  # every fact in page order, with its topics and sources

    @property
    def ordered_topics(self) -> list[TopicView]:
        """Topics in menu order, then by id (the order ``topics()`` always had)."""
        return sorted(self.topics.values(), key=lambda t: (t.menu_order, t.id))


def topic_view(topic: Topic) -> TopicView:
    return TopicView(
        id=topic.id, intent=topic.intent, title=topic.title, intro=topic.intro or "", closing=topic.closing or "",
        uses_procedure=bool(topic.uses_procedure), lists=topic.lists or "", list_intro=topic.list_intro or "",
        without_procedure=topic.without_procedure or "", keywords=tuple(json.loads(topic.keywords or "[]")),
        with_procedure=topic.with_procedure or "", confusable_with=tuple(json.loads(topic.confusable_with or "[]")),
        menu_order=topic.menu_order or 0, frame_always=bool(topic.frame_always),
    )


def procedure_view(proc: Procedure) -> ProcedureView:
    return ProcedureView(proc.id, proc.name, proc.category, proc.kind or "", proc.detail_topic,
                         proc.list_name or "", proc.list_order or 0,
                         operation=proc.category == "surgery" or bool(proc.operation))


def stored_fingerprint(session: Session) -> str | None:
    """The fingerprint of the last content load, or None when nothing was ever loaded."""
    state = session.get(ContentState, FINGERPRINT_KEY)
    return state.value if state else None


def read_snapshot(session: Session) -> ContentSnapshot | None:
    """The loaded content, or None when the database holds none."""
    fingerprint = stored_fingerprint(session)
    if fingerprint is None:
        return None
    topics = {t.id: topic_view(t) for t in session.scalars(select(Topic))}
    procedures = {p.id: procedure_view(p) for p in session.scalars(select(Procedure))}
    facts_by_topic: dict[str, list[FactView]] = defaultdict(list)
    fact_text: dict[str, str] = {}
    catalogue: list[CatalogueFact] = []
    statement = select(Fact).options(selectinload(Fact.procedures), selectinload(Fact.topics)).order_by(Fact.position)
    for fact in session.scalars(statement):
        sources = tuple(str(s) for s in json.loads(fact.source or "[]"))
        view = FactView(fact.id, fact.label or "", fact.text, tuple(sorted(p.id for p in fact.procedures)), sources,
                        bool(fact.general))
        fact_text[fact.id] = fact.text
        catalogue.append(CatalogueFact(view, tuple(sorted(t.id for t in fact.topics)), sources))
        for topic in fact.topics:
            facts_by_topic[topic.id].append(view)
    lists: dict[str, list[ProcedureView]] = defaultdict(list)
    for proc in sorted(procedures.values(), key=lambda p: p.list_order):
        if proc.list_name:
            lists[proc.list_name].append(proc)
    return ContentSnapshot(
        fingerprint=fingerprint,
        topics=topics,
        topic_by_intent={t.intent: t for t in topics.values()},
        procedures=procedures,
        facts_by_topic={k: tuple(v) for k, v in facts_by_topic.items()},
        fact_text=fact_text,
        messages={m.key: m.text for m in session.scalars(select(Message))},
        lists={k: tuple(v) for k, v in lists.items()},
        catalogue=tuple(catalogue),
    )
