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
cache="${BENCH_CACHE:-$root/bench/.data/national-2025}"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
password="Bench@2025"
results="$root/bench/results/dashboard.md"

work="$(mktemp -d /tmp/ocop-dashboard.XXXXXX)"
chmod 755 "$work"
# Durability settings only speed up the generator's writes; the measured requests only read.
pg_options="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
source "$root/bench/lib.sh"
trap cleanup EXIT

need_tools curl openssl

# Prints "median max" in milliseconds of $runs sequential requests (3 unmeasured first).
time_url() {
  local jar="$1" url="$2" i times=()
  for i in 1 2 3; do curl -fsS -o /dev/null -b "$jar" "$url"; done
  for i in $(seq "$runs"); do
    times+=("$(curl -fsS -o /dev/null -b "$jar" -w '%{time_total}' "$url")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 * 1000 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.0f %.0f\n", m, a[NR] }'
}

build_release

rows=()
for provider in $providers; do
  log "$provider: generating or reusing the database (with 10 years of recognitions)"
  use_provider "$provider"
  dotnet "$generator_dll" | sed 's/^/   /' >&2
  start_app "$provider"

  office="$work/jar-office" leader="$work/jar-leader"
  sign_in "$base" bench.office "$office"
  sign_in "$base" bench.leader "$leader"
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
