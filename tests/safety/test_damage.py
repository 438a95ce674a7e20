"""A damaged file (one page overwritten in the middle, the header overwritten, the tail cut off): backup,
restore, check, import and report stop and say so; damage never spreads into the copies restore offers."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import damage_mark, session_scope, sqlite_file
from onestop_desktop.services.safety import backup, integrity
from onestop_desktop.services.safety.causes import DatabaseDamaged
from tests.tracking.test_import import GOOD, _xlsx

from .disks import DAMAGES, overwrite_middle_page, settle

DEMO_COUNT = 10343


def _file(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def _damaged(database: Database, how: str) -> Path:
    """The demo file with one good backup taken, then damaged; returns the good backup."""
    good = backup.backup(database.url).path
    database.engine.dispose()
    DAMAGES[how](_file(database))
    return good


def test_backup_of_a_file_with_one_damaged_page_is_kept_apart_and_refused(demo_db: Database) -> None:
    good = _damaged(demo_db, "page")
    db_file = _file(demo_db)
    assert integrity.check_file(db_file, quick=True).ok is False
    with pytest.raises(DatabaseDamaged) as raised:
        backup.backup(demo_db.url)
    kept = raised.value.kept
    assert kept is not None and kept.parent == good.parent / "damaged"
    assert kept.name.endswith("-damaged.sqlite3")
    record = json.loads(kept.with_name(kept.name + ".json").read_text(encoding="utf-8"))
    assert record["integrity"] == "damaged" and record["findings"]
    assert "bị hỏng" in raised.value.message and str(kept) in raised.value.message
    # restore offers the good copy only, with its counts; nothing was pruned; no half copy anywhere
    listed = backup.list_backups(good.parent)
    assert [(b.path, b.dossiers, b.checked) for b in listed] == [(good, DEMO_COUNT, True)]
    left = sorted(p.name for p in good.parent.iterdir())
    assert left == sorted([good.name, good.name + ".json", "damaged"])
    assert damage_mark(db_file).exists()  # the next start runs the full check and opens the dialog


@pytest.mark.parametrize("how", ["header", "truncated"])
def test_backup_of_a_badly_damaged_file_is_refused_without_a_copy(demo_db: Database, how: str) -> None:
    good = _damaged(demo_db, how)
    with pytest.raises(DatabaseDamaged, match="bị hỏng") as raised:
        backup.backup(demo_db.url)
    said = raised.value.msg
    assert said is not None and "is damaged" in said.text("en")  # a message id: worded in English too
    assert [b.path for b in backup.list_backups(good.parent)] == [good]
    assert not [p for p in good.parent.rglob("*") if "partial" in p.name or p.name.endswith("-journal")]


@pytest.mark.parametrize("language,words", [("vi", "bị hỏng"), ("en", "is damaged")])
def test_backup_command_says_damaged_and_what_to_do(
    demo_db: Database, capsys: pytest.CaptureFixture[str], language: str, words: str
) -> None:
    _damaged(demo_db, "page")
    assert main(["--lang", language, "backup", "--database", str(_file(demo_db))]) != 0
    err = capsys.readouterr().err
    assert words in err and "restore" in err and "Traceback" not in err


def test_restore_lists_a_damaged_copy_from_before_with_its_problem_not_its_counts(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    good = backup.backup(demo_db.url).path
    # a copy an older version took of a damaged file: in the backups folder, with no record
    old = good.with_name(good.name.replace("-manual", "-auto"))
    old.write_bytes(good.read_bytes())
    overwrite_middle_page(old)
    assert main(["restore", "--database", str(_file(demo_db))]) == 0
    lines = {line.split()[2]: line for line in capsys.readouterr().out.splitlines()}
    assert "hồ sơ: 10.343" in lines[good.name]
    assert "không qua được kiểm tra toàn vẹn" in lines[old.name] and "hồ sơ" not in lines[old.name]


@pytest.mark.parametrize("how", ["page", "header", "truncated"])
def test_check_command_finds_each_damage_in_the_interface_language(
    demo_db: Database, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _damaged(demo_db, how)
    assert main(["check", "--database", str(_file(demo_db))]) == 1
    assert "Cơ sở dữ liệu có lỗi" in capsys.readouterr().out
    assert main(["--lang", "en", "check", "--database", str(_file(demo_db))]) == 1
    out = capsys.readouterr().out
    assert "The database is damaged" in out and "Tệp" not in out and "Bảng" not in out


@pytest.mark.parametrize("how", ["page", "header", "truncated"])
def test_report_on_a_damaged_file_says_so_instead_of_figures(
    demo_db: Database, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _damaged(demo_db, how)
    assert main(["report", "--period", "2018-10", "--database", str(_file(demo_db))]) == 2
    captured = capsys.readouterr()
    assert "bị hỏng" in captured.err and "khôi phục" in captured.err
    assert "Hồ sơ phải giải quyết" not in captured.out  # no figures "as if nothing happened"


def test_import_into_a_file_with_one_damaged_page_stops(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _damaged(demo_db, "page")
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    sheet = _xlsx(tmp_path / "so.xlsx", GOOD)
    code = main(["--database", str(_file(demo_db)), "import", "dossiers", "--user", "canbo", str(sheet)])
    captured = capsys.readouterr()
    assert code != 0 and "bị hỏng" in captured.out + captured.err
    assert [b.path for b in backup.list_backups(good.parent)] == [good]  # no damaged "before-import" copy
    conn = sqlite3.connect(f"file:{_file(demo_db)}?mode=ro", uri=True)
    try:
        sql = "SELECT count(*) FROM dossiers NOT INDEXED WHERE source = 'import'"
        imported = conn.execute(sql).fetchone()
    except sqlite3.DatabaseError:
        imported = None  # the damaged page lies in the table itself: unreadable, and nothing was written
    finally:
        conn.close()
    assert imported in (None, (0,))


@pytest.mark.parametrize("how", ["header", "truncated"])
def test_restore_command_works_when_the_current_file_is_badly_damaged(
    demo_db: Database, how: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _damaged(demo_db, how)
    db_file = _file(demo_db)
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    assert main(["restore", str(good), "--user", "canbo", "--database", str(db_file)]) == 2  # clerks may not
    assert "không có quyền khôi phục" in capsys.readouterr().err
    assert main(["restore", str(good), "--user", "lanhdao", "--database", str(db_file)]) == 0
    captured = capsys.readouterr()
    assert "Đã khôi phục từ" in captured.out and "Traceback" not in captured.err
    assert integrity.check(demo_db.url).ok
    kept = list((good.parent / "damaged").glob("*-before-restore-damaged.sqlite3"))
    assert len(kept) == 1  # the damaged file was kept, apart and named as damaged
    assert [b.path for b in backup.list_backups(good.parent)] == [good]
    assert not damage_mark(db_file).exists()


def test_a_read_that_meets_a_damaged_page_leaves_the_mark_for_the_next_start(demo_db: Database) -> None:
    db_file = _file(demo_db)
    demo_db.engine.dispose()
    settle(db_file)
    conn = sqlite3.connect(db_file)
    leaf = conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'dossiers' AND pagetype = 'leaf' "
        "ORDER BY pageno LIMIT 1 OFFSET 50"
    ).fetchone()[0]
    conn.close()
    with open(db_file, "r+b") as fh:  # one page of the dossiers table itself
        fh.seek((leaf - 1) * 4096)
        fh.write(b"\x5a" * 4096)
    assert not damage_mark(db_file).exists()
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    with pytest.raises(DatabaseError, match="malformed"), session_scope(demo_db.factory) as s:
        s.execute(text("SELECT sum(length(applicant_name)) FROM dossiers NOT INDEXED")).scalar()
    assert damage_mark(db_file).exists() and integrity.damage_reported(db_file)
