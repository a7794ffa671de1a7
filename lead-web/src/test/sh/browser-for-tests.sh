#!/usr/bin/env bash
# Run by `./mvnw verify` before lead-web's tests (exec-maven-plugin in lead-web/pom.xml): the browser tests drive
# Debian's headless Chromium through Debian's chromedriver, and no tool may download a browser of its own. When either
# is missing, this installs Debian's packages if it can (as root, or with sudo that needs no password), and otherwise
# says exactly what to install. Skipped with -DskipTests or -Dleadline.browser.skip=true.
set -euo pipefail

chromium=${LEADLINE_CHROMIUM:-/usr/bin/chromium}
driver=${LEADLINE_CHROMEDRIVER:-/usr/bin/chromedriver}
present() { [ -x "$chromium" ] && [ -x "$driver" ]; }

present && exit 0

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    sudo=(none)
  fi
  if [ "${sudo[0]:-}" != none ]; then
    echo "The browser tests need Chromium and chromedriver: installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null
    present && exit 0
    echo "Installed chromium and chromium-driver, but found no $chromium and $driver." >&2
  fi
  cat >&2 <<MSG
The browser tests need Chromium at $chromium and chromedriver at $driver. Install them once with
    sudo apt-get install chromium chromium-driver
and run ./mvnw verify again (or set LEADLINE_CHROMIUM and LEADLINE_CHROMEDRIVER to where yours are).
MSG
else
  cat >&2 <<MSG
The browser tests need Chromium at $chromium and a matching chromedriver at $driver. Install both with your
system's package manager (for example: brew install chromium chromedriver; dnf install chromium chromedriver) and set
LEADLINE_CHROMIUM and LEADLINE_CHROMEDRIVER to their paths, then run ./mvnw verify again.
MSG
fi
exit 1
