#!/usr/bin/env bash
# `make bench`: latency, throughput and memory of the assistant. Starts its own action server and
# Rasa server on spare ports (5255 / 5205) with a scratch database, so it neither disturbs nor
# measures a running `make run` (5005) or `make test` (5105); stops them on exit, whatever happens.
# Its pid files live in var/bench-run/ and its logs in var/log/bench-*.log, not in the shared
# var/run/ and var/log/{rasa,actions}.log. Arguments are passed on to scripts/bench.py
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

stop() {
  for name in rasa actions; do
    pidfile="$run_dir/$name.pid"
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    # Started under setsid: the pid leads its own process group, which also holds any children.
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}
trap stop EXIT
trap 'exit 130' INT TERM

wait_for() {  # url, what, pid
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then echo "$2 exited during start-up; see var/log/bench-*.log" >&2; return 1; fi
    sleep 0.5
  done
  echo "$2 did not answer at $1 within 2 minutes; see var/log/bench-*.log" >&2
  return 1
}

# A scratch knowledge base, as in scripts/test.sh: the benchmark's conversations and any red-flag
# records never land in the clinic's database.
export DATABASE_URL="sqlite:///$PWD/var/bench.db"
export RASA_PORT="$rasa_port" ACTION_PORT="$action_port"
export ACTION_SERVER_URL="http://127.0.0.1:${action_port}/webhook"
export RASA_API_TOKEN="bench-$(date +%s)-$RANDOM"
rm -f var/bench.db
.venv/bin/python -m clinic.content load > /dev/null

echo "Starting the action server (:$action_port) and the Rasa server (:$rasa_port)..."
start=$(date +%s)
setsid .venv/bin/rasa run actions --actions actions --port "$action_port" \
  > var/log/bench-actions.log 2>&1 < /dev/null &
echo $! > "$run_dir/actions.pid"
# Only the channels that need no secrets (credentials.yml: REST, socket.io): the benchmark must
# not switch on Telegram/Twilio from .env, which would call out at start-up.
setsid .venv/bin/rasa run --model models/clinic.tar.gz --endpoints endpoints.yml --credentials credentials.yml \
  --interface 127.0.0.1 --port "$rasa_port" --enable-api --auth-token "$RASA_API_TOKEN" \
  > var/log/bench-rasa.log 2>&1 < /dev/null &
echo $! > "$run_dir/rasa.pid"

wait_for "http://127.0.0.1:${action_port}/health" "The action server" "$(cat "$run_dir/actions.pid")"
wait_for "http://127.0.0.1:${rasa_port}/status?token=${RASA_API_TOKEN}" "The Rasa server" "$(cat "$run_dir/rasa.pid")"
echo "Both answer after $(( $(date +%s) - start )) s."
echo

# Bounded: every request has its own timeout, and the whole measurement gets at most 10 minutes.
timeout --foreground 600 .venv/bin/python scripts/bench.py --url "http://127.0.0.1:$rasa_port" --token "$RASA_API_TOKEN" \
  --rasa-pid "$(cat "$run_dir/rasa.pid")" --actions-pid "$(cat "$run_dir/actions.pid")" "$@"
