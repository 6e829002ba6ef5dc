"""The front desk's own records, kept beside Rasa's tracker store: callbacks, conversation status,
notes, staff accounts and sessions, saved views and the audit log.

Plain SQLAlchemy (no Rasa): the action server writes callback requests here, the staff console
reads and writes everything else. The tables have their own metadata so that the content tables'
rebuild in ``clinic.db.create_schema`` can never touch them.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Boolean, Column, DateTime, Integer, String, Text, UniqueConstraint, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, declarative_base

FrontDeskBase = declarative_base()

CALLBACK_STATUSES = ("open", "called", "no_answer", "done")
CONVERSATION_STATUSES = ("new", "in_progress", "done")
ROLES = ("front_desk", "admin")
MAX_NOTE = 2000


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class CallbackRequest(FrontDeskBase):
    """What a patient left in the callback form; staff work through these as a queue."""

    __tablename__ = "callback_requests"

    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = Column(String(255), index=True)
    channel: Mapped[str] = Column(String(80), default="")
    name: Mapped[str] = Column(String(120))
    contact: Mapped[str] = Column(String(255))
    contact_kind: Mapped[str] = Column(String(20))  # phone, email, sms, whatsapp, telegram
    preferred_time: Mapped[str] = Column(String(200), default="")
    question: Mapped[str] = Column(Text, default="")
    status: Mapped[str] = Column(String(20), default="open", index=True)
    note: Mapped[str] = Column(Text, default="")
    handled_by: Mapped[str] = Column(String(80), default="")
    created_at: Mapped[datetime] = Column(DateTime(timezone=True), default=utcnow, index=True)
    updated_at: Mapped[datetime] = Column(DateTime(timezone=True), default=utcnow)


class ConversationState(FrontDeskBase):
    """The staff's view of one conversation: triage status, who owns it, whether it is taken over."""

    __tablename__ = "conversation_states"

    conversation_id: Mapped[str] = Column(String(255), primary_key=True)
    status: Mapped[str] = Column(String(20), default="new")
    assignee: Mapped[str] = Column(String(80), default="")
    taken_over_by: Mapped[str] = Column(String(80), default="")
    updated_at: Mapped[datetime] = Column(DateTime(timezone=True), default=utcnow)


class Note(FrontDeskBase):
    """A staff note on a conversation (shown in its transcript, never to the patient)."""

    __tablename__ = "conversation_notes"

    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = Column(String(255), index=True)
    author: Mapped[str] = Column(String(80))
    text: Mapped[str] = Column(Text)
    created_at: Mapped[datetime] = Column(DateTime(timezone=True), default=utcnow)


class StaffUser(FrontDeskBase):
    """A console account; the password is stored only as an argon2id hash."""

    __tablename__ = "staff_users"

    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = Column(String(80), unique=True)
    password_hash: Mapped[str] = Column(String(255))
    role: Mapped[str] = Column(String(20), default="front_desk")
    active: Mapped[bool] = Column(Boolean, default=True)
    created_at: Mapped[datetime] = Column(DateTime(timezone=True), default=utcnow)


class StaffSession(FrontDeskBase):
    """A server-side login session: the cookie holds a random token, the table only its hash,
    so logout and expiry are enforced here and a stolen database gives no usable cookie."""

    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = Column(String(64), primary_key=True)
    user_id: Mapped[int] = Column(Integer, index=True)
    csrf_token: Mapped[str] = Column(String(64))
    created_at: Mapped[datetime] = Column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = Column(DateTime(timezone=True))


class LoginAttempt(FrontDeskBase):
    """Failed logins, per account name and per client address, for the rate limit."""

    __tablename__ = "staff_login_failures"

    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = Column(String(200), index=True)
    at: Mapped[datetime] = Column(DateTime(timezone=True), default=utcnow, index=True)


class SavedView(FrontDeskBase):
    """A named inbox filter (its query string), per staff member."""

    __tablename__ = "saved_views"
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = Column(Integer, index=True)
    name: Mapped[str] = Column(String(80))
    query: Mapped[str] = Column(Text)


class AuditEntry(FrontDeskBase):
    """Who did what and when: transcript views, exports, takeovers, status changes, notes."""

    __tablename__ = "audit_log"

    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = Column(DateTime(timezone=True), default=utcnow, index=True)
    staff: Mapped[str] = Column(String(80))
    action: Mapped[str] = Column(String(40), index=True)
    conversation_id: Mapped[str] = Column(String(255), default="", index=True)
    detail: Mapped[str] = Column(Text, default="")


def _sqlite_busy_timeout(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create_frontdesk_schema(engine: Engine) -> None:
    """Create the front desk's tables (idempotent). On SQLite also switch the file to WAL, so the
    Rasa server, the action server and the console can write to it without blocking each other's
    reads; WAL is a property of the file, so every process then benefits."""
    if engine.dialect.name == "sqlite":
        if not event.contains(engine, "connect", _sqlite_busy_timeout):
            event.listen(engine, "connect", _sqlite_busy_timeout)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    FrontDeskBase.metadata.create_all(engine)  # checks each table first: cheap, and only the
    # console's start and a finished callback form call this
