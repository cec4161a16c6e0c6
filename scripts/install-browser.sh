#!/usr/bin/env bash
# Installs what the end-to-end tests (tests/e2e/) need, idempotently:
#   - Debian's Chromium (/usr/bin/chromium), driven by Playwright's Python package (pinned in
#     pyproject.toml's test extras; its wheel ships its own driver). Playwright's own browser
#     download ("playwright install") is never used: the machines here cannot fetch it.
#   - poppler-utils (pdftoppm), to rasterise certificate PDFs and read their QR code.
#   - axe-core from npm into tests/e2e/node_modules, pinned by tests/e2e/package-lock.json.
# Safe to run again: it does nothing when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages for the browser tests: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

axe=tests/e2e/node_modules/axe-core/axe.min.js
stamp=tests/e2e/node_modules/.installed-package-lock.json
if [ ! -f "$axe" ] || ! cmp -s tests/e2e/package-lock.json "$stamp" 2>/dev/null; then
  if command -v npm >/dev/null 2>&1; then
    echo "Installing axe-core into tests/e2e/node_modules"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
    cp tests/e2e/package-lock.json "$stamp"
  else
    # The tests still run without axe-core, but the accessibility checks then fail loudly.
    echo "WARNING: npm not found; axe-core not installed, the accessibility tests will fail." >&2
  fi
fi
