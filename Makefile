# The two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint chat clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# `lapor run` applies the migrations itself before it starts.
run: $(VENV)/.installed
	$(BIN)/lapor run

test: $(VENV)/.installed-dev
	$(BIN)/ruff check bot handlers storage tests
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
