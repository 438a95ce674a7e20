"""The command line: options before or after the subcommand, due-date, demo, version, help language."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from onestop_desktop import __version__
from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, Procedure, Unit, User


def test_due_date_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["due-date", "--received", "2026-02-12 10:00", "--days", "5", "--unit", "working-days", "--json"]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["received"].startswith("2026-02-12T10:00")
    assert out["due"].startswith("2026-02-26T10:00")  # Tết 16-20/02/2026 skipped
    assert out["counted"] == ["2026-02-13", "2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26"]
    skipped = {s["date"]: s["reason"] for s in out["skipped"]}
    assert "2026-02-17" in skipped and "Tết" in skipped["2026-02-17"]


def test_due_date_text_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due-date", "--received", "2018-04-27 09:00", "--days", "2"]) == 0
    out = capsys.readouterr().out
    assert "Hẹn trả kết quả" in out and "03/05/2018" in out  # 30/04 and 01/05 skipped


def test_due_date_bad_input_is_a_message_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due-date", "--received", "hôm qua", "--days", "2"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


LIVING_DAY = "2026-11-30"  # the demo's office of today is built relative to a day: pinned here


def test_demo_database_option_before_or_after_and_idempotent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONESTOP_DEMO_TODAY", LIVING_DAY)
    first = tmp_path / "a.sqlite3"
    assert main(["--database", str(first), "demo"]) == 0
    db = open_database(f"sqlite:///{first}")
    with session_scope(db.factory) as s:
        total = s.scalar(select(func.count()).select_from(Dossier))
    assert main(["demo", "--database", f"sqlite:///{first}"]) == 0  # second run adds nothing
    with session_scope(db.factory) as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == total
        story = select(func.count()).select_from(Dossier).where(Dossier.received_at < datetime(2025, 7, 1))
        assert s.scalar(story) == 10343  # the 2018 story, and the commune centre's dossiers after it
        assert (total or 0) > 10343
        assert s.scalar(select(func.count()).select_from(Procedure)) >= 30
        assert s.scalar(select(func.count(func.distinct(Procedure.field_id)))) >= 6
        communes = select(Unit.name).where(Unit.level.in_(["commune", "township"]))
        assert len(s.scalars(communes.where(Unit.valid_on(date(2018, 10, 24)))).all()) == 15
        assert len(s.scalars(communes.where(Unit.valid_on(date(2025, 7, 1)))).all()) == 7  # NQ 1662
        assert {"canbo", "lanhdao", "quantri"} <= set(s.scalars(select(User.username)))


def test_demo_is_deterministic(tmp_path: Path, demo_db_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    monkeypatch.setenv("ONESTOP_DEMO_TODAY", LIVING_DAY)
    one, two = tmp_path / "b.sqlite3", tmp_path / "c.sqlite3"
    assert main(["demo", "--database", str(one)]) == 0
    assert main(["demo", "--database", str(two)]) == 0

    def digest(path: Path, columns: str, where: str = "1") -> list[tuple[object, ...]]:
        con = sqlite3.connect(path)
        rows = con.execute(f"SELECT {columns} FROM dossiers WHERE {where} ORDER BY code").fetchall()
        con.close()
        return rows

    every = "code, applicant_name, received_at, due_at, resolved_at, status"
    assert digest(one, every) == digest(two, every)  # the same day gives the same office
    story = "received_at < '2025-07-01'"
    fixed = "code, applicant_name, received_at, original_due_at"  # open ones were finished later
    assert digest(one, fixed, story) == digest(demo_db_file, fixed)


def test_version_and_help_in_both_languages() -> None:
    run = [sys.executable, "-m", "onestop_desktop"]
    version = subprocess.run([*run, "--version"], capture_output=True, text=True, check=True)
    assert __version__ in version.stdout
    vi = subprocess.run(
        [*run, "--help"], capture_output=True, text=True, check=True, env={**_env(), "ONESTOP_LANG": "vi"}
    )
    en = subprocess.run(
        [*run, "--help"], capture_output=True, text=True, check=True, env={**_env(), "ONESTOP_LANG": "en"}
    )
    assert "cơ sở dữ liệu" in vi.stdout and "tùy chọn" in vi.stdout
    assert "database" in en.stdout and "options" in en.stdout


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--period", "2018-10"],
        ["today"],
        ["print", "000.00.32.H19-181024-0032", "--form", "01"],
        ["audit", "verify"],
        ["due-date", "--received", "2026-02-12 10:00", "--procedure", "1.001193"],
    ],
    ids=lambda a: a[0],
)
def test_read_only_commands_never_create_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """A mistyped path gave an empty office and an all-zero report with exit 0."""
    missing = tmp_path / "mistyped.sqlite3"
    assert main(["--database", str(missing), *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"Không tìm thấy cơ sở dữ liệu {missing}") and "Traceback" not in err
    assert not missing.exists()


def test_every_command_honours_demo(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--demo today` reads the demo office (built on first use), not the office's own database."""
    from onestop_desktop.paths import default_database_path, demo_database_path

    monkeypatch.setenv("ONESTOP_DEMO_TODAY", LIVING_DAY)
    assert main(["--demo", "today", "--day", "2018-10-15", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] > 10343 and out["received_today"] > 100  # the story's busy Monday
    assert demo_database_path().exists() and not default_database_path().exists()


@pytest.mark.parametrize(
    "argv",
    [["today"], ["print", "X", "--form", "01"], ["report", "--period", "2018-10"]],
    ids=lambda a: a[0],
)
def test_a_file_that_is_not_a_database_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database")
    assert main(["--database", str(bad), *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err.startswith(f"Cơ sở dữ liệu {bad} bị hỏng hoặc không phải tệp cơ sở dữ liệu")
        and "Traceback" not in err
        and len(err.splitlines()) == 1
    )
    assert bad.read_text() == "not a database"  # nothing written


def test_today_tells_an_impossible_day_from_a_wrong_form(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    for day, fault in (
        ("2018-13-40", "--day: Tháng 13 không tồn tại: một năm có 12 tháng"),
        ("2018-02-30", "--day: Ngày 30/02/2018 không tồn tại: tháng 2/2018 chỉ có 28 ngày."),
        ("hôm qua", "--day: “hôm qua” không phải là ngày: ghi dạng 24/10/2018 hoặc 2018-10-24."),
    ):
        with pytest.raises(SystemExit) as exit_:
            main(["--database", demo_db.url, "today", "--day", day])
        assert exit_.value.code == 2
        last = capsys.readouterr().err.strip().splitlines()[-1]
        assert last.startswith("onestop-desktop today: lỗi: ") and fault in last


def test_print_into_a_missing_folder_is_one_vietnamese_sentence(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with session_scope(demo_db.factory) as s:
        code = s.scalar(select(Dossier.code).limit(1))
    target = tmp_path / "no" / "such" / "r.pdf"
    assert main(["--database", demo_db.url, "print", str(code), "--form", "01", "--pdf", str(target)]) == 1
    out = capsys.readouterr().out.strip()
    assert out == f"Không ghi được tệp {target}: thư mục không tồn tại hoặc không có quyền ghi."


def test_screenshots_without_a_database_builds_its_own_demo_but_report_needs_one() -> None:
    """The README's `onestop-desktop screenshots DIR` was refused as "database not found"."""
    import argparse

    from onestop_desktop import cli

    assert cli._database_problem(argparse.Namespace(command="screenshots"), None) is None
    refused = cli._database_problem(argparse.Namespace(command="report"), None)
    assert refused is not None and "Không tìm thấy cơ sở dữ liệu" in refused
