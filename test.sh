#!/usr/bin/env bash
# Runs every test of the product: core rules, web through HTTP on SQLite and on a throwaway
# PostgreSQL server, and browser tests in Debian's chromium. Installs PostgreSQL and chromium
# with apt when they are missing. Ends with one line: "Tests: N passed, N failed, N skipped".
set -uo pipefail

root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
work="$(mktemp -d /tmp/ocop-tests.XXXXXX)"
results="$work/results"
mkdir -p "$results"
pg_dir=""
pg_bin=""
status=0

log() { printf '\n== %s\n' "$*"; }

apt_install() {
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
  else
    echo "apt-get is not available to install: $*" >&2
    return 1
  fi
}

stop_postgres() {
  if [ -n "$pg_dir" ] && [ -n "$pg_bin" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
  fi
}
cleanup() { stop_postgres; rm -rf "$work"; }
trap cleanup EXIT

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

start_postgres() {
  pg_bin="$(find_pg_bin)"
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    log "Installing PostgreSQL with apt"
    apt_install postgresql || return 1
    pg_bin="$(find_pg_bin)"
  fi
  pg_dir="$work/pg"
  mkdir -p "$pg_dir"
  chown postgres "$pg_dir" "$work"
  chmod 755 "$work"
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55439)"
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 || { cat "$pg_dir/initdb.log"; return 1; }
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null || { cat "$pg_dir/server.log"; return 1; }
  export OCOP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
}

# Runs one test project; its counts come from its trx file.
run_tests() {
  local name="$1" project="$2"
  shift 2
  log "$name"
  if ! env "$@" dotnet test "$project" -c Release --no-build \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      --logger "console;verbosity=minimal"; then
    status=1
  fi
  if [ ! -f "$results/$name.trx" ]; then
    echo "$name produced no results (the test host failed to start or crashed)" >&2
    crashed=$((crashed + 1))
    status=1
  fi
}
crashed=0

log "Building"
if ! dotnet build Ocop.slnx -c Release -nologo -v quiet; then
  echo "Tests: 0 passed, 1 failed (the build failed)"
  exit 1
fi

# The house style (.editorconfig) checked like a test: formatting, import order and code style, with no changes made.
log "style"
style_passed=0; style_failed=0
if dotnet format Ocop.slnx --verify-no-changes --no-restore -v quiet; then
  style_passed=1
else
  echo "dotnet format would change the files above: run 'dotnet format Ocop.slnx' and commit" >&2
  style_failed=1
fi

run_tests core tests/Ocop.Core.Tests/Ocop.Core.Tests.csproj

if [ -d tests/Ocop.Web.Tests ]; then
  run_tests web-sqlite tests/Ocop.Web.Tests/Ocop.Web.Tests.csproj OCOP_TEST_DATABASE=sqlite
  # The two-instance test puts nginx in front of two app processes (tests/Ocop.Web.Tests/Security).
  if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    log "Installing nginx with apt"
    apt_install nginx || echo "nginx could not be installed: the two-instance test is skipped" >&2
  fi
  if start_postgres; then
    run_tests web-postgres tests/Ocop.Web.Tests/Ocop.Web.Tests.csproj OCOP_TEST_DATABASE=postgres OCOP_TEST_POSTGRES="$OCOP_TEST_POSTGRES"
    stop_postgres
  else
    echo "PostgreSQL could not be installed or started" >&2
    crashed=$((crashed + 1))
    status=1
  fi
fi

if [ -d tests/Ocop.E2E ]; then
  chromium="${OCOP_CHROMIUM:-/usr/bin/chromium}"
  if [ ! -x "$chromium" ]; then
    log "Installing chromium with apt"
    apt_install chromium || true
  fi
  run_tests e2e tests/Ocop.E2E/Ocop.E2E.csproj OCOP_CHROMIUM="$chromium"
fi

# Sum the counters of every trx file.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  t="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done
passed=$((passed + style_passed))
failed=$((failed + crashed + style_failed))
[ "$failed" -gt 0 ] && status=1

echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
