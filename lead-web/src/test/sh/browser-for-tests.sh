#!/usr/bin/env bash
# Run by `./mvnw verify` before lead-web's tests (exec-maven-plugin in lead-web/pom.xml): the browser tests drive
# Debian's headless Chromium through Debian's chromedriver, and no tool may download a browser of its own. When either
# is missing, this installs Debian's packages if it can (as root, or with sudo that needs no password), and otherwise
# says exactly what to install. The tracking snippet's tests (TrackingScriptTest) need Node.js 18+ (Node's own test
# runner, no npm package): Debian's nodejs is installed the same way when node is missing.
# Skipped with -DskipTests or -Dleadline.browser.skip=true.
set -euo pipefail

chromium=${LEADLINE_CHROMIUM:-/usr/bin/chromium}
driver=${LEADLINE_CHROMEDRIVER:-/usr/bin/chromedriver}
node_ok() { command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -ge 18 ]; }
present() { [ -x "$chromium" ] && [ -x "$driver" ] && node_ok; }

present && exit 0
packages=()
{ [ -x "$chromium" ] && [ -x "$driver" ]; } || packages+=(chromium chromium-driver)
node_ok || packages+=(nodejs)

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    sudo=(none)
  fi
  if [ "${sudo[0]:-}" != none ]; then
    echo "The browser and tracking-script tests need: installing Debian's ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
    present && exit 0
    echo "Installed ${packages[*]}, but found no $chromium and $driver, or no node 18+." >&2
  fi
  cat >&2 <<MSG
The browser tests need Chromium at $chromium and chromedriver at $driver, and the tracking-script tests Node.js 18+.
Install what is missing once with
    sudo apt-get install ${packages[*]}
and run ./mvnw verify again (or set LEADLINE_CHROMIUM and LEADLINE_CHROMEDRIVER to where yours are).
MSG
else
  cat >&2 <<MSG
The browser tests need Chromium at $chromium and a matching chromedriver at $driver. Install both with your
system's package manager (for example: brew install chromium chromedriver; dnf install chromium chromedriver) and set
LEADLINE_CHROMIUM and LEADLINE_CHROMEDRIVER to their paths, and Node.js 18+ on the PATH, then run ./mvnw verify again.
MSG
fi
exit 1
