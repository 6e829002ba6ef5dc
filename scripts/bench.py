"""Latency, throughput and memory of the running assistant (driven by ``scripts/bench.sh``).

Every in-scope held-out question is sent twice over HTTP: through the REST webhook (a whole turn:
NLU, policies, the action server and its database) and through ``/model/parse`` (understanding
only). The ratio of the two says where a patient's waiting time goes. Each set is sent one at a
time and then ``--workers`` at a time, because the Rasa server handles requests on one event loop
and the concurrent figures show whether more clients buy any throughput on this machine.

    python scripts/bench.py --url http://127.0.0.1:5205 --token TOKEN --rasa-pid PID --actions-pid PID
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

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the project's packages importable
    sys.path.insert(0, str(ROOT))


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


class Endpoints:
    """The two ways in: a whole turn through the REST webhook, and understanding only."""

    def __init__(self, url: str, token: str, timeout: float) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def webhook(self, text: str) -> Callable[[], Any]:
        """A new conversation per message, as in the e2e sets: the first turn of a patient."""
        sender = f"bench-{uuid.uuid4().hex[:12]}"
        return lambda: post_json(
            f"{self.url}/webhooks/rest/webhook", {"sender": sender, "message": text}, self.timeout
        )

    def parse(self, text: str) -> Callable[[], Any]:
        return lambda: post_json(f"{self.url}/model/parse?token={self.token}", {"text": text}, self.timeout)


# ---------------------------------------------------------------- report


def format_summary(label: str, summary: Summary) -> str:
    return (
        f"  {label:28s} n={summary.count:<4d} err={summary.errors:<3d} p50={summary.p50_ms:8.1f} ms  "
        f"p95={summary.p95_ms:8.1f} ms  mean={summary.mean_ms:8.1f} ms  {summary.throughput:6.1f} req/s"
    )


def format_memory(label: str, processes: list[ProcessMemory]) -> list[str]:
    if not processes:
        return [f"  {label}: process not found"]
    lines = []
    for proc in processes:
        command = proc.command if len(proc.command) <= 70 else proc.command[:67] + "..."
        lines.append(
            f"  {label:8s} pid {proc.pid:<7d} peak (VmHWM) {proc.hwm_kb / 1024:7.1f} MiB  "
            f"now (VmRSS) {proc.rss_kb / 1024:7.1f} MiB  {command}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    from tests.e2e.run import load_set

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5205")
    parser.add_argument("--token", required=True)
    parser.add_argument("--rasa-pid", type=int, required=True, help="pid written when the Rasa server started")
    parser.add_argument("--actions-pid", type=int, required=True, help="pid written when the action server started")
    parser.add_argument("--workers", type=int, default=8, help="requests in flight in the concurrent mode")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N questions (0: all)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per endpoint first")
    args = parser.parse_args(argv)

    texts = [q["text"] for q in load_set("in_scope")]
    if args.limit:
        texts = texts[: args.limit]
    api = Endpoints(args.url, args.token, args.timeout)

    print("Machine")
    for line in machine_description():
        print(f"  {line}")
    print(f"\n{len(texts)} in-scope held-out questions (tests/e2e/in_scope.yml), timeout {args.timeout:.0f} s each; "
          f"{args.warmup} untimed warm-up requests per endpoint first.")
    for text in texts[: args.warmup]:
        timed(api.parse(text))
        timed(api.webhook(text))
    # A fast webhook that answers nothing (action server unreachable, empty database) would give
    # flattering figures: check once that a whole turn really produces a reply.
    replies = api.webhook(texts[0])()
    if not any((r.get("text") or "").strip() for r in replies):
        print(f"The assistant sent no text reply to {texts[0]!r}: {replies}; not measuring.", file=sys.stderr)
        return 1

    results: dict[tuple[str, int], Summary] = {}
    for workers in (1, args.workers):
        mode = "sequential" if workers == 1 else f"{workers} concurrent"
        print(f"\n{mode.capitalize()}")
        for name, make in (("understanding (/model/parse)", api.parse), ("whole turn (REST webhook)", api.webhook)):
            summary = run_batch([make(t) for t in texts], workers)
            results[(name, workers)] = summary
            print(format_summary(name, summary))
        turn, nlu = results[("whole turn (REST webhook)", workers)], results[("understanding (/model/parse)", workers)]
        print(f"  ratio whole turn / understanding: p50 x{ratio(turn.p50_ms, nlu.p50_ms):.2f}, "
              f"p95 x{ratio(turn.p95_ms, nlu.p95_ms):.2f}")

    print("\nMemory (whole process tree of each server; the python process is the server itself)")
    for label, pid in (("rasa", args.rasa_pid), ("actions", args.actions_pid)):
        for line in format_memory(label, tree_memory(pid)):
            print(line)

    errors = sum(s.errors for s in results.values())
    if errors:
        print(f"\n{errors} requests failed or timed out; see var/log/bench-*.log", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
