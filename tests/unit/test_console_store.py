"""The console's reading and writing on SQLite and on a real PostgreSQL server: conversations saved
by Rasa's own SQLTrackerStore, joined with the front desk's tables; accounts and sessions; retention."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, ConversationPaused, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text
from sqlalchemy.engine import Engine

from clinic.callbacks import Contact, record_callback
from clinic.content import load, validated_content
from clinic.db import get_engine
from clinic.frontdesk import FrontDeskBase, create_frontdesk_schema
from clinic.models import Base
from clinic.queries import KnowledgeBase
from console import auth
from console.conversations import Conversations
from console.inbox import InboxFilter, csv_export
from console.paging import inbox_page
from console.retention import apply_retention
from console.settings import console_settings


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'console.db'}"
        return
    url = request.getfixturevalue("postgres_url")
    yield url
    engine = get_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS events")
        conn.exec_driver_sql("DROP TABLE IF EXISTS fact_search")
    FrontDeskBase.metadata.drop_all(engine)
    Base.metadata.drop_all(engine)


@pytest.fixture
def engine(url: str) -> Engine:
    engine = get_engine(url)
    load(engine, validated_content())
    create_frontdesk_schema(engine)
    return engine


def inbox_rows(conversations: Conversations, chosen: InboxFilter) -> list:
    return inbox_page(conversations, chosen).all_rows


def save_conversation(url: str, sender: str, events: list, at: float | None = None) -> None:
    """Store a conversation the way the Rasa server does, with its own SQLTrackerStore."""
    for event in events:
        event.timestamp = at or time.time()
    store = SQLTrackerStore(domain=Domain.empty(), host=url)
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))


def patient(text_: str, intent: str, confidence: float, channel: str = "socketio") -> UserUttered:
    return UserUttered(text_, {"name": intent, "confidence": confidence}, input_channel=channel,
                       parse_data={"intent": {"name": intent, "confidence": confidence}, "entities": [], "text": text_})


def test_inbox_joins_tracker_store_and_front_desk(url: str, engine: Engine) -> None:
    save_conversation(url, "web:abc", [
        ActionExecuted("action_listen"), patient("what are the risks of a nerve transfer?", "ask_risks", 0.91),
        ActionExecuted("action_answer_question"), BotUttered("Nerve transfer risks..."),
        ActionExecuted("action_listen"), patient("blorp <b>zzzk</b>", "nlu_fallback", 0.12),
        ActionExecuted("action_did_you_mean"), BotUttered("Did you mean..."), ConversationPaused(),
    ])
    urgent_message = patient("my face drooped suddenly", "report_urgent_symptom", 1.0, "twilio")
    save_conversation(url, "sms:+15550100", [ActionExecuted("action_listen"), urgent_message])
    KnowledgeBase(engine).record_red_flag("sms:+15550100", "stroke", "my face drooped suddenly", "twilio")
    record_callback(engine, conversation_id="web:abc", channel="socketio", name="Ann",
                    contact=Contact("phone", "+1555"), preferred_time="mornings", question="scar")
    save_conversation(url, "tg:42", [  # answers to the callback form are not unanswered questions
        ActionExecuted("action_listen"), patient("please call me", "request_callback", 0.9),
        ActionExecuted("callback_form"), ActionExecuted("action_listen"), patient("Maria Lopez", "nlu_fallback", 0.2),
        ActionExecuted("callback_form"), ActionExecuted("action_listen")], at=time.time() - 3600)
    conversations = Conversations(engine, engine)
    rows = inbox_rows(conversations, InboxFilter())
    assert [r.conversation_id for r in rows] == ["sms:+15550100", "web:abc", "tg:42"]  # urgent pinned on top
    assert rows[2].flags == {"callback"} and rows[2].channel == "telegram"
    from console.insights import insights

    figures = insights(conversations)
    assert figures["total_unanswered"] == 1 and figures["groups"][0]["example"] == "blorp <b>zzzk</b>"
    urgent, web, _ = rows
    assert urgent.flags == {"urgent"} and urgent.channel == "sms" and urgent.red_flag_kinds == {"stroke"}
    assert web.flags == {"unanswered", "callback", "handed_off"} and web.paused and web.channel == "widget"
    assert web.first_question == "what are the risks of a nerve transfer?"
    assert web.topics == ["Risks and complications"]
    assert [r.conversation_id for r in inbox_rows(conversations, InboxFilter(flag="unanswered"))] == ["web:abc"]
    assert [r.conversation_id for r in inbox_rows(conversations, InboxFilter(text="DROOPED"))] == ["sms:+15550100"]
    assert inbox_rows(conversations, InboxFilter(channel="whatsapp")) == []

    turns = conversations.transcript("web:abc")
    first = turns[0]
    assert (first.kind, first.intent, first.confidence, first.action) == ("patient", "ask_risks", 0.91,
                                                                          "action_answer_question")
    assert [t.kind for t in turns] == ["patient", "bot", "patient", "bot", "paused"]
    assert conversations.callbacks()[0].name == "Ann"
    exported = "".join(csv_export(rows)).splitlines()
    assert exported[0].startswith("conversation_id,channel") and len(exported) == 4


def test_csv_cells_cannot_become_formulas() -> None:
    from console.conversations import Summary
    from console.inbox import _safe_cell

    assert _safe_cell("=HYPERLINK(\"http://evil\")") == "'=HYPERLINK(\"http://evil\")"
    assert _safe_cell("how long?") == "how long?"
    assert Summary  # the row type the export writes


def test_retention_deletes_old_conversations_and_their_records(url: str, engine: Engine) -> None:
    old = time.time() - 40 * 86400
    save_conversation(url, "old-1", [ActionExecuted("action_listen"), patient("old question", "ask_risks", 0.9)],
                      at=old)
    save_conversation(url, "new-1", [ActionExecuted("action_listen"), patient("new question", "ask_risks", 0.9)])
    record_callback(engine, conversation_id="old-1", channel="rest", name="Old", contact=Contact("phone", "+1555"),
                    preferred_time="any", question="q")
    KnowledgeBase(engine).record_red_flag("old-1", "stroke", "old", "rest")
    settings = replace(console_settings(), database_url=url, tracker_store_url=url)
    assert apply_retention(settings, 30) == 1
    conversations = Conversations(engine, engine)
    assert conversations.recent_ids() == ["new-1"]
    assert conversations.callbacks() == []
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM red_flag_events")).scalar() == 0
    with pytest.raises(ValueError):
        apply_retention(settings, 0)


def test_accounts_sessions_and_rate_limit(engine: Engine) -> None:
    assert auth.set_password(engine, "alice", "correct horse battery", "admin") is True
    with pytest.raises(ValueError):
        auth.set_password(engine, "bob", "short")
    with pytest.raises(ValueError):
        auth.set_password(engine, "<script>", "long enough password")
    assert auth.check_password(engine, "alice", "wrong password!") is None
    assert auth.check_password(engine, "nobody", "correct horse battery") is None
    user = auth.check_password(engine, "alice", "correct horse battery")
    assert user is not None
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM staff_users")).scalar()
    assert stored.startswith("$argon2id$") and "correct horse" not in stored

    token = auth.open_session(engine, user, hours=1)
    staff = auth.staff_for_token(engine, token)
    assert staff is not None and staff.name == "alice" and staff.is_admin
    assert auth.staff_for_token(engine, token + "x") is None
    auth.close_session(engine, token)
    assert auth.staff_for_token(engine, token) is None
    expired = auth.open_session(engine, user, hours=-1)
    assert auth.staff_for_token(engine, expired) is None
    live = auth.open_session(engine, user, hours=1)
    assert auth.set_password(engine, "alice", "a new long password", "admin") is False
    assert auth.staff_for_token(engine, live) is None  # a reset ends every session

    keys = ["name:eve", "ip:10.0.0.9"]
    for _ in range(4):
        auth.record_failure(engine, keys)
    assert not auth.too_many_failures(engine, keys, 5, timedelta(minutes=15))
    auth.record_failure(engine, keys)
    assert auth.too_many_failures(engine, keys, 5, timedelta(minutes=15))
    assert not auth.too_many_failures(engine, ["name:other", "ip:10.0.0.9"], 5, timedelta(minutes=15))
