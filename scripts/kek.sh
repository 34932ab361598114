#!/usr/bin/env bash
# Key-encryption keys (KEKs) for development: the product seals signing keys, POS secrets and webhook secrets in
# the database with them (docs/OPERATIONS.md "Secrets at rest"). A KEK file holds lines id:base64 of 32 random
# bytes; the last line seals new secrets, the others still open what they sealed.
#
#   scripts/kek.sh FILE        make FILE with one KEK unless it exists (mode 600 from the start); prints nothing
#   scripts/kek.sh --add FILE  append a fresh KEK to FILE and print its id (rotation; then `rotate-kek` reseals)
#
# Production keeps its KEK file in a secret store (a Kubernetes Secret), never in the repository or a backup.
set -euo pipefail

die() { printf 'kek.sh: error: %s\n' "$*" >&2; exit 1; }

add=0
if [[ "${1:-}" == --add ]]; then add=1; shift; fi
[[ $# -eq 1 ]] || { echo "usage: $0 [--add] FILE" >&2; exit 2; }
file=$1

new_entry() {
  local id key
  id=kek-$(date -u +%Y%m%d%H%M%S)-$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
  key=$(head -c 32 /dev/urandom | base64 -w0)
  printf '%s:%s\n' "$id" "$key"
}

mkdir -p "$(dirname "$file")"
if [[ $add -eq 0 ]]; then
  [[ -s "$file" ]] && exit 0
  (umask 077 && new_entry >"$file")
  exit 0
fi

[[ -s "$file" ]] || die "$file does not exist; the first KEK comes from: $0 $file"
entry=$(new_entry)
(umask 077 && printf '%s\n' "$entry" >>"$file")
printf '%s\n' "${entry%%:*}"
