"""File → Check the database also checks the file store: its findings in the box, then the offer to bring
files back from the backups (or to remove stray files), run on the task runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.services.safety import backup
from onestop_desktop.ui.bus import Bus
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.main_window import MainWindow
from onestop_desktop.ui.tasks import TaskRunner
from tests.conftest import login_as
from tests.safety.scans import age, attach_scan, scan_bytes, store_of

from .conftest import Messages


@pytest.fixture
def window(vi_app, demo_db: Database, qtbot):  # type: ignore[no-untyped-def]
    ctx = AppContext(
        db=demo_db, actor=login_as(demo_db, "canbo"), bus=Bus(), tasks=TaskRunner(synchronous=True), demo=True
    )
    made = MainWindow(ctx)
    qtbot.addWidget(made)
    yield made
    made.safety.close()


def test_check_shows_the_store_and_repairs_from_the_backups(
    window: MainWindow, demo_db: Database, messages: Messages
) -> None:
    shas = [attach_scan(demo_db, scan_bytes(i), name=f"trang {i}.pdf", dossier=i) for i in range(2)]
    backup.backup(demo_db.url)
    store_of(demo_db).path(shas[0]).unlink()
    window.safety.check_action.trigger()
    first = messages.shown[0][1]
    assert "Cơ sở dữ liệu nguyên vẹn" in first and "Thiếu 1 tệp" in first and "trang 0.pdf" in first
    # the question was answered Yes (conftest): the file came back from backups/files
    assert "Đã đưa lại 1 tệp từ kho sao lưu" in messages.shown[-1][1]
    assert store_of(demo_db).verify(shas[0])


def test_check_offers_to_remove_stray_files(
    window: MainWindow, demo_db: Database, messages: Messages
) -> None:
    attach_scan(demo_db, scan_bytes(1))
    store = store_of(demo_db)
    stray = store.put(scan_bytes(2))
    age(store.path(stray), 7200)
    window.safety.check_action.trigger()
    assert "1 tệp thừa" in messages.shown[0][1]
    assert "Đã xóa 1 tệp thừa" in messages.shown[-1][1] and not store.has(stray)


def test_back_up_now_says_what_files_it_copied(
    window: MainWindow, demo_db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("onestop_desktop.ui.safety.actions.second_folder", lambda: None)
    attach_scan(demo_db, scan_bytes(1, 2_500_000))
    window.safety.backup_now()
    assert "Tệp đính kèm: chép 1 tệp mới (2,5 MB)" in messages.texts()
