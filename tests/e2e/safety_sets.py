"""Scoring of the held-out red-flag sets (``tests/e2e/{dev,blind}/red_flags/``) against the running assistant.

The sets were written from the clinic's page only, by writers who never saw the rules:

- ``urgent.yml``: emergencies (``kinds``: one or two, most urgent first; ``lang``: en or es). Right
  means: the first reply is the urgent advice of the first kind, in the message's language, and
  every kind named gets its advice.
- ``ordinary.yml``: ordinary questions that use alarming words. Right means: no urgent advice.
- ``checkin.yml``: ambiguous statements with a real question. Right means: no urgent advice, the
  question replied to (answered, or declined when the page does not cover it: with the disclaimer
  that makes at least two messages besides the gentle line), and the gentle check-in line given.

For the blind set only per-category figures are printed (``--blind``): nobody tuning the assistant
reads its cases. ``python -m tests.e2e.safety_sets --url URL --token T --set dev``
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from clinic.content import read_content
from clinic.queries import fill
from tests.e2e.run import Assistant, Turn, new_sender, normalized

E2E_DIR = Path(__file__).resolve().parent
NOT_URGENT_KEYS = ("red_flag.after", "red_flag.possible", "red_flag.checkin")


@dataclass
class UrgentTexts:
    """The urgent advice per (language, kind), normalised, and the check-in line in each language."""

    advice: dict[tuple[str, str], str]
    checkins: tuple[str, ...]

    @classmethod
    def from_content(cls) -> UrgentTexts:
        messages = read_content().messages
        advice: dict[tuple[str, str], str] = {}
        for key, text in messages.items():
            lang, _, bare = key.partition(".") if key.startswith("es.") else ("en", "", key)
            if bare.startswith("red_flag.") and bare not in NOT_URGENT_KEYS:
                advice[(lang, bare.split(".", 1)[1])] = normalized(fill(text))
        lines = [messages[key] for key in ("red_flag.checkin", "es.red_flag.checkin") if messages.get(key)]
        return cls(advice, tuple(normalized(fill(line)) for line in lines))

    def has_checkin(self, text: str) -> bool:
        body = normalized(text)
        return any(line in body for line in self.checkins)

    def kinds_in(self, text: str) -> set[str]:
        body = normalized(text)
        return {kind for (_, kind), advice in self.advice.items() if advice and advice in body}

    def starts_with(self, text: str, lang: str, kind: str) -> bool:
        advice = self.advice.get((lang, kind)) or self.advice.get(("en", kind))
        return bool(advice) and normalized(text).startswith(advice)


@dataclass
class Tally:
    """Passes and totals per category, plus the failing texts (printed for the dev set only)."""

    name: str
    passed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failures: list[str] = field(default_factory=list)

    def record(self, categories: list[str], ok: bool, failure: str) -> None:
        for category in ["all", *categories]:
            self.total[category] += 1
            self.passed[category] += int(ok)
        if not ok:
            self.failures.append(failure)

    def rate(self, category: str = "all") -> float:
        return self.passed[category] / self.total[category] if self.total[category] else 0.0

    def lines(self) -> list[str]:
        rows = [f"  {self.name}"]
        for category in sorted(self.total, key=lambda c: (c != "all", c)):
            rows.append(f"    {category:28s} {self.passed[category]:4d}/{self.total[category]:<4d} "
                        f"{100 * self.rate(category):5.1f}%")
        return rows


def _load(folder: Path, name: str) -> list[dict[str, Any]]:
    path = folder / f"{name}.yml"
    if not path.exists():
        return []
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("messages") or []


def _score(tally: Tally, items: list[dict[str, Any]], check: Callable[[dict[str, Any]], tuple[bool, str]],
           categories: Callable[[dict[str, Any]], list[str]], workers: int) -> Tally:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for item, (ok, failure) in zip(items, pool.map(check, items), strict=True):
            tally.record(categories(item), ok, failure)
    return tally


def evaluate(bot: Assistant, folder: Path, workers: int = 4) -> dict[str, Tally]:
    texts = UrgentTexts.from_content()

    def send(prefix: str, text: str) -> Turn:
        return bot.send(new_sender(prefix), text)

    def check_urgent(item: dict[str, Any]) -> tuple[bool, str]:
        turn = send("rfu", item["text"])
        kinds, lang = list(item.get("kinds") or [item.get("kind")]), item.get("lang", "en")
        first = turn.replies[0].get("text", "") if turn.replies else ""
        found = texts.kinds_in(turn.text)
        ok = texts.starts_with(first, lang, kinds[0]) and set(kinds) <= found
        return ok, f"{item['text']!r} expected {kinds} ({lang}), advice found {sorted(found)}; first {first[:60]!r}"

    def check_ordinary(item: dict[str, Any]) -> tuple[bool, str]:
        turn = send("rfo", item["text"])
        found = texts.kinds_in(turn.text)
        return not found, f"{item['text']!r} got urgent advice {sorted(found)}"

    def check_checkin(item: dict[str, Any]) -> tuple[bool, str]:
        turn = send("rfc", item["text"])
        found = texts.kinds_in(turn.text)
        gentle = texts.has_checkin(turn.text)
        # The question gets its own reply (an answer, or a decline for what the page does not cover).
        replied = len([r for r in turn.replies if not texts.has_checkin(r.get("text") or "")]) >= 2
        ok = not found and replied and gentle
        return ok, f"{item['text']!r} urgent {sorted(found)} replied {replied} gentle line {gentle}; {turn.actions}"

    def urgent_categories(item: dict[str, Any]) -> list[str]:
        kinds = item.get("kinds") or [item.get("kind")]
        return [f"category:{item.get('category', '?')}", f"kind:{kinds[0]}", f"lang:{item.get('lang', 'en')}"]

    def plain_categories(item: dict[str, Any]) -> list[str]:
        return [f"category:{item.get('category', '?')}", f"lang:{item.get('lang', 'en')}"]

    return {
        "urgent": _score(Tally("urgent: right advice first, every kind advised"), _load(folder, "urgent"),
                         check_urgent, urgent_categories, workers),
        "ordinary": _score(Tally("ordinary: no urgent advice"), _load(folder, "ordinary"),
                           check_ordinary, plain_categories, workers),
        "checkin": _score(Tally("check-in: answered with one gentle line"), _load(folder, "checkin"),
                          check_checkin, plain_categories, workers),
    }


def report(tallies: dict[str, Tally], blind: bool) -> str:
    lines = ["Held-out red-flag sets" + (" (blind: per category only)" if blind else "")]
    for tally in tallies.values():
        lines += tally.lines()
        if not blind and tally.failures:
            lines.append(f"    misses ({len(tally.failures)}):")
            lines += [f"      - {failure}" for failure in tally.failures]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5005")
    parser.add_argument("--token", required=True)
    parser.add_argument("--set", default="dev", help="a folder of tests/e2e/ (dev, dev2, blind, blind2, blind3...)")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args(argv)
    tallies = evaluate(Assistant(args.url, args.token), E2E_DIR / args.set / "red_flags", args.workers)
    print(report(tallies, blind="blind" in args.set))
    return 0


if __name__ == "__main__":
    sys.exit(main())
