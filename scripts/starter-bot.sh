#!/usr/bin/env bash
# Rasa's own starter bot (`rasa init` of the same Rasa version), the yardstick of `make bench`.
# Installed once into its own virtual environment in a cache directory (not the project's .venv,
# so nothing of the project leaks into it) and trained once; later runs reuse both.
#   scripts/starter-bot.sh          install and train if needed, print the bot's directory
# STARTER_BOT_DIR moves the cache (default: ~/.cache/clinic-bench/rasa-3.6.21-starter).
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-3}" PYTHONWARNINGS="${PYTHONWARNINGS:-ignore}"
rasa_version=$(sed -n 's/^rasa\[spacy\]==\(.*\)$/\1/p' requirements.txt)
root="${STARTER_BOT_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/clinic-bench/rasa-${rasa_version}-starter}"
mkdir -p "$root"

if [ ! -x "$root/venv/bin/rasa" ]; then
  python=$(scripts/find-python.sh)
  echo "Installing Rasa $rasa_version for the starter bot into $root/venv (a few minutes, once)" >&2
  rm -rf "$root/venv"
  "$python" -m venv "$root/venv"
  "$root/venv/bin/python" -m pip install --quiet --upgrade pip >&2
  # The project's constraints pin the same TensorFlow, Sanic... so both bots run the same code.
  "$root/venv/bin/python" -m pip install --quiet "rasa==$rasa_version" -c constraints.txt >&2
fi
if ! ls "$root"/bot/models/*.tar.gz >/dev/null 2>&1; then
  echo "Creating and training the starter bot (rasa init; a few minutes, once)" >&2
  rm -rf "$root/bot"
  mkdir -p "$root/bot"
  (cd "$root/bot" && RASA_TELEMETRY_ENABLED=false "$root/venv/bin/rasa" init --no-prompt --init-dir . >&2)
fi
echo "$root"
