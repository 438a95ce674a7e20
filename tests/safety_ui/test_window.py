"""The File menu's safety entries, the 30-minute backup and the leader's audit view, on real files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope, sqlite_file
from onestop_desktop.db.models import Dossier
from onestop_desktop.services.safety import backup, integrity
from onestop_desktop.ui.bus import Bus
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.main_window import MainWindow
from onestop_desktop.ui.tasks import TaskRunner
from tests.conftest import login_as
from tests.safety.helpers import register_some

from .conftest import Messages


def _context(database: Database, username: str) -> AppContext:
    return AppContext(
        db=database,
        actor=login_as(database, username),
        bus=Bus(),
        tasks=TaskRunner(synchronous=True),
        demo=True,
    )


def _file(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def _backups(database: Database) -> list[backup.BackupInfo]:
    return backup.list_backups(backup.default_folder(_file(database)))


def _dossiers(database: Database) -> int:
    with session_scope(database.factory) as s:
        return int(s.scalar(select(func.count()).select_from(Dossier)) or 0)


@pytest.fixture
def window_for(vi_app, demo_db: Database, qtbot):  # type: ignore[no-untyped-def]
    made: list[MainWindow] = []

    def make(username: str) -> MainWindow:
        window = MainWindow(_context(demo_db, username))
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.safety.close()


def test_menu_follows_the_role(window_for) -> None:  # type: ignore[no-untyped-def]
    clerk = window_for("canbo")
    assert clerk.safety.backup_action.isVisible() and clerk.safety.check_action.isVisible()
    assert not clerk.safety.restore_action.isVisible()
    assert not clerk.safety.audit_action.isVisible()
    assert clerk.safety.backup_action.text() == "&Sao lưu ngay…"
    leader = window_for("lanhdao")
    assert leader.safety.restore_action.isVisible() and leader.safety.audit_action.isVisible()
    assert leader.safety.restore_action.text() == "&Khôi phục từ bản sao lưu…"
    assert leader.safety.audit_action.text() == "&Nhật ký kiểm tra (audit)"
    assert window_for("quantri").safety.restore_action.isVisible()


def test_back_up_now_writes_a_file_and_says_where(
    window_for, demo_db: Database, messages: Messages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop import prefs

    usb = tmp_path / "usb"
    p = prefs.load()
    p.backup_folder = str(usb)
    prefs.save(p)
    window = window_for("canbo")
    window.safety.backup_action.trigger()
    found = _backups(demo_db)
    assert [b.reason for b in found] == ["manual"] and found[0].dossiers == 10_343
    assert str(found[0].path) in messages.texts() and "Đã sao lưu cơ sở dữ liệu vào" in messages.texts()
    assert [b.path.name for b in backup.list_backups(usb)] == [found[0].path.name]


def test_timer_backs_up_only_after_a_change(window_for, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    window = window_for("canbo")
    auto = window.safety.auto
    assert auto.timer.isActive() and auto.timer.interval() == 30 * 60 * 1000
    auto.tick()
    assert _backups(demo_db) == [] and auto.last is None
    register_some(demo_db, login_as(demo_db, "canbo"), 1)
    auto.tick()
    assert [b.reason for b in _backups(demo_db)] == ["auto"]
    assert "Đã tự động sao lưu" in window.statusBar().currentMessage()
    auto.tick()  # nothing new since
    assert len(_backups(demo_db)) == 1


def test_restore_brings_back_the_backup_and_closes(
    window_for, demo_db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.safety.restore import RestoreDialog

    good = backup.backup(demo_db.url, reason="manual").path
    register_some(demo_db, login_as(demo_db, "canbo"), 2)
    assert _dossiers(demo_db) == 10_345
    window = window_for("lanhdao")
    window.show()

    def choose(self: RestoreDialog) -> int:
        assert [b.path for b in self.table.backups] == [good]
        self.restore_button.click()  # confirm() answers Yes (messages fixture)
        return int(self.result())

    monkeypatch.setattr(RestoreDialog, "exec", choose)
    window.safety.restore_action.trigger()
    assert not window.isVisible()  # closed after telling the user
    assert "Chương trình sẽ đóng" in messages.texts()
    assert _dossiers(demo_db) == 10_343
    assert window.safety.auto.watch is None  # the watch let go of the file


def test_audit_view_lists_a_dossier_edited_behind_the_back(vi_app, demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.safety.audit_view import AuditDialog

    codes = register_some(demo_db, login_as(demo_db, "canbo"), 3)
    ctx = _context(demo_db, "lanhdao")
    clean = AuditDialog(ctx)
    qtbot.addWidget(clean)
    assert clean.findings.item(0).text() == "Không phát hiện sai lệch"
    assert "đã đối chiếu 3 hồ sơ" in clean.summary.text()
    assert clean.table.rowCount() >= 3 and clean.table.item(0, 2).text() == f"Hồ sơ {codes[-1]}"
    demo_db.engine.dispose()
    conn = sqlite3.connect(_file(demo_db))
    conn.execute("UPDATE dossiers SET phone = '0999999999' WHERE code = ?", (codes[1],))
    conn.commit()
    conn.close()
    clean.refresh()
    found = [clean.findings.item(i).text() for i in range(clean.findings.count())]
    assert any(f.startswith(f"Hồ sơ {codes[1]}: phone") for f in found), found
    assert "Phát hiện 2 sai lệch" in clean.summary.text()  # the dossier against its log, and its row seal


def test_audit_view_refused_to_a_clerk(vi_app, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.services.errors import PermissionDenied
    from onestop_desktop.ui.safety.audit_view import AuditDialog

    with pytest.raises(PermissionDenied):
        AuditDialog(_context(demo_db, "canbo"))


def test_start_up_backup_goes_to_the_status_bar(window_for, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.safety.startup import backup_at_start

    window = window_for("canbo")
    backup_at_start(window.ctx, window)
    assert [b.reason for b in _backups(demo_db)] == ["startup"]
    assert "Đã sao lưu khi mở chương trình" in window.statusBar().currentMessage()


def test_damage_found_in_the_background_offers_a_backup_then_closes(
    window_for, demo_db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A file too big for the blocking check is checked after the window shows."""
    from onestop_desktop.ui.safety import startup

    offered: list[str] = []
    monkeypatch.setattr(startup, "BLOCKING_CHECK_BYTES", 0)
    monkeypatch.setattr(
        integrity, "check", lambda url, quick=False: integrity.CheckResult(False, ("trang 7 hỏng",), url)
    )
    monkeypatch.setattr(startup.DamagedDialog, "exec", lambda self: offered.append(self.db_file.name) or 0)
    window = window_for("canbo")
    window.show()
    startup.backup_at_start(window.ctx, window)
    assert offered == [_file(demo_db).name]
    assert _backups(demo_db) == []  # a damaged file is not copied over the good backups
    assert "Chương trình sẽ đóng" in messages.texts() and not window.isVisible()


def test_second_folder_is_remembered(vi_app, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop import prefs
    from onestop_desktop.ui.safety.folder import SecondFolderDialog

    dialog = SecondFolderDialog()
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "usb"))
    dialog.save()
    assert prefs.load().backup_folder == str(tmp_path / "usb")
    again = SecondFolderDialog()
    qtbot.addWidget(again)
    assert again.path.text() == str(tmp_path / "usb")
    again.path.clear()
    again.save()
    assert prefs.load().backup_folder == ""


def test_refused_restore_keeps_the_program_running(
    window_for, demo_db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A damaged backup is refused by the service: the window stays, automatic backups go on."""
    from onestop_desktop.ui.safety.restore import RestoreDialog

    bad = backup.backup(demo_db.url, reason="manual").path
    with open(bad, "r+b") as fh:
        fh.seek(8192)
        fh.write(b"\xff" * 65536)
    window = window_for("lanhdao")
    window.show()

    def choose(self: RestoreDialog) -> int:
        self.chosen = self.table.backups[0]  # readable header, damaged pages
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", choose)
    window.safety.restore_action.trigger()
    assert window.isVisible()
    assert "bị hỏng, không khôi phục" in messages.texts()
    assert window.safety.auto.watch is not None and window.safety.auto.timer.isActive()
    assert _dossiers(demo_db) == 10_343
