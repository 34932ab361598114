#!/usr/bin/env bash
# `make cluster` / `make cluster-stop`: a real cluster on loopback. One PostgreSQL (DIR/pg, fresh on each
# start, demo data), 3 src/Silo processes (Orleans__Mode=Cluster, ADO.NET clustering) and 2 src/Api nodes
# (Orleans__Mode=Client) on http://127.0.0.1:3100 and :3101. Processes run in the background; their logs
# and pids are in DIR (build/cluster). Membership is tuned to declare a killed silo dead in seconds
# (docs/OPERATIONS.md, "A cluster on one machine").
#
#   scripts/cluster.sh start          build, start everything, wait until every Api node is ready
#   scripts/cluster.sh stop           stop the Api nodes, the silos and the PostgreSQL
#   scripts/cluster.sh restart        stop the silos and Api nodes and start them again on the same database
#   scripts/cluster.sh status         which processes are up
#   scripts/cluster.sh api-url N      the address of Api node N
#   scripts/cluster.sh kill-silo N    kill -9 silo N: a fault to watch the cluster survive
#   scripts/cluster.sh start-silo N   start silo N again
#   scripts/cluster.sh kill-api N     kill -9 Api node N
#   scripts/cluster.sh start-api N    start Api node N again and wait until it is ready
#   scripts/cluster.sh stop-pg        stop the PostgreSQL (fast shutdown), as an outage
#   scripts/cluster.sh start-pg       start it again on the same port
#
# Settings (environment, defaults in brackets), so `make chaos` and `make bench` can run their own cluster
# beside yours: IPF_CLUSTER_DIR [build/cluster], IPF_CLUSTER_PORT_OFFSET [0] (added to every port),
# IPF_CLUSTER_SILOS [3] (1 to 3), IPF_CLUSTER_APIS [2] (1 or 2), IPF_CLUSTER_WEB [1] (0: no web app),
# IPF_CLUSTER_BUILD [1] (0: use the Release build already there), IPF_CLUSTER_DEMO [1] (0: no demo data),
# IPF_CLUSTER_ARTIFACTS [none] (run the Release build of src/Api and src/Silo in this `dotnet build --artifacts-path`
# folder, which the caller built, instead of building into src/*/bin/Release).
# Any product setting (RateLimits__*, Logging__*) set in the environment reaches every process.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT=$PWD

log() { printf 'cluster.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

setting() {
  local name=$1 default=$2 pattern=$3 value
  value=${!name:-$default}
  [[ "$value" =~ ^($pattern)$ ]] || die "$name must match $pattern, not '$value'"
  printf '%s' "$value"
}
DIR=$(setting IPF_CLUSTER_DIR build/cluster '[A-Za-z0-9_./-]+')
[[ "$DIR" == /* ]] || DIR=$ROOT/$DIR
readonly DIR PG_DIR=$DIR/pg
OFFSET=$(setting IPF_CLUSTER_PORT_OFFSET 0 '[0-9]|[1-9][0-9]{1,2}')
SILOS=$(setting IPF_CLUSTER_SILOS 3 '[1-3]')
APIS=$(setting IPF_CLUSTER_APIS 2 '[1-2]')
WITH_WEB=$(setting IPF_CLUSTER_WEB 1 '[01]')
WITH_BUILD=$(setting IPF_CLUSTER_BUILD 1 '[01]')
WITH_DEMO=$(setting IPF_CLUSTER_DEMO 1 '[01]')
ARTIFACTS=$(setting IPF_CLUSTER_ARTIFACTS '' '[A-Za-z0-9_./-]*')
if [[ -n "$ARTIFACTS" ]]; then
  [[ "$ARTIFACTS" == /* ]] || ARTIFACTS=$ROOT/$ARTIFACTS
  SILO_DLL=$ARTIFACTS/bin/Silo/release/InventoryProFlow.Silo.dll
  API_DLL=$ARTIFACTS/bin/Api/release/InventoryProFlow.Api.dll
  WITH_BUILD=0
else
  SILO_DLL=$ROOT/src/Silo/bin/Release/net10.0/InventoryProFlow.Silo.dll
  API_DLL=$ROOT/src/Api/bin/Release/net10.0/InventoryProFlow.Api.dll
fi
readonly OFFSET SILOS APIS WITH_WEB WITH_BUILD WITH_DEMO SILO_DLL API_DLL

api_port() { echo $((3099 + $1 + OFFSET)); }
silo_port() { echo $((11130 + $1 + OFFSET)); }
gateway_port() { echo $((30030 + $1 + OFFSET)); }
metrics_port() { echo $((9463 + $1 + OFFSET)); }

# Decide a silent silo dead after 2 missed 1-second probes, by 2 votes; read the table every 2 s.
export Orleans__Membership__ProbeTimeoutSeconds=${Orleans__Membership__ProbeTimeoutSeconds:-1}
export Orleans__Membership__MissedProbesLimit=${Orleans__Membership__MissedProbesLimit:-2}
export Orleans__Membership__VotesForDeath=${Orleans__Membership__VotesForDeath:-2}
export Orleans__Membership__TableRefreshSeconds=${Orleans__Membership__TableRefreshSeconds:-2}
export Orleans__Membership__IAmAliveSeconds=${Orleans__Membership__IAmAliveSeconds:-5}
export Orleans__ClusterId=${Orleans__ClusterId:-ipf-loopback}
export DOTNET_NOLOGO=1

pid_of() { cat "$DIR/pids/$1" 2>/dev/null || true; }
alive() { local pid; pid=$(pid_of "$1"); [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; }

connection() { cat "$DIR/connection" 2>/dev/null || die "no cluster database in $DIR; run: scripts/cluster.sh start"; }

# What every process of the cluster is started with: the dev secrets and the demo's logins. One data folder for all,
# so they share one signing key and one cluster certificate (.data/cluster-tls, made by the first silo when missing).
product_env() {
  # shellcheck source=scripts/dev-env.sh
  source scripts/dev-env.sh
  export IPF_DATA_DIR=$ROOT/.data ASPNETCORE_ENVIRONMENT=Production
  export Demo__Seed=false
  [[ $WITH_DEMO == 0 ]] || Demo__Seed=true
}

start_silo() {
  local n=$1
  # Each silo serves its own /metrics (its grains' trade counters) on 9464, 9465, 9466.
  ConnectionStrings__Postgres=$(connection) Orleans__Mode=Cluster Metrics__Port=$(metrics_port "$n") \
    Orleans__SiloPort=$(silo_port "$n") Orleans__GatewayPort=$(gateway_port "$n") \
    nohup dotnet "$SILO_DLL" >>"$DIR/logs/silo$n.log" 2>&1 &
  echo $! >"$DIR/pids/silo$n"
}

start_api() {
  local n=$1 web=()
  [[ $WITH_WEB == 1 ]] && web=(Web__Root="$DIR/web")
  # The content root is the working directory: start it beside its appsettings.json (log levels, Orleans ids).
  (
    cd "$(dirname "$API_DLL")"
    exec env ConnectionStrings__Postgres="$(connection)" Orleans__Mode=Client ASPNETCORE_URLS="http://127.0.0.1:$(api_port "$n")" "${web[@]}" \
      nohup dotnet "$API_DLL" >>"$DIR/logs/api$n.log" 2>&1
  ) &
  echo $! >"$DIR/pids/api$n"
}

wait_ready() {
  local n=$1 deadline=$((SECONDS + ${2:-180})) url
  url=http://127.0.0.1:$(api_port "$1")
  until curl -fsS "$url/health/ready" >/dev/null 2>&1; do
    alive "api$n" || die "api$n exited; see $DIR/logs/api$n.log"
    [[ $SECONDS -lt $deadline ]] || die "api$n not ready at $url; see $DIR/logs/api$n.log"
    sleep 0.5
  done
}

stop_one() {
  local name=$1 pid
  pid=$(pid_of "$name")
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$DIR/pids/$name"
}

stop() {
  for name in api1 api2 silo1 silo2 silo3; do stop_one "$name"; done
  if [[ -f "$DIR/connection" ]]; then
    ConnectionStrings__Postgres='' scripts/pg.sh stop "$PG_DIR" >&2 || true
    rm -f "$DIR/connection"
  fi
  log "stopped"
}

start() {
  command -v dotnet >/dev/null || die "dotnet not found; install the .NET 10 SDK"
  [[ ! -f "$DIR/connection" ]] || stop
  if [[ $WITH_BUILD == 1 ]]; then
    log "building src/Silo and src/Api (Release)"
    dotnet build src/Silo -c Release -v q -nologo >&2
    dotnet build src/Api -c Release -v q -nologo >&2
  fi
  [[ -f "$SILO_DLL" && -f "$API_DLL" ]] || die "no Release build at $SILO_DLL and $API_DLL"
  if [[ $WITH_WEB == 1 ]]; then
    log "building the web app"
    WEB_OUT_DIR=$DIR/web scripts/web.sh build
  fi

  rm -rf "$DIR/pids" "$DIR/logs" "$PG_DIR"
  mkdir -p "$DIR/pids" "$DIR/logs"
  ConnectionStrings__Postgres='' scripts/pg.sh start "$PG_DIR" | tail -n 1 >"$DIR/connection"
  [[ -s "$DIR/connection" ]] || die "scripts/pg.sh printed no connection string"
  product_env
  # What membership this cluster runs with, for the record (`make chaos` reports it beside its recovery times).
  env | grep '^Orleans__Membership__' | sort >"$DIR/membership.env"
  start_processes

  local apis=() silos=() gateways=() metrics=()
  for ((n = 1; n <= APIS; n++)); do apis+=("http://127.0.0.1:$(api_port "$n")/"); done
  for ((n = 1; n <= SILOS; n++)); do
    silos+=("$(silo_port "$n")") gateways+=("$(gateway_port "$n")") metrics+=("$(metrics_port "$n")")
  done
  cat <<BANNER

  Inventory Pro Flow cluster is up ($SILOS silos, $APIS Api nodes, one PostgreSQL)
  Api      ${apis[*]}
  Silos    ${silos[*]} (gateways ${gateways[*]}); /metrics on ports ${metrics[*]}
  TLS      silo and gateway ports take only the cluster certificate in .data/cluster-tls/ (made when missing)
  Logs     $DIR/logs/
  Login    admin  $IPF_ADMIN_EMAIL  (password in .data/dev.env)
  Stop     make cluster-stop  (IPF_CLUSTER_DIR=${DIR#"$ROOT"/} scripts/cluster.sh stop)

BANNER
}

login_lines() {
  local count
  count=$(grep -c "^Login " "$DIR/logs/silo1.log" 2>/dev/null || true)
  echo "${count:-0}"
}

start_processes() {
  # The first silo prepares the database (migrations, demo) and prints its "Login" lines when done;
  # the others join after that. Its log is appended to, so only lines beyond the ones already there count.
  local before deadline=$((SECONDS + 180)) n
  before=$(login_lines)
  start_silo 1
  until (($(login_lines) > before)); do
    alive silo1 || die "silo1 exited; see $DIR/logs/silo1.log"
    [[ $SECONDS -lt $deadline ]] || die "silo1 did not prepare the database; see $DIR/logs/silo1.log"
    sleep 0.5
  done
  for ((n = 2; n <= SILOS; n++)); do start_silo "$n"; done
  for ((n = 1; n <= APIS; n++)); do start_api "$n"; done
  for ((n = 1; n <= APIS; n++)); do wait_ready "$n"; done
}

# After data was written to the database behind the grains' backs (a bulk load, a restore), every process
# starts again so that no grain answers from what it read before.
restart() {
  [[ -f "$DIR/connection" ]] || die "no cluster in $DIR; run: scripts/cluster.sh start"
  for name in api1 api2 silo1 silo2 silo3; do stop_one "$name"; done
  product_env
  start_processes
  log "restarted ($SILOS silos, $APIS Api nodes) on the same database"
}

status() {
  local n
  for ((n = 1; n <= 3; n++)); do
    if alive "silo$n"; then echo "silo$n up (pid $(pid_of "silo$n"))"; else echo "silo$n down"; fi
  done
  for ((n = 1; n <= 2; n++)); do
    if alive "api$n"; then echo "api$n up (pid $(pid_of "api$n"))"; else echo "api$n down"; fi
  done
}

# kill -9 and wait until the process is gone, so a start right after it does not find it "up".
kill_hard() {
  local name=$1 pid deadline=$((SECONDS + 10))
  alive "$name" || die "$name is not running"
  pid=$(pid_of "$name")
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    [[ $SECONDS -lt $deadline ]] || die "$name (pid $pid) survived kill -9 for 10 s"
    sleep 0.1
  done
  log "$name killed (-9)"
}

number() {
  [[ "${2:-}" =~ ^[1-9]$ && $2 -le $3 ]] || die "usage: $0 $1 N (1 to $3)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) restart ;;
  status) status ;;
  api-url) number "$@" 2; echo "http://127.0.0.1:$(api_port "$2")" ;;
  kill-silo) number "$@" 3; kill_hard "silo$2" ;;
  start-silo) number "$@" 3; alive "silo$2" && die "silo$2 is up"; product_env; start_silo "$2"; log "silo$2 started" ;;
  kill-api) number "$@" 2; kill_hard "api$2" ;;
  start-api) number "$@" 2; alive "api$2" && die "api$2 is up"; product_env; start_api "$2"; wait_ready "$2"; log "api$2 started and ready" ;;
  stop-pg) ConnectionStrings__Postgres='' scripts/pg.sh stop "$PG_DIR" >&2; log "PostgreSQL stopped" ;;
  start-pg) ConnectionStrings__Postgres='' scripts/pg.sh start "$PG_DIR" >/dev/null; log "PostgreSQL started" ;;
  *) die "usage: $0 start|stop|restart|status|api-url N|kill-silo N|start-silo N|kill-api N|start-api N|stop-pg|start-pg" ;;
esac
