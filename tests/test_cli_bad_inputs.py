"""Every command against bad input: one sentence in the interface language, a non-zero exit, no traceback.

The commands are read from the real parser, so a new command is covered the day it is registered.
"""

from __future__ import annotations

import argparse
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from onestop_desktop.cli import build_parser, main

PASSWORD = "Demo@2018"  # the demo accounts' (public) password
# Good values for the arguments a command needs, by argparse `dest`; "{tmp}" is the test's folder.
GOOD = {
    "code": "000.00.32.H19-181024-0032",
    "form": "01",
    "received": "2018-10-15 08:00",
    "days": "5",
    "file": "{tmp}/good.xlsx",
    "month": "2018-11",
    "effective": "2026-12-01",
    "period": "2018-10",
    "dir": "{tmp}/shots",
    "user": "quantri",
    "out": "{tmp}/out.xlsx",  # export's FILE (a file it writes)
}
# Bad values by `dest`: each must be refused with one sentence that names the real fault.
BAD_VALUES = {
    "scale": ["-5", "0", str(10**12)],
    "years": ["0", "-1", "1000"],
    "units": ["0", "100000"],
    "seed": ["-1"],
    "month": ["2018-13", "2018-00", "13/2018", "tháng 11", "2018-11-05"],
    "cutoff": ["2018-02-30", "30/02/2018", "2018-13-01", "mai"],
    "effective": ["2018-02-30", "31/04/2026", "2026-13-01", "hôm nay"],
    "day": ["2018-02-30", "2018-13-01", "2018-13", "hôm qua"],
    "received": ["2018-02-30 10:00", "2018-13-01 10:00", "2018-10-15 25:00", "hôm qua"],
    "days": ["-3", str(10**9)],
    "period": ["2018-13", "2018-00", "2018-02-30", "2018-02-30..2018-03-05", "2018-Q5", "1800", "năm ngoái"],
    "form": ["abc", "0", "100"],
    "code": ["", "   "],
    "pdf": ["{tmp}", "{tmp}/missing/r.pdf", "/sys/r.pdf"],
    "xlsx": ["{tmp}", "{tmp}/missing/r.xlsx", "/sys/r.xlsx"],
    "json": ["{tmp}", "{tmp}/missing/r.json", "/sys/r.json"],
    "to": ["{tmp}/good.xlsx", "/sys/backups"],
    "dir": ["{tmp}/good.xlsx", "/sys/shots"],
    "procedure": ["9.999999"],
    "out": ["{tmp}", "{tmp}/missing/r.xlsx", "/sys/r.xlsx", "{tmp}/r.txt", "{tmp}/r"],
    "status": ["done", "0", "11"],
    "field": ["ZZ"],
}
BAD_DATABASES = {
    "server-down": "postgresql://nobody@127.0.0.1:1/x",
    "mistyped-url": "postgresq://nobody@127.0.0.1:1/x",
    "missing-folder": "{tmp}/no/such/folder/x.sqlite3",
    "a-folder": "{tmp}",
    "not-a-database": "{tmp}/notes.sqlite3",
}
READS_THE_DATABASE = {"procedure": "1.001193"}  # due-date reads the catalogue only with --procedure
BAD_FILES = ["empty.xlsx", "text.xlsx", "folder.xlsx", "cp1258.csv", "utf16.csv", "zip.xlsx", "missing.csv"]
USAGE = ("cách dùng:", "usage:")
# The services refuse in Vietnamese only (their messages also show in the window): in English the command
# line passes them on as they are.
SERVICE_SENTENCES = (
    "Không tìm thấy hồ sơ",
    "Không có thủ tục mã",
    "Tệp không đọc được như một cơ sở dữ liệu",
    "Không nhận ra cột",
    "Không nhận ra dòng tiêu đề",
    "Tệp không có trang",
)


def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every runnable command, e.g. ("import", "bhyt"), from the parser itself."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs and path:
        yield path
    for action in subs:
        for name, child in action.choices.items():
            yield from leaves(child, (*path, name))


def leaf_parser(path: tuple[str, ...]) -> argparse.ArgumentParser:
    parser = build_parser()
    for name in path:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[name]
    return parser


COMMANDS = list(leaves(build_parser()))
# The window's screenshots take seconds each: the database cases alone, which fail before any window.
SLOW = {("screenshots",)}


def dests(path: tuple[str, ...]) -> dict[str, argparse.Action]:
    return {a.dest: a for a in leaf_parser(path)._actions if not isinstance(a, argparse._HelpAction)}


def good_argv(path: tuple[str, ...], tmp: Path, *, without: str = "", database: str = "") -> list[str]:
    """The command with every argument it needs, good values, and `database`."""
    argv = [*path]
    for dest, action in dests(path).items():
        if dest == without or dest == "database":
            continue
        needed = action.required or dest in ("user",) or (dest == "days" and path == ("due-date",))
        if not needed:
            continue
        value = GOOD.get(dest, "x").format(tmp=tmp)
        argv += [value] if not action.option_strings else [action.option_strings[0], value]
    return [*argv, "--database", database] if database else argv


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    def error_lines(self) -> list[str]:
        """What the user reads as the error: stderr (or stdout when a command wrote it there), no usage."""
        lines = [ln for ln in self.err.splitlines() if ln.strip()] or [
            ln for ln in self.out.splitlines() if ln.strip()
        ]
        if lines and lines[0].startswith(USAGE):  # argparse's usage line, wrapped over indented lines
            lines.pop(0)
            while lines and lines[0].startswith(" "):
                lines.pop(0)
        return lines


def run(argv: list[str], capsys: pytest.CaptureFixture[str], lang: str = "vi") -> Outcome:
    try:
        code = main(["--lang", lang, *argv])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


VI_LETTERS = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")


def assert_one_sentence(o: Outcome, argv: list[str], lang: str, *, may_succeed: bool = False) -> str:
    text = o.out + o.err
    assert "Traceback" not in text, text
    if may_succeed and o.code == 0:
        return ""
    assert o.code != 0, f"exit 0 for bad input {argv}: {text}"
    lines = o.error_lines()
    assert len(lines) == 1, f"{argv}: {len(lines)} lines:\n{text}"
    line = lines[0]
    assert "Lỗi không mong đợi" not in line and "Unexpected error" not in line, line  # a fault left unnamed
    said = line
    for arg in argv:
        said = said.replace(arg, "")
    has_vi = bool(VI_LETTERS & set(said.lower()))
    assert has_vi if lang == "vi" else not has_vi or any(w in line for w in SERVICE_SENTENCES), (
        f"not in {lang}: {line}"
    )
    return line


@pytest.fixture
def tmp(tmp_path: Path, demo_db_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a copy of the demo office, a good workbook and every kind of bad file."""
    from openpyxl import Workbook

    monkeypatch.setenv("ONESTOP_PASSWORD", PASSWORD)
    monkeypatch.setenv("ONESTOP_LANG", "vi")
    shutil.copyfile(demo_db_file, tmp_path / "demo.sqlite3")
    Workbook().save(tmp_path / "good.xlsx")
    (tmp_path / "notes.sqlite3").write_text("not a database")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "text.xlsx").write_text("Mã hồ sơ;Tên thủ tục\n", encoding="utf-8")
    (tmp_path / "folder.xlsx").mkdir()
    (tmp_path / "cp1258.csv").write_bytes("Mã hồ sơ;Tên thủ tục;Ngày nhận\n".encode("cp1258", "replace"))
    (tmp_path / "utf16.csv").write_text("Mã hồ sơ;Tên thủ tục;Ngày nhận\n", encoding="utf-16")
    with zipfile.ZipFile(tmp_path / "zip.xlsx", "w") as z:
        z.writestr("readme.txt", "not a workbook")
    return tmp_path


def _ids(path: tuple[str, ...]) -> str:
    return "-".join(path)


@pytest.mark.parametrize("path", COMMANDS, ids=_ids)
def test_argparse_faults_are_one_sentence_in_both_languages(
    path: tuple[str, ...], tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unknown options, missing arguments, values that are no number, choices that do not exist."""
    database = str(tmp / "demo.sqlite3")
    cases = [[*good_argv(path, tmp, database=database), "--no-such-option"]]
    cases.append([*good_argv(path, tmp, database=database), "extra", "words"])
    for dest, action in dests(path).items():
        if action.required:
            cases.append(good_argv(path, tmp, without=dest, database=database))
        if action.option_strings and action.nargs is None and action.const is None and dest != "database":
            cases.append([*good_argv(path, tmp, without=dest, database=database), action.option_strings[0]])
        if action.type is int:
            cases.append(
                [*good_argv(path, tmp, without=dest, database=database), action.option_strings[0], "ba"]
            )
        if action.choices and action.option_strings:
            cases.append(
                [*good_argv(path, tmp, without=dest, database=database), action.option_strings[0], "zz"]
            )
    for i, argv in enumerate(cases):
        for lang in ("vi", "en") if i % 2 == 0 else ("vi",):
            o = run(argv, capsys, lang)
            assert o.code == 2, (argv, o)
            assert_one_sentence(o, argv, lang)


@pytest.mark.parametrize("path", [c for c in COMMANDS if c not in SLOW], ids=_ids)
def test_bad_values_name_the_real_fault(
    path: tuple[str, ...], tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command but the window's screenshots (its database cases are covered above)."""
    database = str(tmp / "demo.sqlite3")
    found = 0
    for dest in dests(path):
        for value in BAD_VALUES.get(dest, []):
            argv = good_argv(path, tmp, without=dest, database=database)
            option = dests(path)[dest].option_strings
            argv += [option[0], value.format(tmp=tmp)] if option else [value.format(tmp=tmp)]
            for lang in ("vi", "en"):
                assert_one_sentence(run(argv, capsys, lang), argv, lang)
                found += 1
    assert found or not any(d in BAD_VALUES for d in dests(path))


@pytest.mark.parametrize("name", list(BAD_DATABASES))
@pytest.mark.parametrize("path", COMMANDS, ids=_ids)
def test_bad_databases_are_one_sentence(
    path: tuple[str, ...], name: str, tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = BAD_DATABASES[name].format(tmp=tmp)
    argv = good_argv(path, tmp, database=database, without="days")
    for dest, value in READS_THE_DATABASE.items():
        if dest in dests(path):
            argv += [dests(path)[dest].option_strings[0], value]
    lang = ("vi", "en")[len(name + "".join(path)) % 2]
    # restore without FILE lists the backups beside the file: no database needed
    may_succeed = path == ("restore",) and name == "not-a-database"
    line = assert_one_sentence(run(argv, capsys, lang), argv, lang, may_succeed=may_succeed)
    if name == "server-down" and path not in (("backup",), ("restore",)):  # those two are for SQLite
        assert "không trả lời" in line or "does not answer" in line, line
    assert not (tmp / "no").exists()  # nothing created on a mistyped path


@pytest.mark.parametrize("bad", BAD_FILES)
@pytest.mark.parametrize("path", [p for p in COMMANDS if "file" in dests(p)], ids=_ids)
def test_bad_files_are_one_sentence(
    path: tuple[str, ...], bad: str, tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = good_argv(path, tmp, without="file", database=str(tmp / "demo.sqlite3"))
    argv.insert(len(path), str(tmp / bad))  # FILE right after the command's name
    for lang in ("vi", "en"):
        assert_one_sentence(run(argv, capsys, lang), argv, lang)
