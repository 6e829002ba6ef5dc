#!/usr/bin/env bash
# `make thresholds`: sweep the FallbackClassifier threshold (0.10-0.90) on the held-out in-scope and
# out-of-scope sets with the trained model loaded in-process (no servers, no ports), print the
# table and the recommended value, and write them to results/thresholds.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-3}" PYTHONWARNINGS="${PYTHONWARNINGS:-ignore}"

if [ ! -f models/clinic.tar.gz ]; then
  echo "models/clinic.tar.gz is missing: run scripts/setup.sh (make setup) first" >&2
  exit 1
fi
mkdir -p results
.venv/bin/python scripts/thresholds.py --model models/clinic.tar.gz --config config.yml \
  --out results/thresholds.txt "$@"
