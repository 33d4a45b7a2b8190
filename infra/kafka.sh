#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft) from Maven Central jars on the local JDK.
#   infra/kafka.sh fetch   resolve the broker jars into .local/kafka/libs (once)
#   infra/kafka.sh start   format storage once, start the broker, wait until it serves
#   infra/kafka.sh stop    stop it cleanly (the log directory is kept)
#   infra/kafka.sh status  say whether it runs
#   infra/kafka.sh bootstrap  print the bootstrap address to use
# Where KAFKA_BOOTSTRAP_SERVERS is set, that broker is used and nothing is started.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state=${SME_LOCAL_DIR:-$root/.local}/kafka
libs=$state/libs
data=$state/data
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-9093}
pidfile=$state/broker.pid

log() { echo "kafka: $*" >&2; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

fetch() {
  if [ -f "$libs/.complete" ]; then return; fi
  command -v mvn >/dev/null || { log "mvn is required to fetch the broker jars"; exit 1; }
  command -v java >/dev/null || { log "a JDK (17+) is required to run the broker"; exit 1; }
  log "fetching the broker jars from Maven Central into $libs"
  rm -rf "$libs" && mkdir -p "$libs"
  mvn -q -B -f "$root/infra/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$libs" -DincludeScope=runtime
  touch "$libs/.complete"
}

start() {
  if [ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
    log "using the broker at $KAFKA_BOOTSTRAP_SERVERS"; return
  fi
  if running; then log "already running on 127.0.0.1:$port"; return; fi
  fetch
  mkdir -p "$data"
  sed -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" -e "s|@LOG_DIR@|$data|g" \
    "$root/infra/kafka/server.properties.in" > "$state/server.properties"
  local java_opts=(-Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true
    "-Dlog4j2.configurationFile=$root/infra/kafka/log4j2.properties" "-Dkafka.logs.dir=$state")
  if [ ! -f "$data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    log "formatting KRaft storage (cluster $cluster_id)"
    java "${java_opts[@]}" -cp "$libs/*" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$state/server.properties" >"$state/format.log" 2>&1 \
      || { cat "$state/format.log" >&2; exit 1; }
  fi
  : > "$state/server.log"
  # Every partition keeps files open (segments, mmapped indexes): allow as many as the system lets us.
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  nohup java "${java_opts[@]}" -cp "$libs/*" kafka.Kafka "$state/server.properties" \
    >"$state/stdout.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 240); do
    if grep -q "Kafka Server started" "$state/server.log" 2>/dev/null; then
      log "broker serving on 127.0.0.1:$port"; return
    fi
    running || { log "broker exited during start-up"; tail -n 30 "$state/stdout.log" "$state/server.log" >&2; exit 1; }
    sleep 0.25
  done
  log "broker did not start within 60 s"; tail -n 30 "$state/server.log" >&2; exit 1
}

stop() {
  if ! running; then rm -f "$pidfile"; return; fi
  local pid; pid=$(cat "$pidfile")
  kill -TERM "$pid"
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; log "stopped"; return; }
    sleep 0.25
  done
  log "broker did not stop within 60 s; killing it"; kill -KILL "$pid" || true; rm -f "$pidfile"
}

status() { if running; then echo "running (pid $(cat "$pidfile"), 127.0.0.1:$port)"; else echo "stopped"; exit 3; fi; }

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  bootstrap) echo "${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$port}" ;;
  *) echo "usage: $0 fetch|start|stop|restart|status|bootstrap" >&2; exit 2 ;;
esac
