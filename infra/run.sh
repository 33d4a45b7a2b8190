#!/usr/bin/env bash
# Builds the web application when it changed, starts all five services on their SQLite defaults
# (Kafka must be up: `make run` does that) and the gateway in front of them, prints the URLs, and
# stops them all on Ctrl-C.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p .local/run
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}
# A local system runs on a clock that `make demo` (or POST /_testing/clock) may move forward, so a
# whole programme year can be seen at once. Production settings refuse it; TESTING_CLOCK=false opts out.
export TESTING_CLOCK=${TESTING_CLOCK:-true}

services=(registry review activities assessment notifications)
base_port=${SME_BASE_PORT:-8101}
pids=()

stop_all() {
  trap - INT TERM EXIT
  echo; echo "stopping services..."
  infra/gateway.sh stop || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped. (Kafka keeps running: \`make kafka-down\` stops it.)"
}
trap stop_all INT TERM EXIT

infra/web.sh build
for i in "${!services[@]}"; do
  svc=${services[$i]}
  port=$((base_port + i))
  .venv/bin/python -m sme_kit.serve "$svc" --port "$port" --no-access-log \
    > ".local/run/${svc}.log" 2>&1 &
  pids+=($!)
done

for i in "${!services[@]}"; do
  port=$((base_port + i))
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "${pids[$i]}" 2>/dev/null || { echo "${services[$i]} failed to start; see .local/run/${services[$i]}.log" >&2; exit 1; }
    sleep 0.25
  done
done

SME_BASE_PORT=$base_port infra/gateway.sh start
echo
echo "  网站与控制台 web and console   $(infra/gateway.sh url)"
echo
echo "All five services are up (logs in .local/run/*.log), behind the gateway at $(infra/gateway.sh url)/api/<service>/:"
for i in "${!services[@]}"; do
  port=$((base_port + i))
  printf "  %-14s http://127.0.0.1:%d   (API docs: http://127.0.0.1:%d/docs)\n" "${services[$i]}" "$port" "$port"
done
echo
echo "Mint a token with e.g.: make token ROLE=station_operator ORG=91440106MA59C1XE2T"
echo "Press Ctrl-C to stop."
wait -n "${pids[@]}" || true
echo "a service exited; see .local/run/*.log" >&2
