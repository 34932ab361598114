#!/usr/bin/env bash
# `make restore-drill`: proves that a backup restores, end to end, with the product on top. Everything
# lives in build/restore-drill and everything it starts is stopped on exit:
#
#   1. a fresh PostgreSQL (source-pg) archiving its WAL into wal/ (scripts/pg.sh, IPF_PG_WAL_ARCHIVE), and
#      the Api on it (Release build, Embedded mode, demo data: 16 weeks of ledger) on free loopback ports;
#   2. a base backup with scripts/backup.sh into backups/, while the Api runs;
#   3. three sales through the Api; the target time; three more sales; pg_switch_wal and a wait until
#      the archive holds the last of them; the Api and the source stopped;
#   4. scripts/restore.sh to the target time into restored-pg, and the Api started on it;
#   5. over HTTP: the sales before the target are in the ledger, those after it are not, and
#      GET /api/v1/admin/ledger/verify says the ledger balances.
#
# Prints a JSON summary last on stdout (also build/restore-drill/result.json): backupSeconds,
# archiveSeconds (from pg_switch_wal until the archive holds that segment), restoreSeconds (from the
# restore's start until the Api answers ready on the restored data),
# walReplayed (segments read from the archive) and each check. Exits 1 when any check fails.
# RESTORE_DRILL_TAP=FILE also writes the checks as TAP, ending with node:test's "# pass N" and
# "# fail N" lines. RESTORE_DRILL_BUILD=0 uses the Release build already in src/Api/bin.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT=$PWD
readonly OUT=$ROOT/build/restore-drill
readonly SOURCE_PG=$OUT/source-pg RESTORED_PG=$OUT/restored-pg WAL=$OUT/wal BACKUPS=$OUT/backups
readonly API_DIR=$ROOT/src/Api/bin/Release/net10.0
readonly ADMIN_EMAIL=admin@threerivers.example
readonly SALES=3

log() { printf 'restore-drill.sh: %s\n' "$*" >&2; }

command -v dotnet >/dev/null || { log "error: dotnet not found; install the .NET 10 SDK"; exit 1; }
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Only the databases this drill starts; never an external one.
export ConnectionStrings__Postgres=''
unset IPF_PG_WAL_ARCHIVE IPF_BACKUP_DIR IPF_BACKUP_KEEP
# The drill's own backup key, beside (never inside) its backups; backup.sh and restore.sh read it.
export IPF_BACKUP_KEY_FILE=$OUT/backup.key

# ---------------------------------------------------------------- checks and the summary

checks=() # "ok|not ok" TAB description
check() {
  local ok=$1 what=$2
  checks+=("$([[ $ok == 1 ]] && echo ok || echo 'not ok')	$what")
  if [[ $ok == 1 ]]; then log "ok: $what"; else log "FAILED: $what"; fi
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
seconds_since() { printf '%d.%d' $((($(now_ms) - $1) / 1000)) $(((($(now_ms) - $1) % 1000) / 100)); }

backup_seconds=null archive_seconds=null restore_seconds=null wal_replayed=null recovery_stop="" before_found=null after_found=null
ledger_balanced=false ledger_rows=null drill_started=$(now_ms) failure=""

summary() {
  local failed=0 line n=0
  for line in "${checks[@]}"; do [[ $line == ok* ]] || failed=$((failed + 1)); done
  [[ -z "$failure" ]] || failed=$((failed + 1))
  if [[ -n "${RESTORE_DRILL_TAP:-}" ]]; then
    {
      echo "TAP version 13"
      for line in "${checks[@]}"; do n=$((n + 1)); printf '%s %d - %s\n' "${line%%	*}" "$n" "${line#*	}"; done
      [[ -z "$failure" ]] || { n=$((n + 1)); printf 'not ok %d - %s\n' "$n" "$failure"; }
      echo "1..$n"
      echo "# pass $((n - failed))"
      echo "# fail $failed"
      echo "# skipped 0"
    } >"$RESTORE_DRILL_TAP"
  fi
  python3 - "$OUT/result.json" <<PY
import json, sys
checks = """$(printf '%s\n' "${checks[@]}")""".strip().splitlines()
result = {
    "ok": $([[ $failed -eq 0 ]] && echo True || echo False),
    "backupSeconds": ${backup_seconds/null/None},
    "archiveSeconds": ${archive_seconds/null/None},
    "restoreSeconds": ${restore_seconds/null/None},
    "walReplayed": ${wal_replayed/null/None},
    "recoveryStop": """$recovery_stop""",
    "salesBeforeTarget": $SALES,
    "salesBeforeTargetFound": ${before_found/null/None},
    "salesAfterTarget": $SALES,
    "salesAfterTargetFound": ${after_found/null/None},
    "ledgerVerified": $([[ $ledger_balanced == true ]] && echo True || echo False),
    "ledgerRows": ${ledger_rows/null/None},
    "drillSeconds": $(seconds_since "$drill_started"),
    "checks": [{"ok": c.split("\t")[0] == "ok", "check": c.split("\t", 1)[1]} for c in checks],
    "error": """$failure""" or None,
}
text = json.dumps(result, indent=2)
open(sys.argv[1], "w").write(text + "\n")
print(text)
PY
  return $((failed > 0))
}

# ---------------------------------------------------------------- clean-up

api_pid=""
stop_api() {
  [[ -n "$api_pid" ]] || return 0
  kill -TERM "$api_pid" 2>/dev/null || true
  local deadline=$((SECONDS + 60))
  while kill -0 "$api_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  kill -KILL "$api_pid" 2>/dev/null || true
  wait "$api_pid" 2>/dev/null || true
  api_pid=""
}
stop_databases() {
  scripts/pg.sh stop "$SOURCE_PG" >/dev/null 2>&1 || true
  scripts/pg.sh stop "$RESTORED_PG" >/dev/null 2>&1 || true
}
summarised=0
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  local rc=$?
  stop_api
  stop_databases
  if [[ $summarised -eq 0 ]]; then
    [[ -n "$failure" ]] || failure="stopped early (exit $rc); logs in build/restore-drill/"
    summary || true
    rc=1
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'failure="interrupted"; exit 130' INT TERM HUP

die() { failure=$*; log "error: $*"; exit 1; }

# ---------------------------------------------------------------- build and a fresh folder

if [[ "${RESTORE_DRILL_BUILD:-1}" != 0 ]]; then
  log "building src/Api (Release)"
  mkdir -p "$OUT"
  dotnet build src/Api -c Release -v q -nologo >"$OUT/build.log" 2>&1 ||
    { tail -n 30 "$OUT/build.log" >&2; die "building src/Api failed (log: build/restore-drill/build.log)"; }
fi
[[ -f "$API_DIR/InventoryProFlow.Api.dll" ]] || die "no Release build in $API_DIR"
stop_databases
rm -rf "$OUT/source-pg" "$OUT/restored-pg" "$OUT/wal" "$OUT/backups" "$OUT/api-data" "$OUT"/*.log "$OUT"/*.json "$IPF_BACKUP_KEY_FILE"
mkdir -p "$OUT"
(umask 077 && head -c 32 /dev/urandom | base64 -w0 >"$IPF_BACKUP_KEY_FILE")
# shellcheck source=scripts/backup-key.sh
source scripts/backup-key.sh
drill_started=$(now_ms)

# ---------------------------------------------------------------- helpers

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }
admin_password="Drill-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-Aa1"

BASE=""
start_api() {
  local connection=$1 logfile=$2 deadline silo_port gateway_port
  BASE=http://127.0.0.1:$(free_port)
  silo_port=$(free_port)
  gateway_port=$(free_port)
  # The restored product opens the secrets sealed before the backup with the same KEK, kept outside the backup.
  scripts/kek.sh "$OUT/api-data/keys/kek"
  (
    # Exported, not on the command line: the password stays out of ps.
    export ConnectionStrings__Postgres=$connection ASPNETCORE_URLS=$BASE ASPNETCORE_ENVIRONMENT=Production \
      IPF_DATA_DIR=$OUT/api-data Secrets__KeyEncryptionKeyFile=$OUT/api-data/keys/kek IPF_ADMIN_EMAIL=$ADMIN_EMAIL IPF_ADMIN_PASSWORD=$admin_password \
      IPF_DEMO_PASSWORD=$admin_password Demo__Seed=true Identity__PasswordHashIterations=10000 \
      RateLimits__SignInAttemptsPerMinute=unlimited RateLimits__StarterCallsPerHour=unlimited \
      Serilog__MinimumLevel__Default=Warning Orleans__SiloPort=$silo_port Orleans__GatewayPort=$gateway_port
    # The content root is the working directory: start beside appsettings.json.
    cd "$API_DIR"
    exec dotnet InventoryProFlow.Api.dll
  ) >"$logfile" 2>&1 &
  api_pid=$!
  deadline=$((SECONDS + 180))
  until curl -fsS "$BASE/health/ready" >/dev/null 2>&1; do
    kill -0 "$api_pid" 2>/dev/null || { tail -n 20 "$logfile" >&2; die "the Api exited before it was ready (log: $logfile)"; }
    ((SECONDS < deadline)) || die "the Api was not ready within 180 s (log: $logfile)"
    sleep 0.3
  done
}

token=""
sign_in() {
  token=$(curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    --data "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$admin_password\"}" | json 'd["data"]["accessToken"]') ||
    die "could not sign in as $ADMIN_EMAIL"
}
api() {
  local method=$1 path=$2 body=${3:-}
  curl -sS --fail-with-body -X "$method" "$BASE$path" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' ${body:+--data "$body"}
}

sale() {
  local reference=$1
  api POST /api/v1/transactions/sales "{\"locationId\":\"$location\",\"referenceId\":\"$reference\",\"items\":[{\"productId\":\"$product1\",\"quantity\":1},{\"productId\":\"$product2\",\"quantity\":2}]}" |
    json 'd["data"]["movementId"]' || die "sale $reference was refused"
}

# ---------------------------------------------------------------- 1. the source

log "starting the source PostgreSQL (WAL archive: build/restore-drill/wal) and the Api with the demo"
source_conn=$(IPF_PG_WAL_ARCHIVE=$WAL scripts/pg.sh start "$SOURCE_PG" 2>"$OUT/source-pg.log" | tail -n 1) ||
  { cat "$OUT/source-pg.log" >&2; die "the source PostgreSQL did not start"; }
start_api "$source_conn" "$OUT/api-source.log"
sign_in
location=$(api GET '/api/v1/locations?limit=1' | json 'd["data"]["items"][0]["id"]')
read -r product1 product2 < <(api GET '/api/v1/products?limit=2' | json '" ".join(p["id"] for p in d["data"]["items"])')
[[ -n "$location" && -n "$product1" && -n "$product2" ]] || die "the demo has no location or products"
demo_rows=$(api GET /api/v1/admin/ledger/verify | json 'd["data"]["ledgerRows"]')
check 1 "source with the demo's ledger ($demo_rows rows) and the Api ready"

# ---------------------------------------------------------------- 2. the base backup

started=$(now_ms)
backup=$(IPF_BACKUP_DIR=$BACKUPS scripts/backup.sh "$SOURCE_PG" 2>"$OUT/backup.log" | tail -n 1) ||
  { cat "$OUT/backup.log" >&2; die "scripts/backup.sh failed"; }
backup_seconds=$(seconds_since "$started")
check 1 "base backup taken and checked by pg_verifybackup in ${backup_seconds} s"
# At rest the backup is encrypted: no file of it, read as it is or unpacked as a tar.gz, shows the demo's
# organisation name, which the decrypted base archive does.
known="Three Rivers Bar & Bottle"
# Counted, not grep -q: an early exit would make the producer of a pipeline fail under pipefail.
shows() { grep -a -c -F "$known" || true; }
leaks=0
for f in "$backup"/*; do
  if (($(shows <"$f") + $( (tar -xzOf "$f" 2>/dev/null || true) | shows) > 0)); then
    leaks=$((leaks + 1))
    log "$f shows '$known' in the clear"
  fi
done
decrypted=$( (backup_decrypt "$backup/base.tar.gz.gpg" | tar -xzOf - || true) | shows)
check $((leaks == 0 && decrypted > 0)) "the base backup is encrypted at rest: '$known' in none of its files ($leaks leaking), but on $decrypted lines of it once decrypted with its key"

# ---------------------------------------------------------------- 3. trade around the target time

before=() after=()
for ((i = 1; i <= SALES; i++)); do before+=("drill-before-$i:$(sale "drill-before-$i")"); done
# Every sale above has committed (its 201 came back); every one below commits after this instant.
target=$(date -u '+%Y-%m-%d %H:%M:%S.%6N+00')
for ((i = 1; i <= SALES; i++)); do after+=("drill-after-$i:$(sale "drill-after-$i")"); done
log "sales before the target: ${before[*]}"
log "target time: $target"
log "sales after the target: ${after[*]}"

psql_source() {
  "$(scripts/pg.sh bin)/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$SOURCE_PG/sock" -p "$(<"$SOURCE_PG/port")" -U ipf -d postgres "$@"
}
started=$(now_ms)
last_segment=$(psql_source -c "SELECT pg_walfile_name(pg_switch_wal())")
deadline=$((SECONDS + 60))
until [[ $(psql_source -c "SELECT coalesce(last_archived_wal, '') >= '$last_segment' FROM pg_stat_archiver") == t ]]; do
  ((SECONDS < deadline)) || die "segment $last_segment was not archived within 60 s (log: $SOURCE_PG/log/postgres.log)"
  sleep 0.2
done
archive_seconds=$(seconds_since "$started")
check 1 "$((2 * SALES)) sales recorded through the Api and the WAL archived up to $last_segment (${archive_seconds} s after pg_switch_wal)"
archived=$(find "$WAL" -type f ! -name system-identifier | wc -l)
plain=$(find "$WAL" -type f ! -name system-identifier ! -name '*.gz.gpg' | wc -l)
check "$( ((archived > 0 && plain == 0)) && echo 1 || echo 0)" "the WAL archive holds $archived files, all encrypted (.gz.gpg; $plain not)"
stop_api
scripts/pg.sh stop "$SOURCE_PG" 2>>"$OUT/source-pg.log"

# ---------------------------------------------------------------- 4. restore and the product on it

log "restoring to $target into build/restore-drill/restored-pg"
started=$(now_ms)
restored_conn=$(scripts/restore.sh --backup "$backup" --archive "$WAL" --target-time "$target" "$RESTORED_PG" 2>"$OUT/restore.log" | tail -n 1) ||
  { cat "$OUT/restore.log" >&2; die "scripts/restore.sh failed"; }
start_api "$restored_conn" "$OUT/api-restored.log"
restore_seconds=$(seconds_since "$started")
wal_replayed=$(sed -n 's/^segments_replayed_from_archive=//p' "$RESTORED_PG/restore.info")
recovery_stop=$(sed -n 's/^recovery_stop=//p' "$RESTORED_PG/restore.info")
check 1 "restored to the target time ($wal_replayed WAL segments replayed) and the Api ready on it in ${restore_seconds} s"

# ---------------------------------------------------------------- 5. what the product sees

sign_in
from=$(date -u -d "@$((drill_started / 1000 - 60))" +%Y-%m-%dT%H:%M:%SZ)
references=$(api GET "/api/v1/transactions?type=sale&from=$from&limit=200" |
  json '"\n".join(sorted({e["referenceId"] + ":" + e["movementId"] for e in d["data"]["items"] if (e.get("referenceId") or "").startswith("drill-")}))')
before_found=0 after_found=0
for s in "${before[@]}"; do grep -qxF "$s" <<<"$references" && before_found=$((before_found + 1)); done
for s in "${after[@]}"; do grep -qxF "$s" <<<"$references" && after_found=$((after_found + 1)); done
check $((before_found == SALES)) "the $SALES sales before the target are in the restored ledger ($before_found found)"
check $((after_found == 0)) "the $SALES sales after the target are not ($after_found found)"

verification=$(api GET /api/v1/admin/ledger/verify) || die "GET /api/v1/admin/ledger/verify failed"
ledger_balanced=$(json 'str(d["data"]["balanced"]).lower()' <<<"$verification")
ledger_rows=$(json 'd["data"]["ledgerRows"]' <<<"$verification")
check "$([[ $ledger_balanced == true ]] && echo 1 || echo 0)" "the restored ledger balances (quantity = sum of ledger, $ledger_rows rows)"

stop_api
stop_databases
summarised=1
summary
