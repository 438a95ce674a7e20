"""Cold start to the home page: median of 5 fresh processes on the demo database.

Each child starts Python, the application (fonts, translations), opens and migrates the database,
signs in the demo clerk (without the dialog), builds the main window with every tab and paints it;
the parent measures from spawning the process to the moment the child reports the window painted.

Usage: .venv/bin/python scripts/measure_start.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import sys
from PySide6.QtWidgets import QApplication
from onestop_desktop.ui.app import create_app
from onestop_desktop.bootstrap import open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import User
from onestop_desktop.services.safety.accounts import actor_of
from onestop_desktop.ui.bus import Bus
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.main_window import MainWindow
from onestop_desktop.ui.tasks import TaskRunner
from sqlalchemy import select
app = create_app()
db = open_database(sys.argv[1])
with session_scope(db.factory) as s:
    actor = actor_of(s.scalar(select(User).where(User.username == "canbo")))
w = MainWindow(AppContext(db=db, actor=actor, bus=Bus(), tasks=TaskRunner(), demo=True), lazy=True)
w.show()
w.repaint()
QApplication.processEvents()
print("shown", flush=True)
"""


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as tmp:
        env["ONESTOP_DATA_DIR"] = tmp
        db = Path(tmp) / "demo.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "onestop_desktop", "demo", "--database", str(db)],
            check=True,
            env=env,
            capture_output=True,
        )
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(db)], stdout=subprocess.PIPE, env=env, text=True
            )
            assert child.stdout is not None
            line = child.stdout.readline()
            elapsed = time.perf_counter() - start
            child.kill()
            child.wait()
            assert line.strip() == "shown", line
            times.append(elapsed)
    print("cold start to home page (s):", " ".join(f"{t:.2f}" for t in times))
    print(f"median: {statistics.median(times):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
