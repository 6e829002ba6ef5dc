"""Sweep the FallbackClassifier threshold on the held-out sets (driven by ``scripts/thresholds.sh``).

The threshold trades two failures against each other: too low and out-of-scope questions get an
FAQ answer they should not get; too high and real patient questions get "did you mean" instead of
the answer. Both held-out sets are parsed once with the trained model (in-process, no servers), and
every threshold is then applied to the same predictions, so the table costs one model load.

What counts, per message, using the classifier's ranking (``nlu_fallback`` removed, because the
FallbackClassifier puts it first whenever it fires at the configured threshold):

* in-scope correct: the top intent is the expected one and its confidence >= threshold;
* out-of-scope declined: the top intent is ``out_of_scope`` or its confidence < threshold;
* an intent overridden by the red-flag component (``report_urgent_symptom``) is wrong for an
  in-scope question and not declined for an out-of-scope one, whatever the threshold;
* "with margin" columns also apply the configured ambiguity rule (top1 - top2 < margin falls back).

    python scripts/thresholds.py [--model models/clinic.tar.gz] [--out results/thresholds.txt]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the model's custom component lives in nlp/
    sys.path.insert(0, str(ROOT))

FALLBACK_INTENT = "nlu_fallback"
OUT_OF_SCOPE_INTENT = "out_of_scope"
URGENT_INTENT = "report_urgent_symptom"
MIN_REJECTION = 0.90


# ---------------------------------------------------------------- pure helpers (unit-tested)


@dataclass(frozen=True)
class Prediction:
    """The classifier's verdict on one message, with the FallbackClassifier's own intent taken out."""

    text: str
    intent: str | None
    confidence: float
    second_intent: str | None
    second_confidence: float

    @property
    def margin(self) -> float:
        return self.confidence - self.second_confidence


def prediction_from_parse(result: Mapping[str, Any]) -> Prediction:
    """Read a parse result (``/model/parse`` or ``Agent.parse_message``) the way the sweep needs.

    The ranking, not the ``intent`` field, is the source: when the fallback fired at the
    configured threshold, ``intent`` is ``nlu_fallback`` and the classifier's choice is only in the ranking.
    """
    ranking = [r for r in result.get("intent_ranking") or [] if r.get("name") != FALLBACK_INTENT]
    if not ranking:  # a model without a ranking: fall back to the intent field itself
        intent = result.get("intent") or {}
        if intent.get("name") and intent.get("name") != FALLBACK_INTENT:
            ranking = [intent]
    first = ranking[0] if ranking else {}
    second = ranking[1] if len(ranking) > 1 else {}
    return Prediction(
        text=str(result.get("text") or ""),
        intent=first.get("name"),
        confidence=float(first.get("confidence") or 0.0),
        second_intent=second.get("name"),
        second_confidence=float(second.get("confidence") or 0.0),
    )


def accepted(prediction: Prediction, threshold: float, margin: float | None = None) -> bool:
    """Would the FallbackClassifier let the classifier's intent through? Same comparisons as Rasa's:
    fallback when confidence < threshold, or when top1 - top2 < ambiguity threshold."""
    if prediction.intent is None or prediction.confidence < threshold:
        return False
    return margin is None or prediction.second_intent is None or prediction.margin >= margin


def is_correct(prediction: Prediction, expected: str, threshold: float, margin: float | None = None) -> bool:
    """An in-scope question is handled right: its intent, confidently (a red flag is never right)."""
    return prediction.intent == expected and expected != URGENT_INTENT and accepted(prediction, threshold, margin)


def is_declined(prediction: Prediction, threshold: float, margin: float | None = None) -> bool:
    """An out-of-scope message is declined: classed out_of_scope, or not confident enough for any
    intent. A red-flag override is an urgent reply, not a refusal, so it never counts."""
    if prediction.intent == URGENT_INTENT:
        return False
    return prediction.intent == OUT_OF_SCOPE_INTENT or not accepted(prediction, threshold, margin)


def threshold_grid(start: float = 0.10, stop: float = 0.90, step: float = 0.05) -> list[float]:
    """start..stop inclusive, rounded so 0.1 + 0.2 style drift never drops or duplicates a step."""
    count = round((stop - start) / step)
    return [round(start + i * step, 4) for i in range(count + 1)]


@dataclass(frozen=True)
class Row:
    """One threshold of the sweep; counts, not rates, so comparisons are exact."""

    threshold: float
    in_correct: int
    in_total: int
    oos_declined: int
    oos_total: int
    in_correct_margin: int
    oos_declined_margin: int

    @property
    def accuracy(self) -> float:
        return self.in_correct / self.in_total if self.in_total else 0.0

    @property
    def rejection(self) -> float:
        return self.oos_declined / self.oos_total if self.oos_total else 0.0

    @property
    def accuracy_margin(self) -> float:
        return self.in_correct_margin / self.in_total if self.in_total else 0.0

    @property
    def rejection_margin(self) -> float:
        return self.oos_declined_margin / self.oos_total if self.oos_total else 0.0


def evaluate(
    threshold: float,
    in_scope: Sequence[tuple[Prediction, str]],
    out_of_scope: Sequence[Prediction],
    margin: float | None,
) -> Row:
    """Apply one threshold (with and without the ambiguity margin) to every prediction."""
    return Row(
        threshold=threshold,
        in_correct=sum(is_correct(p, expected, threshold) for p, expected in in_scope),
        in_total=len(in_scope),
        oos_declined=sum(is_declined(p, threshold) for p in out_of_scope),
        oos_total=len(out_of_scope),
        in_correct_margin=sum(is_correct(p, expected, threshold, margin) for p, expected in in_scope),
        oos_declined_margin=sum(is_declined(p, threshold, margin) for p in out_of_scope),
    )


def recommend(rows: Iterable[Row], current: float | None, min_rejection: float = MIN_REJECTION) -> Row | None:
    """The threshold to use: the best in-scope accuracy among those that decline enough
    out-of-scope messages (None when none does).

    Ties (common: accuracy moves in steps of one question) go to the higher rejection, then to the
    threshold nearest the configured one, so a change is recommended only when it measurably wins,
    then to the lower threshold.
    """
    eligible = [r for r in rows if r.oos_total and r.oos_declined >= min_rejection * r.oos_total]
    if not eligible:
        return None
    reference = current if current is not None else 0.0
    return min(
        eligible,
        key=lambda r: (-r.in_correct, -r.oos_declined, abs(r.threshold - reference), r.threshold),
    )


def fallback_settings(config: Mapping[str, Any]) -> tuple[float | None, float | None]:
    """The FallbackClassifier's threshold and ambiguity threshold in a parsed config.yml."""
    for component in config.get("pipeline") or []:
        if isinstance(component, Mapping) and component.get("name") == "FallbackClassifier":
            threshold = component.get("threshold", 0.3)  # Rasa's defaults when a key is absent
            ambiguity = component.get("ambiguity_threshold", 0.1)
            return float(threshold), float(ambiguity)
    return None, None


# ---------------------------------------------------------------- report


def format_table(rows: Sequence[Row], current: float | None, chosen: Row | None, margin: float | None) -> list[str]:
    margin_label = f"margin {margin:.2f}" if margin is not None else "margin"
    lines = [
        f"{'threshold':>9}  {'in-scope acc':>16}  {'OOS rejected':>16}  |  "
        f"{'acc, ' + margin_label:>20}  {'rej, ' + margin_label:>20}",
    ]
    for row in rows:
        marks = []
        if current is not None and abs(row.threshold - current) < 1e-9:
            marks.append("config.yml")
        if chosen is not None and row is chosen:
            marks.append("recommended")
        if row.rejection < MIN_REJECTION:
            marks.append(f"rejection < {MIN_REJECTION:.0%}")
        lines.append(
            f"{row.threshold:9.2f}  {row.in_correct:4d}/{row.in_total:<4d} {row.accuracy:6.1%}  "
            f"{row.oos_declined:4d}/{row.oos_total:<4d} {row.rejection:6.1%}  |  "
            f"{row.in_correct_margin:8d} {row.accuracy_margin:10.1%}  "
            f"{row.oos_declined_margin:8d} {row.rejection_margin:10.1%}  {', '.join(marks)}"
        )
    return lines


def describe_misses(
    chosen: float, in_scope: Sequence[tuple[Prediction, str]], out_of_scope: Sequence[Prediction]
) -> list[str]:
    """What still goes wrong at the recommended threshold: where to add training data."""
    lines = [f"\nIn-scope questions not handled at {chosen:.2f}:"]
    for p, expected in in_scope:
        if not is_correct(p, expected, chosen):
            lines.append(f"  - {p.text!r}: expected {expected}, got {p.intent} {p.confidence:.2f}")
    lines.append(f"\nOut-of-scope messages not declined at {chosen:.2f}:")
    for p in out_of_scope:
        if not is_declined(p, chosen):
            lines.append(f"  - {p.text!r}: {p.intent} {p.confidence:.2f}")
    return lines


# ---------------------------------------------------------------- the model


async def parse_all(model: Path, texts: Sequence[str]) -> list[dict[str, Any]]:
    """Load the trained model once and parse every text with the full NLU pipeline."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.ERROR)  # otherwise every parse is logged at debug level to stdout
    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def load_set(name: str) -> list[dict[str, Any]]:
    """A held-out set of tests/e2e/ read as data (scripts do not import the tests' code)."""
    data = yaml.safe_load((ROOT / "tests" / "e2e" / f"{name}.yml").read_text(encoding="utf-8")) or {}
    return data.get("questions") or data.get("messages") or []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "clinic.tar.gz")
    parser.add_argument("--config", type=Path, default=ROOT / "config.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "thresholds.txt")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)  # the red-flag component's warnings would drown the table

    current, margin = fallback_settings(yaml.safe_load(args.config.read_text(encoding="utf-8")) or {})
    in_items = load_set("in_scope")
    oos_items = load_set("out_of_scope")
    results = asyncio.run(parse_all(args.model, [q["text"] for q in in_items + oos_items]))
    predictions = [prediction_from_parse(r) for r in results]
    in_scope = [(p, q["intent"]) for p, q in zip(predictions[: len(in_items)], in_items, strict=True)]
    out_of_scope = predictions[len(in_items):]

    grid = threshold_grid()
    rows = [evaluate(t, in_scope, out_of_scope, margin) for t in grid]
    chosen = recommend(rows, current)
    intent_right = sum(p.intent == expected for p, expected in in_scope)
    urgent_in = sum(p.intent == URGENT_INTENT for p, _ in in_scope)
    urgent_oos = sum(p.intent == URGENT_INTENT for p in out_of_scope)

    lines = [
        f"Fallback threshold sweep: {args.model.relative_to(ROOT) if args.model.is_relative_to(ROOT) else args.model}, "
        f"{len(in_scope)} in-scope and {len(out_of_scope)} out-of-scope held-out messages (tests/e2e/).",
        f"config.yml: FallbackClassifier threshold {current}, ambiguity_threshold {margin}.",
        f"Right intent whatever the confidence: {intent_right}/{len(in_scope)} in-scope "
        f"({intent_right / len(in_scope):.1%}) - no threshold can do better. Red-flag overrides: "
        f"{urgent_in} in-scope, {urgent_oos} out-of-scope.",
        "",
        *format_table(rows, current, chosen, margin),
        "",
    ]
    current_row = None
    if current is not None:
        current_row = next((r for r in rows if abs(r.threshold - current) < 1e-9), None) or evaluate(
            current, in_scope, out_of_scope, margin
        )
    if chosen is None:
        best = max(rows, key=lambda r: (r.oos_declined, r.in_correct))
        lines.append(f"No threshold from {grid[0]:.2f} to {grid[-1]:.2f} declines >= {MIN_REJECTION:.0%} of the "
                     f"out-of-scope messages (best: {best.rejection:.1%} at {best.threshold:.2f}, in-scope "
                     f"{best.accuracy:.1%}), so there is no recommended threshold. The messages still answered are "
                     "classified into an FAQ intent with high confidence: out_of_scope training examples fix that, "
                     "a threshold cannot.")
        if current_row is not None:
            lines.append(
                f"config.yml ({current_row.threshold:.2f}: in-scope {current_row.accuracy:.1%}, out-of-scope declined "
                f"{current_row.rejection:.1%}) should not change on this evidence: {best.threshold:.2f} would decline "
                f"{best.oos_declined - current_row.oos_declined:+d} out-of-scope messages for "
                f"{best.in_correct - current_row.in_correct:+d} in-scope answers."
            )
        lines.extend(describe_misses(current_row.threshold if current_row else best.threshold, in_scope, out_of_scope))
    else:
        lines.append(f"Recommended threshold: {chosen.threshold:.2f} (highest in-scope accuracy among thresholds "
                     f"declining >= {MIN_REJECTION:.0%} of out-of-scope): in-scope {chosen.accuracy:.1%}, "
                     f"out-of-scope declined {chosen.rejection:.1%}.")
        if current_row is None:
            lines.append("config.yml has no FallbackClassifier: add one with this threshold.")
        elif abs(chosen.threshold - current_row.threshold) < 1e-9:
            lines.append(f"config.yml ({current_row.threshold:.2f}) already has it: no change.")
        else:
            lines.append(
                f"config.yml has {current_row.threshold:.2f}: in-scope {current_row.accuracy:.1%}, out-of-scope "
                f"declined {current_row.rejection:.1%}. Change it to {chosen.threshold:.2f}: "
                f"{chosen.in_correct - current_row.in_correct:+d} in-scope and "
                f"{chosen.oos_declined - current_row.oos_declined:+d} out-of-scope messages handled on these sets."
            )
        lines.extend(describe_misses(chosen.threshold, in_scope, out_of_scope))
    lines.append("\nCaution: these are the held-out sets (tests/e2e/README.md: not for threshold tuning). A value "
                 "picked here is fitted to the test set; change config.yml only for a clear win.")

    report = "\n".join(lines)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report + "\n", encoding="utf-8")
    print(f"\nWritten to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
