# `make run` and `make test` are the two commands; both create .venv on first use, with the versions of
# requirements.txt (the lock, written by `make lock` from pyproject.toml).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CODE := bot handlers storage harness tests benchmarks
# PostgreSQL for the tests: TEST_DATABASE_URL, or the server scripts/test_database.sh starts when installed.
WITH_POSTGRES = TEST_DATABASE_URL="$$(bash scripts/test_database.sh)"
# The slow lane's sizes: the spawned-process runs and the fault and fuzz runs at the size they had in `make test`.
AT_SIZE = RELIABILITY_CONVERSATIONS=16 RELIABILITY_DISPATCH_ALERTS=100 RELIABILITY_ALERTS=300 \
	RELIABILITY_TELEGRAM_ALERTS=150 FUZZ_EXAMPLES=250

.PHONY: run test test-all test-slow typecheck lint fmt lock eval reliability bench clean chromium screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.txt -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.txt -e '.[dev,bench]'
	touch $@ $(VENV)/.installed

# `lapor run` applies the migrations itself before it starts.
run: $(VENV)/.installed
	$(BIN)/lapor run

# Two test processes a core: about a third of a test's time is spent waiting (on PostgreSQL, a fake API, a paced
# sender), which the other process's test fills.
WORKERS := $(shell echo $$(( 2 * $$(nproc) )))

# The quick lane (a few minutes): lint, types, and every test but the slow ones, on SQLite and PostgreSQL. The
# types are checked while the tests run (mypy takes one core for some 20 s from a fresh clone); its verdict is
# printed after theirs, and either failing fails the lane.
test: lint
	$(BIN)/mypy > $(VENV)/mypy.log 2>&1 & types=$$!; \
	$(WITH_POSTGRES) $(BIN)/pytest -m "not slow" -n $(WORKERS); tests=$$?; \
	wait $$types; typed=$$?; cat $(VENV)/mypy.log; [ $$tests -eq 0 ] && [ $$typed -eq 0 ]

# The slow lane: real `lapor serve` processes (crashes, several workers), the command as a process, the
# benchmarks' quick forms, and the fault and fuzz runs at size.
test-slow: $(VENV)/.installed-dev
	$(WITH_POSTGRES) $(AT_SIZE) $(BIN)/pytest -m "slow or sized" -n auto

test-all: test test-slow

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check $(CODE)

fmt: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix $(CODE)

# Writes requirements.txt from pyproject.toml's ranges: run it after changing a dependency.
lock: $(VENV)/.installed-dev
	$(BIN)/pip-compile --quiet --extra dev --extra bench --strip-extras --allow-unsafe --no-header \
		--no-emit-index-url --no-emit-find-links --no-emit-trusted-host --output-file requirements.txt pyproject.toml

# How well Lapor reads what residents write: accuracy per class of tests/corpus/, the category confusion, and
# the messages a scripted informal resident needs per report (tests/test_corpus.py holds the floors).
eval: $(VENV)/.installed-dev
	$(BIN)/python -m tests.corpus.evaluate

# The long runs of docs/RELIABILITY.md, on SQLite and on PostgreSQL (started by scripts/postgres.sh).
reliability: $(VENV)/.installed-dev
	TEST_DATABASE_URL="$$(bash scripts/postgres.sh lapor_test | tail -n 1)" RELIABILITY_CONVERSATIONS=200 RELIABILITY_TELEGRAM_CHATS=200 \
		RELIABILITY_DISPATCH_ALERTS=1000 RELIABILITY_ALERTS=10000 RELIABILITY_TELEGRAM_ALERTS=10000 \
		FUZZ_EXAMPLES=10000 FUZZ_RANDOM=1 $(BIN)/pytest -q -s -p no:cacheprovider \
		tests/test_crash.py tests/test_dispatch_crash.py tests/test_dispatch_faults.py tests/test_fuzz.py

# The benchmarks of benchmarks/ (about 15 minutes, not part of `make test`): prints a table, writes
# benchmarks/results/latest.json and the README's performance section. PostgreSQL is BENCH_DATABASE_URL,
# or else started by scripts/postgres.sh.
bench: $(VENV)/.installed-dev
	$(BIN)/python -m benchmarks.run

# Debian's chromium for the browser tests (tests/test_web_browser.py), which are skipped without it.
chromium:
	bash scripts/chromium.sh

# The README's screenshots of the station page, taken anew by the browser tests.
screenshots: $(VENV)/.installed-dev chromium
	SCREENSHOTS_DIR=docs/screenshots $(BIN)/pytest -q -p no:cacheprovider tests/test_web_browser.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
