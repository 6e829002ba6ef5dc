"""Reading conversations: Rasa's ``events`` table (never written here) joined in Python with the
front desk's tables and the red-flag log.

The open-source Rasa HTTP API cannot list conversations, so the console reads the SQL tracker
store directly. Summaries are built for the conversations of one inbox page at a time
(``console.paging`` picks them in SQL), so a page costs the same however large the store grows.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from clinic.frontdesk import AuditEntry, CallbackRequest, ConversationState, Note
from clinic.models import RedFlagEvent, Topic

MAX_CONVERSATIONS = 500
URGENT_KINDS = frozenset({"stroke", "self_harm", "breathing", "post_op", "new_palsy", "eye_emergency", "unspecified"})
CHECKIN_KINDS = frozenset({"checkin", "possible"})
UNANSWERED_INTENTS = frozenset({"nlu_fallback", "out_of_scope"})
# A message read as fallback or out of scope is unanswered, unless it was an answer to the callback
# form (a name, "weekday mornings"), which the form took.
FORM_ACTIONS = frozenset({"callback_form"})
FLAGS = ("urgent", "checkin", "unanswered", "callback", "handed_off")
CHANNEL_PREFIXES = {"web:": "widget", "sms:": "sms", "wa:": "whatsapp", "tg:": "telegram"}

_tracker_metadata = MetaData()
EVENTS = Table(  # the columns of Rasa 3.6's SQLTrackerStore.SQLEvent that the console reads
    "events", _tracker_metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


def when(timestamp: float | None) -> datetime:
    return datetime.fromtimestamp(float(timestamp or 0), tz=timezone.utc)


def channel_of(sender_id: str, input_channel: str) -> str:
    for prefix, name in CHANNEL_PREFIXES.items():
        if sender_id.startswith(prefix):
            return name
    return input_channel or "unknown"


@dataclass
class Summary:
    """One inbox row."""

    conversation_id: str
    started: datetime
    last_activity: datetime
    channel: str = "unknown"
    first_question: str = ""
    topics: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    red_flag_kinds: set[str] = field(default_factory=set)
    status: str = "new"
    assignee: str = ""
    paused: bool = False
    texts: list[str] = field(default_factory=list)  # every patient message, for the text search

    @property
    def pinned(self) -> bool:
        return "urgent" in self.flags and self.status != "done"


@dataclass
class Turn:
    """One line of a transcript, in time order."""

    at: datetime
    kind: str  # patient, bot, staff_reply, note, status, paused, resumed
    text: str = ""
    intent: str = ""
    confidence: float | None = None
    red_flag: str = ""
    action: str = ""
    author: str = ""
    buttons: list[str] = field(default_factory=list)


def _event_data(raw: str | None) -> dict[str, Any]:
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


RED_FLAG_EXTRACTOR = "RedFlagDetector"  # the only extractor whose red-flag entities are believed


def red_flag_kind(parse_data: dict[str, Any]) -> str:
    """The red-flag kind the NLU pipeline's red-flag component attached to a message ("" when none).
    A kind typed into a "/intent{...}" payload has another extractor and is ignored."""
    for entity in parse_data.get("entities") or []:
        if (isinstance(entity, dict) and entity.get("entity") == "red_flag_kind"
                and entity.get("extractor") == RED_FLAG_EXTRACTOR):
            return str(entity.get("value") or "")
    return ""


def topic_titles(engine: Engine) -> dict[str, str]:
    """Intent name -> topic title, from the knowledge base (empty when it is not loaded)."""
    try:
        with Session(engine, future=True) as session:
            return {t.intent: t.title for t in session.scalars(select(Topic))}
    except SQLAlchemyError:  # the inbox works without titles (knowledge base not loaded yet)
        return {}


class Conversations:
    """Read access to conversations for the console's pages."""

    def __init__(self, tracker_engine: Engine, engine: Engine):
        self.tracker_engine = tracker_engine
        self.engine = engine

    def has_events_table(self) -> bool:
        from sqlalchemy import inspect
        return inspect(self.tracker_engine).has_table("events")

    def recent_ids(self, since: float | None = None, until: float | None = None,
                   limit: int = MAX_CONVERSATIONS) -> list[str]:
        if not self.has_events_table():
            return []
        last = func.max(EVENTS.c.timestamp)
        query = select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).order_by(last.desc()).limit(limit)
        if since is not None:
            query = query.having(last >= since)
        if until is not None:
            query = query.having(func.min(EVENTS.c.timestamp) < until)
        with self.tracker_engine.connect() as conn:
            return [str(row[0]) for row in conn.execute(query)]

    def summaries(self, ids: list[str]) -> list[Summary]:
        if not ids:
            return []
        titles = topic_titles(self.engine)
        rows: dict[str, list[Any]] = defaultdict(list)
        query = (select(EVENTS.c.sender_id, EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.intent_name,
                        EVENTS.c.action_name, EVENTS.c.data)
                 .where(EVENTS.c.sender_id.in_(ids),
                        EVENTS.c.type_name.in_(["user", "pause", "resume", "bot", "action"]))
                 .order_by(EVENTS.c.id))
        with self.tracker_engine.connect() as conn:
            for row in conn.execute(query):
                rows[row.sender_id].append(row)
        result = [self._summarise(conversation_id, rows[conversation_id], titles)
                  for conversation_id in ids if rows.get(conversation_id)]
        self._join_frontdesk(result)
        return result

    def _summarise(self, conversation_id: str, events: list[Any], titles: dict[str, str]) -> Summary:
        summary = Summary(conversation_id, when(events[0].timestamp), when(events[-1].timestamp))
        awaiting_answer = False  # the latest patient message was read as fallback / out of scope
        for row in events:
            if row.type_name == "action" and awaiting_answer and row.action_name not in ("action_listen", None):
                if row.action_name not in FORM_ACTIONS:
                    summary.flags.add("unanswered")
                awaiting_answer = False
            elif row.type_name in ("pause", "resume"):
                summary.paused = row.type_name == "pause"
                if summary.paused:
                    summary.flags.add("handed_off")
            elif row.type_name == "user":
                self._add_user_event(summary, row, titles)
                awaiting_answer = (row.intent_name or "") in UNANSWERED_INTENTS
        if awaiting_answer:
            summary.flags.add("unanswered")
        return summary

    @staticmethod
    def _add_user_event(summary: Summary, row: Any, titles: dict[str, str]) -> None:
        data = _event_data(row.data)
        text = str(data.get("text") or "")
        if summary.channel == "unknown":
            summary.channel = channel_of(summary.conversation_id, str(data.get("input_channel") or ""))
        if text and not text.startswith("/"):
            summary.texts.append(text)
            if not summary.first_question:
                summary.first_question = text
        intent = row.intent_name or ""
        if intent == "request_callback":
            summary.flags.add("callback")
        kind = red_flag_kind(data.get("parse_data") or {})
        if kind:
            summary.red_flag_kinds.add(kind)
            summary.flags.add("urgent" if kind in URGENT_KINDS else "checkin")
        title = titles.get(intent)
        if title and title not in summary.topics:
            summary.topics.append(title)

    def _join_frontdesk(self, summaries: list[Summary]) -> None:
        by_id = {s.conversation_id: s for s in summaries}
        ids = list(by_id)
        with Session(self.engine, future=True) as session:
            for state in session.scalars(select(ConversationState).where(ConversationState.conversation_id.in_(ids))):
                summary = by_id[state.conversation_id]
                summary.status, summary.assignee = state.status, state.assignee
                if state.taken_over_by:
                    summary.flags.add("handed_off")
            for conversation_id in session.scalars(select(CallbackRequest.conversation_id)
                                                   .where(CallbackRequest.conversation_id.in_(ids))):
                by_id[conversation_id].flags.add("callback")
            for flag in session.execute(select(RedFlagEvent.conversation_id, RedFlagEvent.kind)
                                        .where(RedFlagEvent.conversation_id.in_(ids))):
                summary = by_id[flag.conversation_id]
                summary.red_flag_kinds.add(flag.kind)
                summary.flags.add("checkin" if flag.kind in CHECKIN_KINDS else "urgent")

    def transcript(self, conversation_id: str) -> list[Turn]:
        """Every patient message (intent, confidence, red-flag kind, answering action), every bot
        reply, staff replies, pauses, notes and status changes, in time order."""
        turns: list[Turn] = []
        query = (select(EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.intent_name, EVENTS.c.action_name,
                        EVENTS.c.data)
                 .where(EVENTS.c.sender_id == conversation_id).order_by(EVENTS.c.id))
        last_patient: Turn | None = None
        if self.has_events_table():
            with self.tracker_engine.connect() as conn:
                for row in conn.execute(query):
                    data = _event_data(row.data)
                    at = when(row.timestamp)
                    if row.type_name == "user":
                        intent = data.get("parse_data", {}).get("intent") or {}
                        last_patient = Turn(at, "patient", str(data.get("text") or ""),
                                            intent=str(row.intent_name or ""), confidence=intent.get("confidence"),
                                            red_flag=red_flag_kind(data.get("parse_data") or {}))
                        turns.append(last_patient)
                    elif row.type_name == "action" and last_patient is not None and not last_patient.action:
                        if row.action_name not in ("action_listen", None):
                            last_patient.action = str(row.action_name)
                    elif row.type_name == "bot":
                        staff = str((data.get("metadata") or {}).get("staff") or "")
                        buttons = [str(b.get("title") or "") for b in (data.get("data") or {}).get("buttons") or []
                                   if isinstance(b, dict)]
                        turns.append(Turn(at, "staff_reply" if staff else "bot", str(data.get("text") or ""),
                                          author=staff, buttons=buttons))
                    elif row.type_name in ("pause", "resume"):
                        turns.append(Turn(at, "paused" if row.type_name == "pause" else "resumed"))
        with Session(self.engine, future=True) as session:
            for note in session.scalars(select(Note).where(Note.conversation_id == conversation_id)):
                turns.append(Turn(_utc(note.created_at), "note", note.text, author=note.author))
            for entry in session.scalars(select(AuditEntry).where(
                    AuditEntry.conversation_id == conversation_id,
                    AuditEntry.action.in_(["status", "assign", "takeover", "hand_back", "callback"]))):
                turns.append(Turn(_utc(entry.at), "status", f"{entry.action}: {entry.detail}", author=entry.staff))
        turns.sort(key=lambda t: t.at)
        return turns

    def callbacks(self, status: str | None = None, limit: int = 200) -> list[CallbackRequest]:
        query = select(CallbackRequest).order_by(CallbackRequest.created_at.desc()).limit(limit)
        if status:
            query = query.where(CallbackRequest.status == status)
        with Session(self.engine, future=True) as session:
            return list(session.scalars(query))


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
