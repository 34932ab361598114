#!/usr/bin/env bash
# Point-in-time recovery: a base backup of scripts/backup.sh plus the WAL archive, into a NEW
# scripts/pg.sh folder, started on a free loopback port.
#
#   scripts/restore.sh [--backup FOLDER] [--archive FOLDER|none] [--target-time TIME] DEST
#
#   --backup       a backup folder; default the newest in IPF_BACKUP_DIR (.data/backups/base) that
#                  finished before TIME (the newest of all without TIME)
#   --archive      the WAL archive; default the one .data/pg archives into (.data/pg/wal-archive), else
#                  .data/backups/wal. "none": the backup alone, as it was when it finished
#   --target-time  replay up to this moment (any `date -d` form, e.g. "2026-11-26 14:05:00+00"): every
#                  transaction committed at or before it, none after. Default: the end of the archive
#   DEST           a folder that does not exist or is empty
#
# The backup is decrypted with IPF_BACKUP_KEY_FILE (default .data/keys/backup.key; scripts/backup-key.sh), unpacked
# into DEST/data and checked with pg_verifybackup; PostgreSQL then replays the
# archive, promotes itself to a new timeline and is writable. Prints the connection string last, like
# scripts/pg.sh start; afterwards scripts/pg.sh stop|start|url DEST work on it. DEST/restore.info
# records what was restored. The restored cluster does not archive its WAL unless IPF_PG_WAL_ARCHIVE
# names a folder (going live: docs/OPERATIONS.md "Backups and restore").
set -euo pipefail

# Paths given by the caller are relative to where it stands; the defaults to the repository.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT PG_SH=$ROOT/scripts/pg.sh

log() { printf 'restore.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
usage() {
  echo "usage: $0 [--backup FOLDER] [--archive FOLDER|none] [--target-time TIME] DEST" >&2
  exit 2
}

backup="" archive="" target="" dest=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --backup) [[ $# -ge 2 ]] || usage; backup=$2; shift 2 ;;
    --archive) [[ $# -ge 2 ]] || usage; archive=$2; shift 2 ;;
    --target-time) [[ $# -ge 2 ]] || usage; target=$2; shift 2 ;;
    -*) usage ;;
    *) [[ -z "$dest" ]] || usage; dest=$1; shift ;;
  esac
done
[[ -n "$dest" ]] || usage

started=$SECONDS
TOOLS=$("$PG_SH" bin) || die "PostgreSQL binaries not found"

# ---------------------------------------------------------------- refuse bad input before touching anything

if [[ -e "$dest" ]]; then
  [[ -d "$dest" && -z $(ls -A "$dest") ]] || die "$dest is not empty; restore into a new folder"
fi
case "$dest" in
  *[[:space:]]* | *[\'\"\,\\\$\`]*) die "DEST must not contain spaces, quotes, commas or shell metacharacters: '$dest'" ;;
esac
# restore_command names scripts/wal-archive.sh by its path.
case "$ROOT" in
  *[[:space:]]* | *[\'\"\,\\\$\`]*) die "the repository path must not contain spaces, quotes, commas or shell metacharacters: '$ROOT'" ;;
esac

# Times are compared in microseconds since the epoch: sales a few milliseconds apart fall on the right sides,
# and a target a moment after a backup's end is after it.
target_us=""
if [[ -n "$target" ]]; then
  target_us=$(date -d "$target" +%s%6N 2>/dev/null) || die "--target-time '$target' is not a time date(1) understands"
  target=$(date -u -d "$target" '+%Y-%m-%d %H:%M:%S.%6N+00')
  ((target_us <= $(date +%s%6N))) || die "--target-time $target is in the future; leave it out to restore to the end of the archive"
fi

info() { sed -n "s/^$1=//p" "$2/backup.info"; }
# Backups taken before finished_us was recorded have their end rounded up to a whole second.
finished_us() {
  local us
  us=$(info finished_us "$1")
  [[ -n "$us" ]] || us=$(($(info finished_epoch "$1") * 1000000))
  echo "$us"
}

if [[ -z "$backup" ]]; then
  base_dir=${IPF_BACKUP_DIR:-$ROOT/.data/backups/base}
  [[ -d "$base_dir" ]] || die "no backups in $base_dir (IPF_BACKUP_DIR); take one with make backup"
  while IFS= read -r candidate; do
    [[ -f "$base_dir/$candidate/backup.info" ]] || continue
    if [[ -z "$target_us" ]] || (($(finished_us "$base_dir/$candidate") <= target_us)); then
      backup=$base_dir/$candidate
    fi
  done < <(find "$base_dir" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*T*Z' -printf '%f\n' | sort)
  [[ -n "$backup" ]] || die "no backup in $base_dir finished before $target"
fi
[[ -d "$backup" ]] || die "backup $backup does not exist"
for f in backup_manifest backup.info; do
  [[ -s "$backup/$f" ]] || die "$backup is not a complete backup of scripts/backup.sh (no $f)"
done
backup=$(cd "$backup" && pwd -P)
# shellcheck source=scripts/backup-key.sh
source "$ROOT/scripts/backup-key.sh"
# Backups from before encryption hold the plain archives; encrypted ones need the key they were taken with.
encrypted=0
[[ "$(info encryption "$backup")" != gpg-aes256 ]] || encrypted=1
suffix=$([[ $encrypted == 1 ]] && echo .gpg || true)
for f in base.tar.gz pg_wal.tar.gz; do
  [[ -s "$backup/$f$suffix" ]] || die "$backup is not a complete backup of scripts/backup.sh (no $f$suffix)"
done
if [[ $encrypted == 1 ]]; then
  [[ -s "$BACKUP_KEY_FILE" ]] || die "$backup is encrypted; its key $BACKUP_KEY_FILE (IPF_BACKUP_KEY_FILE) does not exist"
  [[ "$(backup_key_fingerprint)" == "$(info key_fingerprint "$backup")" ]] ||
    die "$backup was encrypted with the key of fingerprint $(info key_fingerprint "$backup"), not $BACKUP_KEY_FILE ($(backup_key_fingerprint)); set IPF_BACKUP_KEY_FILE"
fi
# unpack ARCHIVE FOLDER: a (decrypted) tar.gz of the backup into FOLDER.
unpack() {
  if [[ $encrypted == 1 ]]; then
    backup_decrypt "$backup/$1.gpg" | tar -xzf - -C "$2" || die "could not decrypt and unpack $1.gpg"
  else
    tar -xzf "$backup/$1" -C "$2"
  fi
}
finished_at=$(info finished_at "$backup")
if [[ -n "$target_us" ]] && ((target_us < $(finished_us "$backup"))); then
  die "--target-time $target is before backup $(basename "$backup") finished ($finished_at); choose an older backup or a later time"
fi

if [[ -z "$archive" ]]; then
  archive=$ROOT/.data/backups/wal
  [[ ! -s "$ROOT/.data/pg/wal-archive" ]] || archive=$(<"$ROOT/.data/pg/wal-archive")
fi
if [[ "$archive" == none ]]; then
  [[ -z "$target" ]] || die "--target-time needs the WAL archive (--archive FOLDER); a backup alone ends at $finished_at"
else
  [[ -d "$archive" ]] || die "WAL archive $archive does not exist (--archive FOLDER, or none)"
  archive=$(cd "$archive" && pwd -P)
  case "$archive" in
    *[[:space:]]* | *[\'\"\,\\\$\`\;\&\|\<\>\(\)\*\?]*) die "the archive path must not contain spaces, quotes or shell metacharacters: '$archive'" ;;
  esac
  archive_id=$(cat "$archive/system-identifier" 2>/dev/null || true)
  [[ -z "$archive_id" || "$archive_id" == "$(info system_identifier "$backup")" ]] ||
    die "$archive holds another cluster's WAL (system identifier $archive_id, the backup's is $(info system_identifier "$backup"))"
fi

# ---------------------------------------------------------------- unpack and check

log "restoring $backup (finished $finished_at) into $dest${target:+, up to $target}"
mkdir -p "$dest/data/pg_wal"
dest=$(cd "$dest" && pwd -P)
data=$dest/data
unpack base.tar.gz "$data"
unpack pg_wal.tar.gz "$data/pg_wal"
"$TOOLS/pg_verifybackup" -q -m "$backup/backup_manifest" "$data" >&2 || die "pg_verifybackup rejected $backup"

# The source's archiving settings stay behind: a trial restore must not write into the live archive.
rm -f "$data/ipf-wal-archive.conf"
if [[ "$archive" != none ]]; then
  # archive_command's counterpart (scripts/wal-archive.sh), with the backup key copied for the PostgreSQL OS user.
  if [[ -s "$BACKUP_KEY_FILE" ]]; then
    backup_key_copy "$dest/wal-archive.key"
  elif compgen -G "$archive/*.gpg" >/dev/null; then
    die "the WAL archive $archive is encrypted; its key $BACKUP_KEY_FILE (IPF_BACKUP_KEY_FILE) does not exist"
  fi
  {
    echo "# scripts/restore.sh, removed once recovery ends"
    echo "restore_command = '$ROOT/scripts/wal-archive.sh fetch $dest/wal-archive.key $archive %f %p'"
    [[ -z "$target" ]] || echo "recovery_target_time = '$target'"
    echo "recovery_target_action = 'promote'"
  } >>"$data/postgresql.auto.conf"
  touch "$data/recovery.signal"
fi
# Without recovery.signal the server replays the WAL of the backup itself (backup_label) and opens.
if [[ $(id -u) -eq 0 ]]; then
  chown -R postgres: "$dest"
fi

# ---------------------------------------------------------------- start, replay, promote

# pg.sh waits until the archive is replayed, then gives the `ipf` role a password of DEST's own.
conn=$("$PG_SH" start "$dest" | tail -n 1) || die "scripts/pg.sh start $dest failed (log: $dest/log/postgres.log)"
psql_dest() { "$TOOLS/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$dest/sock" -p "$(<"$dest/port")" -U ipf -d postgres "$@"; }
if [[ "$archive" != none ]]; then
  psql_dest -c "ALTER SYSTEM RESET restore_command" -c "ALTER SYSTEM RESET recovery_target_time" \
    -c "ALTER SYSTEM RESET recovery_target_action" -c "SELECT pg_reload_conf()" >/dev/null
fi

pglog=$dest/log/postgres.log
segments=$(grep -c 'restored log file "[0-9A-F]\{24\}"' "$pglog" || true)
stopped=$(grep -o 'recovery stopping before .*' "$pglog" | tail -n 1 || true)
last_commit=$(grep -o 'last completed transaction was at log time .*' "$pglog" | tail -n 1 | sed 's/.*log time //' || true)
timeline=$(grep -o 'selected new timeline ID: [0-9]*' "$pglog" | tail -n 1 | grep -o '[0-9]*$' || true)
seconds=$((SECONDS - started))
cat >"$dest/restore.info" <<INFO
backup=$backup
archive=$archive
target_time=$target
segments_replayed_from_archive=$segments
recovery_stop=$stopped
last_transaction=$last_commit
timeline=$timeline
seconds=$seconds
INFO
log "restored in $seconds s: $segments WAL segments from the archive, ${stopped:-replayed to the end}; last transaction ${last_commit:-?}; timeline $timeline"
printf '%s\n' "$conn"
