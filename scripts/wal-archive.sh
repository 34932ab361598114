#!/usr/bin/env bash
# PostgreSQL's archive_command and restore_command (written by scripts/pg.sh and scripts/restore.sh): WAL segments
# and timeline history files go into the archive gzipped and encrypted like the base backups (scripts/backup-key.sh),
# as NAME.gz.gpg, so a copied archive folder reads as nothing without the backup key.
#
#   wal-archive.sh push KEY FOLDER PATH NAME   archive PATH (%p) as FOLDER/NAME.gz.gpg (%f)
#   wal-archive.sh fetch KEY FOLDER NAME PATH  the archived NAME (%f) decrypted into PATH (%p)
#
# KEY is a copy of the backup key the PostgreSQL OS user may read (DIR/wal-archive.key).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
die() { printf 'wal-archive.sh: error: %s\n' "$*" >&2; exit 1; }
[[ $# -eq 5 ]] || die "usage: $0 push KEY FOLDER PATH NAME | fetch KEY FOLDER NAME PATH"
IPF_BACKUP_KEY_FILE=$2
# shellcheck source=scripts/backup-key.sh
source "$ROOT/scripts/backup-key.sh"
folder=$3

push() {
  local path=$1 file=$folder/$2.gz.gpg
  # The same segment sent again after a crash is accepted when identical, or PostgreSQL would retry it forever;
  # a different one is never overwritten.
  if [[ -f "$file" ]]; then
    backup_decrypt "$file" | gunzip -c | cmp -s - "$path"
    return
  fi
  [[ -s "$BACKUP_KEY_FILE" ]] || die "the archive key $BACKUP_KEY_FILE is missing"
  rm -f "$file.part"
  gzip -n -1 -c "$path" | backup_encrypt - "$file.part"
  sync "$file.part"
  mv "$file.part" "$file"
  sync "$folder"
}

fetch() {
  local name=$1 path=$2
  if [[ -f "$folder/$name.gz.gpg" ]]; then
    # PostgreSQL ends recovery on a failure but aborts it on an exit status above 125: a segment that is there and
    # does not decrypt (another key, a changed file) must stop the restore, not end it early at that point.
    [[ -s "$BACKUP_KEY_FILE" ]] || { echo "wal-archive.sh: the archive key $BACKUP_KEY_FILE is missing" >&2; exit 200; }
    { backup_decrypt "$folder/$name.gz.gpg" | gunzip -c >"$path"; } || exit 200
  elif [[ -f "$folder/$name.gz" ]]; then
    # Archived before the archive was encrypted.
    gunzip -c "$folder/$name.gz" >"$path" || exit 200
  else
    exit 1
  fi
}

case "$1" in
  push) push "$4" "$5" ;;
  fetch) fetch "$4" "$5" ;;
  *) die "unknown command '$1'" ;;
esac
