#!/usr/bin/env bash
# Run every benchmark (tests/benchmarks/, kept out of the test suite) on the 1,000,000-dossier databases,
# SQLite and a private PostgreSQL started for the run and stopped after it.
#
#   bash scripts/bench-all.sh                      # all benchmarks
#   bash scripts/bench-all.sh test_bench_scale.py  # some of them
#
# The databases are built on the first run and cached under /tmp/onestop-bench/ (SQLite file and a
# pg_dump restored into each new server): about 8 minutes for SQLite and 4 for PostgreSQL on the
# 2-core machine, then seconds. ONESTOP_BENCH_N changes the size. The scale benchmark's table:
#   .venv/bin/python -m tests.benchmarks.test_bench_scale
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
export ONESTOP_BENCH_N="${ONESTOP_BENCH_N:-1000000}"
mkdir -p /tmp/onestop-bench
# One SQLite file for every benchmark (bench_db.py builds it; test_bench_report.py reads it too).
export ONESTOP_BENCH_DB="${ONESTOP_BENCH_DB:-/tmp/onestop-bench/sqlite-$ONESTOP_BENCH_N.sqlite3}"

if [ -z "${ONESTOP_TEST_PG_URL:-}" ]; then
  eval "$(bash scripts/start-postgres.sh)"
  trap 'bash scripts/start-postgres.sh stop' EXIT
fi

# Build (or find) both databases before any timing starts.
.venv/bin/python -m tests.benchmarks.bench_db
.venv/bin/python -m tests.benchmarks.bench_pg >/dev/null

if [ $# -gt 0 ]; then
  files=()
  for f in "$@"; do files+=("tests/benchmarks/$(basename "$f")"); done
else
  files=(tests/benchmarks/test_bench_scale.py tests/benchmarks/test_bench_cold_start.py
    tests/benchmarks/test_bench_tracking.py
    tests/benchmarks/test_bench_report.py tests/benchmarks/test_bench_receipt.py
    tests/benchmarks/test_bench_save_durability.py tests/benchmarks/test_bench_import.py
    tests/benchmarks/test_bench_attach.py tests/benchmarks/test_bench_backup_store.py)
fi
status=0
for f in "${files[@]}"; do
  echo "== $f"
  .venv/bin/pytest "$f" --benchmark-only -o addopts="" -p no:cacheprovider -p no:randomly -q \
    --benchmark-columns=min,median,mean,max,rounds || status=1
done
if [ -f "/tmp/onestop-bench/scale-results-$ONESTOP_BENCH_N.json" ]; then
  echo "== program vs raw SQL ($ONESTOP_BENCH_N dossiers)"
  .venv/bin/python -m tests.benchmarks.test_bench_scale
fi
exit $status
