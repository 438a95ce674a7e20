"""`attach` and `attachments` on the command line: round trip by hash, JSON, refusals that save nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

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
