"""A damaged file at start-up: a dialog offers the latest good backup and restores it, or quits."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope, sqlite_file
from onestop_desktop.services.safety import accounts, backup, integrity
from onestop_desktop.ui import app
from onestop_desktop.ui.safety import startup
from onestop_desktop.ui.safety.startup import DamagedDialog

from .conftest import Messages


def _damage(path: Path) -> None:
    """Overwrite every page after the first two with noise, as a failing disk would."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(8192)
        fh.write(os.urandom(size - 8192))


@pytest.fixture
def damaged(db: Database, admin: object) -> tuple[str, Path]:
    """A database with an administrator, backed up, then damaged; its URL and the good backup."""
    url = db.url
    good = backup.backup(url, reason="manual").path
    db.engine.dispose()
    path = sqlite_file(url)
    assert path is not None
    for companion in ("-wal", "-shm"):
        Path(f"{path}{companion}").unlink(missing_ok=True)
    _damage(path)
    assert not integrity.check(url, quick=True).ok
    return url, good


def _answer(username: str, password: str):  # type: ignore[no-untyped-def]
    """A stand-in for the modal exec(): the user types the account and presses Restore."""

    def run(self: DamagedDialog) -> int:
        assert self.table.selected() is not None  # the latest good backup is offered, preselected
        self.username.setText(username)
        self.password.setText(password)
        self.restore_button.click()
        return int(self.result())

    return run


def test_damaged_file_offers_the_backup_and_restores_it(
    vi_app, damaged: tuple[str, Path], messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    url, good = damaged
    monkeypatch.setattr(DamagedDialog, "exec", _answer("admin", "matkhau123"))
    database = app._open(url, demo=False)
    assert database is not None
    try:
        assert integrity.check(url).ok
        with session_scope(database.factory) as s:
            assert accounts.authenticate(s, "admin", "matkhau123").actor is not None
    finally:
        database.engine.dispose()
    assert "Đã khôi phục" in messages.texts() and good.name in messages.texts()
    reasons = [b.reason for b in backup.list_backups(good.parent)]
    assert reasons == ["manual"]  # the damaged file's copy is never offered for restoring…
    kept = list((good.parent / "damaged").glob("*-before-restore-damaged.sqlite3"))
    assert len(kept) == 1  # …but kept apart, named as damaged


def test_wrong_password_restores_nothing(
    vi_app, damaged: tuple[str, Path], messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    url, _ = damaged
    monkeypatch.setattr(DamagedDialog, "exec", _answer("admin", "sai-mat-khau"))
    assert app._open(url, demo=False) is None  # the dialog stayed open; the user then quits
    assert "Sai tên đăng nhập hoặc mật khẩu" in messages.texts()
    assert not integrity.check(url, quick=True).ok


def test_quit_leaves_without_a_traceback(
    vi_app, damaged: tuple[str, Path], messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    url, _ = damaged
    monkeypatch.setattr(DamagedDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert app._open(url, demo=False) is None


def test_sound_file_opens_without_a_dialog(db: Database, monkeypatch: pytest.MonkeyPatch, vi_app) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(DamagedDialog, "exec", lambda self: pytest.fail("no dialog for a sound file"))
    assert startup.check_or_restore(db.url)
    assert startup.check_or_restore("postgresql://nobody@localhost/none")


def test_big_file_gets_the_structure_check_first(
    damaged: tuple[str, Path], monkeypatch: pytest.MonkeyPatch, vi_app
) -> None:  # type: ignore[no-untyped-def]
    url, _ = damaged
    monkeypatch.setattr(startup, "BLOCKING_CHECK_BYTES", 0)
    monkeypatch.setattr(DamagedDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not startup.check_or_restore(url)  # even the cheap check sees noise over the schema
