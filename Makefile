# hangviet: `make run` sets everything up and serves the demo; `make test` sets up and runs the suite.
SHELL := /bin/sh
VENV := .venv
BIN := $(VENV)/bin
HANGVIET := $(BIN)/hangviet
PYTEST_ARGS ?=

.PHONY: run test setup check lint migrate demo clean compiled-messages

run: setup demo
	@echo "hangviet: http://127.0.0.1:8000  (Ctrl+C to stop); a task worker runs beside it for background work"
	@$(HANGVIET) db_worker >var/worker.log 2>&1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(HANGVIET) runserver 127.0.0.1:8000

test: setup
	$(BIN)/pytest $(PYTEST_ARGS)

check: test lint

lint: $(VENV)/.installed
	$(BIN)/ruff check hangviet bench scripts gunicorn.conf.py
	$(BIN)/ruff format --check hangviet bench scripts gunicorn.conf.py
	$(BIN)/lint-imports
	$(BIN)/python scripts/lint_views.py
	$(BIN)/mypy hangviet

setup: $(VENV)/.installed node_modules/.installed compiled-messages migrate

$(VENV)/.installed: pyproject.toml
	@python=$$(scripts/find-python.sh) || exit 1; \
	  echo "Using $$python"; \
	  [ -x $(BIN)/python ] || $$python -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed to install Bootstrap (apt-get install npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

compiled-messages: $(VENV)/.installed
	@if command -v msgfmt >/dev/null; then $(HANGVIET) compilemessages --verbosity 0 --ignore '.venv/*' --ignore 'node_modules/*'; \
	  else echo "msgfmt (gettext) is missing: the English translation is not compiled; Vietnamese works."; fi

migrate: $(VENV)/.installed
	$(HANGVIET) migrate --no-input --verbosity 0
	$(HANGVIET) units load
	$(HANGVIET) catalogue load

demo: setup
	$(HANGVIET) demo

clean:
	rm -rf $(VENV) node_modules var
