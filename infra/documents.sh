#!/usr/bin/env bash
# What the services' printable documents (PDF) need, from Debian's packages: fonts-noto-cjk, the CJK
# font every document embeds (Noto Serif CJK SC), and poppler-utils, whose pdftoppm renders the first
# page of each document the tests produce. Installs them when missing; prints the font's directory.
set -euo pipefail
fonts=/usr/share/fonts/opentype/noto
if [ ! -f "$fonts/NotoSerifCJK-Regular.ttc" ] || [ ! -f "$fonts/NotoSerifCJK-Bold.ttc" ] || ! command -v pdftoppm >/dev/null; then
  echo "documents: installing Debian's fonts-noto-cjk and poppler-utils" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq fonts-noto-cjk poppler-utils >/dev/null
fi
echo "$fonts"
