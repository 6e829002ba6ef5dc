"""Scoring the patient-language held-out sets (``tests/e2e/dev/``, ``tests/e2e/blind/``).

The format is /work/heldout/SPEC-understanding.md's: ``in_scope.yml`` (questions with
``must_contain`` and ``category``), ``follow_ups.yml`` (conversations with a ``category``),
``out_of_scope.yml`` (messages with a ``category``) and ``small_talk.yml`` (messages with a
``kind``). Every figure is given per category, because the blind set may only ever be looked at
that way: for a set marked ``blind`` this module prints counts and rates and nothing else, never a
message or a failure, whatever it is asked.

    python -m tests.e2e.heldout --dir tests/e2e/dev --url http://127.0.0.1:5005 --token TOKEN
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from clinic.wording import file_messages
from tests.e2e.gates import STUDIED
from tests.e2e.rest_client import actions_of_last_turn, exchange

ANSWER_ACTIONS = frozenset({"action_answer_question", "action_choose_option"})
URGENT_ACTION = "action_red_flag"
SMALL_TALK_ACTIONS = frozenset({"action_small_talk", "action_show_menu"})
# What counts as an appropriate reply to each kind of small talk: the intents whose replies say the
# right thing ("who are you?" is told it is an automated assistant; "how are you?" gets a friendly
# greeting back; "ok" or "cool" an acknowledgement).
SMALL_TALK_KINDS: dict[str, frozenset[str]] = {
    "greeting": frozenset({"greet"}),
    "thanks": frozenset({"thank"}),
    "goodbye": frozenset({"goodbye"}),
    "identity": frozenset({"bot_challenge"}),
    "wellbeing": frozenset({"ask_wellbeing", "greet"}),
    "capabilities": frozenset({"ask_capabilities"}),
    "acknowledgement": frozenset({"affirm", "deny", "thank"}),
}
MAX_REPLY = 1500          # no reply over this, ever
MAX_SPECIFIC_REPLY = 900  # a specific question's answer
SET_FILES = ("in_scope.yml", "follow_ups.yml", "out_of_scope.yml", "small_talk.yml")


def normalized(text: str) -> str:
    """Lower-case words only: how must_contain phrases are compared with replies."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


@dataclass
class Turn:
    """One bot turn: its reply texts (the disclaimer left out), actions and the parsed intent."""

    texts: list[str]
    actions: list[str]
    intent: str

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    def contains(self, phrase: str) -> bool:
        return normalized(phrase) in normalized(self.text)


class Client:
    """The running assistant through its REST webhook, plus the tracker (HTTP API, token)."""

    def __init__(self, url: str, token: str, disclaimer: str, timeout: float = 60.0):
        self.url, self.token, self.timeout = url.rstrip("/"), token, timeout
        self.disclaimer = normalized(disclaimer)

    def send(self, sender: str, text: str) -> Turn:
        replies, tracker = exchange(self.url, self.token, sender, text, self.timeout)
        actions = actions_of_last_turn(tracker)
        intent = ((tracker.get("latest_message") or {}).get("intent") or {}).get("name") or ""
        texts = [r.get("text") or "" for r in replies if normalized(r.get("text") or "") != self.disclaimer]
        return Turn(texts, actions, str(intent))


@dataclass
class Tally:
    """Passes and failures per category; failures keep their detail for sets that may be read."""

    passed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failures: list[str] = field(default_factory=list)

    def record(self, category: str, ok: bool, detail: str) -> None:
        self.total[category] += 1
        self.passed[category] += int(ok)
        if not ok:
            self.failures.append(f"[{category}] {detail}")

    @property
    def overall(self) -> tuple[int, int]:
        return sum(self.passed.values()), sum(self.total.values())

    @property
    def rate(self) -> float:
        passed, total = self.overall
        return passed / total if total else 0.0


@dataclass
class HeldoutResult:
    in_scope: Tally = field(default_factory=Tally)
    follow_ups: Tally = field(default_factory=Tally)
    out_of_scope: Tally = field(default_factory=Tally)
    small_talk: Tally = field(default_factory=Tally)
    # issue #11's own measure of follow-ups ("last turn right"), reported beside the stricter every-turn one
    last_turns: Tally = field(default_factory=Tally)
    lengths: list[int] = field(default_factory=list)           # every reply turn
    specific_lengths: list[int] = field(default_factory=list)  # in-scope answers

    def tallies(self) -> dict[str, Tally]:
        return {"in-scope answered with the page facts": self.in_scope,
                "follow-up conversations, every turn right": self.follow_ups,
                "out-of-scope declined": self.out_of_scope,
                "small talk answered in kind": self.small_talk,
                "last turn of each follow-up right": self.last_turns}


def load_items(directory: Path, name: str) -> list[dict[str, Any]]:
    path = directory / name
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data.get("questions") or data.get("messages") or data.get("conversations") or []


def answered_right(turn: Turn, must_contain: list[str]) -> tuple[bool, list[str]]:
    missing = [p for p in must_contain if not turn.contains(p)]
    return not missing and URGENT_ACTION not in turn.actions, missing


def new_sender(prefix: str) -> str:
    return f"heldout-{prefix}-{uuid.uuid4().hex[:12]}"


def conversation_outcome(item: dict[str, Any], turns: list[Turn], lengths: list[int]) -> tuple[bool, str]:
    """A follow-up conversation is right when every turn is; the first wrong turn is the detail."""
    for number, (spec, turn) in enumerate(zip(item.get("turns") or [], turns, strict=True), start=1):
        lengths.append(len(turn.text))
        right, missing = answered_right(turn, spec.get("must_contain") or [])
        if not right:
            lengths.extend(len(t.text) for t in turns[number:])
            return False, (f"{item.get('name')!r} turn {number} {spec['text']!r} missing {missing}; "
                           f"{turn.actions} said {turn.text[:300]!r}")
    return True, ""


@lru_cache(maxsize=1)
def small_talk_replies() -> dict[str, str]:
    """Each small-talk intent's reply as the content files word it, up to its first placeholder
    (``{clinic_name}``), normalised: what the patient reads, to compare with what the bot said."""
    texts = file_messages()
    kinds = frozenset().union(*SMALL_TALK_KINDS.values())
    return {i: normalized(texts[i].split("{")[0]) for i in kinds if i in texts}


def small_talk_in_kind(kind: str, turn: Turn) -> bool:
    """The reply said is one for this kind of small talk (a goodbye for "ok ta-ra"), whichever intent
    the classifier chose: the actions may read a courtesy the classifier missed, and the patient reads
    the reply, not the label."""
    replies = small_talk_replies()
    said = normalized(turn.text)
    in_kind = any(replies.get(i) and replies[i] in said for i in SMALL_TALK_KINDS.get(kind, frozenset()))
    return in_kind and bool(SMALL_TALK_ACTIONS & set(turn.actions)) and URGENT_ACTION not in turn.actions


def evaluate(client: Client, directory: Path, workers: int = 4) -> HeldoutResult:
    """Send every message of the set in ``directory`` and tally the outcomes per category."""
    result = HeldoutResult()

    def single(prefix: str) -> Any:
        return lambda item: (item, client.send(new_sender(prefix), item["text"]))

    def conversation(item: dict[str, Any]) -> tuple[dict[str, Any], list[Turn]]:
        sender = new_sender("fu")
        return item, [client.send(sender, t["text"]) for t in item.get("turns") or []]

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for item, turn in pool.map(single("in"), load_items(directory, "in_scope.yml")):
            ok, missing = answered_right(turn, item.get("must_contain") or [])
            result.in_scope.record(item.get("category", "?"), ok,
                                   f"{item['text']!r} missing {missing}; {turn.actions} said {turn.text[:300]!r}")
            result.lengths.append(len(turn.text))
            result.specific_lengths.append(len(turn.text))
        for item, turns in pool.map(conversation, load_items(directory, "follow_ups.yml")):
            result.follow_ups.record(item.get("category", "?"), *conversation_outcome(item, turns, result.lengths))
            if turns:
                last_right, missing = answered_right(turns[-1], item["turns"][-1].get("must_contain") or [])
                result.last_turns.record(item.get("category", "?"), last_right,
                                         f"{item.get('name')!r} last turn missing {missing}")
        for item, turn in pool.map(single("oos"), load_items(directory, "out_of_scope.yml")):
            result.lengths.append(len(turn.text))
            ok = not (ANSWER_ACTIONS & set(turn.actions)) and URGENT_ACTION not in turn.actions
            result.out_of_scope.record(item.get("category", "?"), ok, f"{item['text']!r} -> {turn.actions}")
        for item, turn in pool.map(single("st"), load_items(directory, "small_talk.yml")):
            result.lengths.append(len(turn.text))
            kind = item.get("kind", "?")
            detail = f"{item['text']!r} -> {turn.intent} {turn.actions}"
            result.small_talk.record(kind, small_talk_in_kind(kind, turn), detail)
    return result


def report(result: HeldoutResult, title: str, show_failures: bool) -> list[str]:
    """Per-category figures; the failures only when ``show_failures`` (never for a blind set)."""
    lines = [f"\n{title}"]
    for name, tally in result.tallies().items():
        passed, total = tally.overall
        lines.append(f"  {name:44s} {passed:4d}/{total:<4d} {100 * tally.rate:5.1f}%")
        for category in sorted(tally.total):
            got, of = tally.passed[category], tally.total[category]
            lines.append(f"      {category:22s} {got:4d}/{of:<4d} {100 * got / of:5.1f}%")
    if result.lengths:
        over = sum(n > MAX_REPLY for n in result.lengths)
        specific_over = sum(n > MAX_SPECIFIC_REPLY for n in result.specific_lengths)
        specific_median = statistics.median(result.specific_lengths or [0])
        lines.append(f"  reply length: median {statistics.median(result.lengths):.0f}, max {max(result.lengths)} "
                     f"characters; {over} over {MAX_REPLY}; in-scope answers median "
                     f"{specific_median:.0f}, {specific_over} over {MAX_SPECIFIC_REPLY}")
    if show_failures:
        for name, tally in result.tallies().items():
            if tally.failures and tally is not result.last_turns:  # its misses are among the follow-ups' already
                lines.append(f"\n  {name}: {len(tally.failures)} misses")
                lines.extend(f"    - {f}" for f in tally.failures)
    return lines


def is_blind(directory: Path) -> bool:
    return "blind" in directory.resolve().parts or "blind" in directory.name


def main(argv: list[str] | None = None) -> int:
    from clinic.content import read_content
    from clinic.queries import fill

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--url", default="http://127.0.0.1:5005")
    parser.add_argument("--token", required=True)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--failures", action="store_true", help="list the misses (refused for a blind set)")
    args = parser.parse_args(argv)
    client = Client(args.url, args.token, fill(read_content().messages["disclaimer"]))
    result = evaluate(client, args.dir, args.workers)
    print("\n".join(report(result, f"Held-out set {args.dir}", args.failures and not is_blind(args.dir))))
    return 0


if __name__ == "__main__":
    sys.exit(main())


@dataclass
class Figure:
    """One gated or reported figure, shaped like run.py's SetResult, with no failure detail."""

    name: str
    passed: int
    total: int
    failures: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0




def figures(result: HeldoutResult, label: str) -> dict[str, Figure]:
    """The set's four rates and its reply-length check as figures, no text in them."""
    named = {"in_scope": ("in-scope answered", result.in_scope),
             "follow_ups": ("follow-ups, every turn right", result.follow_ups),
             "out_of_scope": ("out-of-scope declined", result.out_of_scope),
             "small_talk": ("small talk answered in kind", result.small_talk)}
    found = {key: Figure(f"{label}: {title}", *tally.overall) for key, (title, tally) in named.items()}
    found["length"] = Figure(f"{label}: replies within {MAX_REPLY} characters",
                             sum(n <= MAX_REPLY for n in result.lengths), len(result.lengths))
    return found


def run_sets(url: str, token: str, disclaimer: str, workers: int, gates: dict[str, dict[str, float]],
             with_blind: bool = True) -> tuple[list, list]:
    """Score dev sets (reported) and blind sets (gated at ``gates[name]``) when present; print
    per-category figures. Returns (gate rows, reported rows) in run.py's (result, ok, rule) shape.
    """
    client = Client(url, token, disclaimer)
    gate_rows: list = []
    reported: list = []
    for name in (*STUDIED, *gates) if with_blind else STUDIED:
        directory = E2E_DIR / name
        if not (directory / "in_scope.yml").exists():
            continue
        result = evaluate(client, directory, workers)
        print("\n".join(report(result, f"Patient-language held-out set: {name} (per category)", False)))
        found = figures(result, name)
        for key, figure in found.items():
            floor = 1.0 if key == "length" else gates.get(name, {}).get(key, 0.0)
            row = (figure, figure.rate >= floor, f">= {100 * floor:.0f}%")
            (gate_rows if name in gates else reported).append(row)
    return gate_rows, reported


E2E_DIR = Path(__file__).resolve().parent
