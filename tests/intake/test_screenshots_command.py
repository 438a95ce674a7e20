"""`onestop-desktop screenshots DIR` in a separate process (it owns its QApplication and settings)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_screenshots_command(demo_db_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ONESTOP_DATA_DIR": str(tmp_path / "data")}
    before = demo_db_file.stat().st_mtime
    proc = subprocess.run(
        [sys.executable, "-m", "onestop_desktop", "screenshots", str(out), "--database", str(demo_db_file)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    listed = [Path(line) for line in proc.stdout.splitlines() if line.endswith((".png", ".pdf"))]
    names = {p.name for p in listed}
    assert {"intake-1-empty.png", "intake-2-errors.png", "intake-3-saved.png"} <= names
    assert any(n.startswith("tab-02-tiep-nhan-ho-so") for n in names)
    assert all(p.exists() and p.stat().st_size > 1000 for p in listed)
    assert len([n for n in names if n.endswith(".pdf")]) == 7  # forms 01, 02, 03, 04, 05 stop notice, 06, 07
    assert demo_db_file.stat().st_mtime == before  # worked on a copy
