#!/usr/bin/env bash
# The round benchmark, one command (issue 3, Speed): on the national data, a round of 40 products × 9 council
# members; wrk has the 9 members save their draft sheets at once (each connection its own sheet) and reports the save latency;
# then the sheets are submitted, the chair closes the round (results, consistency flags, stored in one save) and
# downloads the minutes DOCX, each timed; the app's peak memory is read from /proc. SQLite and PostgreSQL.
# Writes bench/results/round-latest.md. See bench/README.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

duration="${BENCH_DURATION:-20}"
warmup="${BENCH_WARMUP:-3}"
connections=9                         # = RoundSeed.LoadSheets: the council, each member saving their own draft sheet at once
providers="${BENCH_PROVIDERS:-sqlite postgres}"
cache="${BENCH_CACHE:-$root/bench/.data/national-2025}"
results_dir="$root/bench/results"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
priority="${BENCH_NICE:--10}"
password="Bench@2025"

work="$(mktemp -d /tmp/ocop-round.XXXXXX)"
chmod 755 "$work"
# PostgreSQL keeps its default durability (fsync on): the measured load writes.
source "$root/bench/lib.sh"
trap cleanup EXIT

need_tools wrk curl openssl
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${BENCH_NO_BUILD:-}" ] || build_release

# The jar's cookies as a Cookie header (curl writes HttpOnly ones, like the auth cookie, as "#HttpOnly_host" lines).
cookie_header() { awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$work/jar-$1"; }

# One line of the sheets file for wrk: path, cookie header, token, version, answers (checked radios, url-encoded).
sheet_line() {
  local base="$1" user="$2" path="$3" html token version answers
  html="$(curl -fsS -b "$work/jar-$user" "$base$path")"
  token="$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$html" | head -1)"
  version="$(sed -n 's/.*name="Version" value="\([0-9]*\)".*/\1/p' <<<"$html" | head -1)"
  answers="$(grep -o '<input type="radio" name="\(Answers\|Case\)\[[^]]*\]" value="[^"]*"[^>]*checked' <<<"$html" \
    | sed 's/.*name="\([^"]*\)" value="\([^"]*\)".*/\1=\2/' | sed 's/\[/%5B/; s/\]/%5D/' | paste -sd'&')"
  [ -n "$token" ] && [ -n "$version" ] && [ -n "$answers" ] || { echo "no scoresheet form at $path for $user" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\t%s\n' "$path" "$(cookie_header "$user")" "$token" "$version" "$answers"
}

# Seconds (3 decimals) and status of one request with curl: "seconds status".
timed() { curl -sS -o "$work/timed.out" -w '%{time_total} %{http_code}' "$@"; }

rows=()
for provider in $providers; do
  log "$provider: national data (generated or reused), then a new round of 40 products × 9 members"
  use_provider "$provider"
  dotnet "$generator_dll" | sed 's/^/   /' >&2
  dotnet "$generator_dll" round >"$work/round.txt"
  round="$(awk '$1 == "ROUND" { print $2 }' "$work/round.txt")"
  [ -n "$round" ] || { cat "$work/round.txt" >&2; exit 1; }

  log "$provider: round $round"
  start_app "$provider"

  for i in $(seq 1 9); do sign_in "$base" "bench.member$i" "$work/jar-bench.member$i"; done
  : >"$work/sheets.tsv"
  while read -r _ user rp; do
    sheet_line "$base" "$user" "/Rounds/$round/Score/$rp" >>"$work/sheets.tsv"
  done < <(awk '$1 == "SHEET"' "$work/round.txt")

  log "$provider: the 9 members saving their draft sheets at once, ${warmup}s warm-up then ${duration}s"
  nice -n "$priority" wrk -t"$connections" -c"$connections" -d"${warmup}s" --timeout 10s -s bench/wrk/scoresave.lua "$base" -- "$work/sheets.tsv" >/dev/null
  # The warm-up moved the versions on: read them again.
  : >"$work/sheets.tsv"
  while read -r _ user rp; do sheet_line "$base" "$user" "/Rounds/$round/Score/$rp" >>"$work/sheets.tsv"; done < <(awk '$1 == "SHEET"' "$work/round.txt")
  read -r requests secs rps p50 p95 p99 max errors <<<"$(nice -n "$priority" wrk -t"$connections" -c"$connections" -d"${duration}s" --timeout 10s \
    -s bench/wrk/scoresave.lua "$base" -- "$work/sheets.tsv" | awk '/^RESULT/ { $1 = ""; print substr($0, 2) }')"

  log "$provider: submitting the 9 drafts, then the chair closes the round"
  while read -r _ user rp; do
    line="$(sheet_line "$base" "$user" "/Rounds/$round/Score/$rp")"
    path="$(cut -f1 <<<"$line")" token="$(cut -f3 <<<"$line")" version="$(cut -f4 <<<"$line")" answers="$(cut -f5 <<<"$line")"
    status="$(curl -sS -o "$work/submit.out" -w '%{http_code}' -b "$work/jar-$user" "$base$path" \
      --data "$answers&Version=$version&command=submit" --data-urlencode "__RequestVerificationToken=$token")"
    [ "$status" = 302 ] || { echo "submitting $path as $user answered $status" >&2; head -c 3000 "$work/submit.out" >&2; exit 1; }
  done < <(awk '$1 == "SHEET"' "$work/round.txt")

  results_html="$(curl -fsS -b "$work/jar-bench.member1" "$base/Rounds/$round/Results")"
  token="$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$results_html" | head -1)"
  read -r close_s close_status <<<"$(timed -b "$work/jar-bench.member1" "$base/Rounds/$round/Results?handler=Close" --data-urlencode "__RequestVerificationToken=$token")"
  [ "$close_status" = 302 ] || { echo "closing answered $close_status" >&2; head -c 2000 "$work/timed.out" >&2; exit 1; }
  read -r results_s _ <<<"$(timed -b "$work/jar-bench.member1" "$base/Rounds/$round/Results")"
  read -r minutes_s minutes_status <<<"$(timed -b "$work/jar-bench.member1" "$base/Rounds/$round/Minutes")"
  [ "$minutes_status" = 200 ] && [ "$(head -c 2 "$work/timed.out")" = PK ] || { echo "the minutes answered $minutes_status, not a DOCX" >&2; exit 1; }

  peak_mb=$(($(awk '/^VmHWM:/ { print $2 }' "/proc/$app_pid/status") / 1024))
  stop_app
  [ "$provider" = postgres ] && stop_postgres
  close_ms="$(awk -v a="$close_s" -v b="$minutes_s" 'BEGIN { printf "%d", (a + b) * 1000 }')"
  verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "yes" : "no" }'; }
  rows+=("| $provider | $requests | $rps | $p50 | $p95 | $p99 | $max | $errors | $(verdict "$p95" 100) | $(awk -v s="$close_s" 'BEGIN { printf "%d", s * 1000 }') | $(awk -v s="$minutes_s" 'BEGIN { printf "%d", s * 1000 }') | $close_ms | $(verdict "$close_ms" 3000) | $peak_mb MB | $(verdict "$peak_mb" 300) |")
done

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
mkdir -p "$results_dir"
{
  echo "# Round benchmark results"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit, $(nproc) cores; app, PostgreSQL and wrk at niceness $priority;"
  echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "A round of 40 products × 9 members on the national data (16,000 products). Saving: wrk, $connections connections,"
  echo "each saving its own member's draft sheet (a real write every time: the note changes, the version moves on),"
  echo "${duration} s after ${warmup} s of warm-up. Closing: the chair's POST (results, star caps, consistency flags,"
  echo "dossiers, round state in one save) plus the minutes DOCX download. Memory: the app's VmHWM after all of it."
  echo
  echo "| provider | saves | saves/s | p50 ms | p95 ms | p99 ms | max ms | errors | save p95 ≤ 100 ms | close ms | minutes ms | close + minutes ms | ≤ 3 s | peak memory | ≤ 300 MB |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$results_dir/round-latest.md"
echo
cat "$results_dir/round-latest.md"
