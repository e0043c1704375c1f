#!/usr/bin/env bash
# Browser tests drive Debian's Chromium with Playwright; Playwright never downloads a browser.
# Installs the `chromium` package when it is missing and this user can install packages;
# otherwise the browser tests are skipped with a message saying so.
set -euo pipefail
command -v chromium >/dev/null && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo -n"; else
  echo "chromium is not installed and cannot be installed here: browser tests will be skipped."
  exit 0
fi
echo "Installing Debian's chromium for the browser tests..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
