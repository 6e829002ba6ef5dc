# Two commands for a fresh machine: `make run` and `make test`. Both set up what they need.
SHELL := /bin/bash
VENV := .venv/bin
export TF_CPP_MIN_LOG_LEVEL ?= 3
export PYTHONWARNINGS ?= ignore
# Rasa sends usage data and crash reports unless told not to: nothing leaves the clinic's machine.
export RASA_TELEMETRY_ENABLED = false

.PHONY: help run test setup shell content lint typecheck bench cross-validate thresholds lock clean set-webhook

help:                      ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:[^#]*## /\t/' | expand -t 18

run: setup                 ## set everything up and run the assistant (Ctrl-C stops it)
	scripts/serve.sh

test:                      ## set up, then run every test (what CI runs)
	scripts/test.sh

setup:                     ## .venv, packages, spaCy pipeline, knowledge base, trained model
	scripts/setup.sh

content:                   ## validate knowledge/*.yml and load it (no retraining)
	$(VENV)/python -m clinic.content load

shell: setup               ## talk to the assistant in the terminal (starts its own servers)
	scripts/shell.sh

set-webhook:               ## register the webhook: make set-webhook CHANNEL=telegram|twilio|whatsapp
	$(VENV)/python -m channels.set_webhook $(CHANNEL)

lint:                      ## ruff (style, complexity, blind excepts)
	$(VENV)/ruff check .

typecheck:                 ## mypy with the SQLAlchemy plugin
	$(VENV)/mypy

bench: setup               ## side by side with Rasa's starter bot; results/bench.json (not part of `make test`)
	scripts/bench.sh

cross-validate: setup      ## 5-fold intent cross-validation; reports in results/
	scripts/cross-validate.sh

thresholds: setup          ## sweep the fallback threshold on the held-out sets
	scripts/thresholds.sh

lock:                      ## re-pin constraints.txt from the current .venv
	$(VENV)/pip freeze --exclude-editable > constraints.txt

clean:                     ## remove models, Rasa's training cache, results; keeps the clinic's database
	rm -rf models results .rasa .pytest_cache .ruff_cache .mypy_cache var/run var/log var/bench-run \
	  var/train.hash var/e2e.db var/bench.db

.PHONY: console staff-user retention
console: setup             ## the staff console alone (http://127.0.0.1:8081/; `make run` starts it too)
	source scripts/env.sh && $(VENV)/python -m console

staff-user: setup          ## create or reset a console account: make staff-user NAME=alice [ROLE=admin]
	@test -n "$(NAME)" || { echo "Usage: make staff-user NAME=alice [ROLE=admin] (STAFF_PASSWORD or a prompt)"; exit 2; }
	source scripts/env.sh && $(VENV)/python -m console.staff_user "$(NAME)" --role "$(or $(ROLE),front_desk)"

retention:                 ## delete conversations older than RETENTION_DAYS (or DAYS=N) and their records
	source scripts/env.sh && $(VENV)/python -m console.retention $(if $(DAYS),--days $(DAYS),)
