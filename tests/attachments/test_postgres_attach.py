"""Attachments on PostgreSQL, the shared database of several counters: by default the bytes go into
`stored_files.content` (every counter reaches them through the database); with the setting
`attachments.store` naming a shared folder, into that folder, written the same atomic way."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database, ensure_demo, open_database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.db.models_files import Attachment, StoredFile
from onestop_desktop.services.attachments.attach import (
    attach,
    attach_result,
    list_attachments,
    read_content,
    store_of,
)
from onestop_desktop.services.attachments.scans import IncomingFile, prepare
from onestop_desktop.services.catalogue.office import put_setting
from onestop_desktop.services.safety import audit_check, audit_rows_check
from tests.attachments.conftest import jpeg, tiff
from tests.conftest import login_as

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_office(pg_new_database: Callable[[], str]) -> Iterator[Database]:
    """A PostgreSQL database of its own, migrated, with the demo office (2018) built."""
    database = open_database(pg_new_database())
    ensure_demo(database, living=False)
    yield database
    database.engine.dispose()


def _codes(db: Database, n: int) -> list[str]:
    with session_scope(db.factory) as s:
        return list(
            s.scalars(
                select(Dossier.code)
                .where(func.json_array_length(Dossier.documents) == 2)
                .order_by(Dossier.id)
                .limit(n)
            )
        )


def test_by_default_the_bytes_are_in_the_database(pg_office: Database) -> None:
    clerk = login_as(pg_office, "canbo")
    code = _codes(pg_office, 1)[0]
    one = prepare([IncomingFile("1.jpg", jpeg(31))])
    two = prepare([IncomingFile("2.tif", tiff(2))])
    with session_scope(pg_office.factory) as s:
        assert store_of(s) is None
        attach(s, clerk, code, 1, one)
        attach(s, clerk, code, 2, two)
        attach(s, clerk, code, 2, two)  # the same content once more: one stored row
        attach_result(s, clerk, code, "electronic", one)
    with session_scope(pg_office.factory) as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d is not None and d.digitized_at is not None and d.result_form == "electronic"
        rows = {
            r.sha256: r
            for r in s.scalars(select(StoredFile).where(StoredFile.sha256.in_([one.sha256, two.sha256])))
        }
        assert rows[one.sha256].content == one.pdf and rows[two.sha256].pages == 2
        assert read_content(s, two.sha256) == two.pdf
        assert [(a.role, a.document) for a in list_attachments(s, code)] == [
            ("document", 1),
            ("document", 2),
            ("document", 2),
            ("result", None),
        ]
        assert audit_check.verify_chain(s) == []
        ring, _path = audit_check.key_ring(s)
        assert audit_rows_check.verify_rows(s, ring).findings == []


def test_a_shared_folder_named_in_the_settings(pg_office: Database, tmp_path: Path) -> None:
    clerk = login_as(pg_office, "canbo")
    code = _codes(pg_office, 2)[1]
    share = tmp_path / "kho-chung"
    with session_scope(pg_office.factory) as s:
        put_setting(s, "attachments.store", str(share))
    scan = prepare([IncomingFile("3.jpg", jpeg(32))])
    try:
        with pytest.raises(RuntimeError), session_scope(pg_office.factory) as s:
            attach(s, clerk, code, 1, scan)
            raise RuntimeError("the counter lost the network before the commit")
        with session_scope(pg_office.factory) as s:
            assert s.get(StoredFile, scan.sha256) is None  # no row: the file is an orphan in the share
            store = store_of(s)
            assert store is not None and store.root == share and store.has(scan.sha256)
            attach(s, clerk, code, 1, scan)
        with session_scope(pg_office.factory) as s:
            row = s.get(StoredFile, scan.sha256)
            assert row is not None and row.content is None and row.size == len(scan.pdf)
            assert read_content(s, scan.sha256) == scan.pdf
            assert list((share / "tmp").iterdir()) == []
    finally:
        with session_scope(pg_office.factory) as s:
            put_setting(s, "attachments.store", "")


def test_command_line_round_trip_on_postgresql(
    pg_office: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    code = _codes(pg_office, 3)[2]
    page = tmp_path / "to-khai.jpg"
    page.write_bytes(jpeg(33))
    argv = ["--lang", "en", "attach", code, str(page), "--document", "2", "--user", "canbo"]
    assert main([*argv, "--database", pg_office.url]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["--lang", "en", "attachments", code, "--json", "--database", pg_office.url]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["name"], row["document"], row["pages"], row["added_by"]) == ("to-khai.pdf", 2, 1, "canbo")
    out = tmp_path / "out"
    out.mkdir()
    assert (
        main(["--lang", "en", "attachments", code, "--extract", str(out), "--database", pg_office.url]) == 0
    )
    (written,) = out.iterdir()
    assert hashlib.sha256(written.read_bytes()).hexdigest() == row["sha256"]
    with session_scope(pg_office.factory) as s:
        n = s.scalar(select(func.count()).select_from(Attachment).join(Dossier).where(Dossier.code == code))
    assert n == 1


def test_two_counters_attach_the_same_scan_at_once(pg_office: Database) -> None:
    """The second counter's insert of the same file waits for the first's commit, then shares its row."""
    import threading

    clerk = login_as(pg_office, "canbo")
    first, second = _codes(pg_office, 5)[3:5]
    scan = prepare([IncomingFile("cccd.jpg", jpeg(34))])
    flushed, go_on = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def counter(code: str, hold: bool) -> None:
        try:
            with session_scope(pg_office.factory) as s:
                attach(s, clerk, code, 1, scan)
                if hold:
                    flushed.set()
                    assert go_on.wait(30)
        except BaseException as exc:
            errors.append(exc)
            flushed.set()

    a = threading.Thread(target=counter, args=(first, True))
    a.start()
    assert flushed.wait(30)
    b = threading.Thread(target=counter, args=(second, False))
    b.start()
    b.join(1.0)  # b waits on a's uncommitted row
    go_on.set()
    a.join(30)
    b.join(30)
    assert errors == []
    with session_scope(pg_office.factory) as s:
        assert (
            s.scalar(select(func.count()).select_from(StoredFile).where(StoredFile.sha256 == scan.sha256))
            == 1
        )
        assert (
            s.scalar(select(func.count()).select_from(Attachment).where(Attachment.sha256 == scan.sha256))
            == 2
        )
        assert audit_check.verify_chain(s) == []
