"""Cold start and resident memory at 1,000,000 dossiers, in fresh processes: spawn to the main window
painted (scripts/measure_start.py's child) beside a bare PySide6 window with five tabs that runs the open
list's first page in raw SQL; then the tracking tab opened on every dossier. Part of the scale run
(test_bench_scale.py prints the table of both):

    .venv/bin/pytest tests/benchmarks/test_bench_cold_start.py --benchmark-only -o addopts="" \\
        -p no:cacheprovider
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

from tests.benchmarks.bench_db import N
from tests.benchmarks.scale_common import (
    ROOT,
    STARTS,
    TARGETS,
    Backend,
    record,
)


def _load_measure_start() -> Any:
    spec = importlib.util.spec_from_file_location("measure_start", ROOT / "scripts" / "measure_start.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- cold start and memory (fresh processes) -------------------------------------------------------

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget
url = sys.argv[1]
if url.startswith("sqlite"):
    import sqlite3
    conn, due = sqlite3.connect(url.split(":///", 1)[1]), "+d.due_at"
else:
    import psycopg2
    conn, due = psycopg2.connect(url.replace("postgresql+psycopg2://", "postgresql://")), "d.due_at"
app = QApplication([])
w = QMainWindow()
tabs = QTabWidget()
for name in ("Home", "Intake", "Tracking", "BHYT", "Reports"):
    tabs.addTab(QLabel(name), name)
w.setCentralWidget(tabs)
cur = conn.cursor()
cur.execute("SELECT count(*) FROM dossiers WHERE status IN (2, 4, 5, 6)")
total = cur.fetchone()[0]
cur.execute(f"SELECT d.id FROM dossiers AS d WHERE d.status IN (2, 4, 5, 6) ORDER BY {due}, d.id LIMIT 100")
ids = ", ".join(str(r[0]) for r in cur.fetchall())
cur.execute(
    "SELECT d.code, d.applicant_name, p.name, d.received_at, d.due_at, d.status FROM dossiers AS d "
    f"JOIN procedures AS p ON p.id = d.procedure_id WHERE d.id IN ({ids}) ORDER BY d.due_at, d.id"
)
rows = cur.fetchall()
tabs.widget(2).setText(f"{total}: {rows[0][0]}")
w.show()
w.repaint()
QApplication.processEvents()
print("shown", flush=True)
"""
# After the window is painted: which heavy modules the start-up loaded, then the tracking tab opened on
# every dossier (1,000,000 rows) and the process's resident memory.
AFTER = """
heavy = ("matplotlib", "reportlab", "openpyxl", "pypdf")
print("modules", *[m for m in heavy if m in sys.modules], flush=True)
tab = w.build_tab("TrackingTab")  # the window builds its other tabs after the first paint
w.tabs.setCurrentWidget(tab)
tab.show_quick("all")
QApplication.processEvents()
print("rows", tab.model.rowCount(), flush=True)
print("rss", int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) // 1024, flush=True)
"""
BARE_AFTER = """
print("rss", int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) // 1024, flush=True)
"""


def _start(code: str, url: str, env: dict[str, str]) -> tuple[float, dict[str, list[str]]]:
    t = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, url, str(ROOT)], stdout=subprocess.PIPE, env=env, text=True, cwd=ROOT
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - t
    assert line.strip() == "shown", line
    info = {}
    for rest in child.stdout:
        key, *values = rest.split()
        info[key] = values
    assert child.wait(timeout=300) == 0
    return elapsed, info


def test_cold_start_and_memory(benchmark: Any, backend: Backend) -> None:
    """Spawn to the main window painted (scripts/measure_start.py's child) vs a bare PySide6 window
    with five tabs that runs the open list's first page in raw SQL; then the tracking tab on all rows."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    child = _load_measure_start().CHILD
    with tempfile.TemporaryDirectory() as tmp:
        env["ONESTOP_DATA_DIR"] = tmp
        times: list[float] = []
        bare_times: list[float] = []
        info: dict[str, list[str]] = {}
        bare_info: dict[str, list[str]] = {}

        def bare() -> None:
            t, bare_info_ = _start(BARE + BARE_AFTER, backend.url, env)
            bare_times.append(t)
            bare_info.update(bare_info_)

        def program() -> None:
            t, info_ = _start(child + AFTER, backend.url, env)
            times.append(t)
            info.update(info_)

        benchmark.pedantic(program, setup=bare, rounds=STARTS, iterations=1, warmup_rounds=0)
    p50, r50 = statistics.median(times) * 1000, statistics.median(bare_times) * 1000
    start: dict[str, Any] = {
        "program_p50_ms": round(p50, 1),
        "program_p95_ms": round(max(times) * 1000, 1),
        "raw_p50_ms": round(r50, 1),
        "raw_p95_ms": round(max(bare_times) * 1000, 1),
        "overhead_pct": round((p50 / r50 - 1) * 100, 1),
        "rounds": STARTS,
        "modules_at_start": info.get("modules", []),
    }
    rss, bare_rss = int(info["rss"][0]), int(bare_info["rss"][0])
    memory = {"program_mb": rss, "raw_mb": bare_rss, "rows": int(info["rows"][0])}
    benchmark.extra_info.update({**start, **memory})
    record(backend.name, "cold start", start)
    record(backend.name, "resident memory", memory)
    assert memory["rows"] >= N
    assert "matplotlib" not in start["modules_at_start"], "matplotlib loaded at start-up"
    # issue 15: <= 0.5 s on a quiet machine, and <= 4 x the bare PySide6 window of the same run
    assert p50 <= TARGETS["cold start"] and p50 <= 4 * r50, start
