"""The side-by-side table of ``make bench``: the assistant against Rasa's starter bot, with the
ratio of each figure and whether it meets issue 10's goal. Pure functions over the figures that
``scripts/bench.py`` measured, so the table and results/bench.json always agree."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

ASSISTANT, STARTER = "assistant", "starter bot"


@dataclass(frozen=True)
class Row:
    """One line of the table; ``higher_is_better`` decides which way the goal points."""

    label: str
    ours: float
    starter: float
    unit: str
    higher_is_better: bool

    @property
    def ratio(self) -> float:
        if self.starter == 0 or math.isnan(self.starter) or math.isnan(self.ours):
            return math.nan
        return self.ours / self.starter

    @property
    def goal_met(self) -> bool:
        """At least as good as the starter bot (for a per-turn slope: no worse, whatever its sign)."""
        if math.isnan(self.ours) or math.isnan(self.starter):
            return False
        return self.ours >= self.starter if self.higher_is_better else self.ours <= self.starter


def rows(figures: dict[str, dict[str, Any]]) -> list[Row]:
    ours, starter = figures[ASSISTANT], figures[STARTER]
    table = [Row("whole turn p50, one at a time", ours["batch_1"]["p50_ms"], starter["batch_1"]["p50_ms"], "ms", False)]
    table += [Row(f"turns per second, {n} in flight", ours[f"batch_{n}"]["throughput"],
                  starter[f"batch_{n}"]["throughput"], "/s", True) for n in (1, 8, 32)]
    table.append(Row("understanding alone (/model/parse) p50", ours["parse"]["p50_ms"], starter["parse"]["p50_ms"],
                     "ms", False))
    table.append(Row("Rasa server resident memory", ours["rasa_rss_mib"], starter["rasa_rss_mib"], "MiB", False))
    table.append(Row("extra cost per earlier turn (100-turn conversation)",
                     ours["conversation"]["ms_per_earlier_turn"], starter["conversation"]["ms_per_earlier_turn"],
                     "ms", False))
    return table


def comparison(figures: dict[str, dict[str, Any]], machine: list[str], questions: int,
               actions_mib: float) -> dict[str, Any]:
    """Everything results/bench.json holds."""
    table = rows(figures)
    return {
        "machine": machine,
        "questions": questions,
        "table": [{"figure": r.label, "unit": r.unit, ASSISTANT: r.ours, STARTER: r.starter, "ratio": r.ratio,
                   "goal_met": r.goal_met} for r in table],
        "all_goals_met": all(r.goal_met for r in table),
        "action_server_rss_mib": actions_mib,
        "figures": figures,
    }


def _number(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"


def markdown_table(report: dict[str, Any]) -> list[str]:
    lines = ["| | this project | starter bot | ratio | goal met |", "|---|---|---|---|---|"]
    for row in report["table"]:
        unit = f" {row['unit']}"
        lines.append(f"| {row['figure']} | {_number(row[ASSISTANT])}{unit} | {_number(row[STARTER])}{unit} | "
                     f"{_number(row['ratio'])} × | {'yes' if row['goal_met'] else 'NO'} |")
    return lines


def print_report(report: dict[str, Any]) -> None:
    print("Machine")
    for line in report["machine"]:
        print(f"  {line}")
    print(f"\n{report['questions']} patient questions per batch, each in a new conversation; "
          "ratio = this project / starter bot.\n")
    for line in markdown_table(report):
        print(line)
    for name in (ASSISTANT, STARTER):
        conversation = report["figures"][name]["conversation"]
        print(f"\n{name}: 100-turn conversation, p50 of turns 1-10 {_number(conversation['first_10_p50_ms'])} ms, "
              f"of turns 91-100 {_number(conversation['last_10_p50_ms'])} ms")
    print(f"Action server resident memory: {_number(report['action_server_rss_mib'])} MiB")
    print("\nAll goals met." if report["all_goals_met"] else "\nSome goals are not met (NO above).")
