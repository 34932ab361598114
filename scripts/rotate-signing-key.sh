#!/usr/bin/env bash
# Adds a fresh access-token signing key to the cluster's ring (app.signing_keys, sealed with the KEK); see docs/SECURITY.md.
# Uses ConnectionStrings__Postgres (and Secrets__KeyEncryptionKeyFile or Secrets__KeyEncryptionKey) when set, else the
# local database of `make run` (.data/pg) and its KEK (.data/keys/kek).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -z "${ConnectionStrings__Postgres:-}" ]]; then
  ConnectionStrings__Postgres="$(scripts/pg.sh start .data/pg | tail -n 1)"
  # shellcheck source=scripts/dev-env.sh
  source scripts/dev-env.sh
fi
dotnet build src/Silo -c Release -v q -nologo >&2
ConnectionStrings__Postgres="$ConnectionStrings__Postgres" Serilog__MinimumLevel__Default=Warning \
  dotnet src/Silo/bin/Release/net10.0/InventoryProFlow.Silo.dll rotate-signing-key
