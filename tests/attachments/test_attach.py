"""Attaching scans to a dossier: stored once by content, counted only with their bytes, audited."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.db.models_files import Attachment, StoredFile
from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.services.attachments.attach import (
    attach,
    attach_result,
    digitized_lines,
    list_attachments,
    read_content,
    remove,
    store_of,
)
from onestop_desktop.services.attachments.scans import IncomingFile, prepare
from onestop_desktop.services.catalogue.office import put_setting
from onestop_desktop.services.errors import PermissionDenied, ServiceError
from tests.attachments.conftest import jpeg
from tests.conftest import login_as


def _open_dossier(db: Database, lines: int = 2) -> str:
    with session_scope(db.factory) as s:
        code = s.scalars(
            select(Dossier.code).where(func.json_array_length(Dossier.documents) == lines)
        ).first()
    assert code is not None
    return code


def test_attach_every_line_makes_the_dossier_digitised(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    code = _open_dossier(demo_db)
    one, two = prepare([IncomingFile("1.jpg", jpeg(1))]), prepare([IncomingFile("2.jpg", jpeg(2))])
    with session_scope(demo_db.factory) as s:
        attach(s, clerk, code, 1, one)
        assert s.scalar(select(Dossier.digitized_at).where(Dossier.code == code)) is None  # one line of two
    with session_scope(demo_db.factory) as s:
        info = attach(s, clerk, code, 2, two)
    with session_scope(demo_db.factory) as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d is not None and d.digitized_at is not None
        assert digitized_lines(s, code) == {1, 2}
        listed = list_attachments(s, code)
        assert [(a.document, a.sha256, a.pages, a.added_by) for a in listed] == [
            (1, one.sha256, 1, "canbo"),
            (2, two.sha256, 1, "canbo"),
        ]
        assert hashlib.sha256(read_content(s, info.sha256)).hexdigest() == info.sha256
        store = store_of(s)
        assert store is not None and store.verify(info.sha256)
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "attachment")).all()
        assert [e.after["sha256"] for e in entries] == [one.sha256, two.sha256]
    with session_scope(demo_db.factory) as s:
        remove(s, clerk, listed[1].id)
    with session_scope(demo_db.factory) as s:
        assert s.scalar(select(Dossier.digitized_at).where(Dossier.code == code)) is None
        assert digitized_lines(s, code) == {1}


def test_identical_files_are_stored_once(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    code = _open_dossier(demo_db)
    scan = prepare([IncomingFile("cccd.jpg", jpeg(7))])
    with session_scope(demo_db.factory) as s:
        attach(s, clerk, code, 1, scan)
        attach(s, clerk, code, 2, scan)
    with session_scope(demo_db.factory) as s:
        assert s.scalar(select(func.count()).select_from(StoredFile)) == 1
        assert s.scalar(select(func.count()).select_from(Attachment)) == 2
        store = store_of(s)
        assert store is not None and list(store.shas()) == [scan.sha256]


def test_a_rolled_back_attach_leaves_no_row_only_an_orphan_file(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    code = _open_dossier(demo_db)
    scan = prepare([IncomingFile("x.jpg", jpeg(3))])
    with pytest.raises(RuntimeError), session_scope(demo_db.factory) as s:
        attach(s, clerk, code, 1, scan)
        raise RuntimeError("the power went off before the commit")
    with session_scope(demo_db.factory) as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
        assert s.get(StoredFile, scan.sha256) is None
        store = store_of(s)
        assert store is not None and store.has(scan.sha256)  # an orphan: check lists it, nothing counts it


def test_refusals_save_nothing(demo_db: Database) -> None:
    clerk, leader = login_as(demo_db, "canbo"), login_as(demo_db, "lanhdao")
    code = _open_dossier(demo_db)
    scan = prepare([IncomingFile("x.jpg", jpeg(4))])
    with session_scope(demo_db.factory) as s:
        with pytest.raises(ServiceError) as err:
            attach(s, clerk, code, 9, scan)
        assert err.value.msg is not None and "9" in err.value.msg.text("en")
        with pytest.raises(ServiceError):
            attach(s, clerk, "KHONG-CO", 1, scan)
        with pytest.raises(PermissionDenied):
            attach(s, leader, code, 1, scan)
        with pytest.raises(ServiceError):
            attach_result(s, clerk, code, "fax", scan)
    with session_scope(demo_db.factory) as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0


def _noise(seed: int, side: int = 300) -> bytes:
    """A JPEG that does not compress away (random pixels): about 60-90 KB at 300 x 300."""
    import io
    import random

    from PIL import Image

    rnd = random.Random(seed)
    img = Image.frombytes("L", (side, side), bytes(rnd.getrandbits(8) for _ in range(side * side)))
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=90)
    return out.getvalue()


def test_size_guard_names_the_limit(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    code = _open_dossier(demo_db)
    big = prepare([IncomingFile("to.jpg", _noise(5))])
    with session_scope(demo_db.factory) as s:
        put_setting(s, "attachments.max_file_mb", "0.01")
    with session_scope(demo_db.factory) as s, pytest.raises(ServiceError) as err:
        attach(s, clerk, code, 1, big)
    assert err.value.msg is not None and err.value.msg.key == "att.too-big-file"
    assert "over the limit of 10 KB" in err.value.msg.text("en")
    assert "quá giới hạn 10 KB" in err.value.msg.text("vi")
    with session_scope(demo_db.factory) as s:
        put_setting(s, "attachments.max_file_mb", "50")
        put_setting(s, "attachments.max_dossier_mb", "0.2")
    with session_scope(demo_db.factory) as s:
        attach(s, clerk, code, 1, prepare([IncomingFile("a.jpg", _noise(6))]))
        attach(s, clerk, code, 2, prepare([IncomingFile("b.jpg", _noise(7))]))
        with pytest.raises(ServiceError) as err:
            attach(s, clerk, code, 2, prepare([IncomingFile("c.jpg", _noise(8))]))
    assert err.value.msg is not None and err.value.msg.key == "att.too-big-dossier"
    assert code in err.value.msg.text("vi")


def test_result_form_electronic_then_paper(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    code = _open_dossier(demo_db)
    with session_scope(demo_db.factory) as s:
        info = attach_result(s, clerk, code, "electronic", prepare([IncomingFile("kq.jpg", jpeg(8))]))
        assert info.role == "result" and info.document is None
    with session_scope(demo_db.factory) as s:
        assert s.scalar(select(Dossier.result_form).where(Dossier.code == code)) == "electronic"
        remove(s, clerk, info.id)
        attach_result(s, clerk, code, "paper", prepare([IncomingFile("kq-giay.jpg", jpeg(9))]))
    with session_scope(demo_db.factory) as s:
        assert s.scalar(select(Dossier.result_form).where(Dossier.code == code)) == "paper"


def test_database_store_keeps_the_bytes_in_the_row(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    code = _open_dossier(demo_db)
    with session_scope(demo_db.factory) as s:
        put_setting(s, "attachments.store", "database")
    scan = prepare([IncomingFile("x.jpg", jpeg(11))])
    with session_scope(demo_db.factory) as s:
        attach(s, clerk, code, 1, scan)
    with session_scope(demo_db.factory) as s:
        row = s.get(StoredFile, scan.sha256)
        assert row is not None and row.content == scan.pdf
        assert store_of(s) is None and read_content(s, scan.sha256) == scan.pdf
