# shellcheck shell=bash
# The cluster run of `make bench`, sourced by scripts/bench.sh (its settings, log/die, loadgen, seed_organisation
# and run_load). For each silo count of BENCH_CLUSTER_SILOS:
#   1. a cluster of its own from scripts/cluster.sh in build/bench-cluster/silos-N: a fresh PostgreSQL, N silos and
#      one Api node in Client mode, no web app, no demo, run from the Release build in build/bench/artifacts;
#   2. the organisation of the single-process run, then the cluster restarted so that no grain holds what it read
#      before the bulk load;
#   3. warm-up and the hot-spot phase for BENCH_CLUSTER_SECONDS through the Api node, the ledger verification, and
#      the sales per ledger commit;
#   4. the cluster stopped (also by scripts/bench.sh's EXIT trap, through stop_bench_cluster).
# Results: build/bench/cluster/silos-N/ (http.json, commit-batches.csv, loadgen.log, cluster.log); the processes'
# logs: build/bench-cluster/silos-N/logs/.

# Ports of scripts/cluster.sh plus 20: `make cluster` runs at offset 0 and the chaos run at 10.
readonly BENCH_CLUSTER_PORT_OFFSET=20
# One Api node: the HTTP front end stays the same for every silo count, so only the silos change; on two cores a
# second Api process would be one more runtime competing for the same CPU, not more capacity.
readonly BENCH_CLUSTER_APIS=1

running_cluster_dir=""
running_silos=1

# scripts/cluster.sh on the bench's current cluster. The Api node and the silos log at Warning as the single
# process does, and the allowances of BENCH_LIMITS (scripts/bench.sh) are lifted in every one of them (the gate and
# POS line grains live in the silos).
bench_cluster() {
  IPF_CLUSTER_DIR=$running_cluster_dir IPF_CLUSTER_PORT_OFFSET=$BENCH_CLUSTER_PORT_OFFSET \
    IPF_CLUSTER_SILOS=$running_silos IPF_CLUSTER_APIS=$BENCH_CLUSTER_APIS \
    IPF_CLUSTER_WEB=0 IPF_CLUSTER_DEMO=0 IPF_CLUSTER_ARTIFACTS="$ARTIFACTS" \
    Serilog__MinimumLevel__Default=Warning \
    env "${BENCH_LIMITS[@]}" scripts/cluster.sh "$@"
}

# For the EXIT trap: stops the cluster that is up, if any.
stop_bench_cluster() {
  [[ -n "$running_cluster_dir" ]] || return 0
  bench_cluster stop >/dev/null 2>&1 || true
  running_cluster_dir=""
}

cluster_bench() {
  local silos dir base pids n
  for silos in $BENCH_CLUSTER_SILOS; do
    dir=$OUT/cluster/silos-$silos
    mkdir -p "$dir"
    running_silos=$silos
    running_cluster_dir=$ROOT/build/bench-cluster/silos-$silos
    log "cluster, $silos silo(s): load average $(cut -d ' ' -f 1-3 /proc/loadavg) before; starting it (log: build/bench/cluster/silos-$silos/cluster.log)"
    bench_cluster start >>"$dir/cluster.log" 2>&1 ||
      { tail -n 30 "$dir/cluster.log" >&2; die "scripts/cluster.sh start failed (log: $dir/cluster.log)"; }
    base=$(bench_cluster api-url 1)
    [[ -n "$PG_VERSION" ]] || PG_VERSION=$(psql_in "$running_cluster_dir/pg" -c "SHOW server_version")

    seed_organisation "$base" "$running_cluster_dir/pg" "$dir" "$running_cluster_dir/logs"
    log "restarting the cluster so nothing loaded before the bulk load is cached"
    bench_cluster restart >>"$dir/cluster.log" 2>&1 ||
      { tail -n 30 "$dir/cluster.log" >&2; die "scripts/cluster.sh restart failed (log: $dir/cluster.log)"; }

    pids=$(<"$running_cluster_dir/pids/silo1")
    for ((n = 2; n <= silos; n++)); do pids+=,$(<"$running_cluster_dir/pids/silo$n"); done
    log "load through $base: $BENCH_CLIENTS clients, warm-up ${BENCH_WARMUP_SECONDS} s, hot-spot ${BENCH_CLUSTER_SECONDS} s"
    run_load "$base" "$dir" BENCH_UNIFORM_SECONDS=0 BENCH_SECONDS="$BENCH_CLUSTER_SECONDS" \
      BENCH_API_PID="$(<"$running_cluster_dir/pids/api1")" BENCH_SILO_PIDS="$pids" \
      BENCH_PG_PID="$(head -n 1 "$running_cluster_dir/pg/data/postmaster.pid")"
    # Each silo group-commits its own movements: how many a commit carried tells how the silos split the writes.
    psql_in "$running_cluster_dir/pg" -F, -f bench/commit-batches.sql >"$dir/commit-batches.csv"
    log "cluster, $silos silo(s): load average $(cut -d ' ' -f 1-3 /proc/loadavg) after; stopping it"
    stop_bench_cluster
  done
}
