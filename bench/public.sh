#!/usr/bin/env bash
# The public face under a crowd (issue 16, see bench/README.md, "Public face"): on the national-scale data of the
# generator (with its ten years of recognitions), wrk at 64 connections loads, one after the other in the same run,
# an empty page of the same stack (/robots.txt: a few bytes through the same Kestrel, middleware and headers), the
# public catalog with a search typed without diacritics, and public product pages; no sign-in. Writes
# bench/results/public.md. Targets: the catalog with a search and the product page each >= 7,000 requests/s with
# p95 <= 50 ms, and at least a quarter of the empty page's rate.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

duration="${BENCH_DURATION:-20}"       # seconds of measured load per scenario
warmup="${BENCH_WARMUP:-3}"            # seconds of unmeasured load first (JIT, the catalog snapshot, the output cache)
connections="${BENCH_CONNECTIONS:-64}"
threads="${BENCH_THREADS:-2}"
providers="${BENCH_PROVIDERS:-sqlite}"
products="${BENCH_PRODUCT_PAGES:-200}"  # how many product pages the product scenario cycles through
cache="${BENCH_CACHE:-$root/bench/.data/national-2025}"
results="${BENCH_RESULTS:-$root/bench/results/public.md}"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
priority="${BENCH_NICE:--10}"
password="Bench@2025"

# Searches typed without diacritics, some with a filter, as visitors type them into the catalog.
searches=(
  "/san-pham?q=banh+tet"
  "/san-pham?q=mat+ong"
  "/san-pham?q=gao+huu+co&stars=4"
  "/san-pham?q=nuoc+mam"
  "/san-pham?q=tra"
  "/en/products?q=keo+dua"
)

work="$(mktemp -d /tmp/ocop-public.XXXXXX)"
chmod 755 "$work"
pg_options="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
source "$root/bench/lib.sh"
trap cleanup EXIT

need_tools wrk curl openssl
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
build_release

# Runs wrk on paths cycled in turn; prints "requests duration rps p50 p95 p99 max errors".
load() {
  local seconds="$1"
  shift
  nice -n "$priority" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s \
    -s "$root/bench/wrk/search.lua" "$base" -- "$@" | awk '/^RESULT/ { $1 = ""; print substr($0, 2) }'
}

rows=()
for provider in $providers; do
  log "$provider: generating or reusing the database (with 10 years of recognitions)"
  use_provider "$provider"
  dotnet "$generator_dll" | sed 's/^/   /' >&2
  start_app "$provider"

  # The first public request loads the catalog snapshot; its time is reported.
  started="$(now_ms)"
  curl -fsS -o "$work/sitemap.xml" "$base/sitemap.xml"
  snapshot_ms=$(($(now_ms) - started))
  # Product pages at their clean addresses (a bare /san-pham/{id} answers 301), spread over the catalog.
  mapfile -t all_products < <(grep -o '<loc>[^<]*/san-pham/[0-9][^<]*</loc>' "$work/sitemap.xml" | sed 's#<loc>[a-z]*://[^/]*##; s#</loc>##')
  public_count="${#all_products[@]}"
  [ "$public_count" -gt 0 ] || { echo "the sitemap lists no public product" >&2; exit 1; }
  step=$(( public_count / products > 0 ? public_count / products : 1 ))
  product_paths=()
  for ((i = 0; i < public_count && ${#product_paths[@]} < products; i += step)); do product_paths+=("${all_products[$i]}"); done
  log "$provider: $public_count public products, catalog snapshot loaded in $snapshot_ms ms"

  # Every path must answer 200 with what it should before it is worth loading.
  curl -fsS -o "$work/catalog.html" "$base${searches[0]}"
  grep -q 'href="/san-pham/[0-9]' "$work/catalog.html" || { echo "the catalog search found nothing" >&2; exit 1; }
  curl -fsS -o "$work/product.html" "$base${product_paths[0]}"
  grep -q 'itemtype="https://schema.org/Product"' "$work/product.html" || { echo "the product page did not answer" >&2; exit 1; }

  declare -A empty_rps=()
  for scenario in empty catalog product; do
    case "$scenario" in
      empty) paths=("/robots.txt") ;;
      catalog) paths=("${searches[@]}") ;;
      product) paths=("${product_paths[@]}") ;;
    esac
    log "$provider: $scenario: ${warmup}s warm-up then ${duration}s at $connections connections"
    load "$warmup" "${paths[@]}" >/dev/null
    read -r requests secs rps p50 p95 p99 max errors <<<"$(load "$duration" "${paths[@]}")"
    if [ "$scenario" = empty ]; then
      empty_rps[$provider]="$rps"
      share="100 %"
      verdict="(baseline)"
    else
      share="$(awk -v r="$rps" -v e="${empty_rps[$provider]}" 'BEGIN { printf "%.0f %%", 100 * r / e }')"
      verdict="yes"
      awk -v r="$rps" -v p="$p95" -v e="${empty_rps[$provider]}" 'BEGIN { exit !(r < 7000 || p > 50 || r < e / 4) }' && verdict="no"
      [ "$errors" -eq 0 ] || verdict="no ($errors errors)"
    fi
    [ "$requests" -gt 0 ] || verdict="no (no answer)"
    log "$provider $scenario: $rps requests/s, p95 $p95 ms, $errors errors"
    rows+=("| $provider | $scenario | ${#paths[@]} | $requests | $rps | $share | $p50 | $p95 | $p99 | $max | $verdict |")
  done
  stop_app
  [ "$provider" = postgres ] && stop_postgres
done

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo ' (with uncommitted changes)' || true)"
mkdir -p "$(dirname "$results")"
{
  echo "# Public face under a crowd ($(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit$dirty)"
  echo
  echo "wrk: $threads threads, $connections connections, ${duration} s per scenario after ${warmup} s of warm-up, no sign-in;"
  echo "$public_count public products; catalog snapshot loaded in $snapshot_ms ms on the first request;"
  echo "app and wrk at niceness $priority; load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Targets: catalog with a search and product page each ≥ 7,000 requests/s, p95 ≤ 50 ms, ≥ 25 % of the empty page."
  echo
  echo "| provider | scenario | paths | requests | requests/s | of empty | p50 ms | p95 ms | p99 ms | max ms | meets target |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$results"
