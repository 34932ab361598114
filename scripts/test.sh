#!/usr/bin/env bash
# `make test` (and CI): restore, format check, build, then run every test
# project against a throw-away PostgreSQL. The very last line of output is
# always "N passed, N failed, N skipped"; the exit code is non-zero on any
# failure or when no test ran. Works non-interactively (CI=true, no stdin).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly SLN=InventoryProFlow.sln
readonly PG_DIR=build/test-pg
readonly RESULTS=build/test-results

log() { printf 'test.sh: %s\n' "$*" >&2; }

# Throw-away database unless the caller supplies one; stopped on any exit.
own_pg=0
stop_pg() {
  if [[ $own_pg -eq 1 ]]; then
    own_pg=0
    scripts/pg.sh stop "$PG_DIR" >&2 || true
  fi
}

trap stop_pg EXIT

# Report a failure that happened before any test could run. Stop the
# database first so nothing is printed after the summary line.
fail_early() {
  log "$*"
  stop_pg
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
}

command -v dotnet >/dev/null || fail_early "dotnet not found; install the .NET 10 SDK (https://dot.net)"
# The end-to-end and drill scripts pick free ports and read JSON with python3, which a slim Debian may lack.
if ! command -v python3 >/dev/null; then
  log "installing python3 (Debian package)"
  (apt-get update && apt-get install -y python3) >&2 || fail_early "python3 not found and could not be installed"
fi

# Quiet, non-interactive dotnet: no banners, no prompts.
export DOTNET_NOLOGO=1
exec </dev/null

log "restoring"
dotnet restore "$SLN" || fail_early "dotnet restore failed"

log "checking formatting"
if ! dotnet format "$SLN" --verify-no-changes --no-restore; then
  log "formatting differs; run: dotnet format $SLN"
  fail_early "format check failed"
fi

log "building (Release)"
dotnet build "$SLN" -c Release --no-restore -v q -nologo || fail_early "build failed"

# The web app's build goes to build/web, so a tree served by `make run` is left alone.
readonly WEB_OUT=$PWD/build/web
log "building the web app"
WEB_OUT_DIR=$WEB_OUT scripts/web.sh build || fail_early "web app build failed"

# IPF_TEST_DATE (as `make test-dates` sets it): every process from here on, PostgreSQL, the product, the test
# runners and Chromium, lives as if the machine's date were that moment. libfaketime shifts the clocks by one
# offset for all of them, so they agree with each other, and at real speed, so timeouts keep their length. The
# monotonic clock is shifted too: with FAKETIME_DONT_FAKE_MONOTONIC=1, .NET's Thread.Sleep and Monitor.Wait
# return at once under libfaketime 0.9.10 (Npgsql and vstest then time out instantly). Restore and build above
# ran on the real date (package registries' certificates would not).
if [[ -n "${IPF_TEST_DATE:-}" ]]; then
  if ! command -v faketime >/dev/null; then
    log "installing faketime (Debian package)"
    (apt-get update && apt-get install -y faketime) >&2 || fail_early "faketime not found and could not be installed"
  fi
  target=$(date -u -d "$IPF_TEST_DATE" +%s) || fail_early "IPF_TEST_DATE '$IPF_TEST_DATE' is not a time date(1) understands"
  fake_lib=$(dpkg -L libfaketime 2>/dev/null | grep '/libfaketime\.so\.1$' | head -n 1)
  [[ -n "$fake_lib" ]] || fail_early "libfaketime.so.1 not found (Debian package libfaketime)"
  export LD_PRELOAD=$fake_lib FAKETIME="+$((target - $(date +%s)))"
  log "the tests run as if it were $(date -u '+%Y-%m-%d %H:%M:%S UTC') (FAKETIME=$FAKETIME)"
fi

if [[ -n "${ConnectionStrings__Postgres:-}" ]]; then
  IPF_TEST_POSTGRES=$ConnectionStrings__Postgres
else
  # A previous run killed midway may have left its server up.
  scripts/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  own_pg=1
  IPF_TEST_POSTGRES=$(scripts/pg.sh start "$PG_DIR" | tail -n 1) || fail_early "could not start PostgreSQL"
  [[ -n "$IPF_TEST_POSTGRES" ]] || fail_early "scripts/pg.sh printed no connection string"
fi
export IPF_TEST_POSTGRES

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# dotnet test runs every test project even when one fails.
log "running tests"
test_rc=0
dotnet test "$SLN" -c Release --no-build \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$RESULTS" || test_rc=$?

# Stop the database now so its messages cannot follow the summary line.
stop_pg

# Web unit tests (vitest) and the end-to-end test (node:test + playwright-core
# on the system Chromium) write TAP/JSON into $RESULTS/web; counted below.
readonly WEB_RESULTS=$PWD/$RESULTS/web
mkdir -p "$WEB_RESULTS"
log "running web unit tests"
(cd src/Web && npx vitest run --reporter=default --reporter=json --outputFile="$WEB_RESULTS/vitest.json") || true

log "running the web end-to-end tests"
e2e_rc=0
E2E_RESULTS=$WEB_RESULTS scripts/e2e.sh || e2e_rc=$?

# Operations under faults, on the Release build above: the chaos run's short form (a cluster of its own,
# a silo and an Api node killed, PostgreSQL restarted under load) and the restore drill. Each writes TAP.
readonly OPS_RESULTS=$PWD/$RESULTS/operations
mkdir -p "$OPS_RESULTS"
# The deployment files (Dockerfile, Compose, Kubernetes: autoscalers, resources, Ingress, affinity) checked
# without a container engine; they read YAML with PyYAML (Debian's python3-yaml).
if ! python3 -c 'import yaml' 2>/dev/null; then
  log "installing python3-yaml (Debian package) for the deployment checks"
  (apt-get update && apt-get install -y python3-yaml) >&2 || log "python3-yaml could not be installed"
fi
if python3 deploy/check_files.py >"$OPS_RESULTS/deploy-check.log" 2>&1; then
  printf '# pass 1\n# fail 0\n' >"$OPS_RESULTS/deploy-check.tap"
else
  log "the deployment checks failed; last lines of $OPS_RESULTS/deploy-check.log:"
  tail -n 20 "$OPS_RESULTS/deploy-check.log" >&2
  printf '# pass 0\n# fail 1\n' >"$OPS_RESULTS/deploy-check.tap"
fi
log "running the chaos run (short form)"
IPF_CLUSTER_BUILD=0 CHAOS_TAP=$OPS_RESULTS/chaos.tap scripts/chaos.sh --short >"$OPS_RESULTS/chaos.log" 2>&1 ||
  { log "the chaos run failed; last lines of $OPS_RESULTS/chaos.log:"; tail -n 40 "$OPS_RESULTS/chaos.log" >&2; }
log "running the restore drill"
RESTORE_DRILL_BUILD=0 RESTORE_DRILL_TAP=$OPS_RESULTS/restore-drill.tap scripts/restore-drill.sh >"$OPS_RESULTS/restore-drill.log" 2>&1 ||
  { log "the restore drill failed; last lines of $OPS_RESULTS/restore-drill.log:"; tail -n 40 "$OPS_RESULTS/restore-drill.log" >&2; }

# Sum the <Counters .../> attributes over all TRX files.
attr() {
  local v
  v=$(sed -n "s/.* $1=\"\\([0-9]*\\)\".*/\\1/p" <<<"$2")
  echo "${v:-0}"
}
total=0 passed=0 failed=0 skipped=0 files=0
shopt -s nullglob
for trx in "$RESULTS"/*.trx "$RESULTS"/*/*.trx; do
  files=$((files + 1))
  counters=$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)
  [[ -n "$counters" ]] || { log "no <Counters> in $trx"; continue; }
  total=$((total + $(attr total "$counters")))
  passed=$((passed + $(attr passed "$counters")))
  failed=$((failed + $(attr failed "$counters")))
  skipped=$((skipped + $(attr notExecuted "$counters")))
done
shopt -u nullglob

# vitest's JSON report: numPassedTests, numFailedTests, numPendingTests (+ todo).
json_count() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" "$2" | head -n 1; }
if [[ -s "$WEB_RESULTS/vitest.json" ]]; then
  web_passed=$(json_count numPassedTests "$WEB_RESULTS/vitest.json")
  web_failed=$(json_count numFailedTests "$WEB_RESULTS/vitest.json")
  web_skipped=$(($(json_count numPendingTests "$WEB_RESULTS/vitest.json") + $(json_count numTodoTests "$WEB_RESULTS/vitest.json")))
  total=$((total + web_passed + web_failed + web_skipped))
  passed=$((passed + web_passed))
  failed=$((failed + ${web_failed:-0}))
  skipped=$((skipped + web_skipped))
else
  log "no vitest report"
  failed=$((failed + 1))
fi
# TAP summaries in node:test's form: "# pass N", "# fail N", "# skipped N". A report that is missing or
# counts nothing is one failure: the suite could not run.
tap_count() { sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$2" | tail -n 1; }
add_tap() {
  local name=$1 file=$2 p f s
  if [[ ! -s "$file" ]]; then
    log "$name could not run (no $file)"
    failed=$((failed + 1))
    return
  fi
  p=$(tap_count pass "$file") f=$(tap_count fail "$file") s=$(tap_count skipped "$file")
  total=$((total + ${p:-0} + ${f:-0} + ${s:-0}))
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${s:-0}))
  [[ ${p:-0} -gt 0 || ${f:-0} -gt 0 ]] || { log "$name ran no test"; failed=$((failed + 1)); }
}
if [[ $e2e_rc -eq 0 ]]; then
  add_tap "the end-to-end tests" "$WEB_RESULTS/e2e.tap"
else
  log "the end-to-end tests could not run"
  failed=$((failed + 1))
fi
add_tap "the deployment checks" "$OPS_RESULTS/deploy-check.tap"
add_tap "the chaos run" "$OPS_RESULTS/chaos.tap"
add_tap "the restore drill" "$OPS_RESULTS/restore-drill.tap"

status=0
if [[ $test_rc -ne 0 ]]; then
  log "dotnet test exited with $test_rc"
  status=1
fi
if [[ $files -eq 0 || $total -eq 0 ]]; then
  log "no tests ran ($files result files)"
  status=1
fi
if [[ $failed -gt 0 ]]; then
  status=1
fi
# A failed run must never read as "0 failed".
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
