#!/usr/bin/env bash
# `make forecast-eval [DATA=path]`: rolling-origin backtest of the demand model (src/Grains/Analytics/Forecasting)
# on a sales CSV with the columns date,store_number,item_number,bottles_sold (default: the Iowa 4-store history in
# ../shared/data). Builds bench/ForecastEval in Release, runs it, prints the JSON last on stdout and leaves
# build/forecast-eval/result.json and chart.svg. Progress goes to stderr. See docs/FORECASTING.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/build/forecast-eval
ARTIFACTS=$OUT/artifacts
DATA=${DATA:-$ROOT/../shared/data/iowa_sales_4stores_2016_2021.csv}

log() { printf 'forecast-eval.sh: %s\n' "$*" >&2; }

[[ -f $DATA ]] || { log "error: no data file at $DATA (set DATA=path)"; exit 1; }
DATA=$(cd "$(dirname "$DATA")" && pwd)/$(basename "$DATA")

log "building bench/ForecastEval (Release)"
dotnet build bench/ForecastEval/ForecastEval.csproj -c Release -nologo -v q -o "$ARTIFACTS" >&2

log "backtest on $DATA"
start=$(date +%s)
dotnet "$ARTIFACTS/InventoryProFlow.Bench.ForecastEval.dll" "$DATA" "$OUT"
log "done in $(( $(date +%s) - start )) s; $OUT/result.json, $OUT/chart.svg"
