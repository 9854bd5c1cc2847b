#!/usr/bin/env bash
# Installs what this project needs and the machine lacks, and nothing more, so it is
# safe to run again: Debian's Chromium (browser tests), its headless shell (poster PDFs) and poppler
# (reading the PDFs back) when absent, then `npm ci` when node_modules is missing or
# older than package-lock.json. Used by `npm start` and by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
# Prints the poster PDFs about three times faster than the full browser (src/integrations/chromium.ts).
[ -x "${CHROMIUM_HEADLESS_SHELL_PATH:-/usr/lib/chromium/chromium-headless-shell}" ] || need+=(chromium-headless-shell)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
