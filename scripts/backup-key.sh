#!/usr/bin/env bash
# Sourced by scripts/backup.sh and scripts/restore.sh: base backups are encrypted at rest with GnuPG's symmetric
# AES-256 (OpenPGP, with its integrity check, so a changed file does not decrypt) under a key file kept OUTSIDE the
# backups: IPF_BACKUP_KEY_FILE, default .data/keys/backup.key (made on the first backup when it is the default).
# backup.info records the key's fingerprint (not the key), so a restore with another key stops with a clear message.
# Needs the caller's die() and ROOT.

BACKUP_KEY_FILE=${IPF_BACKUP_KEY_FILE:-$ROOT/.data/keys/backup.key}

# Makes the default key once (32 random bytes, base64, mode 600); a key named by IPF_BACKUP_KEY_FILE must exist.
backup_key_ensure() {
  [[ -s "$BACKUP_KEY_FILE" ]] && return 0
  [[ -z "${IPF_BACKUP_KEY_FILE:-}" ]] || die "the backup key $BACKUP_KEY_FILE (IPF_BACKUP_KEY_FILE) does not exist"
  mkdir -p "$(dirname "$BACKUP_KEY_FILE")"
  (umask 077 && head -c 32 /dev/urandom | base64 -w0 >"$BACKUP_KEY_FILE")
}

backup_key_fingerprint() { sha256sum "$BACKUP_KEY_FILE" | cut -c1-16; }

# backup_key_copy FILE: a copy of the key (mode 600) that the PostgreSQL OS user can be given, for archive_command
# and restore_command (scripts/wal-archive.sh); the caller hands it over.
backup_key_copy() { (umask 077 && cat "$BACKUP_KEY_FILE" >"$1"); }

# GnuPG with a throw-away home, so nothing is read from or left in ~/.gnupg.
_backup_gpg() {
  command -v gpg >/dev/null || die "gpg not found; install gnupg (apt-get install gnupg)"
  local home rc=0
  home=$(mktemp -d)
  gpg --homedir "$home" --batch --quiet --no-tty --pinentry-mode loopback --passphrase-file "$BACKUP_KEY_FILE" "$@" || rc=$?
  rm -rf "$home"
  return $rc
}

# backup_encrypt IN OUT: OUT is IN encrypted (IN is already gzip-compressed, so no compression again).
backup_encrypt() { _backup_gpg --symmetric --cipher-algo AES256 --s2k-digest-algo SHA512 --compress-algo none -o "$2" "$1"; }

# backup_decrypt IN: IN decrypted to standard output; fails when the key is wrong or IN was changed.
backup_decrypt() { _backup_gpg --decrypt "$1"; }
