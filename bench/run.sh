#!/usr/bin/env bash
# The national-scale load benchmark, one command: builds Release, fills (or reuses) a SQLite database and a
# throwaway PostgreSQL 15 database with the generator, starts the app on each, times its first response,
# loads the product list page and the product search API with wrk, samples the app's memory, and writes
# a table to bench/results/latest.md. See bench/README.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

duration="${BENCH_DURATION:-20}"       # seconds of measured load per scenario
warmup="${BENCH_WARMUP:-3}"            # seconds of unmeasured load first (JIT, caches, pools)
connections=16
threads=2
providers="${BENCH_PROVIDERS:-sqlite postgres}"
cache="${BENCH_CACHE:-$root/bench/.data/national-2025}"  # the SQLite database is kept here and reused
results_dir="$root/bench/results"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
# The measured processes (app, PostgreSQL, wrk) run at this niceness so that other work on a shared machine
# (builds, test runs) disturbs the figures less; 0 measures them as equals of everything else.
priority="${BENCH_NICE:--10}"
# The generator's sign-ins: a provincial program office (about 100 communes), the leader who reads every
# unit, and a central program office assigned all 34 provinces (3,400 communes in its scope).
users="${BENCH_USERS:-bench.office bench.leader bench.central}"
# Scenarios to leave out, as user/scenario pairs (e.g. "bench.central/page").
skip="${BENCH_SKIP:-}"
password="Bench@2025"

# Text typed without diacritics, each with a filter: the list page and the API get the same searches.
searches=(
  "q=banh+tet&status=Registered"
  "q=mat+ong&status=Ranked"
  "q=gao+huu+co&status=Registered"
  "q=nuoc+mam&status=Potential"
  "q=tra+hoa&status=Ranked"
  "q=nguyen&status=Registered"
)

work="$(mktemp -d /tmp/ocop-bench.XXXXXX)"
chmod 755 "$work"
# Durability settings only speed up the generator's writes; the measured load only reads.
pg_options="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
source "$root/bench/lib.sh"
trap cleanup EXIT

need_tools wrk curl openssl
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
build_release

# Runs wrk on one scenario; prints "requests duration rps p50 p95 p99 max errors".
load() {
  local base="$1" cookie="$2" seconds="$3"
  shift 3
  local line
  line="$(nice -n "$priority" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -H "Cookie: ocop.auth=$cookie" \
    -s "$root/bench/wrk/search.lua" "$base" -- "$@" | awk '/^RESULT/ { $1 = ""; print substr($0, 2) }')"
  echo "$line"
}

rows=()
summary=()
for provider in $providers; do
  log "$provider: generating or reusing the database"
  use_provider "$provider"
  gen_start="$(now_ms)"
  dotnet "$generator_dll" | sed 's/^/   /' >&2
  gen_seconds="$(awk -v ms=$(($(now_ms) - gen_start)) 'BEGIN { printf "%.1f", ms / 1000 }')"

  start_app "$provider"

  page_paths=() api_paths=()
  for s in "${searches[@]}"; do
    page_paths+=("/Products?$s")
    api_paths+=("/api/v1/products?$s")
  done
  for user in $users; do
    sign_in "$base" "$user" "$work/jar-$user"
    cookie="$(auth_cookie "$work/jar-$user")"
    # Both must answer 200 with rows before they are worth loading.
    curl -fsS -o "$work/page.html" -H "Cookie: ocop.auth=$cookie" "$base${page_paths[0]}"
    grep -q 'href="/Products/Details/' "$work/page.html" || { echo "the product list did not answer with rows" >&2; exit 1; }
    curl -fsS -o "$work/api.json" -H "Cookie: ocop.auth=$cookie" "$base${api_paths[0]}"
    grep -q '"total":' "$work/api.json" || { echo "the product API did not answer" >&2; exit 1; }

    for scenario in page api; do
      case " $skip " in *" $user/$scenario "*) continue ;; esac
      if [ "$scenario" = page ]; then paths=("${page_paths[@]}"); else paths=("${api_paths[@]}"); fi
      log "$provider: $user, $scenario: ${warmup}s warm-up then ${duration}s at $connections connections"
      load "$base" "$cookie" "$warmup" "${paths[@]}" >/dev/null
      read -r requests secs rps p50 p95 p99 max errors <<<"$(load "$base" "$cookie" "$duration" "${paths[@]}")"
      verdict="yes"
      awk -v p="$p95" 'BEGIN { exit !(p > 100) }' && verdict="no"
      [ "$errors" -eq 0 ] || verdict="no ($errors errors)"
      [ "$requests" -gt 0 ] || verdict="no (no answer)"
      rows+=("| $provider | $user | $scenario | $requests | $rps | $p50 | $p95 | $p99 | $max | $verdict |")
    done
  done

  # VmHWM: the largest resident set the process has had since it started, load included.
  peak_kb="$(awk '/^VmHWM:/ { print $2 }' "/proc/$app_pid/status")"
  peak_mb=$((peak_kb / 1024))
  stop_app
  [ "$provider" = postgres ] && stop_postgres
  summary+=("| $provider | $first_ms ms | $([ "$first_ms" -le 5000 ] && echo yes || echo no) | $peak_mb MB | $([ "$peak_mb" -le 300 ] && echo yes || echo no) | $gen_seconds s |")
done

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo ' (with uncommitted changes)' || true)"
mkdir -p "$results_dir"
{
  echo "# Benchmark results"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit$dirty, $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB."
  echo "wrk: $threads threads, $connections connections, ${duration} s per scenario after ${warmup} s of warm-up;"
  echo "app, PostgreSQL and wrk at niceness $priority;"
  echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates latency)."
  echo "Sign-ins: \`bench.office\` (provincial program office, ~100 communes), \`bench.leader\` (reads all 16,000"
  echo "products), \`bench.central\` (program office assigned all 34 provinces). Searches cycled, page and API alike:"
  echo
  for s in "${searches[@]}"; do echo "- \`$s\`"; done
  echo
  echo "Latency in ms. Target: p95 ≤ 100 ms."
  echo
  echo "| provider | user | scenario | requests | req/s | p50 | p95 | p99 | max | p95 ≤ 100 ms |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Targets: first response ≤ 5 s after start, peak resident memory (VmHWM) ≤ 300 MB."
  echo
  echo "| provider | first response | ≤ 5 s | peak memory | ≤ 300 MB | generator |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${summary[@]}"
} >"$results_dir/latest.md"

echo
cat "$results_dir/latest.md"
