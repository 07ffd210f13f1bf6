# The two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test eval reliability bench lint chat clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $@ $(VENV)/.installed-dev $(VENV)/.installed

# `lapor run` applies the migrations itself before it starts.
run: $(VENV)/.installed
	$(BIN)/lapor run

test: $(VENV)/.installed-dev
	$(BIN)/ruff check bot handlers storage tests benchmarks
	$(BIN)/pytest

# How well Lapor reads what residents write: accuracy per class of tests/corpus/, the category confusion, and
# the messages a scripted informal resident needs per report (tests/test_corpus.py holds the floors).
eval: $(VENV)/.installed-dev
	$(BIN)/python -m tests.corpus.evaluate

# The long runs of docs/RELIABILITY.md, on SQLite and on PostgreSQL (started by scripts/postgres.sh).
reliability: $(VENV)/.installed-dev
	TEST_DATABASE_URL="$$(bash scripts/postgres.sh lapor_test | tail -n 1)" RELIABILITY_CONVERSATIONS=200 \
		RELIABILITY_DISPATCH_ALERTS=1000 RELIABILITY_ALERTS=10000 RELIABILITY_TELEGRAM_ALERTS=10000 \
		FUZZ_EXAMPLES=10000 $(BIN)/pytest -q -s -p no:cacheprovider \
		tests/test_crash.py tests/test_dispatch_crash.py tests/test_dispatch_faults.py tests/test_fuzz.py

# The benchmarks of benchmarks/ (about 15 minutes, not part of `make test`): prints a table, writes
# benchmarks/results/latest.json and the README's performance section. PostgreSQL is BENCH_DATABASE_URL,
# or else started by scripts/postgres.sh.
bench: $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
