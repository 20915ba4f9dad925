#!/usr/bin/env bash
# Dashboard timing on the national-scale benchmark data (see bench/README.md, "Dashboard"): the plan dashboard and the
# targets API, and the periodic report (DOCX and XLSX annexes) for one province's program office and for a leader who
# sees the whole country, uncached, measured with
# sequential curl requests (median and max of BENCH_DASHBOARD_RUNS after 3 unmeasured ones). Writes bench/results/dashboard.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

runs="${BENCH_DASHBOARD_RUNS:-15}"
providers="${BENCH_PROVIDERS:-sqlite postgres}"
cache="${BENCH_CACHE:-$root/bench/.data}"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
password="Bench@2025"
results="$root/bench/results/dashboard.md"

work="$(mktemp -d /tmp/ocop-dashboard.XXXXXX)"
chmod 755 "$work"
app_pid=""
pg_data=""

log() { printf '== %s\n' "$*" >&2; }
stop_app() { if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi; app_pid=""; }
stop_postgres() { if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true; fi; }
cleanup() { stop_app; stop_postgres; rm -rf "$work"; }
trap cleanup EXIT
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local port="$1"; while ! port_is_free "$port"; do port=$((port + 1)); done; echo "$port"; }

start_postgres() {
  pg_data="$work/pg/data"
  mkdir -p "$work/pg"; chown postgres "$work/pg"
  local port; port="$(free_port 55460)"
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$work/pg/initdb.log" 2>&1 || { cat "$work/pg/initdb.log" >&2; exit 1; }
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $work/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null || { cat "$work/pg/server.log" >&2; exit 1; }
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=ocop"
}

use_provider() {
  export ASPNETCORE_ENVIRONMENT=Production Ocop__MigrateOnStart=false Ocop__SeedDemoData=false
  case "$1" in
    sqlite) export Database__Provider=Sqlite Ocop__DataFolder="$cache/sqlite"; unset ConnectionStrings__Postgres ;;
    postgres) export Database__Provider=Postgres Ocop__DataFolder="$work/postgres-data"; ConnectionStrings__Postgres="$(start_postgres)"; export ConnectionStrings__Postgres ;;
  esac
}

sign_in() {
  local base="$1" user="$2" jar="$work/$2.jar" token
  token="$(curl -fsS -c "$jar" -b "$jar" "$base/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -fsS -o /dev/null -c "$jar" -b "$jar" "$base/Account/Login" --data-urlencode "Input.UserName=$user" \
    --data-urlencode "Input.Password=$password" --data-urlencode "__RequestVerificationToken=$token"
  echo "$jar"
}

# Prints "median max" in milliseconds of $runs sequential requests (3 unmeasured first).
time_url() {
  local jar="$1" url="$2" i times=()
  for i in 1 2 3; do curl -fsS -o /dev/null -b "$jar" "$url"; done
  for i in $(seq "$runs"); do
    times+=("$(curl -fsS -o /dev/null -b "$jar" -w '%{time_total}' "$url")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 * 1000 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.0f %.0f\n", m, a[NR] }'
}

log "Building Release"
dotnet build Ocop.slnx -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
web_dll="$root/src/Ocop.Web/bin/Release/net10.0/Ocop.Web.dll"
generator_dll="$root/bench/Ocop.Bench.Generator/bin/Release/net10.0/Ocop.Bench.Generator.dll"

rows=()
for provider in $providers; do
  log "$provider: generating or reusing the database (with 10 years of recognitions)"
  use_provider "$provider"
  dotnet "$generator_dll" | sed 's/^/   /' >&2
  port="$(free_port 5190)"; base="http://127.0.0.1:$port"
  dotnet "$web_dll" --urls "$base" >"$work/app-$provider.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 600); do curl -fsS -o /dev/null --max-time 2 "$base/health" 2>/dev/null && break; sleep 0.1; done

  office="$(sign_in "$base" bench.office)"
  leader="$(sign_in "$base" bench.leader)"
  plan="$(curl -fsS -b "$leader" "$base/api/v1/plans" | grep -o '"id":[0-9]*,"number":"919/Q' | grep -o '[0-9]*' | head -1)"
  [ -n "$plan" ] || { echo "plan 919 not found" >&2; exit 1; }
  certificates="$(curl -fsS -b "$leader" "$base/api/v1/plans/$plan/targets?unit=VN" | grep -o '"code":"MT1"[^}]*"numerator":[0-9]*' | grep -o '[0-9]*$')"
  log "$provider: plan $plan; valid 3★+ products nationally today: $certificates"
  period="from=$(date -u +%Y)-01-01&to=$(date -u +%Y-%m-%d)"
  for scenario in "office /Planning/Dashboard?plan=$plan" "leader /Planning/Dashboard?plan=$plan" \
                  "office /api/v1/plans/$plan/targets" "leader /api/v1/plans/$plan/targets?unit=VN" \
                  "office /Reports?handler=Docx&plan=$plan&$period" "office /Reports?handler=Annexes&plan=$plan&$period" \
                  "leader /Reports?handler=Docx&plan=$plan&unit=0&$period" "leader /Reports?handler=Annexes&plan=$plan&unit=0&$period"; do
    set -- $scenario
    jar="$office"; scope="one province (~100 communes)"
    if [ "$1" = leader ]; then jar="$leader"; scope="whole country"; fi
    read -r median max < <(time_url "$jar" "$base$2")
    log "$provider $scope $2: median $median ms, max $max ms"
    rows+=("| $provider | $scope | \`$2\` | $median | $max |")
  done
  stop_app
  stop_postgres
done

{
  echo "# Dashboard timing ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Sequential curl requests, uncached, $runs measured after 3 unmeasured; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Targets: dashboard for one district ≤ 300 ms, whole country ≤ 2 s; the periodic report with its annexes"
  echo "(\`/Reports?handler=Docx\` plus \`handler=Annexes\`, this year to date) ≤ 5 s."
  echo
  echo "| provider | scope | request | median ms | max ms |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$results"
