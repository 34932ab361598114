#!/usr/bin/env bash
# The web app's end-to-end tests: a throw-away PostgreSQL and an Api (Release build, demo data)
# on free loopback ports, serving the web build in build/web, driven by playwright-core on the
# system Chromium (installed from Debian when missing; never downloaded by Playwright).
#
#   scripts/e2e.sh [--build] [e2e/file.test.mjs ...]
#
# --build first builds the Api (Release) and the web app; without it both must be built already
# (test.sh has). Results (TAP, screenshots, the Api's log) go to $E2E_RESULTS (default
# build/test-results/web). Exits non-zero when the tests could not start; the TAP file says
# how many passed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT=$PWD

readonly PG_DIR=build/e2e-pg
readonly WEB_OUT=$PWD/build/web
RESULTS=${E2E_RESULTS:-$PWD/build/test-results/web}
mkdir -p "$RESULTS"

log() { printf 'e2e.sh: %s\n' "$*" >&2; }

api_pid=""
own_pg=0
stop() {
  if [[ -n "$api_pid" ]]; then
    kill -TERM "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
    api_pid=""
  fi
  if [[ $own_pg -eq 1 ]]; then
    own_pg=0
    ConnectionStrings__Postgres='' "$ROOT/scripts/pg.sh" stop "$ROOT/$PG_DIR" >&2 || true
  fi
}
trap stop EXIT

if [[ "${1:-}" == "--build" ]]; then
  shift
  dotnet build src/Api -c Release -v q -nologo >&2
  WEB_OUT_DIR=$WEB_OUT scripts/web.sh build
fi
[[ -f src/Api/bin/Release/net10.0/InventoryProFlow.Api.dll ]] || { log "build the Api first (or pass --build)"; exit 1; }
[[ -f $WEB_OUT/index.html ]] || { log "build the web app into build/web first (or pass --build)"; exit 1; }

if ! command -v chromium >/dev/null; then
  log "installing chromium (Debian package)"
  (apt-get update && apt-get install -y chromium) >&2 || { log "could not install chromium"; exit 1; }
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

ConnectionStrings__Postgres='' scripts/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || true
rm -rf "$PG_DIR" build/e2e-data
own_pg=1
conn=$(ConnectionStrings__Postgres='' scripts/pg.sh start "$PG_DIR" | tail -n 1)
port=$(free_port)
readonly password=E2e-Admin-Pass-1
scripts/kek.sh build/e2e-data/keys/kek
# Each test signs up its own organisation, so tests run side by side: the sign-up limit is lifted.
ConnectionStrings__Postgres=$conn \
  ASPNETCORE_URLS=http://127.0.0.1:$port \
  ASPNETCORE_ENVIRONMENT=Production \
  IPF_DATA_DIR=$PWD/build/e2e-data \
  Secrets__KeyEncryptionKeyFile=$PWD/build/e2e-data/keys/kek \
  IPF_ADMIN_EMAIL=admin@threerivers.example \
  IPF_ADMIN_PASSWORD=$password \
  IPF_DEMO_PASSWORD=E2e-Demo-Pass-1 \
  Demo__Seed=true \
  Web__Root=$WEB_OUT \
  Identity__PasswordHashIterations=10000 \
  RateLimits__SignInAttemptsPerMinute=unlimited \
  RateLimits__StarterCallsPerHour=unlimited \
  Serilog__MinimumLevel__Default=Warning \
  Orleans__SiloPort=$(free_port) \
  Orleans__GatewayPort=$(free_port) \
  dotnet src/Api/bin/Release/net10.0/InventoryProFlow.Api.dll >"$RESULTS/api.log" 2>&1 &
api_pid=$!
deadline=$((SECONDS + 180))
until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
  if ! kill -0 "$api_pid" 2>/dev/null || [[ $SECONDS -ge $deadline ]]; then
    log "the Api did not become ready; see $RESULTS/api.log"
    exit 1
  fi
  sleep 0.5
done

files=("$@")
[[ ${#files[@]} -gt 0 ]] || files=(e2e/)
files=("${files[@]#src/Web/}")
cd src/Web
# Two files at a time: each drives a browser, and the machine has two cores.
# With no SMTP server the Api writes verification and invitation links into its log; the tests read them there.
IPF_E2E_URL=http://127.0.0.1:$port IPF_E2E_EMAIL=admin@threerivers.example IPF_E2E_PASSWORD=$password IPF_E2E_SHOTS=$RESULTS \
  IPF_E2E_API_LOG=$RESULTS/api.log \
  node --test --test-concurrency=2 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$RESULTS/e2e.tap" "${files[@]}" || true
