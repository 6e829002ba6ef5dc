#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the console's browser tests (Playwright drives it;
# no browser is downloaded). Prints its path.
set -euo pipefail
browser="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$browser" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing chromium (Debian package) for the console's browser tests" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
if [ ! -x "$browser" ]; then
  echo "chromium not found at $browser: install Debian's 'chromium' package or set CHROMIUM." >&2
  exit 1
fi
echo "$browser"
