"""Inbox filters (flag, status, channel, date range, text) and the CSV export of the rows they
select. Paging through them, newest first with urgent ones pinned, is ``console.paging``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import urlencode

from clinic.frontdesk import CONVERSATION_STATUSES
from console.conversations import FLAGS, Summary

MAX_QUERY = 200
CSV_COLUMNS = ("conversation_id", "channel", "started", "last_activity", "first_question", "topics", "flags",
               "red_flag_kinds", "status", "assignee")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class InboxFilter:
    """What the staff member asked to see; unknown values are dropped rather than trusted."""

    flag: str = ""
    status: str = ""
    channel: str = ""
    since: date | None = None
    until: date | None = None
    text: str = ""

    @classmethod
    def from_args(cls, args: dict[str, str]) -> InboxFilter:
        flag = args.get("flag", "")
        status = args.get("status", "")
        return cls(flag=flag if flag in FLAGS else "",
                   status=status if status in CONVERSATION_STATUSES else "",
                   channel=(args.get("channel") or "")[:40],
                   since=_day(args.get("since")), until=_day(args.get("until")),
                   text=(args.get("q") or "")[:MAX_QUERY].strip())

    def query_string(self) -> str:
        values = {"flag": self.flag, "status": self.status, "channel": self.channel,
                  "since": self.since.isoformat() if self.since else "",
                  "until": self.until.isoformat() if self.until else "", "q": self.text}
        return urlencode({k: v for k, v in values.items() if v})

    def matches(self, summary: Summary) -> bool:
        if self.flag and self.flag not in summary.flags:
            return False
        if self.status and summary.status != self.status:
            return False
        if self.channel and summary.channel != self.channel:
            return False
        if self.text:
            needle = self.text.casefold()
            haystack = (summary.conversation_id, summary.assignee, *summary.texts, *summary.topics)
            if not any(needle in value.casefold() for value in haystack):
                return False
        return True


def day_start(day: date | None, next_day: bool = False) -> float | None:
    """The UTC timestamp where ``day`` (or the day after it) begins; None for no day."""
    if day is None:
        return None
    moment = datetime.combine(day + timedelta(days=1) if next_day else day, time(), tzinfo=timezone.utc)
    return moment.timestamp()


def _safe_cell(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: patient text must stay text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv_line(values: Iterable[str]) -> str:
    out = io.StringIO()
    csv.writer(out).writerow(values)
    return out.getvalue()


def csv_export(rows: Iterable[Summary]) -> Iterator[str]:
    """The CSV file line by line, so an export of the whole filtered inbox is streamed to the
    browser while the next batch of conversations is read, never held in memory at once."""
    yield _csv_line(CSV_COLUMNS)
    for s in rows:
        yield _csv_line(_safe_cell(v) for v in (
            s.conversation_id, s.channel, s.started.isoformat(timespec="seconds"),
            s.last_activity.isoformat(timespec="seconds"), s.first_question, "; ".join(s.topics),
            " ".join(sorted(s.flags)), " ".join(sorted(s.red_flag_kinds)), s.status, s.assignee))
