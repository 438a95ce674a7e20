"""The window meets damage, a full disk or a read-only file: the damaged-file dialog for damage (now and
at the next start), and the real cause, never "damaged", for the other two."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import OperationalError

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import damage_mark, sqlite_file
from onestop_desktop.services.safety import backup
from onestop_desktop.ui.bus import Bus
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import say_failure
from onestop_desktop.ui.main_window import MainWindow
from onestop_desktop.ui.safety import startup
from onestop_desktop.ui.tasks import TaskRunner
from tests.conftest import login_as
from tests.safety.disks import overwrite_middle_page

from .conftest import Messages


def _file(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def _index_out_of_step(db_file: Path) -> None:
    """An index whose entries no longer match its table: quick_check passes, integrity_check does not
    (https://www.sqlite.org/pragma.html#pragma_quick_check), as after a lost write inside an index."""
    conn = sqlite3.connect(db_file)
    try:
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_dossiers_phone ON dossiers (citizen_id)' "
            "WHERE name = 'ix_dossiers_phone'"
        )
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def window(vi_app, demo_db: Database, qtbot):  # type: ignore[no-untyped-def]
    ctx = AppContext(
        db=demo_db, actor=login_as(demo_db, "canbo"), bus=Bus(), tasks=TaskRunner(synchronous=True), demo=True
    )
    made = MainWindow(ctx)
    qtbot.addWidget(made)
    yield made
    made.safety.close()


def test_start_up_backup_that_finds_damage_opens_the_dialog_and_so_does_the_next_start(
    window: MainWindow, demo_db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_file = _file(demo_db)
    _index_out_of_step(db_file)
    assert startup.integrity.check_file(db_file, quick=True).ok  # the start-up check lets it through
    offered: list[str] = []
    monkeypatch.setattr(startup.DamagedDialog, "exec", lambda self: offered.append(self.db_file.name) or 0)
    window.show()
    startup.backup_at_start(window.ctx, window)
    assert offered == [db_file.name]  # the copy's integrity_check found it: the dialog, now
    assert "Chương trình sẽ đóng" in messages.texts() and not window.isVisible()
    listed = [b.reason for b in backup.list_backups(backup.default_folder(db_file))]
    assert "startup" not in listed  # kept apart, in damaged/
    assert damage_mark(db_file).exists()
    assert startup.check_or_restore(demo_db.url) is False  # the next start: the full check, the dialog
    assert offered == [db_file.name, db_file.name]


def test_back_up_now_on_a_damaged_file_says_damaged_and_what_to_do(
    window: MainWindow, demo_db: Database, messages: Messages
) -> None:
    demo_db.engine.dispose()
    overwrite_middle_page(_file(demo_db))
    window.safety.backup_now()
    said = messages.texts()
    kept = list((backup.default_folder(_file(demo_db)) / "damaged").glob("*-damaged.sqlite3"))
    assert len(kept) == 1 and str(kept[0]) in said
    assert "bị hỏng" in said and "khôi phục bản sao lưu tốt gần nhất" in said


def _full_engine(db_file: Path):  # type: ignore[no-untyped-def]
    """A connection whose database may not grow: SQLite answers SQLITE_FULL for real (max_page_count)."""
    engine = create_engine(f"sqlite:///{db_file}")

    @event.listens_for(engine, "connect")
    def cap(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    return engine


def test_the_window_names_a_full_disk_and_a_read_only_file_not_damage(vi_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db_file = tmp_path / "office.sqlite3"
    sqlite3.connect(db_file).execute("CREATE TABLE t (x BLOB)").close()
    engine = _full_engine(db_file)
    with pytest.raises(OperationalError) as full, engine.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (zeroblob(1000000))"))
    engine.dispose()
    said = say_failure(full.value, db_file)
    assert "đã đầy" in said and "Đừng khôi phục bản sao lưu" in said and "Đừng tiếp tục" not in said

    ro = create_engine(f"sqlite:///file:{db_file}?mode=ro&uri=true")
    with pytest.raises(OperationalError) as read_only, ro.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (1)"))
    ro.dispose()
    said = say_failure(read_only.value, db_file)
    assert "chỉ cho đọc" in said and "Đừng tiếp tục" not in said


def test_the_30_minute_backup_that_finds_damage_offers_a_backup(
    window: MainWindow, demo_db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []
    monkeypatch.setattr(startup.DamagedDialog, "exec", lambda self: offered.append(self.db_file.name) or 0)
    window.show()
    _index_out_of_step(_file(demo_db))  # a commit by another connection: the watch sees a change
    window.safety.auto.tick()
    assert offered == [_file(demo_db).name] and not window.isVisible()
    assert window.safety.auto.watch is None  # no more copies of the damaged file
