#!/usr/bin/env bash
# `make rotate-kek`: a new key-encryption key (KEK) seals every secret in the database (docs/OPERATIONS.md
# "Secrets at rest"). Locally (no ConnectionStrings__Postgres): appends a fresh KEK to .data/keys/kek, then reseals.
# Against another database: add the new KEK as the last entry of the KEK file or value every node reads first, then
# run this with ConnectionStrings__Postgres and Secrets__KeyEncryptionKeyFile (or Secrets__KeyEncryptionKey) set; it
# only reseals. Older KEKs stay in the file until this reports that no secret needs them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -z "${ConnectionStrings__Postgres:-}" ]]; then
  ConnectionStrings__Postgres="$(scripts/pg.sh start .data/pg | tail -n 1)"
  # shellcheck source=scripts/dev-env.sh
  source scripts/dev-env.sh
  [[ -n "${Secrets__KeyEncryptionKeyFile:-}" ]] || { echo "rotate-kek.sh: error: Secrets__KeyEncryptionKey is set; rotate it by hand" >&2; exit 1; }
  echo "rotate-kek.sh: added the key-encryption key $(scripts/kek.sh --add "$Secrets__KeyEncryptionKeyFile") to $Secrets__KeyEncryptionKeyFile" >&2
fi
[[ -n "${Secrets__KeyEncryptionKeyFile:-}${Secrets__KeyEncryptionKey:-}" ]] ||
  { echo "rotate-kek.sh: error: set Secrets__KeyEncryptionKeyFile or Secrets__KeyEncryptionKey (the new KEK last)" >&2; exit 1; }
dotnet build src/Silo -c Release -v q -nologo >&2
ConnectionStrings__Postgres="$ConnectionStrings__Postgres" Serilog__MinimumLevel__Default=Warning \
  dotnet src/Silo/bin/Release/net10.0/InventoryProFlow.Silo.dll rotate-kek
