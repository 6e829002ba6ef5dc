"""Insights for the front desk: questions per topic per day, the share left unanswered, the most
frequent unanswered questions grouped by similarity (what content to add next), red flags per week
and callbacks handled. Figures are computed here; the browser only draws them (Chart.js)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic.frontdesk import CallbackRequest
from clinic.models import RedFlagEvent
from console.conversations import (
    EVENTS,
    FORM_ACTIONS,
    UNANSWERED_INTENTS,
    Conversations,
    _event_data,
    topic_titles,
    when,
)

MAX_MESSAGES = 5000
MAX_GROUPED = 400
SIMILARITY = 0.5
STOP_WORDS = frozenset("a an the i my me is are was do does can could would will to of for in on and or it "
                       "you your what how when why there this that be have has with about".split())


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9']+", text.lower()[:500]) if w not in STOP_WORDS)


@dataclass
class Group:
    example: str
    count: int = 1
    others: list[str] = field(default_factory=list)
    key: frozenset[str] = frozenset()


def group_similar(texts: list[str]) -> list[Group]:
    """Greedy grouping by word overlap (Jaccard >= SIMILARITY against each group's first text).
    Bounded: at most MAX_GROUPED texts, each compared with at most that many groups."""
    groups: list[Group] = []
    for text in texts[:MAX_GROUPED]:
        key = words(text)
        for group in groups:
            union = key | group.key
            if union and len(key & group.key) / len(union) >= SIMILARITY:
                group.count += 1
                if len(group.others) < 3 and text != group.example:
                    group.others.append(text)
                break
        else:
            groups.append(Group(text, key=key))
    return sorted(groups, key=lambda g: -g.count)


def iso_week(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def patient_messages(conversations: Conversations, since: datetime) -> list[tuple[str, str, str, str]]:
    """(day, text, intent, answering action) of typed patient messages since ``since``, newest
    conversations first, at most MAX_MESSAGES events read. Button presses (``/...``) are left out."""
    if not conversations.has_events_table():
        return []
    query = (select(EVENTS.c.sender_id, EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.intent_name,
                    EVENTS.c.action_name, EVENTS.c.data)
             .where(EVENTS.c.type_name.in_(["user", "action"]), EVENTS.c.timestamp >= since.timestamp())
             .order_by(EVENTS.c.id.desc()).limit(MAX_MESSAGES))
    with conversations.tracker_engine.connect() as conn:
        rows = list(conn.execute(query))
    messages = []
    answered_by: dict[str, str] = {}  # walking backwards: per conversation, the action after the user message
    for row in rows:
        if row.type_name == "action":
            if row.action_name and row.action_name != "action_listen":
                answered_by[row.sender_id] = row.action_name
            continue
        text = str(_event_data(row.data).get("text") or "")
        if not text.startswith("/"):
            messages.append((when(row.timestamp).date().isoformat(), text, row.intent_name or "",
                             answered_by.get(row.sender_id, "")))
        answered_by.pop(row.sender_id, None)
    return messages


def insights(conversations: Conversations, days: int = 30) -> dict:
    since = datetime.now(timezone.utc) - timedelta(days=days)
    titles = topic_titles(conversations.engine)
    per_day_topic: dict[str, Counter] = defaultdict(Counter)
    per_day_total: Counter = Counter()
    per_day_unanswered: Counter = Counter()
    unanswered_texts: list[str] = []
    for day, text, intent, answered_by in patient_messages(conversations, since):
        per_day_total[day] += 1
        if intent in UNANSWERED_INTENTS and answered_by not in FORM_ACTIONS:
            per_day_unanswered[day] += 1
            unanswered_texts.append(text)
        elif intent in titles:
            per_day_topic[titles[intent]][day] += 1
    days_axis = [(since + timedelta(days=i + 1)).date().isoformat() for i in range(days)]
    topics = sorted(per_day_topic, key=lambda t: -sum(per_day_topic[t].values()))[:10]
    with Session(conversations.engine, future=True) as session:
        flags = session.execute(select(RedFlagEvent.kind, RedFlagEvent.created_at)
                                .where(RedFlagEvent.created_at >= since - timedelta(days=60))).all()
        callbacks = session.execute(select(CallbackRequest.status, CallbackRequest.created_at)
                                    .where(CallbackRequest.created_at >= since - timedelta(days=60))).all()
    flag_weeks: dict[str, Counter] = defaultdict(Counter)
    for kind, at in flags:
        flag_weeks[kind][iso_week(at)] += 1
    callback_weeks: dict[str, Counter] = defaultdict(Counter)
    for status, at in callbacks:
        callback_weeks["handled" if status in ("called", "done") else status][iso_week(at)] += 1
    weeks = sorted({w for c in (*flag_weeks.values(), *callback_weeks.values()) for w in c})
    return {
        "days": days_axis,
        "topics": {t: [per_day_topic[t][d] for d in days_axis] for t in topics},
        "unanswered_share": [round(100 * per_day_unanswered[d] / per_day_total[d], 1) if per_day_total[d] else 0
                             for d in days_axis],
        "weeks": weeks,
        "red_flags": {k: [flag_weeks[k][w] for w in weeks] for k in sorted(flag_weeks)},
        "callbacks": {k: [callback_weeks[k][w] for w in weeks] for k in sorted(callback_weeks)},
        "groups": [{"example": g.example, "count": g.count, "others": g.others}
                   for g in group_similar(unanswered_texts)[:15]],
        "total_messages": sum(per_day_total.values()),
        "total_unanswered": sum(per_day_unanswered.values()),
    }
