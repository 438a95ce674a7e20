"""The log-book import under stress: two imports of one file at once, a database that refuses a row
mid-write (no applicant's data in any message, log or traceback), progress and cancel."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import session_scope
from onestop_desktop.paths import data_dir
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.tracking import logbook_import
from tests.conftest import login_as
from tests.tracking.test_import import GOOD, _count, _xlsx

PII = ["Nguyễn Văn An", "Trần Thị Bé", "Lê Văn Cường", "Phạm Thị Dung", "0912345678"]


def test_two_imports_of_one_file_at_once_the_second_is_told(demo_db: Database, tmp_path: Path) -> None:
    """Two threads, two connections, one SQLite file: both check the file before either writes."""
    path = _xlsx(tmp_path / "so.xlsx", GOOD)
    user = login_as(demo_db, "canbo")
    before = _count(demo_db)
    both_checked = threading.Barrier(2, timeout=30)
    outcomes: list[Any] = []

    def importer() -> None:
        db = open_database(str(demo_db.url), migrate=False)

        def progress(stage: str, done: int, _total: int) -> None:
            if stage == "write" and done == 0:
                both_checked.wait()  # neither has written yet: each plans all four as new

        try:
            with session_scope(db.factory) as s:
                outcomes.append(logbook_import.import_file(s, user.user_id, path, progress=progress).imported)
        except ServiceError as exc:
            outcomes.append(exc)
        finally:
            db.engine.dispose()

    threads = [threading.Thread(target=importer) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(outcomes, key=lambda o: isinstance(o, Exception))[0] == 4
    refused = next(o for o in outcomes if isinstance(o, ServiceError))
    assert "Tệp này đang được nhập ở máy khác hoặc vừa được nhập xong" in refused.message
    assert refused.msg is not None and "being imported on another computer" in refused.msg.text("en")
    assert _count(demo_db) == before + 4  # all of the first, nothing of the second


def _refuse_a_row(db: Database) -> None:
    """A real constraint of the database that refuses one applicant (a trigger, as a damaged or
    stricter schema would): the driver's error then carries the row's values in its parameters."""
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TRIGGER refuse_one BEFORE INSERT ON dossiers "
                "WHEN NEW.applicant_name = 'Lê Văn Cường' BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        )


def _chain(exc: BaseException | None) -> str:
    out = []
    while exc is not None:
        out += [type(exc).__name__, str(exc), repr(exc.args)]
        exc = exc.__cause__ or exc.__context__
    return "\n".join(out)


def test_a_refused_row_mid_write_shows_no_personal_data(
    demo_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _xlsx(tmp_path / "so.xlsx", GOOD)
    _refuse_a_row(demo_db)
    before = _count(demo_db)
    user = login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s, pytest.raises(ServiceError) as refused:
        logbook_import.import_file(s, user.user_id, path)  # the error caught, the session committed
    chain = _chain(refused.value)
    assert "từ chối ghi sổ (IntegrityError)" in chain
    assert not [p for p in PII if p in chain], chain
    assert _count(demo_db) == before
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    caplog.set_level(logging.DEBUG)
    code = main(["--database", str(demo_db.url), "import", "dossiers", "--user", "canbo", str(path)])
    out = capsys.readouterr()
    log = data_dir() / "errors.log"
    shown = out.out + out.err + caplog.text + (log.read_text(encoding="utf-8") if log.exists() else "")
    assert code != 0 and "không nhập gì" in shown
    assert not [p for p in PII if p in shown], shown
    assert _count(demo_db) == before


def test_progress_on_the_command_line_only_when_asked(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    url = str(demo_db.url)
    path = _xlsx(tmp_path / "so.xlsx", GOOD)
    assert main(["--database", url, "import", "dossiers", "--check", str(path)]) == 0
    assert capsys.readouterr().err == ""  # not a terminal: quiet
    assert main(["--database", url, "import", "dossiers", "--user", "canbo", "--progress", str(path)]) == 0
    err = capsys.readouterr().err
    assert "Đang đọc và kiểm tra dòng" in err and "Đang ghi 4 / 4 hồ sơ" in err


def test_the_windows_progress_and_cancel(demo_db: Database, tmp_path: Path, qapp: Any) -> None:
    """The dialog's reporter turns the service's stages into percent and words, and Cancel stops the
    write: its transaction is rolled back, nothing is imported."""
    from onestop_desktop.ui.tasks import Cancelled, Progress
    from onestop_desktop.ui.tracking.import_dialog import reporter

    rows = [[i, f"BIG-{i}", "Đăng ký khai sinh", "Nguyễn Văn An", "", "", "06/03/2017", "07/03/2017", ""]
            for i in range(4500)]  # fmt: skip
    path = _xlsx(tmp_path / "big.xlsx", rows)
    seen: list[tuple[int, str]] = []
    p = Progress(lambda percent, words: seen.append((percent, words)))
    with session_scope(demo_db.factory) as s:
        plan = logbook_import.plan_import(s, path, progress=reporter(p))
    assert plan.ok and len(plan.rows) == 4500
    assert [w for _p, w in seen][:3] == [f"Đang đọc và kiểm tra dòng {n}…" for n in ("0", "2.000", "4.000")]
    assert all(0 <= percent <= 99 for percent, _w in seen)
    before = _count(demo_db)
    user = login_as(demo_db, "canbo")
    p.cancel()
    with pytest.raises(Cancelled), session_scope(demo_db.factory) as s:
        logbook_import.apply_plan(s, user.user_id, plan, path.name, reporter(p))
    assert _count(demo_db) == before


def test_imported_rows_are_sealed_in_the_audit(demo_db: Database, tmp_path: Path) -> None:
    """Written by Core executemany, unseen by the Session: the import names them to the audit, which
    seals every one at commit; the chain after it holds, and one entry names the file."""
    from sqlalchemy import select

    from onestop_desktop.db.models import Dossier, DossierEvent
    from onestop_desktop.db.models_stats import AuditEntry
    from onestop_desktop.services.safety import audit_check, audit_rows_check

    user = login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s:
        head = audit_check.entry_count(s)
        logbook_import.import_file(s, user.user_id, _xlsx(tmp_path / "so.xlsx", GOOD))
    with session_scope(demo_db.factory) as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.id > head)))
        assert [f for f in audit_check.verify_chain(s) if f.entry_id > head] == []
        rows = audit_rows_check.verify_rows(s, audit_check.key_ring(s)[0])
    assert [(e.entity, e.action) for e in entries][-1] == ("import", "import-dossiers")
    assert entries[-1].after is not None and entries[-1].after["count"] == 4
    tables = (entries[-1].rows or {}).get("tables", {})
    with session_scope(demo_db.factory) as s:
        new = list(s.scalars(select(Dossier.id).where(Dossier.source == "import")))
        events = list(s.scalars(select(DossierEvent.id).where(DossierEvent.dossier_id.in_(new))))
    assert len(new) == 4 and {str(i) for i in new} <= set(tables["dossiers"]["r"])
    assert len(events) == 4 and {str(i) for i in events} <= set(tables["dossier_events"]["r"])
    assert [f for f in rows.findings if f.table in ("dossiers", "dossier_events")] == []


def test_search_keys_written_with_the_dossiers_and_an_import_cut_short_repaired(
    demo_db: Database, tmp_path: Path
) -> None:
    """SQLite writes the search keys with the dossiers, in the one write (the caller's `defer_search`
    is for other databases): searchable at once. An import left without its keys (by a version that
    wrote them in a second pass, the program closed between the two) is finished by the next call."""
    from sqlalchemy import select, update

    from onestop_desktop.db.models import Dossier

    user = login_as(demo_db, "canbo")
    path = _xlsx(tmp_path / "so.xlsx", GOOD)
    with session_scope(demo_db.factory) as s:
        plan = logbook_import.plan_import(s, path)
        logbook_import.apply_plan(s, user.user_id, plan, path.name, defer_search=True)
    fts = "SELECT rowid FROM dossiers_fts WHERE dossiers_fts MATCH '\"van an\"'"
    with session_scope(demo_db.factory) as s:
        d = s.scalar(select(Dossier).where(Dossier.code == "CU-2017-0001"))
        assert d is not None and d.search_key == "cu-2017-0001 nguyen van an 0912345678"
        assert d.id in set(s.execute(text(fts)).scalars())
        s.execute(update(Dossier).where(Dossier.source == "import").values(search_key=""))  # cut short
    assert logbook_import.index_pending(lambda: session_scope(demo_db.factory), batch=3) == 4
    assert logbook_import.index_pending(lambda: session_scope(demo_db.factory)) == 0
    with session_scope(demo_db.factory) as s:
        d = s.scalar(select(Dossier).where(Dossier.code == "CU-2017-0001"))
        assert d is not None and d.search_key == "cu-2017-0001 nguyen van an 0912345678"
        assert d.id in set(s.execute(text(fts)).scalars())  # the full-text index has it again


def test_a_counter_saves_while_the_rows_are_staged(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows are bound and staged without the office file's write lock: a counter writing then
    gets in at once (no wait: busy timeout 0). The import's own write comes after, with a larger page
    cache, which is the connection's own again once the transaction ends; the staging table is gone."""
    import sqlite3

    from onestop_desktop.db.engine import sqlite_file
    from onestop_desktop.services.tracking import logbook_stage

    monkeypatch.setattr(logbook_stage, "CHUNK", 2)  # 4 rows: a progress report between two chunks
    user = login_as(demo_db, "canbo")
    path = _xlsx(tmp_path / "so.xlsx", GOOD)
    db_file = sqlite_file(str(demo_db.url))
    assert db_file is not None
    seen: list[Any] = []
    dbapi: Any = None

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "write" and 0 < done < total:
            counter = sqlite3.connect(db_file, timeout=0)
            try:
                with counter:
                    counter.execute("INSERT INTO dossier_sequences VALUES ('QUAY', '2030-01-02', 1)")
                seen.append("saved")
            finally:
                counter.close()
        elif stage == "write" and done == total:
            seen.append(dbapi.execute("PRAGMA main.cache_size").fetchone()[0])

    before = _count(demo_db)
    with session_scope(demo_db.factory) as s:
        dbapi = s.connection().connection.dbapi_connection
        cache = dbapi.execute("PRAGMA main.cache_size").fetchone()[0]
        plan = logbook_import.plan_import(s, path)
        logbook_import.apply_plan(s, user.user_id, plan, path.name, progress)
    assert seen[0] == "saved" and seen[1] < 0 and -seen[1] > -cache  # KiB, more than before
    assert _count(demo_db) == before + 4
    assert dbapi.execute("PRAGMA main.cache_size").fetchone()[0] == cache
    assert dbapi.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0


def test_a_refused_write_leaves_no_staged_rows_behind(demo_db: Database, tmp_path: Path) -> None:
    """The staged copy holds names, phones and ID numbers: a refused write (rolled back) takes it away
    too, and the connection's page cache is its own again."""
    path = _xlsx(tmp_path / "so.xlsx", GOOD)
    _refuse_a_row(demo_db)
    user = login_as(demo_db, "canbo")
    before = _count(demo_db)
    with session_scope(demo_db.factory) as s:
        dbapi = s.connection().connection.dbapi_connection
        cache = dbapi.execute("PRAGMA main.cache_size").fetchone()[0]
        with pytest.raises(ServiceError):
            logbook_import.import_file(s, user.user_id, path)
    assert _count(demo_db) == before
    assert dbapi.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0
    assert dbapi.execute("PRAGMA main.cache_size").fetchone()[0] == cache
