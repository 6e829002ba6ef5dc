#!/usr/bin/env bash
# Everything `make test` checks, in order of cost: setup, lint, unit tests (SQLite and a real
# PostgreSQL started here), Rasa's data validation and test stories, then the held-out end-to-end
# sets against a running assistant, the chat widget in a browser. Stops at the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-3}" PYTHONWARNINGS="${PYTHONWARNINGS:-ignore}"
export RASA_TELEMETRY_ENABLED=false
start=$(date +%s)
# Each step's heading says when it began, so a slow step shows in CI's log (the whole run should stay under 30 min).
say() { printf '\n\033[1m==> %s\033[0m (at %d s)\n' "$*" $(($(date +%s) - start)); }

scripts/setup.sh
scripts/ensure-postgres.sh
chromium=$(scripts/ensure-chromium.sh)
export CHROMIUM="$chromium"

say "Lint (ruff) and types (mypy)"
.venv/bin/ruff check .
.venv/bin/mypy

say "Chat widget: eslint and unit tests (node)"
(cd widget && npx --no-install eslint . && node --test --test-reporter=dot test/)

say "Unit tests (knowledge base on SQLite and PostgreSQL, actions, red-flag rules)"
REQUIRE_POSTGRES=1 .venv/bin/python -m pytest -q tests/unit

say "Rasa data validation"
.venv/bin/rasa data validate --config config.yml --domain domain.yml --data data --fail-on-warnings --quiet

say "Test stories"
rm -rf results/stories
.venv/bin/rasa test core --model models/clinic.tar.gz --stories tests/test_stories.yml \
  --fail-on-prediction-errors --out results/stories --quiet

say "Held-out end-to-end sets through the REST webhook"
# A separate database and ports, so tests neither touch the clinic's data nor a running `make run`.
# E2E_RASA_PORT / E2E_ACTION_PORT move them, so two checkouts can run their tests side by side.
export DATABASE_URL="sqlite:///$PWD/var/e2e.db" RASA_PORT="${E2E_RASA_PORT:-5105}" ACTION_PORT="${E2E_ACTION_PORT:-5155}"
export TRACKER_STORE_URL="$DATABASE_URL" CONSOLE_PORT="${E2E_CONSOLE_PORT:-5191}"
export RUN_DIR=var/run-e2e LOG_DIR=var/log/e2e
export ACTION_SERVER_URL="http://127.0.0.1:$ACTION_PORT/webhook"
export RASA_API_TOKEN="e2e-$(date +%s)-$RANDOM"
# The demo page with the widget, for the browser tests (E2E_SITE_PORT moves it).
export SITE_PORT="${E2E_SITE_PORT:-5185}" SITE_HOST=127.0.0.1 WEB_SESSION_SECRET="e2e-$(date +%s)-$RANDOM-$RANDOM"
export CLINIC_SITE_ORIGINS="http://127.0.0.1:$SITE_PORT" ASSISTANT_PUBLIC_URL="http://127.0.0.1:$RASA_PORT"
rm -f var/e2e.db
.venv/bin/python -m clinic.content load >/dev/null
# The messaging channels too, with fake secrets and fake platform APIs on 127.0.0.1 (ports from
# E2E_FAKE_API_PORT, default 5180-5182): tests/channels/config.py.
eval "$(.venv/bin/python -m tests.channels.config env)"
export CREDENTIALS=var/credentials-e2e.yml
.venv/bin/python -m clinic.channels credentials --out "$CREDENTIALS" >/dev/null
trap 'scripts/serve.sh --stop' EXIT
scripts/serve.sh --background >/dev/null
.venv/bin/python -m tests.e2e.run --url "http://127.0.0.1:$RASA_PORT" --report results/e2e-failures.json

say "Messaging channels: Telegram, Twilio and WhatsApp traffic, replies captured by fake platform APIs"
.venv/bin/python -m pytest -q -p no:cacheprovider tests/channels

say "Chat widget in a browser (chromium) and its channel's sessions"
WIDGET_SITE_URL="http://127.0.0.1:$SITE_PORT/" WIDGET_SITE_ORIGIN="$CLINIC_SITE_ORIGINS" \
  WIDGET_RASA_URL="http://127.0.0.1:$RASA_PORT" CHROMIUM="$chromium" \
  .venv/bin/python -m pytest -q -p no:cacheprovider tests/widget

say "Staff console in a browser (Playwright + Debian chromium): takeover from the widget page, the stack on PostgreSQL, a restart"
STAFF_NAME=e2e-admin STAFF_PASSWORD="e2e-$RANDOM-$RANDOM-$(date +%s)"
export STAFF_NAME STAFF_PASSWORD CONSOLE_URL="http://127.0.0.1:$CONSOLE_PORT" RASA_URL="http://127.0.0.1:$RASA_PORT"
.venv/bin/python -m console.staff_user "$STAFF_NAME" --role admin >/dev/null
# test_postgres_stack.py also runs the whole stack a second time on a PostgreSQL server it starts,
# on ports E2E_PG_RASA_PORT, E2E_PG_ACTION_PORT, E2E_PG_SITE_PORT, E2E_PG_CONSOLE_PORT (5106, 5156, 5187, 5192).
REQUIRE_POSTGRES=1 SCREENSHOT_DIR=results/console WIDGET_SITE_URL="http://127.0.0.1:$SITE_PORT/" \
  .venv/bin/python -m pytest -q -p no:warnings tests/console

# Last: it stops the action server that the channel, widget and console tests need.
say "One turn: locked down, malformed input, never silent (stops the action server mid-conversation)"
.venv/bin/python -m tests.e2e.turn_checks --url "http://127.0.0.1:$RASA_PORT" --action-port "$ACTION_PORT" \
  --rasa-pid-file "$RUN_DIR/rasa.pid" --actions-pid-file "$RUN_DIR/actions.pid"

say "All tests passed"  # the heading gives the elapsed seconds
