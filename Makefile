# Two commands for a fresh machine: `make run` and `make test`. Both set up what they need.
SHELL := /bin/bash
VENV := .venv/bin
export TF_CPP_MIN_LOG_LEVEL ?= 3
export PYTHONWARNINGS ?= ignore

.PHONY: run test setup serve shell content lint unit stories e2e bench cross-validate thresholds lock clean

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

lint:
	$(VENV)/ruff check .

bench: setup               ## latency, throughput and memory figures (not part of `make test`)
	scripts/bench.sh

cross-validate: setup      ## 5-fold intent cross-validation; reports in results/
	scripts/cross-validate.sh

thresholds: setup          ## sweep the fallback threshold on the held-out sets
	scripts/thresholds.sh

lock:                      ## re-pin constraints.txt from the current .venv
	$(VENV)/pip freeze --exclude-editable > constraints.txt

clean:
	rm -rf var models results .pytest_cache .ruff_cache

.PHONY: console staff-user retention
console: setup             ## the staff console alone (http://127.0.0.1:8081/; `make run` starts it too)
	source scripts/env.sh && $(VENV)/python -m console

staff-user: setup          ## create or reset a console account: make staff-user NAME=alice [ROLE=admin]
	@test -n "$(NAME)" || { echo "Usage: make staff-user NAME=alice [ROLE=admin] (STAFF_PASSWORD or a prompt)"; exit 2; }
	source scripts/env.sh && $(VENV)/python -m console.staff_user "$(NAME)" --role "$(or $(ROLE),front_desk)"

retention:                 ## delete conversations older than RETENTION_DAYS (or DAYS=N) and their records
	source scripts/env.sh && $(VENV)/python -m console.retention $(if $(DAYS),--days $(DAYS),)
