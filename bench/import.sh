#!/usr/bin/env bash
# Import timing (issue 14): a 5,000-row products list (500 new subjects, 5,000 new products, over the communes of today
# of Vĩnh Long) imported by the `import` command into the national-scale benchmark database, on SQLite and PostgreSQL:
# the dry run, the commit, and the same file again (every row unchanged). Each time includes the command's start (about
# 2 s). Target: the commit of 5,000 rows under 30 s on each provider. Writes bench/results/import.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

rows="${BENCH_IMPORT_ROWS:-5000}"
providers="${BENCH_PROVIDERS:-sqlite postgres}"
cache="${BENCH_CACHE:-$root/bench/.data/national-2025}"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
password="Bench@2025"
results="$root/bench/results/import.md"

work="$(mktemp -d /tmp/ocop-import.XXXXXX)"
chmod 755 "$work"
pg_options="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
source "$root/bench/lib.sh"
trap cleanup EXIT

build_release

# Prints the seconds one import command takes; stops the script when it fails.
time_import() {
  local started elapsed
  started="$(now_ms)"
  nice -n "$priority" dotnet "$web_dll" import products "$work/products.xlsx" --user bench.admin "$@" >"$work/import.log" 2>&1 \
    || { cat "$work/import.log" >&2; exit 1; }
  elapsed=$(($(now_ms) - started))
  grep -E "^(Chạy thử|Đã ghi)" "$work/import.log" | sed 's/^/   /' >&2
  awk -v ms="$elapsed" 'BEGIN { printf "%.1f\n", ms / 1000 }'
}

results_rows=()
for provider in $providers; do
  log "$provider: generating or reusing the national database"
  use_provider "$provider"
  dotnet "$generator_dll" | sed 's/^/   /' >&2
  # A fresh copy for each run: the commit adds 5,000 products that the next run must not find.
  if [ "$provider" = sqlite ]; then
    mkdir -p "$work/sqlite" && cp "$cache/sqlite/ocop.db"* "$work/sqlite/" && export Ocop__DataFolder="$work/sqlite"
  fi
  printf '%s\n' "$password" | dotnet "$web_dll" create-admin bench.admin >/dev/null 2>&1 || true
  dotnet "$generator_dll" import-file "$work/products.xlsx" "$rows" >&2
  dry="$(time_import --dry-run)"
  commit="$(time_import)"
  again="$(time_import)"
  log "$provider: dry run $dry s, commit $commit s, same file again $again s"
  results_rows+=("| $provider | $rows | $dry | $commit | $again |")
  stop_postgres
done

{
  echo "# Import timing ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "\`import products\` of a $rows-row list (500 new subjects, $rows new products) into the national benchmark database;"
  echo "seconds per command including its start. Target: the commit under 30 s. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| provider | rows | dry run s | commit s | same file again s |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${results_rows[@]}"
} | tee "$results"
