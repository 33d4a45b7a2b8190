#!/usr/bin/env bash
# The browser the web tests drive: Debian's chromium (Playwright's own download is not used), with
# the Noto CJK fonts so that Chinese renders in screenshots. Installs them when missing; prints the
# path of the browser.
set -euo pipefail
if ! command -v chromium >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "browser: installing Debian's chromium and fonts-noto-cjk" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
command -v chromium
