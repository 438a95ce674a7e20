"""Tests never write the user's real settings or data folders (a test run once changed how the real
window opened: on the tracking tab, at 1059x512)."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from onestop_desktop.paths import data_dir
from onestop_desktop.ui.context import AppContext


def _real_home() -> Path:
    return Path(pwd.getpwuid(os.getuid()).pw_dir)


def _inside(path: str | Path, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder.resolve())


def test_settings_and_data_folders_are_not_the_users(qapp) -> None:  # type: ignore[no-untyped-def]
    QCoreApplication.setOrganizationName("OneStop")
    QCoreApplication.setApplicationName("OneStopDesktop")
    home = _real_home()
    assert not _inside(QSettings().fileName(), home)
    assert not _inside(data_dir(), home)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        assert not _inside(os.environ[var], home), var


def test_closing_the_window_saves_into_the_tests_settings(app_context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.main_window import MainWindow

    QCoreApplication.setOrganizationName("OneStop")
    QCoreApplication.setApplicationName("OneStopDesktop")
    real = _real_home() / ".config" / "OneStop" / "OneStopDesktop.conf"
    before = real.stat().st_mtime_ns if real.exists() else None
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(2)
    window.close()
    saved = QSettings()
    assert saved.value("main/tab") in (2, "2")
    assert not _inside(saved.fileName(), _real_home())
    assert (real.stat().st_mtime_ns if real.exists() else None) == before
