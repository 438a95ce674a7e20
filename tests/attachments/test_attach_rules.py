"""The rules around an attachment: when a dossier counts as digitised, who may attach, the audit chain
that covers every attachment row, and the store an in-memory database uses (the database itself)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, update
from sqlalchemy.pool import StaticPool

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import make_session_factory, session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.db.models_files import Attachment, StoredFile
from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.services.attachments.attach import (
    attach,
    digitized_lines,
    limits,
    list_attachments,
    read_content,
    remove,
    store_of,
)
from onestop_desktop.services.attachments.scans import IncomingFile, prepare
from onestop_desktop.services.catalogue.office import put_setting
from onestop_desktop.services.errors import NotFound, PermissionDenied, ServiceError
from onestop_desktop.services.safety import audit_check, audit_rows_check
from tests.attachments.conftest import jpeg
from tests.conftest import login_as


def _code(db: Database, lines: int) -> str:
    with session_scope(db.factory) as s:
        code = s.scalars(
            select(Dossier.code)
            .where(func.json_array_length(Dossier.documents) == lines)
            .order_by(Dossier.id)
        ).first()
    assert code is not None
    return code


def test_digitised_when_the_last_line_arrives_and_the_date_stays(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    code = _code(demo_db, 3)
    with session_scope(demo_db.factory) as s:
        before = s.scalar(select(Dossier.updated_at).where(Dossier.code == code))
        for line in (3, 1):
            attach(s, clerk, code, line, prepare([IncomingFile(f"{line}.jpg", jpeg(line))]))
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d is not None and d.digitized_at is None and d.updated_at != before
        assert digitized_lines(s, code) == {1, 3}
        attach(s, clerk, code, 2, prepare([IncomingFile("2.jpg", jpeg(2))]))
        assert d.digitized_at is not None
        first = d.digitized_at - timedelta(days=3)
        d.digitized_at = first  # as if it was digitised three days ago
    with session_scope(demo_db.factory) as s:  # a second scan of a line: still digitised since then
        attach(s, clerk, code, 2, prepare([IncomingFile("2b.jpg", jpeg(22))]))
    with session_scope(demo_db.factory) as s:
        assert s.scalar(select(Dossier.digitized_at).where(Dossier.code == code)) == first
        two = [a for a in list_attachments(s, code) if a.document == 2]
        assert [a.name for a in two] == ["2.pdf", "2b.pdf"]
        remove(s, clerk, two[0].id)  # line 2 still has a scan
        assert s.scalar(select(Dossier.digitized_at).where(Dossier.code == code)) == first


def test_a_dossier_without_checklist_lines_is_never_digitised(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    code = _code(demo_db, 2)
    with session_scope(demo_db.factory) as s:
        s.execute(update(Dossier).where(Dossier.code == code).values(documents=[]))
    with session_scope(demo_db.factory) as s, pytest.raises(ServiceError) as err:
        attach(s, clerk, code, 1, prepare([IncomingFile("a.jpg", jpeg(1))]))
    assert err.value.msg is not None and err.value.msg.key == "att.no-line"
    assert "0 documents" in err.value.msg.text("en")
    with session_scope(demo_db.factory) as s:
        assert s.scalar(select(Dossier.digitized_at).where(Dossier.code == code)) is None
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0


def test_clerks_and_admins_attach_leaders_do_not(demo_db: Database) -> None:
    code = _code(demo_db, 2)
    scan = prepare([IncomingFile("a.jpg", jpeg(1))])
    with session_scope(demo_db.factory) as s:
        assert attach(s, login_as(demo_db, "quantri"), code, 1, scan).added_by == "quantri"
        with pytest.raises(PermissionDenied) as err:
            attach(s, login_as(demo_db, "lanhdao"), code, 2, scan)
        assert err.value.msg is not None and "attach scans" in err.value.msg.text("en")
        with pytest.raises(PermissionDenied):
            attach(s, None, code, 2, scan)
        with pytest.raises(PermissionDenied):
            remove(s, login_as(demo_db, "lanhdao"), list_attachments(s, code)[0].id)
        with pytest.raises(NotFound):
            remove(s, login_as(demo_db, "canbo"), 999_999)


def test_every_change_is_in_the_audit_chain_and_the_rows_are_sealed(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    code = _code(demo_db, 2)
    scan = prepare([IncomingFile("cccd.jpg", jpeg(3))])
    with session_scope(demo_db.factory) as s:
        info = attach(s, clerk, code, 2, scan)
    with session_scope(demo_db.factory) as s:
        remove(s, clerk, info.id)
    with session_scope(demo_db.factory) as s:
        entries = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "attachment").order_by(AuditEntry.id)
        ).all()
        assert [e.action for e in entries] == ["attach", "remove"]
        assert entries[0].entity_id == f"{code}#{info.id}" and entries[0].user_id == clerk.user_id
        after = entries[0].after or {}
        assert (after["sha256"], after["bytes"], after["document"]) == (scan.sha256, len(scan.pdf), 2)
        assert (entries[1].before or {})["sha256"] == scan.sha256
        assert "attachments" in (entries[0].rows or {}).get("tables", {})  # the row's seal rides with it
        assert audit_check.verify_chain(s) == []
        ring, _path = audit_check.key_ring(s)
        assert audit_rows_check.verify_rows(s, ring).findings == []
    # a hand edit behind the program's back (another file put on the line) is found
    conn = sqlite3.connect(demo_db.url.split(":///", 1)[1])
    conn.execute("UPDATE attachments SET document = 1 WHERE id = ?", (info.id,))
    conn.commit()
    conn.close()
    with session_scope(demo_db.factory) as s:
        ring, _path = audit_check.key_ring(s)
        found = audit_rows_check.verify_rows(s, ring).findings
    assert [(f.table, f.row) for f in found] == [("attachments", str(info.id))]


def test_limits_default_and_settings(demo_db: Database) -> None:
    with session_scope(demo_db.factory) as s:
        lim = limits(s)
        assert (lim.per_file_bytes, lim.per_dossier_bytes) == (50_000_000, 200_000_000)
        put_setting(s, "attachments.max_file_mb", "2,5")
        put_setting(s, "attachments.max_dossier_mb", "not a number")
        lim = limits(s)
        assert (lim.per_file_bytes, lim.per_dossier_bytes) == (2_500_000, 200_000_000)


def test_the_file_goes_missing_and_reading_says_so(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    code = _code(demo_db, 2)
    scan = prepare([IncomingFile("a.jpg", jpeg(4))])
    with session_scope(demo_db.factory) as s:
        attach(s, clerk, code, 1, scan)
        store = store_of(s)
        assert store is not None
        store.remove(scan.sha256)
        with pytest.raises(ServiceError) as err:
            read_content(s, scan.sha256)
        assert err.value.msg is not None and "check" in err.value.msg.text("en")
        attach(s, clerk, code, 2, scan)  # attaching the same content again mends the store
        assert store.verify(scan.sha256) and read_content(s, scan.sha256) == scan.pdf


def test_in_memory_sqlite_keeps_the_bytes_in_the_database(demo_db_file: Path) -> None:
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    source = sqlite3.connect(demo_db_file)
    source.backup(memory)
    source.close()
    engine = create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool)
    factory = make_session_factory(engine)
    demo = Database("sqlite://", engine, factory)
    clerk = login_as(demo, "canbo")
    code = _code(demo, 2)
    scan = prepare([IncomingFile("a.jpg", jpeg(5))])
    try:
        with session_scope(factory) as s:
            assert store_of(s) is None
            attach(s, clerk, code, 1, scan)
        with session_scope(factory) as s:
            row = s.get(StoredFile, scan.sha256)
            assert row is not None and row.content == scan.pdf
            assert read_content(s, scan.sha256) == scan.pdf
    finally:
        engine.dispose()
        memory.close()
