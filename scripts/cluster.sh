#!/usr/bin/env bash
# `make cluster` / `make cluster-stop`: a real cluster on loopback. One PostgreSQL (build/cluster/pg,
# fresh on each start, demo data), 3 src/Silo processes (Orleans__Mode=Cluster, ADO.NET clustering) and
# 2 src/Api nodes (Orleans__Mode=Client) on http://127.0.0.1:3100 and :3101. Processes run in the
# background; their logs and pids are in build/cluster/. Membership is tuned to declare a killed silo
# dead in seconds (docs/OPERATIONS.md, "A cluster on one machine").
#
#   scripts/cluster.sh start     build, start everything, wait until both Api nodes are ready
#   scripts/cluster.sh stop      stop the Api nodes, the silos and the PostgreSQL
#   scripts/cluster.sh status    which processes are up
#   scripts/cluster.sh kill-silo N    kill -9 silo N (1 to 3): a fault to watch the cluster survive
#   scripts/cluster.sh start-silo N   start silo N again
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT=$PWD
readonly DIR=$ROOT/build/cluster
readonly PG_DIR=build/cluster/pg
readonly API_PORTS=(${IPF_CLUSTER_API_PORTS:-3100 3101})
readonly SILO_PORTS=(11131 11132 11133)
readonly GATEWAY_PORTS=(30031 30032 30033)

log() { printf 'cluster.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Decide a silent silo dead after 2 missed 1-second probes, by 2 votes; read the table every 2 s.
export Orleans__Membership__ProbeTimeoutSeconds=${Orleans__Membership__ProbeTimeoutSeconds:-1}
export Orleans__Membership__MissedProbesLimit=${Orleans__Membership__MissedProbesLimit:-2}
export Orleans__Membership__VotesForDeath=${Orleans__Membership__VotesForDeath:-2}
export Orleans__Membership__TableRefreshSeconds=${Orleans__Membership__TableRefreshSeconds:-2}
export Orleans__Membership__IAmAliveSeconds=${Orleans__Membership__IAmAliveSeconds:-5}
export Orleans__ClusterId=${Orleans__ClusterId:-ipf-loopback}

pid_of() { cat "$DIR/pids/$1" 2>/dev/null || true; }
alive() { local pid; pid=$(pid_of "$1"); [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; }

connection() { cat "$DIR/connection" 2>/dev/null || die "no cluster database; run: scripts/cluster.sh start"; }

start_silo() {
  local n=$1 i=$(($1 - 1))
  # Each silo serves its own /metrics (its grains' trade counters) on 9464, 9465, 9466.
  ConnectionStrings__Postgres=$(connection) Orleans__Mode=Cluster Metrics__Port=$((9463 + n)) \
    Orleans__SiloPort=${SILO_PORTS[$i]} Orleans__GatewayPort=${GATEWAY_PORTS[$i]} \
    nohup dotnet src/Silo/bin/Release/net10.0/InventoryProFlow.Silo.dll >"$DIR/logs/silo$n.log" 2>&1 &
  echo $! >"$DIR/pids/silo$n"
}

start_api() {
  local n=$1 port=${API_PORTS[$(($1 - 1))]}
  ConnectionStrings__Postgres=$(connection) Orleans__Mode=Client ASPNETCORE_URLS=http://127.0.0.1:$port \
    Web__Root=$ROOT/build/cluster/web \
    nohup dotnet src/Api/bin/Release/net10.0/InventoryProFlow.Api.dll >"$DIR/logs/api$n.log" 2>&1 &
  echo $! >"$DIR/pids/api$n"
}

wait_ready() {
  local url=$1 name=$2 deadline=$((SECONDS + ${3:-180}))
  until curl -fsS "$url/health/ready" >/dev/null 2>&1; do
    alive "$name" || die "$name exited; see $DIR/logs/$name.log"
    [[ $SECONDS -lt $deadline ]] || die "$name not ready at $url; see $DIR/logs/$name.log"
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
  export DOTNET_NOLOGO=1
  log "building the web app, src/Silo and src/Api (Release)"
  WEB_OUT_DIR=$DIR/web scripts/web.sh build
  dotnet build src/Silo -c Release -v q -nologo >&2
  dotnet build src/Api -c Release -v q -nologo >&2

  rm -rf "$DIR/pids" "$DIR/logs" "$PG_DIR"
  mkdir -p "$DIR/pids" "$DIR/logs"
  ConnectionStrings__Postgres='' scripts/pg.sh start "$PG_DIR" | tail -n 1 >"$DIR/connection"
  [[ -s "$DIR/connection" ]] || die "scripts/pg.sh printed no connection string"

  # shellcheck source=scripts/dev-env.sh
  source scripts/dev-env.sh
  export IPF_DATA_DIR=$ROOT/.data Demo__Seed=true ASPNETCORE_ENVIRONMENT=Production

  # The first silo prepares the database (migrations, demo) before the others join.
  start_silo 1
  local deadline=$((SECONDS + 180))
  # The first silo prints its "Login" lines once the database is prepared; the others may join then.
  until grep -q "^Login " "$DIR/logs/silo1.log" 2>/dev/null; do
    alive silo1 || die "silo1 exited; see $DIR/logs/silo1.log"
    [[ $SECONDS -lt $deadline ]] || die "silo1 did not prepare the database; see $DIR/logs/silo1.log"
    sleep 0.5
  done
  start_silo 2
  start_silo 3
  start_api 1
  start_api 2
  wait_ready "http://127.0.0.1:${API_PORTS[0]}" api1
  wait_ready "http://127.0.0.1:${API_PORTS[1]}" api2

  cat <<BANNER

  Inventory Pro Flow cluster is up (3 silos, 2 Api nodes, one PostgreSQL)
  Api      http://127.0.0.1:${API_PORTS[0]}/  and  http://127.0.0.1:${API_PORTS[1]}/
  Silos    ${SILO_PORTS[*]} (gateways ${GATEWAY_PORTS[*]}); metrics http://127.0.0.1:9464/metrics (9465, 9466)
  Logs     $DIR/logs/
  Login    admin  $IPF_ADMIN_EMAIL  (password in .data/dev.env)
  Stop     make cluster-stop

BANNER
}

status() {
  for name in silo1 silo2 silo3 api1 api2; do
    if alive "$name"; then echo "$name up (pid $(pid_of "$name"))"; else echo "$name down"; fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill-silo) [[ "${2:-}" =~ ^[1-3]$ ]] || die "usage: $0 kill-silo 1|2|3"; kill -KILL "$(pid_of "silo$2")"; log "silo$2 killed (-9)" ;;
  start-silo) [[ "${2:-}" =~ ^[1-3]$ ]] || die "usage: $0 start-silo 1|2|3"; alive "silo$2" && die "silo$2 is up"; start_silo "$2"; log "silo$2 started" ;;
  *) die "usage: $0 start|stop|status|kill-silo N|start-silo N" ;;
esac
