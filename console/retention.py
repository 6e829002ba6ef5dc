"""``python -m console.retention [--days N]``: delete conversations whose last message is older than
N days (default RETENTION_DAYS), with their callbacks, notes, triage state and red-flag events.

The one place the console writes to Rasa's tracker store. The audit log is kept: it holds no
patient text, only who did what.
"""

from __future__ import annotations

import argparse
import sys
import time

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from clinic.db import get_engine
from clinic.frontdesk import CallbackRequest, ConversationState, Note, create_frontdesk_schema
from clinic.models import RedFlagEvent
from console.conversations import EVENTS
from console.settings import ConsoleSettings, console_settings

BATCH = 500


def apply_retention(settings: ConsoleSettings, days: int, now: float | None = None) -> int:
    """Delete what is older than ``days``; returns how many conversations went."""
    if days < 1:
        raise ValueError("days must be at least 1")
    cutoff = (now or time.time()) - days * 86400
    tracker = get_engine(settings.tracker_store_url)
    engine = get_engine(settings.database_url)
    create_frontdesk_schema(engine)
    from sqlalchemy import inspect

    if not inspect(tracker).has_table("events"):
        return 0
    with tracker.connect() as conn:
        old = [str(r[0]) for r in conn.execute(select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id)
                                               .having(func.max(EVENTS.c.timestamp) < cutoff))]
    for start in range(0, len(old), BATCH):
        batch = old[start:start + BATCH]
        with tracker.begin() as conn:
            conn.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(batch)))
        with Session(engine, future=True) as session, session.begin():
            for model in (CallbackRequest, Note, RedFlagEvent):
                session.execute(delete(model).where(model.conversation_id.in_(batch)))
            session.execute(delete(ConversationState).where(ConversationState.conversation_id.in_(batch)))
    return len(old)


def main(argv: list[str] | None = None) -> int:
    settings = console_settings()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=settings.retention_days,
                        help="keep conversations active in the last N days (default: RETENTION_DAYS)")
    args = parser.parse_args(argv)
    if args.days < 1:
        print("Say how many days to keep: --days N or RETENTION_DAYS in .env.", file=sys.stderr)
        return 2
    removed = apply_retention(settings, args.days)
    print(f"Deleted {removed} conversation(s) inactive for more than {args.days} days, with their records.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
