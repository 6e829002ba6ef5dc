"""The inbox pages through every conversation, newest first (keyset), on SQLite and PostgreSQL:
more than the 500 the inbox used to stop at, with filters narrowed in SQL and checked exactly, and
a CSV export of the whole filtered set."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest
from rasa.shared.core.events import ActionExecuted, Event
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from clinic.frontdesk import ConversationState
from clinic.queries import KnowledgeBase
from console.conversations import EVENTS, Conversations
from console.inbox import CSV_COLUMNS, InboxFilter, csv_export
from console.paging import Cursor, candidates, every_match, inbox_page, sql_filters
from tests.unit.test_console_store import engine, patient, save_conversation, url  # noqa: F401 (fixtures)

COUNT = 620
BASE = time.time() - 30 * 86400


def sender(i: int) -> str:
    return f"web:{i:04d}" if i % 7 == 0 else f"c-{i:04d}"


def at(i: int) -> float:
    # 69 and 70 end at the same second, the last of one page of 50 and the first of the next.
    return BASE + (69 if i == 70 else i) * 60.0


def store_many(url_: str, engine_: Engine) -> None:
    """COUNT conversations written straight into Rasa's events table (created by Rasa's own store)."""
    save_conversation(url_, "schema-maker", [ActionExecuted("action_listen")], at=BASE - 86400)
    rows = []
    for i in range(COUNT):
        unanswered = i % 50 == 0
        message = patient(f"question number {i} about my eyelid", "nlu_fallback" if unanswered else "ask_risks",
                          0.2 if unanswered else 0.9, "rest")
        answer = ActionExecuted("action_did_you_mean" if unanswered else "action_answer_question")
        events: list[Event] = [message, answer]
        for event in events:
            event.timestamp = at(i)
            rows.append({"sender_id": sender(i), "type_name": event.type_name, "timestamp": at(i),
                         "intent_name": getattr(event, "intent_name", None),
                         "action_name": getattr(event, "action_name", None), "data": json.dumps(event.as_dict())})
    with engine_.begin() as conn:
        conn.execute(insert(EVENTS), rows)
    KnowledgeBase(engine_).record_red_flag(sender(3), "stroke", "old urgent", "rest")  # old, urgent, not done
    with Session(engine_, future=True) as session, session.begin():
        for i in (10, 20, 30):
            session.add(ConversationState(conversation_id=sender(i), status="done", assignee="Bea", taken_over_by=""))


def all_pages(conversations: Conversations, chosen: InboxFilter, size: int) -> list[list[str]]:
    pages, after = [], None
    while True:
        page = inbox_page(conversations, chosen, after, size=size)
        pages.append([s.conversation_id for s in page.all_rows])
        if page.older is None:
            return pages
        after = Cursor.decode(page.older.encode())  # through the link, as the browser sends it back


def test_paging_reaches_every_conversation_newest_first(url: str, engine: Engine) -> None:  # noqa: F811
    store_many(url, engine)
    conversations = Conversations(engine, engine)
    pages = all_pages(conversations, InboxFilter(), size=50)
    assert pages[0][0] == sender(3), "the urgent conversation is pinned on top of the first page"
    stream = pages[0][1:] + [i for page in pages[1:] for i in page]
    expected = sorted((*range(COUNT),), key=lambda i: (at(i), sender(i)), reverse=True)
    assert stream == [sender(i) for i in expected] + ["schema-maker"]  # every one, once, newest first
    assert len(pages) == 13 and all(len(page) == 50 for page in pages[1:-1])

    unanswered = all_pages(conversations, InboxFilter(flag="unanswered"), size=5)
    assert [i for page in unanswered for i in page] == [sender(i) for i in range(600, -1, -50)]
    assert [len(page) for page in unanswered] == [5, 5, 3]
    assert all_pages(conversations, InboxFilter(status="done"), size=2) == [[sender(30), sender(20)], [sender(10)]]
    assert all_pages(conversations, InboxFilter(text="Question Number 333 "), 50) == [[sender(333)]]
    assert all_pages(conversations, InboxFilter(text="bea"), 50) == [[sender(30), sender(20), sender(10)]]
    assert all_pages(conversations, InboxFilter(channel="widget", text="number 7 "), 50) == [[sender(7)]]
    assert all_pages(conversations, InboxFilter(channel="rest", text="number 7 "), 50) == [[]]
    save_conversation(url, "accents", [ActionExecuted("action_listen"), patient("Mon ÉPAULE après", "ask_risks", 0.9)])
    assert all_pages(conversations, InboxFilter(text="épaule"), 50) == [["accents"]]  # case folded beyond ASCII


def test_filters_narrow_the_candidates_in_sql(url: str, engine: Engine) -> None:  # noqa: F811
    store_many(url, engine)
    conversations = Conversations(engine, engine)
    for chosen, expected in ((InboxFilter(flag="unanswered"), 13), (InboxFilter(status="done"), 3),
                             (InboxFilter(text="number 612 about"), 1), (InboxFilter(channel="widget"), 89)):
        keys = candidates(conversations, chosen, sql_filters(conversations, chosen), None, 1000)
        assert len(keys) == expected, chosen


def test_csv_export_covers_the_whole_filtered_set(url: str, engine: Engine) -> None:  # noqa: F811
    store_many(url, engine)
    conversations = Conversations(engine, engine)
    lines = csv_export(every_match(conversations, InboxFilter(), batch_size=64))
    assert next(lines).strip() == ",".join(CSV_COLUMNS)  # streamed: the header before any batch is read
    rows = list(csv.DictReader(io.StringIO(",".join(CSV_COLUMNS) + "\n" + "".join(lines))))
    assert len(rows) == COUNT + 1 and len({r["conversation_id"] for r in rows}) == COUNT + 1
    widget = list(every_match(conversations, InboxFilter(channel="widget", flag="unanswered")))
    assert [s.conversation_id for s in widget] == [sender(i) for i in range(600, -1, -50) if i % 7 == 0]


@pytest.mark.parametrize("value", ["", "garbage", "e30", "W10", "a" * 900])
def test_a_tampered_cursor_starts_from_the_newest(value: str) -> None:
    assert Cursor.decode(value) is None
    assert Cursor.decode(Cursor(12.5, "web:ä/1").encode()) == Cursor(12.5, "web:ä/1")
