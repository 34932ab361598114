#!/usr/bin/env bash
# `make test-dates`: the whole of `make test`, once for each date, as if the machine's clock said so
# (libfaketime; see IPF_TEST_DATE in scripts/test.sh). No test may depend on the day it runs: a report due
# "this month", a licence "expiring soon" or a token "still valid" must hold on any date, leap days included.
#
#   scripts/test-dates.sh [DATE ...]     default: DATES (";" between dates), else 2027-03-01 and 2028-02-29, 10:00 UTC
#
# Prints each date's totals, then, last and alone on its line, the sum: "N passed, N failed, N skipped".
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf 'test-dates.sh: %s\n' "$*" >&2; }

dates=("$@")
[[ ${#dates[@]} -gt 0 || -z "${DATES:-}" ]] || IFS=';' read -ra dates <<<"$DATES"
[[ ${#dates[@]} -gt 0 ]] || dates=("2027-03-01 10:00:00Z" "2028-02-29 10:00:00Z")

passed=0 failed=0 skipped=0 status=0 summary=()
for when in "${dates[@]}"; do
  date -u -d "$when" >/dev/null 2>&1 || { log "'$when' is not a time date(1) understands"; exit 2; }
  log "make test as of $when"
  out=build/test-dates/$(date -u -d "$when" +%Y%m%dT%H%M%SZ)
  mkdir -p "$out"
  IPF_TEST_DATE=$when scripts/test.sh 2>&1 | tee "$out/test.log"
  rc=${PIPESTATUS[0]}
  totals=$(tail -n 1 "$out/test.log")
  if [[ "$totals" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped$ ]]; then
    passed=$((passed + BASH_REMATCH[1])) failed=$((failed + BASH_REMATCH[2])) skipped=$((skipped + BASH_REMATCH[3]))
  else
    failed=$((failed + 1))
  fi
  [[ $rc -eq 0 ]] || status=1
  summary+=("$when: $totals (log: $out/test.log)")
done

for line in "${summary[@]}"; do log "$line"; done
[[ $status -eq 0 || $failed -gt 0 ]] || failed=1
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
