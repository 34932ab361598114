#!/usr/bin/env bash
# `make bench-fairness`: can one tenant slow another? (issue 21, finding 2; figures in docs/PERFORMANCE.md)
#
#   1. build src/Api and bench/LoadGenerator in Release (build/bench-fairness/artifacts);
#   2. start a fresh PostgreSQL in build/bench-fairness-pg (scripts/pg.sh) and the Api (Embedded mode) on free loopback
#      ports, with the product's default limits except Webhooks__MaxPerOrganization (A needs its 200 webhooks) and
#      Webhooks__AllowPrivateAddresses (the receivers listen on loopback);
#   3. `loadgen fairness`: organisation B pushes signed POS sales at a steady rate, with a webhook to a receiver that
#      answers at once, alone (FAIR_REPEATS runs, median p99), then while organisation A floods signed POS pushes and
#      has FAIR_A_WEBHOOKS webhooks to a receiver that never answers (FAIR_REPEATS runs, median p99);
#   4. print the JSON (last on stdout) and write it to build/bench-fairness/result.json.
# Bounded: each phase lasts FAIR_PHASE_SECONDS [20] after FAIR_WARMUP_SECONDS [5]; the whole run takes about
# 2 x FAIR_REPEATS [3] x FAIR_PHASE_SECONDS plus set-up, and stops by itself. Sizes: FAIR_B_SALES_PER_SECOND [20],
# FAIR_B_LINES [3], FAIR_PRODUCTS [20], FAIR_A_CLIENTS [4], FAIR_A_KEYS [2], FAIR_A_WEBHOOKS [200],
# FAIR_A_SALES_PER_PUSH [50], FAIR_A_LINES [4], FAIR_A_MAX_PUSHES [200000]. Product settings (RateLimits__*,
# Webhooks__*, Ledger__*) pass through to the Api. Everything it started is stopped on exit; logs in build/bench-fairness/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/build/bench-fairness
PG_DIR=build/bench-fairness-pg
ARTIFACTS=$OUT/artifacts

log() { printf 'bench-fairness.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

command -v dotnet >/dev/null || die "dotnet not found; install the .NET 10 SDK"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

api_pid=""
gen_pid=""
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  local rc=$?
  if [[ -n "$gen_pid" ]]; then kill "$gen_pid" 2>/dev/null || true; fi
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  ConnectionStrings__Postgres='' scripts/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  ((rc == 0)) || log "failed (exit $rc); logs in build/bench-fairness/"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.log
log "building src/Api and bench/LoadGenerator (Release)"
for project in src/Api bench/LoadGenerator; do
  dotnet build "$project" -c Release -nologo -v q --artifacts-path "$ARTIFACTS" >>"$OUT/build.log" 2>&1 ||
    { tail -n 30 "$OUT/build.log" >&2; die "building $project failed (log: build/bench-fairness/build.log)"; }
done
API_DIR=$ARTIFACTS/bin/Api/release
LOADGEN_DLL=$ARTIFACTS/bin/LoadGenerator/release/InventoryProFlow.Bench.LoadGenerator.dll

log "starting a fresh PostgreSQL in $PG_DIR"
ConnectionStrings__Postgres='' scripts/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || true
rm -rf "$PG_DIR" "$OUT/data"
conn=$(ConnectionStrings__Postgres='' scripts/pg.sh start "$PG_DIR" 2>"$OUT/pg-start.log" | tail -n 1) ||
  { cat "$OUT/pg-start.log" >&2; die "scripts/pg.sh start failed"; }

BASE="http://127.0.0.1:$(free_port)"
"$ROOT/scripts/kek.sh" "$OUT/data/keys/kek"
(
  cd "$API_DIR"
  exec env ConnectionStrings__Postgres="$conn" \
    Secrets__KeyEncryptionKeyFile="$OUT/data/keys/kek" \
    ASPNETCORE_URLS="$BASE" \
    ASPNETCORE_ENVIRONMENT=Production \
    IPF_DATA_DIR="$OUT/data" \
    IPF_ADMIN_EMAIL=admin@bench.example \
    IPF_ADMIN_PASSWORD="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-Zq7" \
    Demo__Seed=false \
    Serilog__MinimumLevel__Default=Warning \
    RateLimits__StarterCallsPerHour="${RateLimits__StarterCallsPerHour:-unlimited}" \
    RateLimits__SignInAttemptsPerMinute="${RateLimits__SignInAttemptsPerMinute:-unlimited}" \
    Webhooks__MaxPerOrganization="${Webhooks__MaxPerOrganization:-250}" \
    Webhooks__AllowPrivateAddresses=true \
    Orleans__SiloPort="$(free_port)" \
    Orleans__GatewayPort="$(free_port)" \
    dotnet "$API_DIR/InventoryProFlow.Api.dll"
) >>"$OUT/api.log" 2>&1 &
api_pid=$!
dotnet "$LOADGEN_DLL" wait-ready --base "$BASE" --timeout-seconds 180 --pid "$api_pid" ||
  { tail -n 30 "$OUT/api.log" >&2; die "the Api did not become ready (log: build/bench-fairness/api.log)"; }

log "load: machine load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
IPF_API_LOG="$OUT/api.log" dotnet "$LOADGEN_DLL" fairness --base "$BASE" --out "$OUT/result.json" 2> >(tee "$OUT/loadgen.log" >&2) >"$OUT/stdout.json" &
gen_pid=$!
wait "$gen_pid"
gen_pid=""
log "machine load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$OUT/result.json"
