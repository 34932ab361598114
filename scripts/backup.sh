#!/usr/bin/env bash
# `make backup`: a base backup of the product's database (pg_basebackup), checked with pg_verifybackup.
#
#   scripts/backup.sh [PG_DIR]
#
# The database: the running scripts/pg.sh cluster in PG_DIR when given; else ConnectionStrings__Postgres
# when set (an Npgsql string: Host, Port, Username, Password); else .data/pg, the database of `make run`.
# The user needs the REPLICATION privilege (the `ipf` owner of a pg.sh cluster has it).
#
# Each backup is a folder IPF_BACKUP_DIR/<UTC time> (default .data/backups/base/20261126T130502Z) holding
# base.tar.gz.gpg, pg_wal.tar.gz.gpg (the WAL written during the backup, enough to make it consistent),
# both encrypted with the key IPF_BACKUP_KEY_FILE (default .data/keys/backup.key, made when missing; see
# scripts/backup-key.sh), backup_manifest (a SHA-256 of every file) and backup.info (times, first WAL
# segment, system identifier, the key's fingerprint).
# It is written as <name>.partial and renamed only once pg_verifybackup has accepted an unpacked copy.
# Then only the newest IPF_BACKUP_KEEP (7) backups stay, and the WAL archive (IPF_PG_WAL_ARCHIVE, else the
# one PG_DIR archives into) loses the segments older than the oldest kept backup needs (pg_archivecleanup).
# Prints the backup's folder last. Restore with scripts/restore.sh; docs/OPERATIONS.md "Backups and restore".
set -euo pipefail

# Paths given by the caller are relative to where it stands; the defaults to the repository.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT PG_SH=$ROOT/scripts/pg.sh

log() { printf 'backup.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[[ $# -le 1 ]] || { echo "usage: $0 [PG_DIR]" >&2; exit 2; }

BASE_DIR=${IPF_BACKUP_DIR:-$ROOT/.data/backups/base}
KEEP=${IPF_BACKUP_KEEP:-7}
[[ "$KEEP" =~ ^[1-9][0-9]*$ ]] || die "IPF_BACKUP_KEEP must be a whole number from 1, not '$KEEP'"

TOOLS=$("$PG_SH" bin) || die "PostgreSQL binaries not found"
# shellcheck source=scripts/backup-key.sh
source "$ROOT/scripts/backup-key.sh"
backup_key_ensure

# ---------------------------------------------------------------- which database

pg_dir=""
if [[ $# -eq 1 ]]; then
  pg_dir=$1
elif [[ -z "${ConnectionStrings__Postgres:-}" ]]; then
  pg_dir=$ROOT/.data/pg
fi
if [[ -n "$pg_dir" ]]; then
  # Blank the variable: the folder named here wins over an external database.
  ConnectionStrings__Postgres='' "$PG_SH" status "$pg_dir" 2>/dev/null ||
    die "no PostgreSQL running in $pg_dir; start it (make run, or scripts/pg.sh start $pg_dir)"
  connection=$(ConnectionStrings__Postgres='' "$PG_SH" url "$pg_dir")
else
  connection=$ConnectionStrings__Postgres
fi

# libpq reads these; the password never appears on a command line. Quoted values are not supported.
IFS=';' read -ra parts <<<"$connection"
for part in "${parts[@]}"; do
  [[ "$part" == *=* ]] || continue
  key=${part%%=*}
  key=${key// /}
  value=${part#*=}
  case "${key,,}" in
    host | server) export PGHOST=$value ;;
    port) export PGPORT=$value ;;
    username | userid | user | uid) export PGUSER=$value ;;
    password | pwd) export PGPASSWORD=$value ;;
    database | db) export PGDATABASE=$value ;;
  esac
done
[[ -n "${PGHOST:-}" && -n "${PGUSER:-}" ]] || die "the connection string names no Host or Username"

archive=${IPF_PG_WAL_ARCHIVE:-}
if [[ -z "$archive" && -n "$pg_dir" && -s "$pg_dir/wal-archive" ]]; then
  archive=$(<"$pg_dir/wal-archive")
fi
[[ "$archive" != off ]] || archive=""
[[ -n "$archive" ]] || log "warning: no WAL archive is known (IPF_PG_WAL_ARCHIVE); this backup restores only to its own end"

# ---------------------------------------------------------------- the backup

mkdir -p "$BASE_DIR"
BASE_DIR=$(cd "$BASE_DIR" && pwd -P)
exec 8>"$BASE_DIR/.lock"
flock -n 8 || die "another backup into $BASE_DIR is running"
# A backup killed halfway leaves only a .partial folder, never one that looks complete.
rm -rf "$BASE_DIR"/*.partial

name=$(date -u +%Y%m%dT%H%M%SZ)
final=$BASE_DIR/$name
partial=$final.partial
[[ ! -e "$final" ]] || die "$final exists already"
unpacked=$partial/unpacked
trap 'rm -rf "$partial"' EXIT

log "base backup of $PGHOST:${PGPORT:-5432} into $final"
started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
started=$SECONDS
# -c fast: an immediate checkpoint, so the backup starts now rather than after a spread one.
"$TOOLS/pg_basebackup" -D "$partial" -Ft -z -X stream -c fast --manifest-checksums=SHA256 \
  -l "ipf $name" --no-password >&2 || die "pg_basebackup failed"
# The backup is consistent as of its end; a point-in-time restore may aim at any later moment. The end is
# read from the server's own clock, to the microsecond, once pg_basebackup has returned: the clock recovery
# targets are compared with, and a moment no earlier than the backup's last WAL record.
finished_us=$("$TOOLS/psql" -X -At -v ON_ERROR_STOP=1 --no-password -d "${PGDATABASE:-postgres}" \
  -c "SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint") || die "could not read the server's clock"
[[ "$finished_us" =~ ^[0-9]+$ ]] || die "the server's clock answered '$finished_us'"
finished_epoch=$((finished_us / 1000000))
finished_at=$(date -u -d "@$finished_epoch" +%Y-%m-%dT%H:%M:%S).$(printf '%06d' $((finished_us % 1000000)))Z
backup_seconds=$((SECONDS - started))

# pg_verifybackup reads plain folders only (PostgreSQL 15): check an unpacked copy, WAL included.
mkdir -p "$unpacked/pg_wal"
tar -xzf "$partial/base.tar.gz" -C "$unpacked"
tar -xzf "$partial/pg_wal.tar.gz" -C "$unpacked/pg_wal"
"$TOOLS/pg_verifybackup" -q -m "$partial/backup_manifest" "$unpacked" >&2 || die "pg_verifybackup rejected the backup"
start_wal=$(sed -n 's/^START WAL LOCATION: .*(file \([0-9A-F]\{24\}\)).*/\1/p' "$unpacked/backup_label")
system_id=$("$TOOLS/pg_controldata" "$unpacked" | sed -n 's/^Database system identifier: *//p')
[[ -n "$start_wal" && -n "$system_id" ]] || die "could not read the backup's first WAL segment or system identifier"
rm -rf "$unpacked"
# Encrypted before the backup counts as taken: no complete backup ever lies on disk in the clear.
for f in base.tar.gz pg_wal.tar.gz; do
  backup_encrypt "$partial/$f" "$partial/$f.gpg" || die "could not encrypt $f"
  rm -f "$partial/$f"
done

cat >"$partial/backup.info" <<INFO
started_at=$started_at
finished_at=$finished_at
finished_epoch=$finished_epoch
finished_us=$finished_us
seconds=$backup_seconds
start_wal=$start_wal
system_identifier=$system_id
source=$PGHOST:${PGPORT:-5432}
encryption=gpg-aes256
key_fingerprint=$(backup_key_fingerprint)
INFO
mv "$partial" "$final"
trap - EXIT
log "verified in $((SECONDS - started)) s: $(du -sh "$final" | cut -f1), first WAL segment $start_wal"

# ---------------------------------------------------------------- retention

mapfile -t backups < <(find "$BASE_DIR" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*T*Z' -printf '%f\n' | sort)
while ((${#backups[@]} > KEEP)); do
  log "removing the old backup ${backups[0]} (IPF_BACKUP_KEEP=$KEEP)"
  rm -rf "${BASE_DIR:?}/${backups[0]}"
  backups=("${backups[@]:1}")
done
if [[ -n "$archive" && -d "$archive" ]]; then
  oldest_wal=$(sed -n 's/^start_wal=//p' "$BASE_DIR/${backups[0]}/backup.info")
  # Only segments of this cluster: another cluster's backups say nothing about this archive.
  if [[ -n "$oldest_wal" && $(cat "$archive/system-identifier" 2>/dev/null) == "$system_id" ]]; then
    # Encrypted segments (scripts/wal-archive.sh), and those archived before the archive was encrypted.
    for ext in .gz.gpg .gz; do
      "$TOOLS/pg_archivecleanup" -x "$ext" "$archive" "$oldest_wal" >&2 ||
        log "warning: pg_archivecleanup failed; the archive keeps its old $ext segments"
    done
  fi
fi

printf '%s\n' "$final"
