#!/usr/bin/env bash
# The browser tests: axe-core (WCAG 2.1 A/AA) over every page, the language switcher, the skip
# link, and screenshots of the main public pages in nb, sv and en (into target/screenshots/).
#
# Installs Debian's chromium when missing and the pinned npm packages when node_modules is
# missing (never a browser download), builds samverk, serves the demo data on a temporary
# database on a free port, runs the tests, and stops the server. Safe to run twice.
#
#   scripts/browser-tests.sh                        # on a temporary SQLite database
#   scripts/browser-tests.sh postgres://…/dbname    # on that (empty) PostgreSQL database
#
# SAMVERK_BIN names an already built samverk (scripts/test.sh builds once for both engines);
# SCREENSHOT_DIR where the screenshots go (default target/screenshots/<engine>);
# SAMVERK_BROWSER_TESTS which test files to run (default all of tests/).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  log "installing chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v node >/dev/null 2>&1; then
  log "installing node"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d browser-tests/node_modules ]; then
  log "installing the browser test packages (npm ci)"
  (cd browser-tests && npm ci --no-audit --no-fund)
fi

bin="${SAMVERK_BIN:-}"
if [ -z "$bin" ]; then
  log "building samverk"
  cargo build -q -p samverk-cli
  bin="${CARGO_TARGET_DIR:-$root/target}/debug/samverk"
fi

work=$(mktemp -d /tmp/samverk-browser.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

database="${1:-sqlite://$work/samverk.db}"
engine="${database%%:*}"
shots="${SCREENSHOT_DIR:-$root/target/screenshots/$engine}"
# A free port: the kernel picks one for a socket that is closed at once.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port"

log "serving the demo data on $url ($engine)"
# The index in the temporary folder: a left-over index of another database would believe it
# had already applied that database's changes.
SAMVERK_LOG=warn "$bin" --database "$database" --search-index "$work/search" serve --demo --bind "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "$url/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/server.log"
    echo "samverk did not start" >&2
    exit 1
  fi
  sleep 0.5
done
curl -fsS "$url/healthz" >/dev/null

# The demo administrator's password exists only in what `serve --demo` printed.
password=$(awk '$2 == "demo-administrator" { print $3 }' "$work/server.log" | tail -1)
if [ -z "$password" ]; then
  cat "$work/server.log"
  echo "serve --demo printed no demo-administrator password" >&2
  exit 1
fi

log "browser tests ($engine)"
mkdir -p "$shots"
(cd browser-tests && SAMVERK_URL="$url" CHROMIUM="$CHROMIUM" SCREENSHOT_DIR="$shots" SAMVERK_DEMO_PASSWORD="$password" \
  node --test --test-concurrency=1 ${SAMVERK_BROWSER_TESTS:-tests/})
