"""The inbox a page at a time: keyset pagination over conversations, newest first.

A conversation's key is (time of its last event, sender id). Rasa's ``events`` table is grouped by
sender id in SQL and cut at the key of the last row shown ("older" link), so page 40 costs what
page 1 costs and nothing is capped at the newest N. The filters narrow the candidates in SQL where
the tracker store can answer (date range, channel, text, flag hints, and the front desk's own ids
for status, callbacks, red flags, takeovers) and are then checked exactly on each summary in
Python, because some flags ("unanswered") depend on the order of events. A page reads at most
``SCAN_LIMIT`` candidates: a rare filter over a huge store then shows a short page with an "older"
link instead of reading the whole table in one request.

The tracker store and the front desk's tables may live in different databases (``TRACKER_STORE_URL``
and ``DATABASE_URL``), so the front desk's side reaches the SQL as a list of ids, never as a join.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import and_, false, func, not_, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from clinic.frontdesk import CallbackRequest, ConversationState
from clinic.models import RedFlagEvent
from console.conversations import (
    CHANNEL_PREFIXES,
    CHECKIN_KINDS,
    EVENTS,
    RED_FLAG_EXTRACTOR,
    UNANSWERED_INTENTS,
    Conversations,
    Summary,
    topic_titles,
)
from console.inbox import InboxFilter, day_start

PAGE_SIZE = 50
SCAN_LIMIT = 2000
MAX_PINNED = 100
MAX_ID_LIST = 5000  # longer lists of front-desk ids are left to the Python check


@dataclass(frozen=True)
class Cursor:
    """Where a page stopped: the last event time and sender id of its last conversation."""

    last: float
    conversation_id: str

    def encode(self) -> str:
        raw = json.dumps([repr(self.last), self.conversation_id]).encode("utf-8")
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, value: str | None) -> Cursor | None:
        """The cursor in an "older" link, or None when it is missing or was tampered with."""
        if not value or len(value) > 800:
            return None
        try:
            last, conversation_id = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
            return cls(float(last), str(conversation_id))
        except (ValueError, TypeError):
            return None


@dataclass
class InboxPage:
    pinned: list[Summary] = field(default_factory=list)  # urgent and not done: first page only
    rows: list[Summary] = field(default_factory=list)
    older: Cursor | None = None  # where the next page starts; None when this is the last one

    @property
    def all_rows(self) -> list[Summary]:
        return [*self.pinned, *self.rows]


def _ids(session: Session, column: ColumnElement, *where: ColumnElement) -> list[str] | None:
    """Front-desk ids for an ``IN`` list; None when too many to send (the Python check decides)."""
    ids = list(session.scalars(select(column).where(*where).distinct().limit(MAX_ID_LIST + 1)))
    return None if len(ids) > MAX_ID_LIST else [str(i) for i in ids]


def _senders(*where: ColumnElement) -> ColumnElement:
    """The conversation has an event matching ``where``."""
    return EVENTS.c.sender_id.in_(select(EVENTS.c.sender_id).where(*where))


def _any_of(hint: ColumnElement | None, ids: list[str] | None) -> ColumnElement | None:
    """``hint`` or one of ``ids``; None (no narrowing) when the ids were too many to list."""
    if ids is None:
        return None
    listed = EVENTS.c.sender_id.in_(ids) if ids else false()
    return listed if hint is None else or_(hint, listed)


def _urgent_hint(session: Session) -> ColumnElement | None:
    detected = _senders(EVENTS.c.type_name == "user", EVENTS.c.data.contains(RED_FLAG_EXTRACTOR, autoescape=True))
    return _any_of(detected, _ids(session, RedFlagEvent.conversation_id, RedFlagEvent.kind.not_in(CHECKIN_KINDS)))


def _flag_hint(session: Session, flag: str) -> ColumnElement | None:
    if flag == "unanswered":
        return _senders(EVENTS.c.intent_name.in_(UNANSWERED_INTENTS))
    if flag == "callback":
        return _any_of(_senders(EVENTS.c.intent_name == "request_callback"),
                       _ids(session, CallbackRequest.conversation_id))
    if flag == "handed_off":
        return _any_of(_senders(EVENTS.c.type_name == "pause"),
                       _ids(session, ConversationState.conversation_id, ConversationState.taken_over_by != ""))
    if flag in ("urgent", "checkin"):
        detected = _senders(EVENTS.c.type_name == "user", EVENTS.c.data.contains(RED_FLAG_EXTRACTOR, autoescape=True))
        return _any_of(detected, _ids(session, RedFlagEvent.conversation_id))
    return None


def _channel_hint(channel: str) -> ColumnElement:
    prefixes = [p for p, name in CHANNEL_PREFIXES.items() if name == channel]
    if prefixes:
        return or_(*(EVENTS.c.sender_id.startswith(p, autoescape=True) for p in prefixes))
    # Rasa stores each event as json.dumps(...): the input channel appears exactly like this.
    marker = json.dumps({"input_channel": channel})[1:-1]
    return and_(not_(or_(*(EVENTS.c.sender_id.startswith(p, autoescape=True) for p in CHANNEL_PREFIXES))),
                _senders(EVENTS.c.type_name == "user", EVENTS.c.data.contains(marker, autoescape=True)))


def _text_hint(conversations: Conversations, session: Session, text: str) -> ColumnElement | None:
    """A superset of the conversations the text search matches: a patient message (as Rasa's JSON
    stores it, non-ASCII escaped), the id, a topic title or the assignee."""
    needle = text.casefold()
    if not needle.isascii():  # stored as \uXXXX escapes, whose case SQL cannot fold: Python alone decides
        return None
    escaped = json.dumps(needle)[1:-1]
    intents = [intent for intent, title in topic_titles(conversations.engine).items() if needle in title.casefold()]
    hints = [_senders(EVENTS.c.type_name == "user", func.lower(EVENTS.c.data).contains(escaped, autoescape=True)),
             func.lower(EVENTS.c.sender_id).contains(needle, autoescape=True)]
    if intents:
        hints.append(_senders(EVENTS.c.intent_name.in_(intents)))
    return _any_of(or_(*hints), _ids(session, ConversationState.conversation_id,
                                     func.lower(ConversationState.assignee).contains(needle, autoescape=True)))


def sql_filters(conversations: Conversations, chosen: InboxFilter) -> list[ColumnElement]:
    """WHERE conditions on ``events`` that every conversation matching ``chosen`` satisfies."""
    conditions: list[ColumnElement | None] = []
    with Session(conversations.engine, future=True) as session:
        if chosen.channel:
            conditions.append(_channel_hint(chosen.channel))
        if chosen.flag:
            conditions.append(_flag_hint(session, chosen.flag))
        if chosen.status and chosen.status != "new":
            conditions.append(_any_of(None, _ids(session, ConversationState.conversation_id,
                                                 ConversationState.status == chosen.status)))
        if chosen.text:
            conditions.append(_text_hint(conversations, session, chosen.text))
    return [c for c in conditions if c is not None]


def candidates(conversations: Conversations, chosen: InboxFilter, where: list[ColumnElement],
               after: Cursor | None, limit: int) -> list[Cursor]:
    """The next ``limit`` conversations older than ``after`` that pass the SQL filters, newest first."""
    if not conversations.has_events_table():
        return []
    last = func.max(EVENTS.c.timestamp)
    query = (select(EVENTS.c.sender_id, last.label("last")).where(*where).group_by(EVENTS.c.sender_id)
             .order_by(last.desc(), EVENTS.c.sender_id.desc()).limit(limit))
    since, until = day_start(chosen.since), day_start(chosen.until, next_day=True)
    if since is not None:
        query = query.having(last >= since)
    if until is not None:
        query = query.having(func.min(EVENTS.c.timestamp) < until)
    if after is not None:
        older = and_(last == after.last, EVENTS.c.sender_id < after.conversation_id)
        query = query.having(or_(last < after.last, older))
    with conversations.tracker_engine.connect() as conn:
        return [Cursor(float(row.last), str(row.sender_id)) for row in conn.execute(query)]


def _pinned(conversations: Conversations, chosen: InboxFilter, where: list[ColumnElement]) -> list[Summary]:
    with Session(conversations.engine, future=True) as session:
        hint = _urgent_hint(session)
    keys = candidates(conversations, chosen, [*where, *([hint] if hint is not None else [])], None, MAX_PINNED)
    return [s for s in conversations.summaries([k.conversation_id for k in keys]) if s.pinned and chosen.matches(s)]


def inbox_page(conversations: Conversations, chosen: InboxFilter, after: Cursor | None = None,
               size: int = PAGE_SIZE, scan_limit: int = SCAN_LIMIT) -> InboxPage:
    """One page of the inbox: on the first, urgent conversations not yet done pinned on top; then
    up to ``size`` others, newest first, and the cursor of the next page. A pinned conversation is
    not repeated on the first page, but keeps its place in time on later ones: none is ever lost,
    however many are urgent."""
    where = sql_filters(conversations, chosen)
    page = InboxPage(pinned=_pinned(conversations, chosen, where) if after is None else [])
    pinned_ids = {s.conversation_id for s in page.pinned}
    scanned, batch_size = 0, max(size * 2, 100)
    while True:
        batch = candidates(conversations, chosen, where, after, batch_size)
        by_id = {s.conversation_id: s for s in conversations.summaries([k.conversation_id for k in batch])}
        for key in batch:
            scanned, after = scanned + 1, key
            summary = by_id.get(key.conversation_id)
            if summary and chosen.matches(summary) and key.conversation_id not in pinned_ids:
                page.rows.append(summary)
                if len(page.rows) == size:
                    page.older = key if candidates(conversations, chosen, where, key, 1) else None
                    return page
        if len(batch) < batch_size:
            return page
        if scanned >= scan_limit:
            page.older = after
            return page


def every_match(conversations: Conversations, chosen: InboxFilter, batch_size: int = 200) -> Iterator[Summary]:
    """Every conversation matching ``chosen``, newest first, a batch at a time (the CSV export)."""
    where = sql_filters(conversations, chosen)
    after: Cursor | None = None
    while True:
        batch = candidates(conversations, chosen, where, after, batch_size)
        by_id = {s.conversation_id: s for s in conversations.summaries([k.conversation_id for k in batch])}
        for key in batch:
            summary = by_id.get(key.conversation_id)
            if summary and chosen.matches(summary):
                yield summary
        if len(batch) < batch_size:
            return
        after = batch[-1]
