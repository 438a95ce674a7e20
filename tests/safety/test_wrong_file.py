"""A file that is not the office's database given as --database (a text file, another program's SQLite
file) is refused with one clean sentence, and nothing is written next to it: no `-damaged` mark, no
`backups/` folder. The sentence names SQLite's words once, in parentheses, without a doubled full stop."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from onestop_desktop.cli import main


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


COMMANDS = [
    ["backup"],
    ["report", "--period", "2018-10"],
    ["check"],
    ["today"],  # a command that opens the database through the engine
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_text_file_as_database_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], language: str
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Ghi chú: họp giao ban thứ hai.\n", encoding="utf-8")
    before = _listing(tmp_path)
    code = main(["--lang", language, *argv, "--database", str(notes)])
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert code != 0
    assert _listing(tmp_path) == before  # no notes.txt-damaged, no backups/, nothing changed
    assert "Traceback" not in said and ".)." not in said and ". ." not in said and ".." not in said
    if language == "vi":
        assert "The file cannot be read" not in said  # no English sentence inside the Vietnamese one


def test_restore_lists_nothing_beside_a_text_file_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Restore must work onto a database whose header is destroyed, so it cannot refuse a file for
    having no header; listing the (absent) backups beside a text file writes nothing either."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    before = _listing(tmp_path)
    assert main(["restore", "--database", str(notes)]) == 0
    assert "Chưa có bản sao lưu nào" in capsys.readouterr().out
    assert _listing(tmp_path) == before and not (tmp_path / "backups").exists()


def test_the_damaged_sentence_is_clean_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    assert main(["--lang", "vi", "backup", "--database", str(notes)]) == 2
    vi = capsys.readouterr().err.strip()
    start = f"Cơ sở dữ liệu {notes} bị hỏng hoặc không phải tệp cơ sở dữ liệu (SQLite báo: file is"
    assert vi.startswith(start)
    assert "database)." in vi and len(vi.splitlines()) == 1
    assert main(["--lang", "en", "report", "--period", "2018-10", "--database", str(notes)]) == 2
    en = capsys.readouterr().err.strip()
    assert en.startswith(f"The database {notes} is damaged or is not a database file (SQLite says: file is")
    assert "Cơ sở" not in en


def test_another_programs_sqlite_file_gets_no_backup_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "places.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()
    before = _listing(tmp_path)
    assert main(["backup", "--database", str(other)]) != 0
    err = capsys.readouterr().err
    assert "không phải của chương trình" in err and "Traceback" not in err
    assert _listing(tmp_path) == before
    assert main(["--lang", "en", "backup", "--database", str(other)]) != 0
    assert "not this program's" in capsys.readouterr().err
