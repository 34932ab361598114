#!/usr/bin/env bash
# Proves quantity = sum of ledger for every product-location; exit 1 lists the differences.
# Uses ConnectionStrings__Postgres when set, else the local database of `make run` (.data/pg).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
connection="$(scripts/pg.sh start .data/pg | tail -n 1)"
dotnet build src/Silo -c Release -v q -nologo >&2
ConnectionStrings__Postgres="$connection" Serilog__MinimumLevel__Default=Warning \
  dotnet src/Silo/bin/Release/net10.0/InventoryProFlow.Silo.dll verify-ledger
