#!/usr/bin/env bash
# `make chaos`: faults under a steady sales load on a real cluster on loopback, and proof that nothing
# acknowledged was lost or applied twice.
#
#   1. build bench/LoadGenerator (and, unless IPF_CLUSTER_BUILD=0, src/Silo and src/Api) in Release;
#   2. start a cluster of its own with scripts/cluster.sh: 3 silos, 2 Api nodes on :3110 and :3111, a fresh
#      PostgreSQL in build/chaos/cluster/pg (ports offset by 10 from `make cluster`, so both can run);
#   3. `loadgen chaos` signs up an organisation, then its tills ring sales through both Api nodes at a steady
#      rate (and move stock between two locations) while, one after the other: silo 2 is killed with -9 (and
#      started again), Api node 1 is killed with -9 (and started again), PostgreSQL is stopped and started;
#   4. it stops the load, reads the ledger directly and compares it with its own record of acknowledgements,
#      asks the product to verify its ledger, and writes build/chaos/result.json (printed last on stdout)
#      and a TAP report (CHAOS_TAP, default build/chaos/chaos.tap) that `make test` counts;
#   5. the cluster is stopped on any exit. Exit status 1 when a check failed.
#
#   scripts/chaos.sh           the full run (20 s of load around each fault; about 5 minutes)
#   scripts/chaos.sh --short   the short form CI runs (8 s around each fault)
#
# Settings (environment): CHAOS_TILLS, CHAOS_SALES_PER_SECOND, CHAOS_PHASE_SECONDS, CHAOS_OUTAGE_SECONDS,
# CHAOS_PRODUCTS, CHAOS_GIVE_UP_SECONDS (see bench/LoadGenerator/Chaos/ChaosSettings.cs); the membership
# timings come from scripts/cluster.sh (Orleans__Membership__*).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly OUT=$PWD/build/chaos
readonly ARTIFACTS=$OUT/artifacts

log() { printf 'chaos.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

case "${1:-}" in
  "") phase=20 outage=8 tills=8 rate=80 ;;
  --short) phase=8 outage=4 tills=4 rate=40 ;;
  *) die "usage: $0 [--short]" ;;
esac
export CHAOS_PHASE_SECONDS=${CHAOS_PHASE_SECONDS:-$phase} CHAOS_OUTAGE_SECONDS=${CHAOS_OUTAGE_SECONDS:-$outage}
export CHAOS_TILLS=${CHAOS_TILLS:-$tills} CHAOS_SALES_PER_SECOND=${CHAOS_SALES_PER_SECOND:-$rate}

command -v dotnet >/dev/null || die "dotnet not found; install the .NET 10 SDK"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export IPF_CLUSTER_DIR=$OUT/cluster IPF_CLUSTER_PORT_OFFSET=10 IPF_CLUSTER_WEB=0 IPF_CLUSTER_DEMO=0
# The run's organisation is on the starter tier, whose hourly allowance the load spends in seconds.
export RateLimits__StarterCallsPerHour=unlimited Serilog__MinimumLevel__Default=Warning
readonly NODES=http://127.0.0.1:3110,http://127.0.0.1:3111

mkdir -p "$OUT"
rm -f "$OUT/result.json"
trap 'scripts/cluster.sh stop 2>/dev/null || true' EXIT

log "building bench/LoadGenerator (Release)"
dotnet build bench/LoadGenerator -c Release -nologo -v q --artifacts-path "$ARTIFACTS" >"$OUT/build.log" 2>&1 ||
  { tail -n 30 "$OUT/build.log" >&2; die "the load generator did not build (build/chaos/build.log)"; }
readonly LOADGEN=$ARTIFACTS/bin/LoadGenerator/release/InventoryProFlow.Bench.LoadGenerator.dll

started=$SECONDS
log "starting the cluster (3 silos, 2 Api nodes) in build/chaos/cluster"
scripts/cluster.sh start >"$OUT/cluster.log" 2>&1 || { tail -n 30 "$OUT/cluster.log" >&2; die "the cluster did not start (build/chaos/cluster.log)"; }
log "cluster up in $((SECONDS - started)) s; load and faults ($CHAOS_PHASE_SECONDS s around each fault)"

rc=0
# Bounded whatever happens inside: the whole run stays within its 10 minutes.
# The cluster has no SMTP server: the sign-up link is in its processes' logs.
IPF_API_LOG=$IPF_CLUSTER_DIR/logs timeout --kill-after=10 420 dotnet "$LOADGEN" chaos --nodes "$NODES" --cluster scripts/cluster.sh \
  --connection "$IPF_CLUSTER_DIR/connection" --membership "$IPF_CLUSTER_DIR/membership.env" --out "$OUT/result.json" --tap "${CHAOS_TAP:-$OUT/chaos.tap}" || rc=$?

scripts/cluster.sh stop 2>/dev/null || true
trap - EXIT
[[ -s "$OUT/result.json" ]] || die "no summary (exit $rc); logs in build/chaos/cluster/logs"
log "done in $((SECONDS - started)) s (logs: build/chaos/cluster/logs)"
cat "$OUT/result.json"
exit "$rc"
