#!/usr/bin/env bash
# Set up, then open OneStop Desktop on the demo database (built on first use, kept apart from real data).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/onestop-desktop --demo "$@"
