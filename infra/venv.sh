#!/usr/bin/env bash
# Creates .venv and installs every package of the repository (editable) with the pinned
# versions of constraints.txt. Does nothing when the inputs have not changed since last time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
venv=.venv
packages=(contracts libs/kit services/registry services/review services/activities services/assessment services/notifications)
stamp=$venv/.installed
inputs=$(cat constraints.txt requirements-dev.txt "${packages[@]/%//pyproject.toml}" | sha256sum | cut -c1-16)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ]; then exit 0; fi
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
echo "venv: installing the project into $venv" >&2
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
editable=()
for p in "${packages[@]}"; do editable+=(-e "$p"); done
"$venv/bin/python" -m pip install -q --disable-pip-version-check -c constraints.txt -r requirements-dev.txt "${editable[@]}"
echo "$inputs" > "$stamp"
