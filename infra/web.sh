#!/usr/bin/env bash
# The web application (web/): install its packages and build it, each only when its inputs changed.
#   infra/web.sh build   npm ci when package-lock.json changed, npm run build when a source changed
#   infra/web.sh check   the checks `make test` runs: stale API types, type check, unit tests, bundle size
# WEB_DIST (default web/dist) is where `build` writes: work on two changes at once builds apart.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
web=$root/web
log() { echo "web: $*" >&2; }

[ -f "$web/package.json" ] || { log "no web application in $web"; exit 0; }
command -v npm >/dev/null || { log "Node.js and npm are required to build the web application"; exit 1; }

digest() { (cd "$web" && git ls-files -co --exclude-standard -- "$@" | LC_ALL=C sort | xargs -r sha1sum | sha1sum | cut -c1-40); }

packages() {
  local want; want=$(digest package.json package-lock.json)
  if [ ! -d "$web/node_modules" ] || [ "$(cat "$web/node_modules/.sme-stamp" 2>/dev/null)" != "$want" ]; then
    log "installing packages (npm ci)"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$web/node_modules/.sme-stamp"
  fi
}

build() {
  packages
  local out=${WEB_DIST:-$web/dist}
  local want; want=$(digest .)
  if [ ! -f "$out/index.html" ] || [ "$(cat "$out/.sme-stamp" 2>/dev/null)" != "$want" ]; then
    log "building into $out"
    (cd "$web" && npx vue-tsc --noEmit && npx vite build --outDir "$out" --emptyOutDir)
    echo "$want" > "$out/.sme-stamp"
  fi
}

check() {
  packages
  (cd "$web" && npm run --silent types:check && npm run --silent test && npm run --silent build && node scripts/bundle-report.mjs)
  echo "$(digest .)" > "$web/dist/.sme-stamp"
}

case "${1:-}" in
  build) build ;;
  check) check ;;
  *) echo "usage: $0 build|check" >&2; exit 2 ;;
esac
