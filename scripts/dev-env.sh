#!/usr/bin/env bash
# Development secrets for `make run`. Sourced by scripts/run.sh, which
# already runs with `set -euo pipefail`; this file deliberately sets no shell
# options so sourcing it from an interactive shell cannot kill that shell.
#
# Creates .data/dev.env once (mode 600) with random passwords, then exports
# each variable unless the environment already sets it (environment wins);
# and .data/keys/kek, the key-encryption key (Secrets__KeyEncryptionKeyFile).

_ipf_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_ipf_env_file=$_ipf_root/.data/dev.env

# 20 random letters/digits, then a fixed "Aa1!" tail so every password meets
# the usual complexity rules (upper, lower, digit, symbol).
_ipf_random_password() {
  local s
  s=$(head -c 48 /dev/urandom | base64 | tr -dc A-Za-z0-9)
  printf '%sAa1!' "${s:0:20}"
}

# Add a key only if the file lacks it, so existing secrets never change.
_ipf_ensure_key() {
  local key=$1 value=$2
  grep -q "^${key}=" "$_ipf_env_file" 2>/dev/null && return 0
  printf '%s=%s\n' "$key" "$value" >>"$_ipf_env_file"
}

mkdir -p "$_ipf_root/.data"
(umask 077 && touch "$_ipf_env_file")
chmod 600 "$_ipf_env_file"
_ipf_ensure_key IPF_ADMIN_EMAIL admin@threerivers.example
_ipf_ensure_key IPF_ADMIN_PASSWORD "$(_ipf_random_password)"
_ipf_ensure_key IPF_DEMO_PASSWORD "$(_ipf_random_password)"

# The key-encryption key that seals the secrets in the database (docs/OPERATIONS.md "Secrets at rest"),
# made once; a KEK the environment already names wins.
"$_ipf_root/scripts/kek.sh" "$_ipf_root/.data/keys/kek"
if [[ -z "${Secrets__KeyEncryptionKeyFile:-}" && -z "${Secrets__KeyEncryptionKey:-}" ]]; then
  export Secrets__KeyEncryptionKeyFile=$_ipf_root/.data/keys/kek
fi

# Read KEY=VALUE lines literally instead of sourcing, so values are data.
while IFS= read -r _ipf_line || [[ -n "$_ipf_line" ]]; do
  [[ "$_ipf_line" =~ ^([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
  _ipf_key=${BASH_REMATCH[1]}
  if [[ -z "${!_ipf_key:-}" ]]; then
    export "$_ipf_key=${BASH_REMATCH[2]}"
  fi
done <"$_ipf_env_file"

unset -f _ipf_random_password _ipf_ensure_key
unset _ipf_root _ipf_env_file _ipf_line _ipf_key
