"""The assistant side by side with Rasa's own starter bot (driven by ``scripts/bench.sh``).

Both bots get the same patient questions (the first ``--limit`` of tests/e2e/in_scope.yml), each in
a new conversation: whole turns through the REST webhook one at a time and with 8 and 32 in
flight, understanding alone through ``/model/parse``, then one 100-turn conversation to see what each
earlier turn adds. Measurements alternate between the bots metric by metric, so a busy spell of
the shared machine hits both. Prints the table with the ratios (assistant / starter bot) against
the goals of issue 10 and writes ``results/bench.json``.

    RASA_API_TOKEN=... python scripts/bench.py --url http://127.0.0.1:5505 --rasa-pid PID \
        --actions-pid PID --starter-url http://127.0.0.1:5605 --starter-pid PID
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "scripts"):  # run as a script: the project's packages and bench_report
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))


# ---------------------------------------------------------------- pure helpers (unit-tested)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between closest ranks.

    Same definition as numpy's default, written out so the benchmark needs nothing beyond the
    standard library and the unit tests can pin it down exactly.
    """
    if not values:
        raise ValueError("percentile of an empty sample")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, got {q}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Summary:
    """One endpoint in one mode: what the report prints."""

    count: int
    errors: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    wall_s: float

    @property
    def throughput(self) -> float:
        """Successful requests per second of wall-clock time (the whole batch, not per request)."""
        return self.count / self.wall_s if self.wall_s > 0 else 0.0


def summarize(latencies_ms: Sequence[float], errors: int, wall_s: float) -> Summary:
    """Reduce one batch to the figures we compare; errors are counted, never timed."""
    if not latencies_ms:
        return Summary(0, errors, math.nan, math.nan, math.nan, wall_s)
    return Summary(
        count=len(latencies_ms),
        errors=errors,
        p50_ms=percentile(latencies_ms, 50),
        p95_ms=percentile(latencies_ms, 95),
        mean_ms=sum(latencies_ms) / len(latencies_ms),
        wall_s=wall_s,
    )


def ratio(numerator: float, denominator: float) -> float:
    """Whole turn / understanding alone; NaN rather than a crash when a batch had no successes."""
    if denominator <= 0 or math.isnan(denominator) or math.isnan(numerator):
        return math.nan
    return numerator / denominator


def parse_proc_status(text: str) -> dict[str, int]:
    """The ``kB`` fields of /proc/PID/status (VmHWM, VmRSS, ...) as integers in kB."""
    fields: dict[str, int] = {}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        parts = value.split()
        if len(parts) == 2 and parts[1] == "kB" and parts[0].isdigit():
            fields[key.strip()] = int(parts[0])
    return fields


def descendants(root: int, parent_of: Mapping[int, int]) -> list[int]:
    """``root`` and every process below it, given each pid's parent pid.

    The pid files hold the process started under ``setsid``; the work may happen in a child
    (a launcher that forks, a Sanic worker), so memory is read for the whole tree.
    """
    children: dict[int, list[int]] = {}
    for pid, ppid in parent_of.items():
        children.setdefault(ppid, []).append(pid)
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        if pid in found:
            continue
        found.append(pid)
        stack.extend(sorted(children.get(pid, [])))
    return found


# ---------------------------------------------------------------- the machine and the processes


def process_table() -> dict[int, int]:
    """pid -> parent pid for every process we can see in /proc."""
    table: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may contain spaces: split after the last ')'.
        fields = stat[stat.rfind(")") + 2:].split()
        table[int(entry.name)] = int(fields[1])
    return table


@dataclass(frozen=True)
class ProcessMemory:
    """One process of a server's tree: what it is and how much memory it holds."""

    pid: int
    command: str
    hwm_kb: int
    rss_kb: int


def tree_memory(root: int) -> list[ProcessMemory]:
    """Peak (VmHWM) and current (VmRSS) resident memory of every process in ``root``'s tree."""
    result = []
    for pid in descendants(root, process_table()):
        try:
            status = parse_proc_status(Path(f"/proc/{pid}/status").read_text())
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        result.append(ProcessMemory(pid, command.strip(), status.get("VmHWM", 0), status.get("VmRSS", 0)))
    return result


def machine_description() -> list[str]:
    """What the figures were measured on: they mean little without it."""
    cpu_model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = parse_proc_status(Path("/proc/meminfo").read_text()).get("MemTotal", 0)
    except OSError:
        mem_kb = 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"CPUs:    {usable} usable (nproc), {os.cpu_count()} online; {cpu_model}",
        f"Memory:  {mem_kb / 1024 / 1024:.1f} GiB total",
        f"Python:  {platform.python_version()} ({platform.platform()})",
        f"Rasa:    {_version('rasa')}, rasa-sdk {_version('rasa-sdk')}, tensorflow {_version('tensorflow')}",
    ]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


# ---------------------------------------------------------------- HTTP


def post_json(url: str, body: dict[str, Any], timeout: float) -> Any:
    """One POST, JSON both ways; raises on a non-2xx answer or a timeout."""
    request = urllib.request.Request(
        url, data=json.dumps(body).encode("utf-8"), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def timed(call: Callable[[], Any]) -> float | None:
    """Milliseconds one request took, or None when it failed (counted as an error)."""
    start = time.perf_counter()
    try:
        call()
    except Exception:  # noqa: BLE001 - any failure (HTTP error, timeout) is an error in the figures, not a crash
        return None
    return (time.perf_counter() - start) * 1000


def run_batch(calls: Iterable[Callable[[], Any]], workers: int) -> Summary:
    """Send a batch, ``workers`` requests in flight at a time, and time each and the whole."""
    batch = list(calls)
    start = time.perf_counter()
    if workers <= 1:
        results = [timed(call) for call in batch]
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(timed, batch))
    wall = time.perf_counter() - start
    latencies = [r for r in results if r is not None]
    return summarize(latencies, len(results) - len(latencies), wall)


def slope_per_turn(latencies_ms: Sequence[float]) -> float:
    """Least-squares slope of latency against turn number: what each earlier turn adds (ms)."""
    n = len(latencies_ms)
    if n < 2:
        return math.nan
    mean_x, mean_y = (n - 1) / 2, sum(latencies_ms) / n
    spread = sum((x - mean_x) ** 2 for x in range(n))
    return sum((x - mean_x) * (y - mean_y) for x, y in enumerate(latencies_ms)) / spread


@dataclass(frozen=True)
class Bot:
    """One Rasa server under test: where it listens and which process it is."""

    name: str
    url: str
    token: str
    rasa_pid: int

    def webhook(self, text: str, sender: str | None = None, timeout: float = 30.0) -> Callable[[], Any]:
        """A whole turn; a new conversation per message unless ``sender`` is given."""
        body = {"sender": sender or f"bench-{uuid.uuid4().hex[:12]}", "message": text}
        return lambda: post_json(f"{self.url}/webhooks/rest/webhook", body, timeout)

    def parse(self, text: str, timeout: float = 30.0) -> Callable[[], Any]:
        # The token travels in the URL because that is Rasa's API; it is never in a process's arguments.
        query = f"?token={self.token}" if self.token else ""
        return lambda: post_json(f"{self.url}/model/parse{query}", {"text": text}, timeout)

    def resident_mib(self) -> float:
        """Resident memory of the Rasa server process now (VmRSS, MiB)."""
        status = parse_proc_status(Path(f"/proc/{self.rasa_pid}/status").read_text())
        return status.get("VmRSS", 0) / 1024


def conversation(bot: Bot, texts: Sequence[str], turns: int) -> list[float]:
    """Latency of each turn of one long conversation (the questions cycled), errors as NaN."""
    sender = f"bench-long-{uuid.uuid4().hex[:8]}"
    latencies = []
    for turn in range(turns):
        latency = timed(bot.webhook(texts[turn % len(texts)], sender))
        latencies.append(math.nan if latency is None else latency)
    return latencies


def measure(bots: Sequence[Bot], texts: Sequence[str], workers: Sequence[int], turns: int) -> dict[str, dict]:
    """Every figure for every bot, metric by metric, the bots alternating."""
    figures: dict[str, dict[str, Any]] = {bot.name: {"errors": 0} for bot in bots}

    def record(bot: Bot, key: str, summary: Summary) -> Summary:
        figures[bot.name][key] = summary.__dict__ | {"throughput": summary.throughput}
        figures[bot.name]["errors"] += summary.errors
        return summary

    for bot in bots:
        for n in (1, 8):
            record(bot, f"batch_{n}", run_batch([bot.webhook(t) for t in texts], n))
    for bot in bots:
        record(bot, "parse", run_batch([bot.parse(t) for t in texts], 1))
    for bot in bots:
        for n in workers:
            record(bot, f"batch_{n}", run_batch([bot.webhook(t) for t in texts], n))
    for bot in bots:
        long_run = conversation(bot, texts, turns)
        clean = [x for x in long_run if not math.isnan(x)]
        figures[bot.name]["errors"] += len(long_run) - len(clean)
        figures[bot.name]["conversation"] = {
            "turns": turns, "ms_per_earlier_turn": slope_per_turn(clean) if len(clean) == turns else math.nan,
            "first_10_p50_ms": percentile(clean[:10], 50) if clean else math.nan,
            "last_10_p50_ms": percentile(clean[-10:], 50) if clean else math.nan,
        }
    for bot in bots:
        figures[bot.name]["rasa_rss_mib"] = bot.resident_mib()
    return figures


def load_questions(limit: int) -> list[str]:
    """The held-out in-scope questions, read as data (scripts do not import the tests' code)."""
    data = yaml.safe_load((ROOT / "tests" / "e2e" / "in_scope.yml").read_text(encoding="utf-8")) or {}
    texts = [str(q["text"]) for q in data.get("questions") or []]
    return texts[:limit] if limit else texts


def main(argv: list[str] | None = None) -> int:
    from bench_report import comparison, print_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the assistant's Rasa server")
    parser.add_argument("--rasa-pid", type=int, required=True)
    parser.add_argument("--actions-pid", type=int, required=True)
    parser.add_argument("--starter-url", required=True, help="Rasa's starter bot")
    parser.add_argument("--starter-pid", type=int, required=True)
    parser.add_argument("--limit", type=int, default=120, help="questions per batch (0: all 247)")
    parser.add_argument("--turns", type=int, default=100, help="turns of the long conversation")
    parser.add_argument("--warmup", type=int, default=10, help="untimed turns per bot first")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "bench.json")
    args = parser.parse_args(argv)

    texts = load_questions(args.limit)
    bots = [Bot("assistant", args.url.rstrip("/"), os.environ.get("RASA_API_TOKEN", ""), args.rasa_pid),
            Bot("starter bot", args.starter_url.rstrip("/"), "", args.starter_pid)]
    for bot in bots:
        for text in texts[: args.warmup]:
            timed(bot.webhook(text))
            timed(bot.parse(text))
    # A fast webhook that answers nothing would give flattering figures: check a turn really replies.
    replies = bots[0].webhook(texts[0])()
    if not any((r.get("text") or "").strip() for r in replies):
        print(f"The assistant sent no text reply to {texts[0]!r}: {replies}; not measuring.", file=sys.stderr)
        return 1
    figures = measure(bots, texts, (1, 8, 32), args.turns)
    actions_mib = sum(p.rss_kb for p in tree_memory(args.actions_pid)) / 1024
    report = comparison(figures, machine_description(), len(texts), actions_mib)
    print_report(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nWritten to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    errors = sum(f["errors"] for f in figures.values())
    if errors:
        print(f"{errors} requests failed or timed out; see var/log/bench/", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
