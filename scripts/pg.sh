#!/usr/bin/env bash
# Manage a private, local PostgreSQL cluster living in a folder the caller names.
#
#   scripts/pg.sh start DIR    init (once) + start; prints the connection string last
#   scripts/pg.sh stop DIR     fast shutdown; the data stays
#   scripts/pg.sh status DIR   exit 0 if the server is running
#   scripts/pg.sh url DIR      print the connection string
#
# Layout: DIR/data (PGDATA), DIR/sock, DIR/log/postgres.log, DIR/port,
# DIR/password, DIR/connection.
# If ConnectionStrings__Postgres is set, an external database is in use:
# start/url print it, stop does nothing, status succeeds.
set -euo pipefail

readonly DB_USER=ipf
readonly DB_NAME=inventory_pro_flow
readonly PG_OS_USER=postgres

log() { printf 'pg.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  echo "usage: $0 start|stop|status|url DIR" >&2
  exit 2
}

[[ $# -eq 2 ]] || usage
cmd=$1
dir_arg=$2
case "$cmd" in start | stop | status | url) ;; *) usage ;; esac
[[ -n "$dir_arg" ]] || usage

# An externally provided database wins over anything local.
if [[ -n "${ConnectionStrings__Postgres:-}" ]]; then
  case "$cmd" in
    start | url) printf '%s\n' "$ConnectionStrings__Postgres" ;;
    stop) log "ConnectionStrings__Postgres is set; nothing to stop" ;;
    status) log "ConnectionStrings__Postgres is set; using the external database" ;;
  esac
  exit 0
fi

is_root() { [[ $(id -u) -eq 0 ]]; }

# ---------------------------------------------------------------- binaries

PG_BIN=""
find_binaries() {
  local ctl initdb d
  ctl=$(command -v pg_ctl || true)
  initdb=$(command -v initdb || true)
  if [[ -n "$ctl" && -n "$initdb" ]]; then
    PG_BIN=$(dirname "$ctl")
    PG_CTL=$ctl
    INITDB=$initdb
  else
    # Debian keeps the server binaries off PATH; take the newest major version.
    d=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n "$d" && -x "$d/pg_ctl" && -x "$d/initdb" ]] || return 1
    PG_BIN=$d
    PG_CTL=$d/pg_ctl
    INITDB=$d/initdb
  fi
  # Prefer the psql next to the server (PATH psql may be a different major).
  if [[ -x "$PG_BIN/psql" ]]; then
    PSQL=$PG_BIN/psql
  elif [[ -x "$(dirname "$(readlink -f "$PG_CTL")")/psql" ]]; then
    PSQL=$(dirname "$(readlink -f "$PG_CTL")")/psql
  else
    PSQL=$(command -v psql || true)
  fi
  [[ -n "$PSQL" ]] || return 1
}

install_postgres() {
  is_root || die "PostgreSQL (pg_ctl, initdb, psql) not found. Install it (e.g. 'sudo apt-get install postgresql') or set ConnectionStrings__Postgres."
  command -v apt-get >/dev/null || die "PostgreSQL not found and apt-get is unavailable; install PostgreSQL or set ConnectionStrings__Postgres."
  log "PostgreSQL not found; installing it with apt-get"
  # Stop Debian from creating and starting its default cluster on port 5432;
  # we only want the binaries.
  mkdir -p /etc/postgresql-common/createcluster.d
  echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/ipf-no-main-cluster.conf
  DEBIAN_FRONTEND=noninteractive apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
}

# ---------------------------------------------------------------- helpers

# Run a PostgreSQL binary as the cluster owner. initdb/postgres refuse root,
# so root delegates to the postgres OS user. cd / so an unreadable caller
# cwd does not matter; fd 9 (our lock) must not leak into the postmaster.
as_owner() {
  if is_root; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@") 9>&-
  else
    "$@" 9>&-
  fi
}

ensure_os_user() {
  is_root || return 0
  if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    log "creating system user $PG_OS_USER"
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash "$PG_OS_USER"
  fi
}

# The postgres user must be able to walk down to DIR; add only the
# traverse bit (o+x) where it is missing, never read access.
ensure_traversable() {
  is_root || return 0
  runuser -u "$PG_OS_USER" -- test -x "$DIR" 2>/dev/null && return 0
  local d=$DIR
  while [[ "$d" != / ]]; do
    # "t" in the mode string means sticky plus x.
    if [[ $(stat -c %A "$d") != *[xt] ]]; then
      log "granting traverse permission (o+x) on $d for the $PG_OS_USER user"
      chmod o+x "$d"
    fi
    d=$(dirname "$d")
  done
}

own_dirs() {
  mkdir -p "$DATA" "$SOCK" "$LOGDIR"
  chmod 700 "$DATA" # postgres insists on 0700/0750
  if is_root; then
    local d
    for d in "$DATA" "$SOCK" "$LOGDIR"; do
      [[ $(stat -c %U "$d") == "$PG_OS_USER" ]] || chown -R "$PG_OS_USER:" "$d"
    done
  fi
}

port_busy() {
  local p=$1
  if command -v ss >/dev/null; then
    [[ -n $(ss -Hltn "sport = :$p" 2>/dev/null) ]] && return 0
  fi
  # A successful connect means somebody listens there ($1 expands in the child).
  # shellcheck disable=SC2016
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$p" 2>/dev/null
}

pick_port() {
  local p i
  if [[ -s "$PORT_FILE" ]]; then
    p=$(<"$PORT_FILE")
    if [[ "$p" =~ ^[0-9]+$ ]] && ! port_busy "$p"; then
      PORT=$p
      return 0
    fi
  fi
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + RANDOM % 20001))
    if ! port_busy "$p"; then
      PORT=$p
      echo "$PORT" >"$PORT_FILE"
      return 0
    fi
  done
  die "could not find a free TCP port in 20000-40000"
}

write_connection() {
  local pass
  pass=$(<"$PASS_FILE")
  (umask 077 && printf 'Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=%s\n' \
    "$PORT" "$DB_USER" "$pass" "$DB_NAME" >"$CONN_FILE")
}

is_running() {
  [[ -f "$DATA/PG_VERSION" ]] || return 1
  as_owner "$PG_CTL" -D "$DATA" status >/dev/null 2>&1
}

psql_local() {
  # Unix socket + trust auth: no password needed; -X ignores ~/.psqlrc.
  "$PSQL" -X -q -At -v ON_ERROR_STOP=1 -h "$SOCK" -p "$PORT" -U "$DB_USER" "$@"
}

# ---------------------------------------------------------------- commands

init_cluster() {
  [[ -f "$DATA/PG_VERSION" ]] && return 0
  log "initialising a new cluster in $DATA"
  local pwfile=$DIR/.initdb-pw
  (umask 077 && cat "$PASS_FILE" >"$pwfile")
  is_root && chown "$PG_OS_USER:" "$pwfile"
  local -a args=(-D "$DATA" -U "$DB_USER" "--pwfile=$pwfile"
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8)
  # fsync stays on: durability is a product promise, also in dev.
  if ! as_owner "$INITDB" "${args[@]}" --locale=C.UTF-8 >"$LOGDIR/initdb.log" 2>&1; then
    log "initdb with C.UTF-8 failed; retrying with locale C"
    if ! as_owner "$INITDB" "${args[@]}" --locale=C >>"$LOGDIR/initdb.log" 2>&1; then
      rm -f "$pwfile"
      tail -n 30 "$LOGDIR/initdb.log" >&2
      die "initdb failed (log: $LOGDIR/initdb.log)"
    fi
  fi
  rm -f "$pwfile"
}

start_server() {
  local attempt
  for attempt in 1 2 3; do
    pick_port
    write_connection
    log "starting PostgreSQL on 127.0.0.1:$PORT (log: $LOGFILE)"
    if as_owner "$PG_CTL" -D "$DATA" -l "$LOGFILE" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$SOCK -c max_connections=300 -c shared_buffers=256MB" \
      start >/dev/null; then
      return 0
    fi
    # Someone grabbed the port between our check and the bind: try another.
    if tail -n 30 "$LOGFILE" 2>/dev/null | grep -q 'could not bind\|Address already in use'; then
      log "port $PORT was taken meanwhile (attempt $attempt); picking another"
      rm -f "$PORT_FILE"
      continue
    fi
    break
  done
  log "PostgreSQL failed to start; last 30 lines of $LOGFILE:"
  tail -n 30 "$LOGFILE" >&2 || true
  exit 1
}

cmd_start() {
  # Serialise concurrent starts on the same DIR (two initdb at once would clash).
  exec 9>"$DIR/.lock"
  flock 9

  if ! find_binaries; then
    install_postgres
    find_binaries || die "PostgreSQL binaries still not found after installing"
  fi
  ensure_os_user
  ensure_traversable

  local new_password=0
  if [[ ! -s "$PASS_FILE" ]]; then
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9 >"$PASS_FILE")
    new_password=1
  fi
  own_dirs
  init_cluster

  if is_running; then
    # The pid file records the port the server really listens on.
    PORT=$(sed -n 4p "$DATA/postmaster.pid")
    echo "$PORT" >"$PORT_FILE"
    log "already running on 127.0.0.1:$PORT"
  else
    start_server
  fi
  write_connection

  # The password file was lost but the cluster was not: re-sync the role.
  if [[ $new_password -eq 1 ]]; then
    psql_local -d postgres -v pw="$(<"$PASS_FILE")" <<<"ALTER ROLE $DB_USER PASSWORD :'pw';"
  fi

  if [[ -z $(psql_local -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'") ]]; then
    log "creating database $DB_NAME"
    psql_local -d postgres -c "CREATE DATABASE $DB_NAME"
  fi

  cat "$CONN_FILE"
}

cmd_stop() {
  if ! find_binaries; then
    log "PostgreSQL binaries not found; nothing to stop"
    return 0
  fi
  if is_running; then
    log "stopping PostgreSQL in $DATA"
    as_owner "$PG_CTL" -D "$DATA" stop -m fast -w -t 60 >/dev/null
  else
    log "not running ($DATA)"
  fi
}

cmd_status() {
  find_binaries || die "PostgreSQL binaries not found"
  if is_running; then
    log "running on 127.0.0.1:$(cat "$PORT_FILE" 2>/dev/null || echo '?')"
    return 0
  fi
  log "not running ($DATA)"
  return 1
}

cmd_url() {
  [[ -s "$CONN_FILE" ]] || die "no cluster in $DIR yet; run: $0 start $dir_arg"
  cat "$CONN_FILE"
}

# pg_ctl -o goes through a shell and unix_socket_directories is a
# comma-separated list, so refuse paths that would need quoting.
case "$dir_arg" in
  *[[:space:]]* | *[\'\"\,\\\$\`]*) die "DIR must not contain spaces, quotes, commas or shell metacharacters: '$dir_arg'" ;;
esac

if [[ "$cmd" == start ]]; then
  mkdir -p "$dir_arg"
elif [[ ! -d "$dir_arg" ]]; then
  # Nothing was ever started here.
  case "$cmd" in
    stop) log "no cluster in $dir_arg; nothing to stop"; exit 0 ;;
    status) log "no cluster in $dir_arg"; exit 1 ;;
    url) die "no cluster in $dir_arg yet; run: $0 start $dir_arg" ;;
  esac
fi
DIR=$(cd "$dir_arg" && pwd -P)
readonly DIR
DATA=$DIR/data
SOCK=$DIR/sock
LOGDIR=$DIR/log
LOGFILE=$LOGDIR/postgres.log
PORT_FILE=$DIR/port
PASS_FILE=$DIR/password
CONN_FILE=$DIR/connection
PORT=""
PG_CTL=""
INITDB=""
PSQL=""

# Unix socket paths are limited to 107 bytes (sun_path).
if [[ ${#SOCK} -gt 90 ]]; then
  die "DIR path too long for a unix socket ($SOCK); use a shorter DIR"
fi

case "$cmd" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  url) cmd_url ;;
esac
