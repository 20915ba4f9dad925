# Shared by bench/run.sh, round.sh and dashboard.sh (sourced, not run). The sourcing script sets, before sourcing:
# root (the repository), work (its temporary folder), pg_bin, password (of the generator's sign-ins), and may set
# priority (niceness of the measured processes, default 0) and pg_options (extra PostgreSQL server settings).
# It then calls `trap cleanup EXIT`.

app_pid=""
pg_data=""
priority="${priority:-0}"
pg_options="${pg_options:-}"
web_dll="$root/src/Ocop.Web/bin/Release/net10.0/Ocop.Web.dll"
generator_dll="$root/bench/Ocop.Bench.Generator/bin/Release/net10.0/Ocop.Bench.Generator.dll"

log() { printf '== %s\n' "$*" >&2; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

need_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$0 needs $tool (apt-get install $tool)" >&2; exit 1; }
  done
}

build_release() {
  log "Building Release"
  dotnet build "$root/Ocop.slnx" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
}

stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}

stop_postgres() {
  if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true
  fi
}

cleanup() { stop_app; stop_postgres; rm -rf "$work"; }

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port="$1"
  while ! port_is_free "$port"; do port=$((port + 1)); done
  echo "$port"
}

# Starts a throwaway PostgreSQL 15 in $work/pg on loopback (as the postgres user: it refuses to run as root) and
# prints the connection string of database "ocop" (the generator creates it).
start_postgres() {
  [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL 15 is not installed at $pg_bin (apt-get install postgresql-15)" >&2; exit 1; }
  pg_data="$work/pg/data"
  mkdir -p "$work/pg"
  chown postgres "$work/pg"
  local port
  port="$(free_port 55440)"
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$work/pg/initdb.log" 2>&1 \
    || { cat "$work/pg/initdb.log" >&2; exit 1; }
  nice -n "$priority" runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $work/pg $pg_options" start >/dev/null \
    || { cat "$work/pg/server.log" >&2; exit 1; }
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=ocop"
}

# In Production the app refuses to start without a certificate encrypting its sign-in keys (docs/operations.md): the
# benchmark makes a self-signed one, kept beside the reused database so that keys stored in it stay readable.
bench_certificate() {
  local pfx="$cache/bench-data-protection.pfx"
  if [ ! -f "$pfx" ]; then
    mkdir -p "$cache"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=ocop-bench" \
      -keyout "$work/bench-key.pem" -out "$work/bench-cert.pem" >/dev/null 2>&1
    openssl pkcs12 -export -inkey "$work/bench-key.pem" -in "$work/bench-cert.pem" -out "$pfx" -passout pass:bench
  fi
  export Ocop__DataProtection__CertificatePath="$pfx" Ocop__DataProtection__CertificatePassword=bench
}

# Sets the environment for one provider: the same settings the app and the generator read.
use_provider() {
  export ASPNETCORE_ENVIRONMENT=Production Ocop__MigrateOnStart=false Ocop__SeedDemoData=false
  bench_certificate
  case "$1" in
    sqlite)
      export Database__Provider=Sqlite Ocop__DataFolder="$cache/sqlite"
      unset ConnectionStrings__Postgres
      ;;
    postgres)
      export Database__Provider=Postgres Ocop__DataFolder="$work/postgres-data"
      # The file store must exist: the health check writes into it before the app answers.
      mkdir -p "$Ocop__DataFolder"
      ConnectionStrings__Postgres="$(start_postgres)"
      export ConnectionStrings__Postgres
      ;;
  esac
}

# Starts the Release app on a free port from 5090 and waits for /health. Sets app_pid, base (its URL) and
# first_ms (milliseconds from start to the first answer, which opens the database).
start_app() {
  local provider="$1" started
  base="http://127.0.0.1:$(free_port 5090)"
  log "$provider: starting the app on $base"
  started="$(now_ms)"
  nice -n "$priority" dotnet "$web_dll" --urls "$base" >"$work/app-$provider.log" 2>&1 &
  app_pid=$!
  until curl -fsS -o /dev/null --max-time 2 "$base/health" 2>/dev/null; do
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app-$provider.log" >&2; exit 1; }
    [ $(($(now_ms) - started)) -lt 60000 ] || { echo "no answer within 60 s; the app said:" >&2; tail -40 "$work/app-$provider.log" >&2; curl -sS --max-time 5 "$base/health" >&2; exit 1; }
    sleep 0.05
  done
  first_ms=$(($(now_ms) - started))
}

# Signs in through the login form into a curl cookie jar (auth and antiforgery cookies); stops the script if refused.
sign_in() {
  local base="$1" user="$2" jar="$3" token
  rm -f "$jar"
  token="$(curl -fsS -c "$jar" -b "$jar" "$base/Account/Login" \
    | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)"
  [ -n "$token" ] || { echo "no antiforgery token on the login page" >&2; exit 1; }
  curl -fsS -o /dev/null -c "$jar" -b "$jar" "$base/Account/Login" \
    --data-urlencode "Input.UserName=$user" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token"
  [ -n "$(auth_cookie "$jar")" ] || { echo "sign-in as $user failed" >&2; exit 1; }
}

# The auth cookie's value in a jar (curl writes HttpOnly cookies as "#HttpOnly_host" lines; field 6 is the name).
auth_cookie() { awk '$6 == "ocop.auth" { print $7 }' "$1"; }
