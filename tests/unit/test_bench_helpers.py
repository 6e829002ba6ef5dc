"""The pure helpers behind `make bench` and `make thresholds`: the figures they print are only as
good as these functions, and both scripts are run by hand rarely enough for a slip to go unseen."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def _load(name: str) -> ModuleType:
    """scripts/ is not a package (its files are run as scripts), so import them by path."""
    spec = importlib.util.spec_from_file_location(f"_scripts_{name}", SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


bench = _load("bench")
thresholds = _load("thresholds")


# ---------------------------------------------------------------- bench: percentiles and summaries


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([5.0], 50, 5.0),
        ([5.0], 95, 5.0),
        ([1.0, 2.0, 3.0, 4.0], 50, 2.5),
        ([4.0, 1.0, 3.0, 2.0], 50, 2.5),  # order of arrival does not matter
        ([1.0, 2.0, 3.0, 4.0, 5.0], 0, 1.0),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 100, 5.0),
        ([float(i) for i in range(1, 101)], 95, 95.05),  # numpy's linear method gives the same
        ([10.0, 20.0], 95, 19.5),
    ],
)
def test_percentile_interpolates_linearly_between_ranks(values: list[float], q: float, expected: float) -> None:
    assert bench.percentile(values, q) == pytest.approx(expected)


def test_percentile_refuses_empty_samples_and_bad_ranks() -> None:
    with pytest.raises(ValueError):
        bench.percentile([], 50)
    with pytest.raises(ValueError):
        bench.percentile([1.0], 101)


def test_summary_counts_errors_apart_and_derives_throughput_from_wall_time() -> None:
    summary = bench.summarize([10.0, 20.0, 30.0, 40.0], errors=2, wall_s=2.0)
    assert (summary.count, summary.errors) == (4, 2)
    assert summary.p50_ms == pytest.approx(25.0)
    assert summary.mean_ms == pytest.approx(25.0)
    assert summary.throughput == pytest.approx(2.0)  # successes per second, failures excluded


def test_summary_of_a_batch_without_successes_is_nan_not_a_crash() -> None:
    summary = bench.summarize([], errors=3, wall_s=1.0)
    assert summary.count == 0 and math.isnan(summary.p50_ms)
    assert summary.throughput == 0.0
    assert math.isnan(bench.ratio(50.0, summary.p50_ms))
    assert bench.ratio(50.0, 10.0) == pytest.approx(5.0)
    assert math.isnan(bench.ratio(50.0, 0.0))


def test_proc_status_fields_are_read_in_kilobytes() -> None:
    status = "Name:\tpython\nVmPeak:\t 3125808 kB\nVmHWM:\t 1300000 kB\nVmRSS:\t 1288800 kB\nThreads:\t42\n"
    fields = bench.parse_proc_status(status)
    assert fields["VmHWM"] == 1_300_000 and fields["VmRSS"] == 1_288_800
    assert "Threads" not in fields and "Name" not in fields


def test_descendants_cover_the_whole_tree_below_the_setsid_leader() -> None:
    parent_of = {100: 1, 101: 100, 102: 101, 103: 100, 200: 1, 201: 200}
    assert sorted(bench.descendants(100, parent_of)) == [100, 101, 102, 103]
    assert bench.descendants(300, parent_of) == [300]  # a leader that has no children


# ---------------------------------------------------------------- thresholds: reading a parse result


def _parse(text: str, *ranking: tuple[str, float], fallback: float | None = None) -> dict:
    entries = [{"name": n, "confidence": c} for n, c in ranking]
    if fallback is not None:
        entries.insert(0, {"name": "nlu_fallback", "confidence": fallback})
    return {"text": text, "intent": entries[0] if entries else None, "intent_ranking": entries}


def test_prediction_skips_the_fallback_classifiers_own_intent() -> None:
    p = thresholds.prediction_from_parse(_parse("x", ("ask_pain", 0.42), ("ask_risks", 0.30), fallback=0.55))
    assert (p.intent, p.confidence, p.second_intent) == ("ask_pain", 0.42, "ask_risks")
    assert p.margin == pytest.approx(0.12)


def test_prediction_of_an_empty_parse_is_never_accepted() -> None:
    p = thresholds.prediction_from_parse({"text": "x", "intent": None, "intent_ranking": []})
    assert p.intent is None
    assert not thresholds.accepted(p, 0.0)
    assert thresholds.is_declined(p, 0.3)


def _p(intent: str, confidence: float, second: float = 0.0) -> Any:
    return thresholds.Prediction("t", intent, confidence, "other" if second else None, second)


# ---------------------------------------------------------------- thresholds: decision logic


def test_threshold_is_inclusive_like_rasas_fallback_classifier() -> None:
    assert thresholds.accepted(_p("ask_pain", 0.55), 0.55)
    assert not thresholds.accepted(_p("ask_pain", 0.5499), 0.55)


def test_ambiguity_margin_applies_only_when_asked_and_only_below_it() -> None:
    close = _p("ask_pain", 0.60, second=0.55)
    assert thresholds.accepted(close, 0.5)
    assert not thresholds.accepted(close, 0.5, margin=0.1)
    assert thresholds.accepted(_p("ask_pain", 0.70, second=0.60), 0.5, margin=0.1 - 1e-9)
    assert thresholds.accepted(_p("ask_pain", 0.9), 0.5, margin=0.1)  # no second intent: never ambiguous


def test_in_scope_needs_the_right_intent_and_enough_confidence() -> None:
    assert thresholds.is_correct(_p("ask_pain", 0.8), "ask_pain", 0.55)
    assert not thresholds.is_correct(_p("ask_pain", 0.5), "ask_pain", 0.55)
    assert not thresholds.is_correct(_p("ask_risks", 0.99), "ask_pain", 0.55)


def test_out_of_scope_is_declined_by_its_intent_or_by_low_confidence() -> None:
    assert thresholds.is_declined(_p("out_of_scope", 0.95), 0.55)
    assert thresholds.is_declined(_p("out_of_scope", 0.20), 0.55)
    assert thresholds.is_declined(_p("ask_pain", 0.50), 0.55)
    assert not thresholds.is_declined(_p("ask_pain", 0.90), 0.55)


def test_a_red_flag_override_is_wrong_in_scope_and_not_a_refusal_out_of_scope() -> None:
    urgent = _p("report_urgent_symptom", 1.0)
    assert not thresholds.is_declined(urgent, 0.95)
    assert not thresholds.is_declined(urgent, 0.95, margin=0.5)
    assert not thresholds.is_correct(urgent, "ask_pain", 0.3)


def test_threshold_grid_has_every_step_exactly_once() -> None:
    grid = thresholds.threshold_grid(0.30, 0.90, 0.05)
    assert len(grid) == 13
    assert grid[0] == 0.30 and grid[-1] == 0.90 and 0.55 in grid and 0.85 in grid


def _row(t: float, correct: int, declined: int, in_total: int = 100, oos_total: int = 50) -> Any:
    return thresholds.Row(t, correct, in_total, declined, oos_total, correct, declined)


def test_recommend_picks_best_accuracy_among_thresholds_that_reject_enough() -> None:
    rows = [_row(0.3, 98, 40), _row(0.5, 96, 45), _row(0.7, 94, 47), _row(0.9, 80, 50)]
    assert thresholds.recommend(rows, current=0.3).threshold == 0.5  # 0.3 rejects only 80%


def test_recommend_breaks_ties_by_rejection_then_by_the_configured_value() -> None:
    by_rejection = [_row(0.5, 95, 45), _row(0.6, 95, 47), _row(0.7, 90, 49)]
    assert thresholds.recommend(by_rejection, current=0.5).threshold == 0.6
    same = [_row(0.5, 95, 46), _row(0.55, 95, 46), _row(0.6, 95, 46)]
    assert thresholds.recommend(same, current=0.55).threshold == 0.55  # no change without a measured gain
    assert thresholds.recommend(same, current=None).threshold == 0.5


def test_recommend_returns_none_when_no_threshold_rejects_ninety_percent() -> None:
    assert thresholds.recommend([_row(0.3, 99, 30), _row(0.9, 70, 44)], current=0.55) is None
    assert thresholds.recommend([_row(0.9, 70, 45)], current=0.55).threshold == 0.9  # exactly 90% counts


def test_evaluate_counts_both_sets_with_and_without_margin() -> None:
    in_scope = [(_p("ask_pain", 0.9), "ask_pain"), (_p("ask_pain", 0.6, second=0.55), "ask_pain")]
    out_of_scope = [_p("out_of_scope", 0.9), _p("ask_risks", 0.7, second=0.65), _p("ask_risks", 0.4)]
    row = thresholds.evaluate(0.55, in_scope, out_of_scope, margin=0.1)
    assert (row.in_correct, row.oos_declined) == (2, 2)
    assert (row.in_correct_margin, row.oos_declined_margin) == (1, 3)
    assert row.accuracy == pytest.approx(1.0) and row.rejection == pytest.approx(2 / 3)


def test_fallback_settings_are_read_from_the_pipeline() -> None:
    config = {"pipeline": [{"name": "DIETClassifier"}, {"name": "FallbackClassifier", "threshold": 0.55,
                                                       "ambiguity_threshold": 0.1}]}
    assert thresholds.fallback_settings(config) == (0.55, 0.1)
    assert thresholds.fallback_settings({"pipeline": [{"name": "FallbackClassifier"}]}) == (0.3, 0.1)
    assert thresholds.fallback_settings({"pipeline": []}) == (None, None)


# ---------------------------------------------------------------- bench: the comparison with the starter bot


def test_slope_per_turn_is_the_least_squares_slope() -> None:
    assert bench.slope_per_turn([10.0 + 0.5 * turn for turn in range(100)]) == pytest.approx(0.5)
    assert bench.slope_per_turn([7.0] * 10) == pytest.approx(0.0)
    assert math.isnan(bench.slope_per_turn([1.0]))


def test_goals_point_the_right_way() -> None:
    report = _load("bench_report")
    faster = report.Row("p50", 10.0, 20.0, "ms", higher_is_better=False)
    assert faster.goal_met and faster.ratio == pytest.approx(0.5)
    assert not report.Row("turns/s", 10.0, 20.0, "/s", higher_is_better=True).goal_met
    assert report.Row("turns/s", 20.0, 20.0, "/s", higher_is_better=True).goal_met
    assert not report.Row("p50", math.nan, 20.0, "ms", higher_is_better=False).goal_met
