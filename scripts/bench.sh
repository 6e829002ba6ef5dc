#!/usr/bin/env bash
# `make bench`: the assistant side by side with Rasa's own starter bot (`rasa init` of the same Rasa,
# installed and trained once by scripts/starter-bot.sh in its own cached virtual environment).
# Starts the assistant on BENCH_RASA_PORT / BENCH_ACTION_PORT (5205 / 5255) with a scratch database
# and the starter bot on BENCH_STARTER_PORT (5206), all on 127.0.0.1, and stops them on exit whatever
# happens. Pid files in var/bench-run/, logs in var/log/bench/. Prints the table with the ratios and
# writes results/bench.json; arguments go to scripts/bench.py (e.g. --limit 50, --turns 200).
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-3}" PYTHONWARNINGS="${PYTHONWARNINGS:-ignore}"
export RASA_TELEMETRY_ENABLED=false

rasa_port="${BENCH_RASA_PORT:-5205}"
action_port="${BENCH_ACTION_PORT:-5255}"
starter_port="${BENCH_STARTER_PORT:-5206}"
run_dir=var/bench-run
umask 077
mkdir -p "$run_dir" var/log/bench

if [ ! -f models/clinic.tar.gz ]; then
  echo "models/clinic.tar.gz is missing: run scripts/setup.sh (make setup) first" >&2
  exit 1
fi
for port in "$rasa_port" "$action_port" "$starter_port"; do
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    echo "Port $port is already in use: stop what listens there or set BENCH_RASA_PORT / BENCH_ACTION_PORT / BENCH_STARTER_PORT" >&2
    exit 1
  fi
done
starter=$(scripts/starter-bot.sh)

# A scratch knowledge base, as in scripts/test.sh: the benchmark's conversations and any red-flag
# records never land in the clinic's database. Only the channels that need no secrets
# (credentials.yml): the benchmark must not switch on Telegram/Twilio from .env.
export DATABASE_URL="sqlite:///$PWD/var/bench.db" RASA_PORT="$rasa_port" ACTION_PORT="$action_port"
export ACTION_SERVER_URL="http://127.0.0.1:${action_port}/webhook" RASA_API_TOKEN="bench-$(date +%s)-$RANDOM"
export RUN_DIR="$run_dir" LOG_DIR=var/log/bench CREDENTIALS=credentials.yml SITE_PORT=$((rasa_port + 75))  # serve.sh starts the demo page too
export CONSOLE=0 TRACKER_STORE_URL="$DATABASE_URL"  # no staff console; conversations in the bench database
rm -f var/bench.db
.venv/bin/python -m clinic.content load > /dev/null

stop_starter() {
  if [ -f "$run_dir/starter.pid" ]; then
    pid=$(cat "$run_dir/starter.pid")
    kill -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 -- "-$pid" 2>/dev/null || true
    rm -f "$run_dir/starter.pid"
  fi
}
trap 'scripts/serve.sh --stop; stop_starter' EXIT
trap 'exit 130' INT TERM
echo "Starting the assistant (:$rasa_port, actions :$action_port) and the starter bot (:$starter_port)..."
scripts/serve.sh --background > /dev/null
# The starter bot as its docs run it: `rasa run --enable-api`, replies from its domain, no action server.
setsid "$starter/venv/bin/rasa" run --enable-api --model "$starter/bot/models" --endpoints "$starter/bot/endpoints.yml" \
  --credentials "$starter/bot/credentials.yml" --interface 127.0.0.1 --port "$starter_port" \
  > var/log/bench/starter.log 2>&1 < /dev/null &
echo $! > "$run_dir/starter.pid"
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "http://127.0.0.1:$starter_port/status" 2>/dev/null && break
  kill -0 "$(cat "$run_dir/starter.pid")" 2>/dev/null || { echo "The starter bot exited; see var/log/bench/starter.log" >&2; exit 1; }
  sleep 0.5
done
echo "All three answer."
echo

# Bounded: every request has its own timeout, and the whole measurement gets at most 15 minutes.
timeout --foreground 900 .venv/bin/python scripts/bench.py --url "http://127.0.0.1:$rasa_port" \
  --rasa-pid "$(cat "$run_dir/rasa.pid")" --actions-pid "$(cat "$run_dir/actions.pid")" \
  --starter-url "http://127.0.0.1:$starter_port" --starter-pid "$(cat "$run_dir/starter.pid")" "$@"
