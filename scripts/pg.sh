#!/usr/bin/env bash
# Manage a private, local PostgreSQL cluster living in a folder the caller names.
#
#   scripts/pg.sh start DIR    init (once) + start; prints the connection string last
#   scripts/pg.sh stop DIR     fast shutdown; the data stays
#   scripts/pg.sh status DIR   exit 0 if the server is running
#   scripts/pg.sh url DIR      print the connection string
#   scripts/pg.sh bin          print the folder of the PostgreSQL binaries
#
# Layout: DIR/data (PGDATA), DIR/sock, DIR/log/postgres.log, DIR/port,
# DIR/password, DIR/connection, DIR/wal-archive (when archiving).
# If ConnectionStrings__Postgres is set, an external database is in use:
# start/url print it, stop does nothing, status succeeds.
#
# IPF_PG_WAL_ARCHIVE=FOLDER on start turns on continuous WAL archiving into
# FOLDER for this cluster; it stays on at later starts without the variable
# (DIR/wal-archive remembers it) until a start with IPF_PG_WAL_ARCHIVE=off. Archived
# files are encrypted with the backup key (scripts/wal-archive.sh, IPF_BACKUP_KEY_FILE).
# A restored cluster (DIR/data/recovery.signal, see scripts/restore.sh) is
# waited for until it has replayed its archive and is writable.
set -euo pipefail

readonly DB_USER=ipf
readonly DB_NAME=inventory_pro_flow
readonly PG_OS_USER=postgres
SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(dirname "$SCRIPTS")
readonly SCRIPTS ROOT

log() { printf 'pg.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  echo "usage: $0 start|stop|status|url DIR, or $0 bin" >&2
  exit 2
}

if [[ $# -eq 1 && "$1" == bin ]]; then
  cmd=bin
  dir_arg=""
else
  [[ $# -eq 2 ]] || usage
  cmd=$1
  dir_arg=$2
  case "$cmd" in start | stop | status | url) ;; *) usage ;; esac
  [[ -n "$dir_arg" ]] || usage
fi

# An externally provided database wins over anything local.
if [[ "$cmd" != bin && -n "${ConnectionStrings__Postgres:-}" ]]; then
  case "$cmd" in
    start | url) printf '%s\n' "$ConnectionStrings__Postgres" ;;
    stop) log "ConnectionStrings__Postgres is set; nothing to stop" ;;
    status) log "ConnectionStrings__Postgres is set; using the external database" ;;
  esac
  exit 0
fi

is_root() { [[ $(id -u) -eq 0 ]]; }
# shellcheck source=scripts/backup-key.sh
source "$SCRIPTS/backup-key.sh"

# ---------------------------------------------------------------- binaries

PG_BIN=""
PG_TOOLS=""
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
  # The other server tools (pg_controldata, pg_basebackup...) sit beside the real pg_ctl.
  PG_TOOLS=$(dirname "$(readlink -f "$PG_CTL")")
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
  local target=${1:-$DIR}
  is_root || return 0
  runuser -u "$PG_OS_USER" -- test -x "$target" 2>/dev/null && return 0
  local d=$target
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

# ---------------------------------------------------------------- WAL archive

readonly ARCHIVE_CONF=ipf-wal-archive.conf

system_identifier() {
  as_owner "$PG_TOOLS/pg_controldata" "$DATA" | sed -n 's/^Database system identifier: *//p'
}

# Continuous archiving is a property of the cluster, not of one start: verify-ledger.sh and the
# like start .data/pg without the variable and must not open a gap in the archive.
configure_archive() {
  local folder=${IPF_PG_WAL_ARCHIVE:-}
  if [[ -z "$folder" ]]; then
    [[ -s "$ARCHIVE_FILE" ]] || { rm -f "$DATA/$ARCHIVE_CONF"; return 0; }
    folder=$(<"$ARCHIVE_FILE")
  fi
  if [[ "$folder" == off ]]; then
    [[ -f "$DATA/$ARCHIVE_CONF" ]] && log "WAL archiving turned off for $DIR"
    rm -f "$ARCHIVE_FILE" "$DATA/$ARCHIVE_CONF"
    return 0
  fi
  # The folder is written into archive_command, a shell line inside a quoted setting.
  case "$folder" in
    *[[:space:]]* | *[\'\"\,\\\$\`\;\&\|\<\>\(\)\*\?]*) die "IPF_PG_WAL_ARCHIVE must not contain spaces, quotes or shell metacharacters: '$folder'" ;;
  esac
  mkdir -p "$folder"
  folder=$(cd "$folder" && pwd -P)
  ensure_traversable "$folder"
  if is_root && [[ $(stat -c %U "$folder") != "$PG_OS_USER" ]]; then
    chown "$PG_OS_USER:" "$folder"
  fi
  chmod 700 "$folder"
  # Two clusters archiving into one folder would fight over the same segment names; a restored
  # cluster keeps its source's identifier and continues on a new timeline, so it may share it.
  local id
  id=$(system_identifier)
  [[ -n "$id" ]] || die "could not read the system identifier of $DATA"
  if [[ -s "$folder/system-identifier" ]]; then
    [[ $(<"$folder/system-identifier") == "$id" ]] ||
      die "$folder holds the WAL of another cluster (system identifier $(<"$folder/system-identifier"), this one is $id); move it away with that cluster's base backups, or set IPF_PG_WAL_ARCHIVE to another folder"
  else
    echo "$id" >"$folder/system-identifier"
  fi
  echo "$folder" >"$ARCHIVE_FILE"
  # Segments are gzipped (a segment switched early by archive_timeout is mostly empty) and encrypted with the
  # backup key, of which the PostgreSQL OS user gets its own copy beside the cluster (never inside DATA, which
  # base backups copy).
  backup_key_ensure
  local key=$DIR/wal-archive.key archiver=$SCRIPTS/wal-archive.sh
  case "$archiver" in
    *[[:space:]]* | *[\'\"\,\\\$\`\;\&\|\<\>\(\)\*\?]*) die "the repository path must not contain spaces, quotes or shell metacharacters to archive WAL: '$archiver'" ;;
  esac
  backup_key_copy "$key"
  is_root && chown "$PG_OS_USER:" "$key"
  ensure_traversable "$SCRIPTS"
  # A cluster restored without archiving (scripts/restore.sh) wrote its timeline's history file then;
  # a later restore needs it in the archive to follow that timeline.
  local history
  for history in "$DATA"/pg_wal/*.history; do
    [[ -f "$history" ]] || continue
    as_owner "$archiver" push "$key" "$folder" "$history" "$(basename "$history")" ||
      die "could not archive $(basename "$history") into $folder"
  done
  cat >"$DATA/$ARCHIVE_CONF" <<CONF
# Written by scripts/pg.sh (IPF_PG_WAL_ARCHIVE): continuous archiving for point-in-time recovery.
archive_mode = on
archive_command = '$archiver push $key $folder %p %f'
# A quiet database still ships its last changes within 5 minutes: the recovery point objective is under an hour.
archive_timeout = 300
CONF
  is_root && chown "$PG_OS_USER:" "$DATA/$ARCHIVE_CONF"
  grep -qxF "include_if_exists = '$ARCHIVE_CONF'" "$DATA/postgresql.conf" ||
    echo "include_if_exists = '$ARCHIVE_CONF'" >>"$DATA/postgresql.conf"
}

# A running server keeps the archive_mode it started with.
check_archive_mode() {
  [[ -f "$DATA/$ARCHIVE_CONF" ]] || return 0
  if [[ $(psql_local -d postgres -c "SHOW archive_mode") != on ]]; then
    log "warning: WAL archiving is configured but the running server started without it; restart it: $0 stop $dir_arg && $0 start $dir_arg"
  fi
}

# After scripts/restore.sh, the server replays the WAL archive and promotes itself; until then it
# is read-only. recovery.signal goes early in the promotion, before the server is writable, so
# whether to wait is decided before the start and the end is asked of the server itself.
wait_for_recovery() {
  ((RESTORING)) || return 0
  local deadline=$((SECONDS + RECOVERY_SECONDS))
  log "replaying the WAL archive (up to ${RECOVERY_SECONDS} s, IPF_PG_RECOVERY_SECONDS)"
  until [[ $(psql_local -d postgres -c "SELECT pg_is_in_recovery()" 2>/dev/null || true) == f ]]; do
    is_running || { tail -n 30 "$LOGFILE" >&2; die "PostgreSQL stopped during recovery (log: $LOGFILE)"; }
    ((SECONDS < deadline)) || die "recovery did not finish within ${RECOVERY_SECONDS} s; it goes on (log: $LOGFILE)"
    sleep 0.2
  done
  log "recovery finished: $(grep -E 'recovery stopping|redo done|selected new timeline' "$LOGFILE" | sed 's/^.*LOG: *//' | paste -sd ';' - || true)"
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
  local attempt wait_seconds=60
  # A restored cluster first replays the WAL its base backup needs to be consistent.
  ((!RESTORING)) || wait_seconds=$RECOVERY_SECONDS
  for attempt in 1 2 3; do
    pick_port
    write_connection
    log "starting PostgreSQL on 127.0.0.1:$PORT (log: $LOGFILE)"
    if as_owner "$PG_CTL" -D "$DATA" -l "$LOGFILE" -w -t "$wait_seconds" \
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
  configure_archive
  if [[ -f "$DATA/recovery.signal" ]]; then
    RESTORING=1
    # restore_command runs scripts/wal-archive.sh as the PostgreSQL OS user.
    ensure_traversable "$SCRIPTS"
  fi

  if is_running; then
    # The pid file records the port the server really listens on.
    PORT=$(sed -n 4p "$DATA/postmaster.pid")
    echo "$PORT" >"$PORT_FILE"
    log "already running on 127.0.0.1:$PORT"
  else
    start_server
  fi
  write_connection
  wait_for_recovery
  check_archive_mode

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

if [[ "$cmd" == bin ]]; then
  find_binaries || die "PostgreSQL binaries not found; '$0 start DIR' installs them"
  printf '%s\n' "$PG_TOOLS"
  exit 0
fi

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
ARCHIVE_FILE=$DIR/wal-archive
RECOVERY_SECONDS=${IPF_PG_RECOVERY_SECONDS:-3600}
RESTORING=0
[[ "$RECOVERY_SECONDS" =~ ^[1-9][0-9]*$ ]] || die "IPF_PG_RECOVERY_SECONDS must be a whole number of seconds, not '$RECOVERY_SECONDS'"
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
