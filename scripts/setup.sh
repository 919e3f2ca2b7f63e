#!/usr/bin/env bash
# One command from a fresh clone to the default briefing: installs the packages, makes sure a
# Chromium or Chrome is there, builds, and writes out/briefing-2024-08-01_2024-11-30.{html,pdf}.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

find_browser() {
  local candidate
  for candidate in "${PUPPETEER_EXECUTABLE_PATH:-}" "${CHROME_PATH:-}" chromium chromium-browser google-chrome google-chrome-stable; do
    [[ -n $candidate ]] || continue
    if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
  done
  # A browser Puppeteer downloaded earlier into its cache.
  node -e "const p=require('puppeteer');const f=p.executablePath();require('fs').accessSync(f);console.log(f)" 2>/dev/null
}

say "installing packages (npm ci)"
npm ci --no-audit --no-fund

if browser=$(find_browser); then
  say "using the browser at $browser"
elif command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
  say "no Chromium or Chrome found: installing Debian's chromium with apt-get"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
  say "no Chromium or Chrome found: installing Debian's chromium with sudo apt-get"
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  say "no Chromium or Chrome found and no apt-get: trying Puppeteer's own download of Chrome"
  if ! npx --no-install puppeteer browsers install chrome; then
    say "could not get a browser. Install Chromium or Chrome yourself and set PUPPETEER_EXECUTABLE_PATH to it,"
    say "or build the HTML preview only: npx report --from 2024-08-01 --to 2024-11-30 --html-only"
    exit 1
  fi
fi

say "building"
npm run build --silent
say "writing the default briefing"
node bin/report.js --from 2024-08-01 --to 2024-11-30
