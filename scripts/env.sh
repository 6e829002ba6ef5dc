# Sourced by serve.sh and shell.sh: settings from .env (python-dotenv's parser; the real
# environment wins), then defaults, exported for Rasa's ${VAR} expansion in endpoints.yml.
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-3}" PYTHONWARNINGS="${PYTHONWARNINGS:-ignore}"
# No usage data leaves the clinic's machine; the action server listens on loopback only.
export RASA_TELEMETRY_ENABLED=false SANIC_HOST="${SANIC_HOST:-127.0.0.1}"
# ENV_FILE: another settings file in .env's format (the PostgreSQL full-stack test writes one).
env_file="${ENV_FILE:-.env}"
if [ -f "$env_file" ]; then
  eval "$(ENV_FILE="$env_file" .venv/bin/python - <<'PY'
import os, shlex
from dotenv import dotenv_values
for key, value in dotenv_values(os.environ["ENV_FILE"]).items():
    if value is not None and key.isidentifier() and key not in os.environ:
        print(f"export {key}={shlex.quote(value)}")
PY
)"
fi
export RASA_HOST="${RASA_HOST:-127.0.0.1}" RASA_PORT="${RASA_PORT:-5005}" ACTION_PORT="${ACTION_PORT:-5055}"
export CONSOLE_PORT="${CONSOLE_PORT:-8081}"
# Conversations (Rasa's SQL tracker store): in the clinic's database unless TRACKER_STORE_URL says otherwise.
export DATABASE_URL="${DATABASE_URL:-sqlite:///$PWD/var/clinic.db}"
export TRACKER_STORE_URL="${TRACKER_STORE_URL:-$DATABASE_URL}"
export ACTION_SERVER_URL="${ACTION_SERVER_URL:-http://127.0.0.1:${ACTION_PORT}/webhook}"
if [ -z "${RASA_API_TOKEN:-}" ]; then
  (umask 077; mkdir -p var)
  [ -s var/api_token ] || (umask 077; .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(24))' > var/api_token)
  chmod 600 var/api_token
  RASA_API_TOKEN=$(cat var/api_token)
fi
export RASA_API_TOKEN
# The secret that signs the website widget's sessions (channels/web_session.py): kept in var/ so
# conversations survive a restart.
if [ -z "${WEB_SESSION_SECRET:-}" ]; then
  mkdir -p var
  [ -s var/web_session_secret ] || .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))' > var/web_session_secret
  WEB_SESSION_SECRET=$(cat var/web_session_secret)
fi
export WEB_SESSION_SECRET SITE_HOST="${SITE_HOST:-127.0.0.1}" SITE_PORT="${SITE_PORT:-8080}"
