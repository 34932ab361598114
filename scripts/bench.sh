#!/usr/bin/env bash
# `make bench`: the product under POS load on this machine, against a fresh local PostgreSQL, and the
# same sale lines written directly to PostgreSQL with pgbench for comparison.
#
#   1. build src/Api (and with it src/Silo) and bench/LoadGenerator in Release (outputs under build/bench/artifacts);
#   2. start a fresh PostgreSQL in build/bench-pg (scripts/pg.sh) and the Api (Embedded mode) on free
#      loopback ports, logging at Warning;
#   3. register an organisation over HTTP, then bulk-load its locations, products and opening stock
#      (matched by opening 'count' ledger rows) with bench/seed.sql, and restart the Api;
#   4. bench/LoadGenerator: BENCH_CLIENTS POS clients POST /api/v1/transactions/sales (warm-up, a uniform
#      phase, then the hot-spot phase that gives the headline figures) while one more client lists
#      inventory; then GET /api/v1/admin/ledger/verify;
#   5. stop the Api, CHECKPOINT and VACUUM ANALYZE, and run bench/pgbench-sale-line.sql with pgbench (uniform, then
#      hot-spot);
#   6. the cluster run (scripts/bench-cluster.sh): the same organisation and hot-spot load against a cluster of
#      1, 2 and 3 silos behind one Api node (scripts/cluster.sh), each on a fresh database;
#   7. print the JSON (last on stdout) and write it to build/bench/result.json.
# Everything it started (Api, clusters, PostgreSQL) is stopped on exit. Logs: build/bench/*.log, build/bench/cluster/.
#
# Parameters (environment, defaults in brackets): BENCH_LOCATIONS [50], BENCH_PRODUCTS [2000],
# BENCH_SECONDS [60] (hot-spot phase), BENCH_CLIENTS [64], BENCH_UNIFORM_SECONDS [30] (0 skips it),
# BENCH_WARMUP_SECONDS [10], BENCH_RECIPE_SECONDS [30] (the bar's mix after the hot spot: signed POS pushes of
# cocktails and shots that the menu depletes by volume; 0 skips it), BENCH_HOT_LOCATIONS [10], BENCH_HOT_PRODUCTS [50], BENCH_HOT_PERCENT [80],
# BENCH_PG_SECONDS [20] (each pgbench run), BENCH_PG_CLIENTS [16], BENCH_LIST_INTERVAL_MS [20],
# BENCH_MAX_SALES_PER_SEC [4000] (caps the pre-generated requests), BENCH_SEED.
# The cluster run: BENCH_CLUSTER [1] (0 skips it), BENCH_ONLY [all] (cluster: only the cluster run, steps 1, 6, 7),
# BENCH_CLUSTER_SECONDS [30] (its hot-spot phase, after BENCH_WARMUP_SECONDS), BENCH_CLUSTER_SILOS ["1 2 3"].
# Diagnostics: BENCH_PG_STATS=1 loads pg_stat_statements and writes the hot-spot phase's top statements to
# build/bench/pg-statements.txt; BENCH_NPGSQL_OPTIONS (e.g. "Max Auto Prepare=32") is appended to the Api's
# connection string. Product settings such as Ledger__Writers and Ledger__MaxBatch pass through to the Api.
# The benchmark organisation is on the starter tier, whose 1,000 calls an hour the load spends in a second, so
# RateLimits__StarterCallsPerHour defaults to unlimited here; every sale still passes the organisation's gate grain.
# So do the POS line allowances (RateLimits__PosLinesPerMinutePerKey and ...PerOrganization, 12,000 and 30,000 lines a
# minute), which the POS phases pass in seconds: they measure the product's throughput, not its limits.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/build/bench
PG_DIR=build/bench-pg
DATA_DIR=$ROOT/build/bench-data
ARTIFACTS=$OUT/artifacts

log() { printf 'bench.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------- parameters

param() {
  local name=$1 default=$2 min=$3 max=$4 value
  value=${!name:-$default}
  if ! [[ "$value" =~ ^[0-9]+$ ]] || ((value < min || value > max)); then
    die "$name must be an integer from $min to $max, not '$value'"
  fi
  export "$name=$value"
}
param BENCH_LOCATIONS 50 1 10000
param BENCH_PRODUCTS 2000 1 1000000
param BENCH_SECONDS 60 1 3600
param BENCH_CLIENTS 64 1 4096
param BENCH_UNIFORM_SECONDS 30 0 3600
param BENCH_RECIPE_SECONDS 30 0 3600
param BENCH_WARMUP_SECONDS 10 0 600
param BENCH_HOT_LOCATIONS 10 1 10000
param BENCH_HOT_PRODUCTS 50 1 1000000
param BENCH_HOT_PERCENT 80 0 100
param BENCH_PG_SECONDS 20 1 3600
param BENCH_PG_CLIENTS 16 1 200
param BENCH_PG_STATS 0 0 1
param BENCH_CLUSTER 1 0 1
param BENCH_CLUSTER_SECONDS 30 1 3600
BENCH_CLUSTER_SILOS=${BENCH_CLUSTER_SILOS:-1 2 3}
[[ "$BENCH_CLUSTER_SILOS" =~ ^[1-3]( [1-3])*$ ]] || die "BENCH_CLUSTER_SILOS must be silo counts from 1 to 3 separated by spaces, not '$BENCH_CLUSTER_SILOS'"
BENCH_ONLY=${BENCH_ONLY:-all}
[[ "$BENCH_ONLY" == all || "$BENCH_ONLY" == cluster ]] || die "BENCH_ONLY must be 'all' or 'cluster', not '$BENCH_ONLY'"
[[ "$BENCH_ONLY" == all || "$BENCH_CLUSTER" == 1 ]] || die "BENCH_ONLY=cluster and BENCH_CLUSTER=0 leave nothing to run"
((BENCH_HOT_LOCATIONS < BENCH_LOCATIONS)) || die "BENCH_HOT_LOCATIONS must be below BENCH_LOCATIONS"
((BENCH_HOT_PRODUCTS < BENCH_PRODUCTS)) || die "BENCH_HOT_PRODUCTS must be below BENCH_PRODUCTS"
((BENCH_LOCATIONS * BENCH_PRODUCTS <= 5000000)) || die "BENCH_LOCATIONS x BENCH_PRODUCTS is limited to 5,000,000 inventory rows"

command -v dotnet >/dev/null || die "dotnet not found; install the .NET 10 SDK"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# ---------------------------------------------------------------- tools

pg_bin() {
  local ctl d
  ctl=$(command -v pg_ctl || true)
  if [[ -n "$ctl" && -x "$(dirname "$ctl")/pgbench" ]]; then
    dirname "$ctl"
    return
  fi
  d=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$d" ]] && echo "$d"
}

port_busy() {
  local p=$1
  if command -v ss >/dev/null; then
    [[ -n $(ss -Hltn "sport = :$p" 2>/dev/null) ]] && return 0
  fi
  # shellcheck disable=SC2016 # $1 expands in the child shell
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$p" 2>/dev/null
}

TAKEN_PORTS=" "
free_port() {
  local p i
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + RANDOM % 20001))
    [[ "$TAKEN_PORTS" == *" $p "* ]] && continue
    if ! port_busy "$p"; then
      TAKEN_PORTS+="$p "
      echo "$p"
      return 0
    fi
  done
  die "no free TCP port found in 20000-40000"
}

PG_BIN=$(pg_bin) || true
[[ -n "$PG_BIN" && -x "$PG_BIN/psql" && -x "$PG_BIN/pgbench" ]] || die "psql and pgbench not found (PostgreSQL server binaries)"

# psql on the database of a scripts/pg.sh folder (its Unix socket, trust authentication).
psql_in() {
  local dir=$1
  shift
  "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$(<"$dir/port")" -U ipf -d inventory_pro_flow "$@"
}

# ---------------------------------------------------------------- clean-up

api_pid=""
top_pid=""
gen_pid=""
stop_api() {
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM "$api_pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 120; i++)); do
      kill -0 "$api_pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$api_pid" 2>/dev/null; then
      log "the Api did not stop within 60 s; killing it"
      kill -KILL "$api_pid" 2>/dev/null || true
    fi
    wait "$api_pid" 2>/dev/null || true
  fi
  api_pid=""
}

# The allowances the load spends in seconds (see the header), lifted for the single process and every cluster process
# alike; the caller's own values win.
BENCH_LIMITS=(
  RateLimits__StarterCallsPerHour="${RateLimits__StarterCallsPerHour:-unlimited}"
  RateLimits__PosLinesPerMinutePerKey="${RateLimits__PosLinesPerMinutePerKey:-unlimited}"
  RateLimits__PosLinesPerMinutePerOrganization="${RateLimits__PosLinesPerMinutePerOrganization:-unlimited}"
)

# shellcheck source=scripts/bench-cluster.sh
source scripts/bench-cluster.sh

# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  local rc=$?
  if [[ -n "$top_pid" ]]; then kill "$top_pid" 2>/dev/null || true; fi
  if [[ -n "$gen_pid" ]]; then kill "$gen_pid" 2>/dev/null || true; fi
  stop_api
  stop_bench_cluster
  # Blank the variable, or pg.sh would treat the database as external and leave it running.
  ConnectionStrings__Postgres='' scripts/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  ((rc == 0)) || log "failed (exit $rc); logs in build/bench/"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# ---------------------------------------------------------------- build

started=$SECONDS
mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.log "$OUT"/*.csv "$OUT"/*.txt "$OUT"/*.started
rm -rf "$OUT/cluster"
build() {
  dotnet build "$1" -c Release -nologo -v q --artifacts-path "$ARTIFACTS" >>"$OUT/build.log" 2>&1 ||
    { tail -n 30 "$OUT/build.log" >&2; die "building $1 failed (log: build/bench/build.log)"; }
}
# src/Api references src/Silo (to co-host it), so this one build also gives the cluster run its silo.
log "building src/Api and bench/LoadGenerator (Release) into build/bench/artifacts"
build src/Api
build bench/LoadGenerator
API_DIR=$ARTIFACTS/bin/Api/release
API_DLL=$API_DIR/InventoryProFlow.Api.dll
LOADGEN_DLL=$ARTIFACTS/bin/LoadGenerator/release/InventoryProFlow.Bench.LoadGenerator.dll
[[ -f "$API_DLL" && -f "$LOADGEN_DLL" && -f "$ARTIFACTS/bin/Silo/release/InventoryProFlow.Silo.dll" ]] ||
  die "build outputs not found under $ARTIFACTS/bin"
loadgen() { dotnet "$LOADGEN_DLL" "$@"; }

# ---------------------------------------------------------------- data

# Signs up the benchmark organisation through the Api at $1, bulk-loads its locations, products and opening stock
# (bench/seed.sql) into the database of the scripts/pg.sh folder $2, and exports the ids the load generator needs
# into folder $3 (organization.json, locations.csv, products.csv).
seed_organisation() {
  local base=$1 pg=$2 dir=$3 logs=${4:-$OUT/api.log} org admin load_started=$SECONDS
  # The Api has no SMTP server: the sign-up's verification link is in its log ($logs: a file or a folder of logs).
  loadgen setup --base "$base" --out "$dir/organization.json" --api-log "$logs"
  org=$(sed -n 's/.*"organizationId": *"\([^"]*\)".*/\1/p' "$dir/organization.json")
  admin=$(sed -n 's/.*"userId": *"\([^"]*\)".*/\1/p' "$dir/organization.json")
  [[ -n "$org" && -n "$admin" ]] || die "could not read the organisation from $dir/organization.json"

  log "bulk-loading $BENCH_LOCATIONS locations x $BENCH_PRODUCTS products with opening stock and ledger rows"
  psql_in "$pg" -v org="$org" -v admin="$admin" -v locations="$BENCH_LOCATIONS" -v products="$BENCH_PRODUCTS" \
    -v hot_locations="$BENCH_HOT_LOCATIONS" -v hot_products="$BENCH_HOT_PRODUCTS" \
    -f bench/seed.sql <src/Grains/Catalogue/DemoData/products.csv >"$dir/seed.log" 2>&1 ||
    { tail -n 20 "$dir/seed.log" >&2; die "bench/seed.sql failed (log: $dir/seed.log)"; }
  psql_in "$pg" -c "COPY (SELECT idx, id FROM bench.locations ORDER BY idx) TO STDOUT WITH (FORMAT csv)" >"$dir/locations.csv"
  psql_in "$pg" -c "COPY (SELECT b.idx, b.id, b.sale_price, p.sku FROM bench.products b JOIN app.products p ON p.id = b.id ORDER BY b.idx) TO STDOUT WITH (FORMAT csv)" >"$dir/products.csv"
  log "bulk load done in $((SECONDS - load_started)) s"
}

# ---------------------------------------------------------------- the load

# bench/LoadGenerator's run against the Api at $1 with the organisation of folder $2 (its result: $2/http.json);
# further arguments are settings for it (NAME=value). In the background and waited for, so that a signal stops the
# run at once instead of after the phase.
run_load() {
  local base=$1 dir=$2
  shift 2
  env "$@" dotnet "$LOADGEN_DLL" run --base "$base" --org "$dir/organization.json" --locations "$dir/locations.csv" \
    --products "$dir/products.csv" --out "$dir/http.json" 2> >(tee "$dir/loadgen.log" >&2) &
  gen_pid=$!
  wait "$gen_pid"
  gen_pid=""
}

# ---------------------------------------------------------------- the single-process run (steps 2 to 5)

psql_bench() { psql_in "$ROOT/$PG_DIR" "$@"; }

start_postgres() {
  log "starting a fresh PostgreSQL in $PG_DIR"
  ConnectionStrings__Postgres='' scripts/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR" "$DATA_DIR"
  conn=$(ConnectionStrings__Postgres='' scripts/pg.sh start "$PG_DIR" 2>"$OUT/pg-start.log" | tail -n 1) ||
    { cat "$OUT/pg-start.log" >&2; die "scripts/pg.sh start failed"; }
  [[ -n "$conn" ]] || die "scripts/pg.sh printed no connection string"
  PG_SOCK=$ROOT/$PG_DIR/sock
  if ((BENCH_PG_STATS)); then
    log "loading pg_stat_statements (restarts PostgreSQL)"
    psql_bench -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
    ConnectionStrings__Postgres='' scripts/pg.sh stop "$PG_DIR" >>"$OUT/pg-start.log" 2>&1
    conn=$(ConnectionStrings__Postgres='' scripts/pg.sh start "$PG_DIR" 2>>"$OUT/pg-start.log" | tail -n 1)
    psql_bench -c "CREATE EXTENSION pg_stat_statements" -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  PG_PORT=$(<"$PG_DIR/port")
  PG_PID=$(head -n 1 "$PG_DIR/data/postmaster.pid")
  PG_VERSION=$(psql_bench -c "SHOW server_version")
  if [[ -n "${BENCH_NPGSQL_OPTIONS:-}" ]]; then
    conn="$conn;$BENCH_NPGSQL_OPTIONS"
    log "Api connection string options added: $BENCH_NPGSQL_OPTIONS"
  fi
}

start_api() {
  scripts/kek.sh "$DATA_DIR/keys/kek"
  # The content root is the working directory, so start it beside its appsettings.json.
  (
    cd "$API_DIR"
    exec env ConnectionStrings__Postgres="$conn" \
      ASPNETCORE_URLS="$BASE" \
      ASPNETCORE_ENVIRONMENT=Production \
      IPF_DATA_DIR="$DATA_DIR" \
      Secrets__KeyEncryptionKeyFile="$DATA_DIR/keys/kek" \
      IPF_ADMIN_EMAIL=admin@bench.example \
      IPF_ADMIN_PASSWORD="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-Zq7" \
      Demo__Seed=false \
      Serilog__MinimumLevel__Default=Warning \
      "${BENCH_LIMITS[@]}" \
      Orleans__SiloPort="$SILO_PORT" \
      Orleans__GatewayPort="$GATEWAY_PORT" \
      dotnet "$API_DLL"
  ) >>"$OUT/api.log" 2>&1 &
  api_pid=$!
  loadgen wait-ready --base "$BASE" --timeout-seconds 180 --pid "$api_pid" ||
    { tail -n 30 "$OUT/api.log" >&2; die "the Api did not become ready (log: build/bench/api.log)"; }
}

pg_statements() {
  "$PG_BIN/psql" -X -h "$PG_SOCK" -p "$PG_PORT" -U ipf -d inventory_pro_flow -c "
    SELECT calls, round(total_exec_time)::bigint AS exec_ms, round(total_plan_time)::bigint AS plan_ms,
           round((total_exec_time + total_plan_time)::numeric / nullif(calls, 0), 3) AS ms_per_call, rows,
           left(regexp_replace(query, '\s+', ' ', 'g'), 160) AS query
    FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 25" >"$1"
}

pgbench_run() {
  local hot=$1 out=$2
  "$PG_BIN/pgbench" -n -r -M prepared -h "$PG_SOCK" -p "$PG_PORT" -U ipf \
    -c "$BENCH_PG_CLIENTS" -j "$(nproc)" -T "$BENCH_PG_SECONDS" \
    -D hot="$hot" -D locations="$BENCH_LOCATIONS" -D products="$BENCH_PRODUCTS" \
    -D hot_locations="$BENCH_HOT_LOCATIONS" -D hot_products="$BENCH_HOT_PRODUCTS" -D hot_percent="$BENCH_HOT_PERCENT" \
    -f bench/pgbench-sale-line.sql inventory_pro_flow >"$out" 2>&1 ||
    { tail -n 20 "$out" >&2; die "pgbench failed (log: $out)"; }
  grep -E '^tps' "$out" | sed 's/^/bench.sh: pgbench: /' >&2
}

single_process_bench() {
  start_postgres

  API_PORT=$(free_port)
  SILO_PORT=$(free_port)
  GATEWAY_PORT=$(free_port)
  BASE=http://127.0.0.1:$API_PORT
  log "starting the Api on $BASE (silo port $SILO_PORT, gateway port $GATEWAY_PORT)"
  start_api

  seed_organisation "$BASE" "$ROOT/$PG_DIR" "$OUT"
  log "restarting the Api so nothing loaded before the bulk load is cached"
  stop_api
  start_api

  # A snapshot of top halfway through the hot-spot phase, for the record (the JSON has the /proc split).
  if command -v top >/dev/null; then
    (
      while [[ ! -f "$OUT/hotspot.started" ]]; do sleep 0.5; done
      sleep $((BENCH_SECONDS / 2))
      top -b -n 1 -w 200 | head -n 25 >"$OUT/top-hotspot.txt"
    ) &
    top_pid=$!
  fi
  if ((BENCH_PG_STATS)); then
    (
      while [[ ! -f "$OUT/hotspot.started" ]]; do sleep 0.2; done
      psql_bench -c "SELECT pg_stat_statements_reset()" >/dev/null
    ) &
  fi

  log "load: $BENCH_CLIENTS clients, warm-up ${BENCH_WARMUP_SECONDS} s, uniform ${BENCH_UNIFORM_SECONDS} s, hot-spot ${BENCH_SECONDS} s"
  run_load "$BASE" "$OUT" BENCH_API_PID="$api_pid" BENCH_PG_PID="$PG_PID" BENCH_PHASE_MARKER_DIR="$OUT"
  psql_bench -F, -f bench/commit-batches.sql >"$OUT/commit-batches.csv"
  if ((BENCH_PG_STATS)); then
    pg_statements "$OUT/pg-statements.txt"
    "$PG_BIN/psql" -X -h "$PG_SOCK" -p "$PG_PORT" -U ipf -d inventory_pro_flow -c "
      SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_live_tup, n_dead_tup,
             pg_size_pretty(pg_total_relation_size(relid)) AS size
      FROM pg_stat_user_tables WHERE schemaname = 'app' ORDER BY n_tup_ins + n_tup_upd DESC LIMIT 8" >>"$OUT/pg-statements.txt"
    psql_bench -c "SELECT pg_stat_statements_reset()" >/dev/null
  fi
  stop_api

  # The baseline starts from a quiet database, not from the product's dirty pages and dead rows (issue 22, item 4).
  log "quiescing the database for pgbench: CHECKPOINT; VACUUM ANALYZE"
  psql_bench -c "CHECKPOINT" -c "VACUUM ANALYZE" >/dev/null
  log "pgbench: $BENCH_PG_CLIENTS clients x ${BENCH_PG_SECONDS} s, one sale line per transaction, uniform then hot-spot (Api stopped)"
  pgbench_run 0 "$OUT/pgbench-uniform.log"
  pgbench_run 1 "$OUT/pgbench-hotspot.log"
  if ((BENCH_PG_STATS)); then
    pg_statements "$OUT/pg-statements-pgbench.txt"
  fi
  # pgbench's lines keep the ledger balanced too (each UPDATE -1 has its -1 ledger row); check it in SQL.
  unbalanced=$(psql_bench -c "SELECT count(*) FROM app.inventory i LEFT JOIN (SELECT location_id, product_id, sum(quantity) s FROM app.transactions GROUP BY 1, 2) t USING (location_id, product_id) WHERE i.quantity <> coalesce(t.s, 0)")
  log "after pgbench: $unbalanced unbalanced inventory rows (SQL check)"
  # The database stays up no longer than it is needed; the cluster run starts its own.
  ConnectionStrings__Postgres='' scripts/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------- the runs and the report

PG_VERSION=""
report=()
if [[ "$BENCH_ONLY" == all ]]; then
  single_process_bench
  report+=(--http "$OUT/http.json" --pg-uniform "$OUT/pgbench-uniform.log" --pg-hotspot "$OUT/pgbench-hotspot.log"
    --batches "$OUT/commit-batches.csv" --unbalanced-after-pgbench "$unbalanced")
fi
if ((BENCH_CLUSTER)); then
  cluster_bench
  report+=(--cluster "$OUT/cluster" --cluster-api-nodes "$BENCH_CLUSTER_APIS")
fi

commit=${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
dirty=$( (git status --porcelain -- src 2>/dev/null || true) | wc -l | tr -d " ")
loadgen report "${report[@]}" --postgres-version "$PG_VERSION" --commit "$commit" \
  --dirty "$dirty changed files under src/" --bench-seconds "$((SECONDS - started))" --out "$OUT/result.json" >"$OUT/result.stdout"
log "done in $((SECONDS - started)) s; result in build/bench/result.json"
cat "$OUT/result.stdout"
