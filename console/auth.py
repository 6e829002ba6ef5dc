"""Staff accounts and sessions: argon2id hashes, a login rate limit, server-side sessions that
expire, and the CSRF token every form and htmx request must carry.

Why server-side sessions: logout and expiry take effect at once, and the cookie is a random token
whose hash alone is stored, so a copy of the database opens no session.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from clinic.frontdesk import ROLES, LoginAttempt, StaffSession, StaffUser, utcnow

HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
MIN_PASSWORD = 10
MAX_PASSWORD = 1024
# Verified when the account does not exist, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = HASHER.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class Staff:
    """The signed-in staff member, as the views see it."""

    id: int
    name: str
    role: str
    csrf_token: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def as_utc(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; everything here is stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def set_password(engine: Engine, name: str, password: str, role: str = "front_desk") -> bool:
    """Create the account or reset its password and role; returns True when it was created.
    Every session of an account whose password is reset is ended."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if not 1 <= len(name) <= 80 or not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise ValueError("the name must be 1 to 80 letters, digits, dots, dashes or underscores")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise ValueError(f"the password must have {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    with Session(engine, future=True) as session, session.begin():
        user = session.scalars(select(StaffUser).where(StaffUser.name == name)).first()
        created = user is None
        if user is None:
            user = StaffUser(name=name)
            session.add(user)
        user.password_hash = HASHER.hash(password)
        user.role = role
        user.active = True
        session.flush()
        session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))
        return created


ADDRESS_FACTOR = 4  # one address (an office behind one NAT) may fail for a few accounts before it is held


def too_many_failures(engine: Engine, keys: list[str], limit: int, window: timedelta) -> bool:
    """Whether an account name (``name:...``) has ``limit`` failures in the window, or one client
    address (``ip:...``) ``ADDRESS_FACTOR`` times as many."""
    since = utcnow() - window
    with Session(engine, future=True) as session:
        for key in keys:
            key_limit = limit * ADDRESS_FACTOR if key.startswith("ip:") else limit
            count = session.scalar(select(func.count()).select_from(LoginAttempt)
                                   .where(LoginAttempt.key == key, LoginAttempt.at >= since))
            if int(count or 0) >= key_limit:
                return True
    return False


def record_failure(engine: Engine, keys: list[str]) -> None:
    with Session(engine, future=True) as session, session.begin():
        session.add_all(LoginAttempt(key=key[:200]) for key in keys)


def check_password(engine: Engine, name: str, password: str) -> StaffUser | None:
    """The active account when the password matches; None otherwise (in constant-ish time)."""
    if len(password) > MAX_PASSWORD or len(name) > 80:
        return None
    with Session(engine, future=True) as session:
        user = session.scalars(select(StaffUser).where(StaffUser.name == name, StaffUser.active.is_(True))).first()
        try:
            HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        return user


def open_session(engine: Engine, user: StaffUser, hours: float) -> str:
    """A new session for ``user``; returns the cookie value (the only copy of the raw token)."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with Session(engine, future=True) as session, session.begin():
        session.execute(delete(StaffSession).where(StaffSession.expires_at < now))
        session.add(StaffSession(token_hash=_hash_token(token), user_id=user.id, csrf_token=secrets.token_urlsafe(32),
                                 created_at=now, expires_at=now + timedelta(hours=hours)))
    return token


def staff_for_token(engine: Engine, token: str | None) -> Staff | None:
    if not token or len(token) > 200:
        return None
    with Session(engine, future=True) as session:
        row = session.get(StaffSession, _hash_token(token))
        if row is None or as_utc(row.expires_at) <= utcnow():
            return None
        user = session.get(StaffUser, row.user_id)
        if user is None or not user.active:
            return None
        return Staff(user.id, user.name, user.role, row.csrf_token)


def close_session(engine: Engine, token: str | None) -> None:
    if token:
        with Session(engine, future=True) as session, session.begin():
            session.execute(delete(StaffSession).where(StaffSession.token_hash == _hash_token(token)))


def tokens_match(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode("utf-8"), str(given).encode("utf-8"))
