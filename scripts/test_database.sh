#!/usr/bin/env bash
# The PostgreSQL database `make test` runs the tests on: TEST_DATABASE_URL when it is set; else, when
# PostgreSQL is installed here and this is root, the one scripts/postgres.sh starts. Prints the URL, or
# nothing and a warning on stderr when there is none (the tests then run on SQLite alone).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "$TEST_DATABASE_URL"
elif ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  bash scripts/postgres.sh lapor_test | tail -n 1
else
  echo "*** PostgreSQL is not installed here (or this is not root): the tests run on SQLite only and every" >&2
  echo "*** PostgreSQL variant is skipped. Install it with: bash scripts/postgres.sh, or set TEST_DATABASE_URL." >&2
fi
