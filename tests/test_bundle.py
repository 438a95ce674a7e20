"""The PyInstaller bundle builds and its program runs headless (slow: ~1 minute, runs in CI)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_bundle_builds_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, str(ROOT / "build_spec.py"), "--dist", str(dist), "--work", str(tmp_path / "work")],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    exe = dist / "onestop-desktop" / "onestop-desktop"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ONESTOP_DATA_DIR": str(tmp_path / "data")}
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env, timeout=60)
    assert version.returncode == 0 and "onestop-desktop 0.1.0" in version.stdout
    internal = dist / "onestop-desktop" / "_internal"
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").exists()
    assert list((internal / "resources" / "i18n" / "vi").glob("*.qm")), "compiled translations missing"
    assert (internal / "onestop_desktop" / "db" / "migrations" / "versions" / "0001_initial.py").exists()
    # the holidays data and the migrations work inside the bundle: the demo office builds there
    db = tmp_path / "demo.sqlite3"
    demo = subprocess.run(
        [str(exe), "demo", "--database", str(db)], capture_output=True, text=True, env=env, timeout=300
    )
    assert demo.returncode == 0, demo.stderr
    due = subprocess.run(
        [str(exe), "due-date", "--received", "2026-02-12 10:00", "--days", "5"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "26/02/2026" in due.stdout and "Tết" in due.stdout
    # the monthly briefing from the bundle's command line: fonts, charts and reportlab inside it
    pdf = tmp_path / "briefing.pdf"
    report = subprocess.run(
        [str(exe), "report", "--database", str(db), "--period", "2018-10", "--pdf", str(pdf)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert report.returncode == 0, report.stderr
    from pypdf import PdfReader

    text = PdfReader(pdf).pages[0].extract_text()
    assert "6.092" in text and "tháng 10/2018" in text
