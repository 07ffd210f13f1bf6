#!/usr/bin/env bash
# Installs Debian's chromium if missing, for the browser tests (tests/test_web_browser.py), and prints
# its path on the last line. Used by .ci/run and `make chromium`. Run as root, like scripts/postgres.sh.
# The browser comes from Debian's packages only: nothing downloads one at run time.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # Another apt run holding the lock is waited for, not failed on.
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium >&2
fi
command -v chromium
