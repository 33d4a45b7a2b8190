#!/usr/bin/env bash
# Runs the test suite with the wall clock shifted to other days (Debian's libfaketime), to prove
# that no test depends on the day it runs. The shift is an offset from the real clock, so every
# process the tests start (the services of the end-to-end scenarios) sees the same time as the
# tests; clocks keep running, so timeouts and asyncio behave. The broker and PostgreSQL run on the
# real clock, as they would in production.
#   infra/test-dates.sh                         the default days below, the whole suite
#   infra/test-dates.sh "2031-02-10 09:30:00"   other days (or DAYS="day,day" in the environment)
#   PYTEST_ARGS="services/activities" infra/test-dates.sh   a part of the suite
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Mid-2027 (a year chinese-calendar may not know yet) and 2030 (far beyond anything loaded).
days=("$@")
[ ${#days[@]} -gt 0 ] || IFS=, read -r -a days <<<"${DAYS:-}"
[ ${#days[@]} -gt 0 ] || days=("2027-07-15 10:00:00" "2030-02-20 10:00:00")

library() { ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1; }
if [ -z "$(library)" ]; then
  echo "test-dates: installing Debian's libfaketime package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq libfaketime >/dev/null
fi

infra/kafka.sh start
infra/postgres.sh start
# The shifted processes use the servers started above (on the real clock) instead of starting them.
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-$(infra/kafka.sh bootstrap)}
export DATABASE_ADMIN_URL=${DATABASE_ADMIN_URL:-$(infra/postgres.sh url postgres)}

# The browser tests are left out by default: the browser itself is not date-sensitive, and the
# services and pages they use are covered by the rest of the suite.
if [ -n "${PYTEST_ARGS:-}" ]; then read -r -a pytest_args <<<"$PYTEST_ARGS"; else pytest_args=(-m "not web"); fi
failed=()
for day in "${days[@]}"; do
  offset=$(( $(date -d "$day" +%s) - $(date +%s) ))
  echo "test-dates: the suite with the wall clock at $day ($(date +%Z)), ${offset} s from now" >&2
  if ! LD_PRELOAD="$(library)" FAKETIME="+${offset}" .venv/bin/python -m pytest -p no:cacheprovider "${pytest_args[@]}"; then
    failed+=("$day")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "test-dates: failed at ${failed[*]}" >&2
  exit 1
fi
echo "test-dates: passed at every day: ${days[*]}" >&2
