"""SQLAlchemy models for what the clinic's page holds, plus the clinic's own red-flag log.

Written for SQLAlchemy 1.4 (Rasa pins it) in the 2.0 style: typed ``Mapped`` attributes,
``select()`` queries and ``Session`` objects; only ``mapped_column`` waits for 2.0.

The content is modelled as facts (each a sentence the page states, with its source) attached to
topics (what a patient asks about) and optionally to procedures (what the fact is specific to).
That one shape serves surgery facts, risks, treatments, diagnosis, candidacy and expectations,
so adding content never needs a new table or new code.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()

fact_topics = Table(
    "fact_topics",
    Base.metadata,
    Column("fact_id", String(80), ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", String(80), ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)

fact_procedures = Table(
    "fact_procedures",
    Base.metadata,
    Column("fact_id", String(80), ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
    Column("procedure_id", String(80), ForeignKey("procedures.id", ondelete="CASCADE"), primary_key=True),
)


class Topic(Base):
    """Something patients ask about; one trained intent leads to one topic."""

    __tablename__ = "topics"

    id: Mapped[str] = Column(String(80), primary_key=True)
    intent: Mapped[str] = Column(String(80), unique=True, index=True)
    title: Mapped[str] = Column(String(200))
    intro: Mapped[str] = Column(Text, default="")
    closing: Mapped[str] = Column(Text, default="")
    uses_procedure: Mapped[bool] = Column(Boolean, default=False)
    # its facts are never shown without its intro and its other facts (the candidacy line)
    frame_always: Mapped[bool] = Column(Boolean, default=False)
    lists: Mapped[str] = Column(String(80), default="")
    list_intro: Mapped[str] = Column(Text, default="")
    menu_order: Mapped[int] = Column(Integer, default=0)
    without_procedure: Mapped[str] = Column(String(80), default="")
    with_procedure: Mapped[str] = Column(String(80), default="")
    confusable_with: Mapped[str] = Column(Text, default="[]")
    keywords: Mapped[str] = Column(Text, default="")

    facts: Mapped[list[Fact]] = relationship("Fact", secondary=fact_topics, back_populates="topics")


class Procedure(Base):
    """A procedure, treatment or test the page names; ``kind`` is static/dynamic where it says."""

    __tablename__ = "procedures"

    id: Mapped[str] = Column(String(80), primary_key=True)
    name: Mapped[str] = Column(String(200))
    category: Mapped[str] = Column(String(40))
    kind: Mapped[str] = Column(String(20), default="")
    list_name: Mapped[str] = Column(String(80), default="")
    list_order: Mapped[int] = Column(Integer, default=0)
    detail_topic: Mapped[str] = Column(String(80), default="")
    operation: Mapped[bool] = Column(Boolean, default=False)  # every "surgery" is one; see ProcedureView

    facts: Mapped[list[Fact]] = relationship("Fact", secondary=fact_procedures, back_populates="procedures")


class Fact(Base):
    """One statement of the clinic's page, worded for patients, with the page text it rests on."""

    __tablename__ = "facts"

    id: Mapped[str] = Column(String(80), primary_key=True)
    label: Mapped[str] = Column(String(200), default="")
    text: Mapped[str] = Column(Text)
    source: Mapped[str] = Column(Text)
    position: Mapped[int] = Column(Integer, default=0)
    # true for a fact about every procedure that singles some out ("especially after..."): those are
    # its procedures, yet it also answers for the others
    general: Mapped[bool] = Column(Boolean, default=False)

    topics: Mapped[list[Topic]] = relationship("Topic", secondary=fact_topics, back_populates="facts")
    procedures: Mapped[list[Procedure]] = relationship("Procedure", secondary=fact_procedures, back_populates="facts")


class Message(Base):
    """A conversational text (greeting, disclaimer, urgent advice...) that staff can reword."""

    __tablename__ = "messages"

    key: Mapped[str] = Column(String(80), primary_key=True)
    text: Mapped[str] = Column(Text)


class RedFlagEvent(Base):
    """An urgent message, kept so front-desk staff can see it and call the patient back."""

    __tablename__ = "red_flag_events"

    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = Column(String(255), index=True)
    kind: Mapped[str] = Column(String(40), index=True)
    message: Mapped[str] = Column(Text)
    channel: Mapped[str] = Column(String(80), default="")
    created_at: Mapped[datetime] = Column(
        DateTime(timezone=True), default=lambda: datetime.now(timezone.utc), index=True
    )
    handled_at: Mapped[datetime | None] = Column(DateTime(timezone=True), nullable=True)


class ContentState(Base):
    """Fingerprint of the loaded content files, so a reload that changes nothing is visible."""

    __tablename__ = "content_state"

    key: Mapped[str] = Column(String(80), primary_key=True)
    value: Mapped[str] = Column(Text)
