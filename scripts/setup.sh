#!/usr/bin/env bash
# Set up everything OneStop Desktop needs on a fresh Debian/Ubuntu machine:
# the Debian libraries Qt needs (only those missing), a virtual environment in .venv, the package.
# Usage: bash scripts/setup.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."

QT_LIBS="libegl1 libgl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 libxkbcommon-x11-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1"
PY_LIBS="python3-venv"

missing=""
for pkg in $QT_LIBS $PY_LIBS; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages:$missing"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
extra=""
[ "${1:-}" = "--dev" ] && extra="[dev]"
# Install only when pyproject.toml or constraints.txt changed since the last install (a stamp in .venv):
# starting the program then prints nothing of pip's, and takes a second instead of twenty. The versions
# are those of constraints.txt, which CI tested (refreshed on purpose: scripts/refresh-constraints.sh).
hash="$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)"
stamp=".venv/.onestop-installed-$hash"
if [ ! -f "$stamp-dev" ] && { [ -n "$extra" ] || [ ! -f "$stamp" ]; }; then
  log="$(mktemp)"
  if ! { .venv/bin/python -m pip install -q --upgrade pip \
      && .venv/bin/python -m pip install -q -c constraints.txt -e ".${extra}"; } >"$log" 2>&1; then
    cat "$log" >&2  # the whole story only when something went wrong
    rm -f "$log"
    exit 1
  fi
  rm -f "$log" .venv/.onestop-installed-*
  touch "$stamp${extra:+-dev}"
fi
.venv/bin/python -c "import onestop_desktop, PySide6; print('OneStop Desktop', onestop_desktop.__version__, '- PySide6', PySide6.__version__)"
