#!/usr/bin/env bash
# Browser tests: installs what they need if it is missing (Debian's chromium, the npm packages),
# then runs them against the debug build of `puerta`.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "e2e: /usr/bin/chromium is missing; install Debian's chromium package (sudo apt-get install chromium)" >&2
    exit 1
  fi
fi
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
export E2E_PUERTA_BIN="${E2E_PUERTA_BIN:-$(cd .. && pwd)/target/debug/puerta}"
node --test --test-concurrency=1 tests/
