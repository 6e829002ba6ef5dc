#!/usr/bin/env bash
# Makes sure Debian's chromium is installed, for the widget's browser tests (Playwright drives it;
# a browser download does not work here). Prints the browser's path.
set -euo pipefail
browser="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$browser" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing chromium (Debian package) for the widget's browser tests" >&2
    apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium >/dev/null
  fi
fi
if [ ! -x "$browser" ]; then
  echo "chromium not found at $browser: install Debian's 'chromium' package (or set CHROMIUM)." >&2
  exit 1
fi
echo "$browser"
