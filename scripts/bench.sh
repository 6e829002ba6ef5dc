#!/usr/bin/env bash
# `make bench`: latency, throughput and memory of the assistant. Starts its own action server and
# Rasa server on spare ports (5255 / 5205) with a scratch database, so it neither disturbs nor
# measures a running `make run` (5005) or `make test` (5105); stops them on exit, whatever happens.
# Its pid files live in var/bench-run/ and its logs in var/log/bench/, not in the shared
# var/run/ and var/log/. Arguments are passed on to scripts/bench.py
# (e.g. --limit 50, --workers 4).
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-3}" PYTHONWARNINGS="${PYTHONWARNINGS:-ignore}"

rasa_port="${BENCH_RASA_PORT:-5205}"
action_port="${BENCH_ACTION_PORT:-5255}"
run_dir=var/bench-run
mkdir -p "$run_dir" var/log

if [ ! -f models/clinic.tar.gz ]; then
  echo "models/clinic.tar.gz is missing: run scripts/setup.sh (make setup) first" >&2
  exit 1
fi
for port in "$rasa_port" "$action_port"; do
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    echo "Port $port is already in use: stop what listens there or set BENCH_RASA_PORT / BENCH_ACTION_PORT" >&2
    exit 1
  fi
done

# A scratch knowledge base, as in scripts/test.sh: the benchmark's conversations and any red-flag
# records never land in the clinic's database. Only the channels that need no secrets
# (credentials.yml): the benchmark must not switch on Telegram/Twilio from .env.
export DATABASE_URL="sqlite:///$PWD/var/bench.db" RASA_PORT="$rasa_port" ACTION_PORT="$action_port"
export ACTION_SERVER_URL="http://127.0.0.1:${action_port}/webhook" RASA_API_TOKEN="bench-$(date +%s)-$RANDOM"
export RUN_DIR="$run_dir" LOG_DIR=var/log/bench CREDENTIALS=credentials.yml CONSOLE=0 TRACKER_STORE_URL="$DATABASE_URL"
rm -f var/bench.db
.venv/bin/python -m clinic.content load > /dev/null

trap 'scripts/serve.sh --stop' EXIT
trap 'exit 130' INT TERM
echo "Starting the action server (:$action_port) and the Rasa server (:$rasa_port)..."
start=$(date +%s)
scripts/serve.sh --background > /dev/null
echo "Both answer after $(( $(date +%s) - start )) s."
echo

# Bounded: every request has its own timeout, and the whole measurement gets at most 10 minutes.
timeout --foreground 600 .venv/bin/python scripts/bench.py --url "http://127.0.0.1:$rasa_port" --token "$RASA_API_TOKEN" \
  --rasa-pid "$(cat "$run_dir/rasa.pid")" --actions-pid "$(cat "$run_dir/actions.pid")" "$@"
