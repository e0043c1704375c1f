# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable '.[dev]'
	touch $@

demo: $(BIN)/.installed
	bash scripts/demo.sh

test: $(BIN)/.installed
	bash scripts/install-browser.sh
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	bash scripts/translations.sh check
	$(BIN)/pytest

bench: $(BIN)/.installed
	$(BIN)/python -m bench
