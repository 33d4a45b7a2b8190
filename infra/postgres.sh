#!/usr/bin/env bash
# Runs a real PostgreSQL server from Debian's package on loopback, for tests and local work.
#   infra/postgres.sh start   install postgresql if missing, init a cluster once, start it,
#                             create one database per service
#   infra/postgres.sh stop    stop it (the data is kept: see `state` below)
#   infra/postgres.sh status  say whether it runs
#   infra/postgres.sh url DB  print the SQLAlchemy URL of a database
#   infra/postgres.sh dir     print where the cluster lives
# Where DATABASE_ADMIN_URL is set, that server is used and nothing is started.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# PostgreSQL refuses to run as root, so as root its files belong to the postgres user, who must be
# able to reach them: a checkout may lie where only root can enter (root's home, a mode-700
# directory). Then the cluster lives under the postgres user's own home, one per checkout;
# otherwise beside the checkout's other local state.
if [ "$(id -u)" = 0 ]; then
  state=${SME_PG_DIR:-/var/lib/postgresql/sme-$(printf %s "$root" | sha1sum | cut -c1-12)}
else
  state=${SME_PG_DIR:-${SME_LOCAL_DIR:-$root/.local}/postgres}
fi
data=$state/data
port=${PGPORT:-55432}
services=(registry review activities assessment notifications)

log() { echo "postgres: $*" >&2; }

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install() {
  if [ -n "$(bindir)" ]; then return; fi
  log "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  [ -n "$(bindir)" ] || { log "postgresql did not install"; exit 1; }
}

# PostgreSQL refuses to run as root: when we are root, run its tools as the postgres user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

running() { [ -f "$data/postmaster.pid" ] && as_owner "$(bindir)/pg_ctl" -D "$data" status >/dev/null 2>&1; }

psql_admin() { as_owner "$(bindir)/../bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

start() {
  if [ -n "${DATABASE_ADMIN_URL:-}" ]; then log "using the server at DATABASE_ADMIN_URL"; return; fi
  install
  local bin; bin=$(bindir)
  mkdir -p "$state"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$state"; chmod 700 "$state"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising a cluster in $data"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; exit 1; }
  fi
  if ! running; then
    as_owner "$bin/pg_ctl" -D "$data" -l "$state/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$state -c max_connections=300 -c fsync=on -c shared_buffers=256MB" \
      start >/dev/null
  fi
  for svc in "${services[@]}"; do
    if [ -z "$(psql_admin -c "select 1 from pg_database where datname='sme_$svc'")" ]; then
      psql_admin -c "create database sme_$svc"
    fi
  done
  log "serving on 127.0.0.1:$port (databases: ${services[*]/#/sme_})"
}

stop() {
  if running; then as_owner "$(bindir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null; log "stopped"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (127.0.0.1:$port)"; else echo "stopped"; exit 3; fi ;;
  dir) echo "$state" ;;
  url) echo "postgresql+asyncpg://postgres@127.0.0.1:$port/${2:?database name}" ;;
  *) echo "usage: $0 start|stop|status|dir|url DB" >&2; exit 2 ;;
esac
