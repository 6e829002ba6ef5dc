#!/usr/bin/env bash
# Starts the action server (127.0.0.1:5055), the Rasa server (:5005, REST + socket.io channels,
# HTTP API with a token) and the demo clinic page with the chat widget (:8080) with the settings
# from .env. The servers go through the clinic's launchers (actions/server.py, rasa_side/launch.py):
# the API token reaches Rasa through the environment, never the command line; files under var/ are
# readable by their owner only (umask 077).
#   scripts/serve.sh              run in the foreground; Ctrl-C stops them all
#   scripts/serve.sh --background start, wait until all answer, return (pids in var/run/)
#   scripts/serve.sh --stop       stop what --background started
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-foreground}"
# RUN_DIR, LOG_DIR: where pid files and logs go (test and bench runs use their own);
# CREDENTIALS: a channels file to use instead of generating one from .env.
run_dir="${RUN_DIR:-var/run}"
log_dir="${LOG_DIR:-var/log}"
umask 077
mkdir -p "$run_dir" "$log_dir"

stop() {
  for name in console site rasa actions; do
    pidfile="$run_dir/$name.pid"
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
    fi
  done
}
if [ "$mode" = "--stop" ]; then stop; exit 0; fi

# shellcheck source=scripts/env.sh
source scripts/env.sh

credentials="${CREDENTIALS:-$(.venv/bin/python -m clinic.channels credentials)}"

wait_for() {  # url, what, pid (the URL goes to curl on stdin: it may hold the token)
  for _ in $(seq 1 240); do
    if printf 'url = "%s"\n' "$1" | curl -fsS -o /dev/null -K - 2>/dev/null; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then echo "$2 exited during start-up; see $log_dir/" >&2; return 1; fi
    sleep 0.5
  done
  echo "$2 did not answer at $1 within 2 minutes; see $log_dir/" >&2
  return 1
}

stop
setsid .venv/bin/python -m actions.server --port "$ACTION_PORT" \
  > "$log_dir/actions.log" 2>&1 < /dev/null &
echo $! > "$run_dir/actions.pid"
setsid .venv/bin/python -m rasa_side.launch --model models/clinic.tar.gz --endpoints endpoints.yml \
  --credentials "$credentials" --interface "$RASA_HOST" --port "$RASA_PORT" --enable-api \
  > "$log_dir/rasa.log" 2>&1 < /dev/null &
echo $! > "$run_dir/rasa.pid"
# The staff console (console/, its own process); CONSOLE=0 leaves it out.
if [ "${CONSOLE:-1}" = 1 ]; then
  setsid .venv/bin/python -m console > "$log_dir/console.log" 2>&1 < /dev/null &
  echo $! > "$run_dir/console.pid"
fi

setsid .venv/bin/python -m website.server > "$log_dir/site.log" 2>&1 < /dev/null &
echo $! > "$run_dir/site.pid"

trap 'stop; exit 130' INT TERM
wait_for "http://127.0.0.1:${ACTION_PORT}/health/knowledge" "The action server" "$(cat $run_dir/actions.pid)" || { stop; exit 1; }
wait_for "http://127.0.0.1:${RASA_PORT}/status?token=${RASA_API_TOKEN}" "The Rasa server" "$(cat $run_dir/rasa.pid)" \
  || { stop; exit 1; }
wait_for "http://${SITE_HOST}:${SITE_PORT}/" "The demo page server" "$(cat $run_dir/site.pid)" || { stop; exit 1; }
if [ -f "$run_dir/console.pid" ]; then
  wait_for "http://127.0.0.1:${CONSOLE_PORT}/login" "The staff console" "$(cat $run_dir/console.pid)" || { stop; exit 1; }
fi

cat <<MSG
The clinic's assistant is running.
  REST:    curl -s -XPOST http://127.0.0.1:${RASA_PORT}/webhooks/rest/webhook -H 'Content-Type: application/json' \\
             -d '{"sender": "me", "message": "how long is recovery?"}'
  Shell:   make shell   (after stopping this: it starts its own servers on the same ports)
  API:     http://127.0.0.1:${RASA_PORT}/model/parse?token=<var/api_token>  (pass the URL on stdin: curl -K -)
  Website: http://${SITE_HOST}:${SITE_PORT}/   (the demo clinic page with the chat widget)
  Console: http://127.0.0.1:${CONSOLE_PORT}/   (accounts: make staff-user NAME=alice)
  Logs:    $log_dir/rasa.log, $log_dir/actions.log, $log_dir/console.log
MSG
if [ "$mode" = "--background" ]; then exit 0; fi
echo "Press Ctrl-C to stop the servers."
trap 'echo; echo Stopping.; stop; exit 0' INT TERM
while kill -0 "$(cat $run_dir/rasa.pid)" 2>/dev/null && kill -0 "$(cat $run_dir/actions.pid)" 2>/dev/null \
  && kill -0 "$(cat $run_dir/site.pid)" 2>/dev/null; do sleep 1; done
echo "A server stopped unexpectedly; see $log_dir/." >&2
stop
exit 1
