#!/usr/bin/env bash
# Set up (with the development tools), then lint, type-check, check the import contracts and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
# Some tests render PDF pages (poppler-utils), edit the database behind the program's back (sqlite3)
# and run against a real PostgreSQL server (started privately below).
extra=""
for pkg in poppler-utils sqlite3 postgresql; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || extra="$extra $pkg"
done
if [ -n "$extra" ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $extra >/dev/null
fi
export QT_QPA_PLATFORM=offscreen
pg_env="$(bash scripts/start-postgres.sh)"  # a failure here stops the run (set -e)
eval "$pg_env"
trap 'bash scripts/start-postgres.sh stop' EXIT
echo "== ruff"; .venv/bin/ruff check onestop_desktop tests scripts build_spec.py
.venv/bin/ruff format --check onestop_desktop tests scripts build_spec.py
echo "== mypy"; .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest"
.venv/bin/python -m pytest -q -p no:cacheprovider \
  --cov=onestop_desktop.domain --cov=onestop_desktop.services --cov-report=term "$@"
