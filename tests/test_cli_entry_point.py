"""The real entry point on bad input; argparse in both languages; a held lock; a read-only file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from onestop_desktop.cli import main
from tests.test_cli_bad_inputs import COMMANDS, SLOW, Outcome, assert_one_sentence, good_argv, run
from tests.test_cli_bad_inputs import tmp as tmp  # noqa: F401 - the fixture, shared


def _env(home: Path, lang: str) -> dict[str, str]:
    """A subprocess that sees only temporary folders as home, data, config and cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ONESTOP_", "XDG_"))}
    env.update(HOME=str(home), ONESTOP_DATA_DIR=str(home / "data"), ONESTOP_LANG=lang)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    return env


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--period", "2018-13", "--database", "{tmp}/demo.sqlite3"],
        ["today", "--day", "2018-02-30"],
        ["--database", "postgresql://nobody@127.0.0.1:1/x", "today"],
        ["import", "dossiers", "{tmp}/utf16.csv", "--database", "{tmp}/demo.sqlite3"],
        ["due-date", "--received", "2018-10-15 08:00", "--days"],
        ["lệnh-lạ"],
        ["demo", "--scale", str(10**12)],
    ],
    ids=["month-13", "day-30-02", "server-down", "utf16", "expected-one", "unknown-command", "scale"],
)
def test_the_real_entry_point_says_one_sentence(tmp: Path, argv: list[str], lang: str) -> None:
    """Through `python -m onestop_desktop`: what a user at a terminal sees, exit code included."""
    words = [w.format(tmp=tmp) for w in argv]
    done = subprocess.run(
        [sys.executable, "-m", "onestop_desktop", *words],
        capture_output=True,
        text=True,
        env=_env(tmp / "home", lang),
        timeout=120,
    )
    o = Outcome(done.returncode, done.stdout, done.stderr)
    line = assert_one_sentence(o, words, lang)
    assert o.code == 2, line


def test_the_console_script_and_lang_after_the_command(tmp: Path) -> None:
    exe = Path(sys.executable).with_name("onestop-desktop")
    if not exe.exists():
        pytest.skip("the console script is not installed in this environment")
    done = subprocess.run(
        [
            str(exe),
            "report",
            "--lang",
            "en",
            "--period",
            "2018-02-30..2018-03-05",
            "--database",
            str(tmp / "demo.sqlite3"),
        ],
        capture_output=True,
        text=True,
        env=_env(tmp / "home", "vi"),
        timeout=120,
    )
    o = Outcome(done.returncode, done.stdout, done.stderr)
    line = assert_one_sentence(o, ["2018-02-30..2018-03-05"], "en")
    assert o.code == 2 and "There is no day 30/02/2018: 2/2018 has 28 days." in line


def test_argparse_speaks_the_interface_language(capsys: pytest.CaptureFixture[str]) -> None:
    cases = {
        ("report",): ("thiếu đối số bắt buộc: --period", "the following arguments are required: --period"),
        ("today", "--bogus"): ("không hiểu đối số: --bogus", "unrecognized arguments: --bogus"),
        ("due-date", "--received"): (
            "--received: thiếu giá trị",
            "argument --received: expected one argument",
        ),
        ("due-date", "--received", "2018-10-15 08:00", "--unit", "weeks"): (
            "--unit: không có lựa chọn 'weeks' (chọn một trong: 'working-days'",
            "argument --unit: invalid choice: 'weeks' (choose from 'working-days'",
        ),
        ("demo", "--years", "ba"): (
            "--years: số năm phải là một số nguyên, không phải “ba”",
            "argument --years: the number of years must be a whole number, not “ba”",
        ),
    }
    for argv, (vi, en) in cases.items():
        for lang, expected, usage, error in (
            ("vi", vi, "cách dùng:", "lỗi:"),
            ("en", en, "usage:", "error:"),
        ):
            o = run([*argv], capsys, lang)
            assert o.code == 2 and o.err.startswith(usage), o
            last = o.err.strip().splitlines()[-1]
            assert f" {error} " in last and expected in last and last.endswith(" -h»."), last
    assert os.environ["ONESTOP_LANG"] == "vi"  # --lang en lasted one run


def test_help_follows_lang_given_anywhere(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["today", "--lang", "en", "-h"])
    english = capsys.readouterr().out
    assert english.startswith("usage: onestop-desktop today") and "options:" in english
    with pytest.raises(SystemExit):
        main(["today", "-h"])
    vietnamese = capsys.readouterr().out
    assert vietnamese.startswith("cách dùng: onestop-desktop today") and "tùy chọn:" in vietnamese
    assert "hiện trợ giúp này rồi thoát" in vietnamese


@pytest.fixture
def held_lock(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Another process holds a write transaction on the demo file; our busy timeout is made short."""
    from onestop_desktop.db import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    path = tmp / "demo.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3,sys,time\n"
         f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    try:
        yield path
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_held_too_long_is_one_sentence(
    held_lock: Path, tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Readers go on (WAL); a writer waits the busy timeout, then says who to wait for."""
    locked = 0
    for path in COMMANDS:
        if path in SLOW:
            continue
        argv = good_argv(path, tmp, database=str(held_lock))
        for lang in ("vi", "en"):
            line = assert_one_sentence(run(argv, capsys, lang), argv, lang, may_succeed=True)
            locked += ("giữ để ghi quá lâu" in line) or ("held for writing" in line)
    argv = ["demo", "--scale", "5", "--database", str(held_lock)]
    line = assert_one_sentence(run(argv, capsys), argv, "vi")
    assert "đang bị một chương trình khác giữ để ghi quá lâu" in line
    assert locked >= 1


@pytest.fixture
def read_only_db(tmp: Path) -> Iterator[Path]:
    path = tmp / "readonly.sqlite3"
    shutil.copyfile(tmp / "demo.sqlite3", path)
    immutable = shutil.which("chattr") is not None and subprocess.run(
        ["chattr", "+i", str(path)], capture_output=True
    ).returncode == 0  # fmt: skip
    if not immutable:
        if os.geteuid() == 0:
            pytest.skip("root writes through permissions and chattr is not available here")
        path.chmod(0o444)
    try:
        yield path
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o644)


def test_a_read_only_database_is_one_sentence(read_only_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for lang in ("vi", "en"):
        argv = ["demo", "--scale", "5", "--database", str(read_only_db)]
        line = assert_one_sentence(run(argv, capsys, lang), argv, lang)
        assert "chỉ cho đọc" in line if lang == "vi" else "read-only" in line
        argv = ["--database", str(read_only_db), "report", "--period", "2018-10", "--json", "-"]
        assert run(argv, capsys, lang).code == 0  # reading it is fine


def test_an_unknown_fault_is_one_sentence_and_a_log(
    tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last word: a fault no rule names still reaches the user as one sentence, its traceback a file."""
    from onestop_desktop.commands import due_date

    def broken(*_a: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(due_date, "run", broken)
    argv = ["due-date", "--received", "2018-10-15 08:00", "--days", "5"]
    o = run(argv, capsys)
    assert o.code == 1 and "Traceback" not in o.out + o.err
    assert o.err.startswith("Lỗi không mong đợi (RuntimeError): chi tiết đã ghi vào ")
    log = Path(os.environ["ONESTOP_DATA_DIR"]) / "errors.log"
    assert "RuntimeError: a bug" in log.read_text(encoding="utf-8")
