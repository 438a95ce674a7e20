#!/usr/bin/env bash
# Refresh constraints.txt ON PURPOSE: resolve the newest versions pyproject.toml allows in a scratch
# environment, freeze them, and keep the file in the repository. scripts/setup.sh installs exactly these
# versions, so a fresh machine gets what CI passed with. Run the whole test suite before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$PYTHON" -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install -q --upgrade pip >/dev/null
"$scratch/venv/bin/python" -m pip install -q ".[dev]" >/dev/null 2>&1
{
  echo "# Versions CI tested: scripts/setup.sh installs with -c constraints.txt."
  echo "# Refreshed on purpose with scripts/refresh-constraints.sh (then run scripts/run-tests.sh)."
  "$scratch/venv/bin/python" -m pip freeze --exclude onestop-desktop | grep -v -E "^(pip|setuptools|wheel)=="
} > constraints.txt
echo "constraints.txt: $(grep -c '==' constraints.txt) pinned packages"
