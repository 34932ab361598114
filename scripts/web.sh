#!/usr/bin/env bash
# Build the web app (src/Web) into the folder the Api serves (src/Api/wwwroot,
# or WEB_OUT_DIR). npm ci runs only when package-lock.json changed since the
# last install. Used by run.sh and test.sh.
#
#   scripts/web.sh build   install (when needed) + type-check + vite build
#   scripts/web.sh deps    install (when needed) only
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../src/Web"

die() { printf 'web.sh: error: %s\n' "$*" >&2; exit 1; }

command -v npm >/dev/null || die "npm not found; install Node.js 20 or newer"

deps() {
  # npm ci writes node_modules/.package-lock.json; newer than the lock means up to date.
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    printf 'web.sh: npm ci\n' >&2
    npm ci --no-audit --no-fund --loglevel=error >&2
  fi
}

case "${1:-build}" in
  deps) deps ;;
  build)
    deps
    printf 'web.sh: building src/Web\n' >&2
    npm run --silent build >&2
    ;;
  *) die "usage: $0 build|deps" ;;
esac
