#!/usr/bin/env bash
# Talk to the assistant in the terminal: starts the action server, then `rasa shell` with the
# trained model; stops the action server when the shell ends.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh
(umask 077; mkdir -p var/log)
.venv/bin/python -m actions.server --port "$ACTION_PORT" > var/log/actions-shell.log 2>&1 &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:${ACTION_PORT}/health" 2>/dev/null && break; sleep 0.5; done
.venv/bin/rasa shell --model models/clinic.tar.gz --endpoints endpoints.yml --port "$RASA_PORT"
