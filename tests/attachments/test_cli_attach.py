"""`attach` and `attachments` on the command line: round trip by hash, JSON, refusals that save nothing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.db.models_files import Attachment
from tests.attachments.conftest import jpeg, tiff


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str], lang: str = "vi") -> tuple[int, str, str]:
    try:
        code = main(["--lang", lang, *argv])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def office(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    with session_scope(demo_db.factory) as s:
        code = s.scalars(select(Dossier.code).where(func.json_array_length(Dossier.documents) == 2)).first()
    assert code is not None
    return demo_db.url.split(":///", 1)[1], code


def _count(db: str) -> int:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(Attachment)).scalar_one()
    engine.dispose()
    return int(n)


def test_attach_list_extract_round_trip(office: tuple[str, str], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, code = office
    before = _count(db)
    (tmp_path / "p1.jpg").write_bytes(jpeg(1))
    (tmp_path / "p2.tif").write_bytes(tiff(2))
    files = [str(tmp_path / "p1.jpg"), str(tmp_path / "p2.tif")]
    argv = ["attach", code, *files, "--document", "2", "--user", "canbo", "--database", db]
    rc, out, err = _cli(argv, capsys)
    assert rc == 0, err
    assert "3 trang" in out and f"giấy tờ số 2 của hồ sơ {code}" in out
    rc, out, err = _cli(["attachments", code, "--json", "--database", db], capsys)
    assert rc == 0, err
    rows = json.loads(out)
    mine = [r for r in rows if r["name"] == "p1.pdf"]
    assert (
        len(mine) == 1
        and mine[0]["document"] == 2
        and mine[0]["pages"] == 3
        and mine[0]["added_by"] == "canbo"
    )
    assert set(mine[0]) >= {"name", "document", "sha256", "bytes", "pages", "added_at", "added_by"}
    target = tmp_path / "out"
    target.mkdir()
    rc, out, err = _cli(["attachments", code, "--extract", str(target), "--database", db], capsys)
    assert rc == 0, err
    written = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in target.iterdir()}
    assert mine[0]["sha256"] in written and written[mine[0]["sha256"]].stat().st_size == mine[0]["bytes"]
    rc, out, err = _cli(["attachments", code, "--extract", str(target), "--database", db], capsys)
    assert rc == 0 and len(list(target.iterdir())) == 2 * len(rows)  # a second copy, never over the first
    assert _count(db) == before + 1


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (["{missing}"], "Không có tệp", "No such file"),
        (["{text}"], "không phải ảnh quét", "is not a scan"),
        (["{jpg}", "--document", "9"], "không có giấy tờ số 9", "has no document number 9"),
        (["{jpg}", "--document", "0"], "từ 1 trở lên", "must be 1 or more"),
        (["{jpg}", "--result", "fax"], "không có lựa chọn 'fax'", "invalid choice: 'fax'"),
    ],
)
def test_refusals_are_one_sentence_and_save_nothing(
    office: tuple[str, str],
    tmp_path: Path,
    capsys,
    args: list[str],
    vi: str,
    en: str,  # type: ignore[no-untyped-def]
) -> None:
    db, code = office
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "a.jpg").write_bytes(jpeg(2))
    files = {
        "missing": str(tmp_path / "none.jpg"),
        "text": str(tmp_path / "notes.txt"),
        "jpg": str(tmp_path / "a.jpg"),
    }
    before = _count(db)
    for lang, words in (("vi", vi), ("en", en)):
        argv = ["attach", code, *[a.format(**files) for a in args], "--user", "canbo", "--database", db]
        rc, out, err = _cli(argv, capsys, lang)
        assert rc != 0 and "Traceback" not in err
        assert words in err, err
    assert _count(db) == before


def test_unknown_dossier(office: tuple[str, str], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, _code = office
    rc, _out, err = _cli(["attachments", "KHONG-CO", "--database", db], capsys, "en")
    assert rc != 0 and "There is no dossier with the code KHONG-CO" in err


def test_a_result_and_an_unwritable_folder(office: tuple[str, str], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, code = office
    (tmp_path / "kq.jpg").write_bytes(jpeg(5))
    argv = ["attach", code, str(tmp_path / "kq.jpg"), "--result", "paper", "--user", "canbo"]
    rc, out, err = _cli([*argv, "--database", db], capsys, "en")
    assert rc == 0, err
    assert "to the result (paper)" in out
    rc, out, err = _cli(["attachments", code, "--json", "--database", db], capsys)
    (row,) = [r for r in json.loads(out) if r["name"] == "kq.pdf"]
    assert row["document"] is None and row["role"] == "result" and row["result_form"] == "paper"
    with session_scope_of(db) as s:
        assert s.scalar(select(Dossier.result_form).where(Dossier.code == code)) == "paper"
    for lang, words in (("vi", "Không ghi được vào thư mục"), ("en", "Cannot write into the folder")):
        rc, out, err = _cli(
            ["attachments", code, "--extract", str(tmp_path / "none"), "--database", db], capsys, lang
        )
        assert rc != 0 and words in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "none").exists()


def test_plain_listing_and_help_in_both_languages(office: tuple[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    db, code = office
    rc, out, err = _cli(["attachments", code, "--database", db], capsys, "en")
    assert rc == 0 and out.strip() == f"Dossier {code} has no attachments."
    rc, out, _err = _cli(["--help"], capsys, "en")
    assert "attach scans (JPEG, PNG, TIFF, PDF)" in out and "list or copy out a dossier's attachments" in out
    rc, out, _err = _cli(["--help"], capsys, "vi")
    assert "đính kèm bản quét" in out and "liệt kê hoặc chép ra các tệp đính kèm" in out
    rc, out, _err = _cli(["attach", "--help"], capsys, "en")
    assert "--document N" in out and "--result {electronic,paper}" in out


@contextmanager
def session_scope_of(db: str) -> Iterator[Session]:
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import session_scope

    database = open_database(f"sqlite:///{db}", migrate=False)
    try:
        with session_scope(database.factory) as s:
            yield s
    finally:
        database.engine.dispose()


def test_over_the_size_limit_is_one_sentence_and_saves_nothing(
    office: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from onestop_desktop.services.catalogue.office import put_setting
    from tests.attachments.test_attach import _noise

    db, code = office
    with session_scope_of(db) as s:
        put_setting(s, "attachments.max_file_mb", "0.01")
    (tmp_path / "big.jpg").write_bytes(_noise(3))
    before = _count(db)
    for lang, words in (
        ("vi", "quá giới hạn 10 KB cho một tệp"),
        ("en", "over the limit of 10 KB for one file"),
    ):
        argv = ["attach", code, str(tmp_path / "big.jpg"), "--user", "canbo", "--database", db]
        rc, _out, err = _cli(argv, capsys, lang)
        assert rc != 0 and words in err and len(err.strip().splitlines()) == 1, err
    assert _count(db) == before
    assert not (Path(db).with_name("demo.files") / "objects").exists()  # refused before the store


def test_result_listed_in_the_interface_language(office: tuple[str, str], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, code = office
    (tmp_path / "kq.jpg").write_bytes(jpeg(9))
    argv = ["attach", code, str(tmp_path / "kq.jpg"), "--result", "electronic", "--user", "canbo"]
    rc, out, err = _cli([*argv, "--database", db], capsys)
    assert rc == 0, err
    assert "kết quả (điện tử)" in out
    assert "kết quả (điện tử)\tkq.pdf" in _cli(["attachments", code, "--database", db], capsys)[1]
    assert "result (electronic)\tkq.pdf" in _cli(["attachments", code, "--database", db], capsys, "en")[1]
