"""A task that finishes after the program began to quit prints no traceback (its signals are gone)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import shiboken6
from pytestqt.qtbot import QtBot

from onestop_desktop.ui.tasks import _Task


def test_finished_work_with_deleted_signals_is_silent(qtbot: QtBot) -> None:
    for outcome in ("done", "failed"):

        def work(_progress: object, outcome: str = outcome) -> int:
            if outcome == "failed":
                raise ValueError("boom")
            return 1

        task = _Task(work)
        shiboken6.delete(task.signals)  # what Qt does to the QObject while the interpreter shuts down
        task.run()  # must not raise "Signal source has been deleted"


def test_quitting_while_work_runs_prints_nothing() -> None:
    script = textwrap.dedent(
        """
        import time
        from PySide6.QtWidgets import QApplication
        from onestop_desktop.ui.tasks import TaskRunner
        app = QApplication([])
        runner = TaskRunner()
        runner.run(lambda progress: time.sleep(0.3), lambda result: None)
        app.processEvents()  # the pool thread starts
        print("quitting", flush=True)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert "quitting" in done.stdout
    assert "Traceback" not in done.stderr, done.stderr
