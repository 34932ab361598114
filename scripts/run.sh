#!/usr/bin/env bash
# `make run`: build the web app and the Api, start the local PostgreSQL in .data/pg, run the
# Api in the foreground on http://localhost:3000. Ctrl-C stops the Api and
# then the PostgreSQL this script started; the data in .data stays.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { printf 'run.sh: error: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || die "dotnet not found; install the .NET 10 SDK (https://dot.net)"
export DOTNET_NOLOGO=${DOTNET_NOLOGO:-1}

# The web app first: the Api serves its build from src/Api/wwwroot.
scripts/web.sh build

echo "run.sh: building src/Api (Release)" >&2
dotnet build src/Api -c Release -v q -nologo

# Only a PostgreSQL we started ourselves is ours to stop.
pg_dir=.data/pg
stop_pg=0
[[ -n "${ConnectionStrings__Postgres:-}" ]] || stop_pg=1

api_pid=""
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  local rc=$?
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  if [[ $stop_pg -eq 1 ]]; then
    # Blank the variable we exported, or pg.sh would treat the DB as external.
    ConnectionStrings__Postgres='' scripts/pg.sh stop "$pg_dir" || true
  fi
  exit "$rc"
}
# Set before starting PostgreSQL so a failure halfway still stops it.
trap cleanup EXIT

# The local database archives its WAL into .data/backups/wal, so make backup and scripts/restore.sh
# can bring it back to any moment (docs/OPERATIONS.md "Backups and restore"). IPF_PG_WAL_ARCHIVE
# names another folder, or "off"; a folder chosen before stays (.data/pg/wal-archive).
wal_archive=${IPF_PG_WAL_ARCHIVE:-}
[[ -n "$wal_archive" || -s "$pg_dir/wal-archive" ]] || wal_archive=$PWD/.data/backups/wal
conn=$(IPF_PG_WAL_ARCHIVE=$wal_archive scripts/pg.sh start "$pg_dir" | tail -n 1)
[[ -n "$conn" ]] || die "scripts/pg.sh printed no connection string"
export ConnectionStrings__Postgres=$conn

# shellcheck source=scripts/dev-env.sh
source scripts/dev-env.sh

# The caller's environment wins over these defaults.
export IPF_DATA_DIR=${IPF_DATA_DIR:-$PWD/.data}
export Demo__Seed=${Demo__Seed:-true}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-${IPF_URLS:-http://localhost:3000}}

echo "run.sh: starting the Api on $ASPNETCORE_URLS (admin: $IPF_ADMIN_EMAIL, passwords in .data/dev.env)" >&2

# Run in the background and wait, so INT/TERM reach our trap at once instead
# of after the Api exits. `dotnet run` forwards SIGTERM to the Api, which then
# shuts down gracefully.
dotnet run --no-build -c Release --project src/Api &
api_pid=$!
trap 'kill -TERM "$api_pid" 2>/dev/null || true' INT TERM HUP

rc=0
wait "$api_pid" || rc=$?
# A trapped signal interrupts wait; keep waiting for the graceful shutdown.
while kill -0 "$api_pid" 2>/dev/null; do
  rc=0
  wait "$api_pid" || rc=$?
done
api_pid=""
exit "$rc"
