#!/usr/bin/env bash
# The gateway (nginx from Debian's package): serves the built web application and routes
# /api/<service>/ to the five services, on one origin.
#   infra/gateway.sh start   install nginx if missing, render the config, serve (in the background)
#   infra/gateway.sh stop    stop it
#   infra/gateway.sh status  say whether it runs
#   infra/gateway.sh url     print its URL
#   infra/gateway.sh dir     print where its files live
# GATEWAY_PORT (8100), SME_BASE_PORT (8101: registry, then review, activities, assessment,
# notifications; SME_PORT_<SERVICE> for one of them), WEB_DIST (web/dist), WEB_CONFIG (a file served
# as /config.json in place of the build's: how the console signs in), CONNECT_SRC (origins the
# pages may also call, e.g. the identity provider's, added to the CSP's connect-src), FORM_RATE / FORM_BURST
# (anonymous form posts per client and minute, and how many more at once), TRUSTED_PROXIES
# (space-separated addresses or CIDRs of the load balancers in front of the gateway, whose
# X-Forwarded-For names the client; none by default, so the header is never believed).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
port=${GATEWAY_PORT:-8100}
# As root nginx's workers run as nobody, who may not enter the checkout (root's home, a mode-700
# directory): then the gateway's files, the web application included, live where they can.
# One directory per checkout and port, so that the tests' gateways and `make run`'s never meet.
if [ "$(id -u)" = 0 ]; then
  state=${SME_GATEWAY_DIR:-/var/lib/sme-gateway/$(printf %s "$root" | sha1sum | cut -c1-12)-$port}
else
  state=${SME_GATEWAY_DIR:-${SME_LOCAL_DIR:-$root/.local}/gateway-$port}
fi
base=${SME_BASE_PORT:-8101}
dist=${WEB_DIST:-$root/web/dist}
services=(registry review activities assessment notifications)

log() { echo "gateway: $*" >&2; }

install() {
  command -v nginx >/dev/null && return
  log "installing Debian's nginx package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq nginx >/dev/null
}

conf() { echo "$state/nginx.conf"; }

running() { [ -f "$state/nginx.pid" ] && kill -0 "$(cat "$state/nginx.pid")" 2>/dev/null; }

render() {
  mkdir -p "$state/tmp" "$state/www"
  # The web application, where the workers can read it.
  if [ -d "$dist" ]; then
    rm -rf "$state/www.new" && cp -r "$dist" "$state/www.new" && rm -rf "$state/www" && mv "$state/www.new" "$state/www"
  fi
  if [ "$(id -u)" = 0 ]; then chmod -R a+rX "$state/www"; chmod a+x "$state" "$(dirname "$state")"; fi
  local sed_args=(-e "s|@STATE@|$state|g" -e "s|@LISTEN@|127.0.0.1:$port|g" -e "s|@WEB_ROOT@|$state/www|g"
    -e "s|@FORM_RATE@|${FORM_RATE:-10r/m}|g" -e "s|@FORM_BURST@|${FORM_BURST:-5}|g")
  for i in "${!services[@]}"; do
    local name=${services[$i]}
    local own="SME_PORT_${name^^}"
    sed_args+=(-e "s|@PORT_${name^^}@|${!own:-$((base + i))}|g")
  done
  sed "${sed_args[@]}" "$root/infra/nginx/nginx.conf.in" > "$state/nginx.conf"
  sed "${sed_args[@]}" "$root/infra/nginx/proxy.conf" > "$state/proxy.conf"
  if [ -n "${WEB_CONFIG:-}" ]; then cp "$WEB_CONFIG" "$state/www/config.json"; chmod a+r "$state/www/config.json"; fi
  sed -e "s|connect-src 'self'|connect-src 'self'${CONNECT_SRC:+ $CONNECT_SRC}|" \
    "$root/infra/nginx/security-headers.conf" > "$state/security-headers.conf"
  : > "$state/real-ip.conf"
  for proxy in ${TRUSTED_PROXIES:-}; do echo "set_real_ip_from $proxy;" >> "$state/real-ip.conf"; done
  if [ -s "$state/real-ip.conf" ]; then
    printf 'real_ip_header X-Forwarded-For;\nreal_ip_recursive on;\n' >> "$state/real-ip.conf"
  fi
  nginx -t -q -p "$state" -c "$(conf)" -e "$state/error.log"
}

start() {
  install
  if running; then stop; fi
  render
  nohup nginx -p "$state" -c "$(conf)" -e "$state/error.log" >"$state/stdout.log" 2>&1 &
  for _ in $(seq 1 100); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/index.html" || curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" | grep -q '^[2-4]'; then
      log "serving on http://127.0.0.1:$port"; return
    fi
    sleep 0.1
  done
  log "nginx did not start"; cat "$state/error.log" >&2; exit 1
}

stop() {
  if running; then nginx -p "$state" -c "$(conf)" -e "$state/error.log" -s quit || true; fi
  for _ in $(seq 1 50); do running || break; sleep 0.1; done
  rm -f "$state/nginx.pid"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (http://127.0.0.1:$port)"; else echo "stopped"; exit 3; fi ;;
  url) echo "http://127.0.0.1:$port" ;;
  dir) echo "$state" ;;
  *) echo "usage: $0 start|stop|status|url|dir" >&2; exit 2 ;;
esac
