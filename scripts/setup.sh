#!/usr/bin/env bash
# Sets everything up, idempotently: .venv with pinned packages, the spaCy pipeline, the knowledge
# base, and a trained model. Each step is skipped when its inputs have not changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-3}" PYTHONWARNINGS="${PYTHONWARNINGS:-ignore}"
export RASA_TELEMETRY_ENABLED=false
# Files under var/ (the database, the API token, logs) are readable by their owner only.
umask 077
mkdir -p var models
chmod 700 var
# Two setups at once (`make run` beside `make staff-user`) would both train into models/ and leave a
# corrupt model (seen: "BadGzipFile: CRC check failed" at start-up); the second waits for the first.
exec 9>var/setup.lock
flock 9

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
hash_of() { cat "$@" 2>/dev/null | sha256sum | cut -c1-32; }

# 1. Python 3.10 and the virtual environment.
if ! .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; then
  python=$(scripts/find-python.sh)
  say "Creating .venv with $python"
  rm -rf .venv
  "$python" -m venv .venv
fi

# 2. Packages, pinned by constraints.txt; reinstalled only when a requirements file changed.
deps_hash=$(hash_of requirements.txt requirements-dev.txt requirements-console.txt constraints.txt)
if [ "$(cat var/deps.hash 2>/dev/null)" != "$deps_hash" ]; then
  say "Installing packages (a few minutes the first time)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt -r requirements-console.txt -c constraints.txt
  echo "$deps_hash" > var/deps.hash
fi

# 3. The project's own spaCy pipeline (no model downloads) and data/synonyms.yml.
.venv/bin/python -m nlp.build

# 4. The knowledge base: validate the content files and upsert them (a no-op when unchanged).
.venv/bin/python -m clinic.content load

# 5. Train when the training data, config, domain or spaCy pipeline changed.
train_hash=$(hash_of config.yml domain.yml data/*.yml nlp/*.py models/spacy/clinic_en/clinic_build.json constraints.txt)
if [ ! -f models/clinic.tar.gz ] || [ "$(cat var/train.hash 2>/dev/null)" != "$train_hash" ]; then
  say "Training the model (about a minute on 2 cores)"
  .venv/bin/rasa train --config config.yml --domain domain.yml --data data --out models \
    --fixed-model-name clinic --quiet
  echo "$train_hash" > var/train.hash
else
  echo "Model up to date: models/clinic.tar.gz"
fi

# 6. The chat widget (widget/): npm packages pinned by package-lock.json, then the bundle the demo
#    page serves (website/static/widget/); rebuilt when its sources change.
widget_out=website/static/widget/clinic-chat.js
if [ "$(cat var/widget-deps.hash 2>/dev/null)" != "$(hash_of widget/package.json widget/package-lock.json)" ] \
   || [ ! -d widget/node_modules ]; then
  command -v npm >/dev/null || { echo "npm (Node.js 18 or later) is needed to build the chat widget" >&2; exit 1; }
  say "Installing the widget's npm packages"
  (cd widget && npm ci --no-audit --no-fund --loglevel=error)
  hash_of widget/package.json widget/package-lock.json > var/widget-deps.hash
fi
widget_hash=$(hash_of widget/build.mjs widget/package-lock.json widget/src/*)
if [ ! -f "$widget_out" ] || [ "$(cat var/widget.hash 2>/dev/null)" != "$widget_hash" ]; then
  (cd widget && node build.mjs "../$widget_out")
  echo "$widget_hash" > var/widget.hash
else
  echo "Widget up to date: $widget_out"
fi

# 7. The staff console's browser scripts (htmx, Chart.js) from npm, served by the console itself.
if [ "$(cat var/console-npm.hash 2>/dev/null)" != "$(hash_of console/package.json console/package-lock.json)" ]; then
  say "Installing the console's browser scripts (npm)"
  (cd console && npm ci --silent --no-audit --no-fund)
  hash_of console/package.json console/package-lock.json > var/console-npm.hash
fi
