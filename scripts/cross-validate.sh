#!/usr/bin/env bash
# `make cross-validate`: 5-fold cross-validation of the NLU pipeline on the training data (data/),
# so the intent figures come from examples each fold's model never saw, without touching the
# held-out sets of tests/e2e/. Prints the intent macro-average F1 against the 0.95 target and the
# weakest intents; the reports and images (intent_report.json, intent_confusion_matrix.png,
# intent_histogram.png) stay in results/cross-validation/. Trains five NLU pipelines: about
# 4 minutes on 2 cores. Exits non-zero when F1 is below the target or a report is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=3 PYTHONWARNINGS="${PYTHONWARNINGS:-ignore}"

out=results/cross-validation
target="${CV_F1_TARGET:-0.95}"
rm -rf "$out"   # no stale report or image can pass for this run's
mkdir -p "$out"
start=$(date +%s)
.venv/bin/rasa test nlu --nlu data --config config.yml --cross-validation --folds 5 --out "$out" --quiet
echo "Cross-validation took $(( $(date +%s) - start )) s."

.venv/bin/python - "$out" "$target" <<'PY'
"""Summarise Rasa's cross-validation report: the gate figure first, then where to add data."""
import json
import sys
from pathlib import Path

out, target = Path(sys.argv[1]), float(sys.argv[2])
missing = [n for n in ("intent_report.json", "intent_confusion_matrix.png", "intent_histogram.png")
           if not (out / n).is_file() or (out / n).stat().st_size == 0]
if missing:
    print(f"FAIL: missing from {out}: {', '.join(missing)}")
    sys.exit(1)
report = json.loads((out / "intent_report.json").read_text(encoding="utf-8"))
macro = report["macro avg"]["f1-score"]
intents = {k: v for k, v in report.items() if isinstance(v, dict) and "support" in v and "avg" not in k}
print(f"\nIntent macro-average F1 (5-fold): {macro:.4f}  ->  {'PASS' if macro >= target else 'FAIL'} "
      f"(target {target:.2f}); weighted F1 {report['weighted avg']['f1-score']:.4f}, "
      f"accuracy {report.get('accuracy', float('nan')):.4f}, {len(intents)} intents")
print("Weakest intents (F1, precision, recall, examples):")
for name, v in sorted(intents.items(), key=lambda kv: kv[1]["f1-score"])[:8]:
    confused = ", ".join(f"{k} {n}" for k, n in sorted((v.get("confused_with") or {}).items(), key=lambda kv: -kv[1]))
    print(f"  {name:28s} {v['f1-score']:.3f}  p {v['precision']:.3f}  r {v['recall']:.3f}  n {v['support']:<4d}"
          f"{'  confused with: ' + confused if confused else ''}")
print(f"Reports and images: {out}/ (intent_report.json, intent_confusion_matrix.png, intent_histogram.png)")
sys.exit(0 if macro >= target else 1)
PY
