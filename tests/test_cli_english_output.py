"""What the read commands print follows the interface language: English words and English numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from onestop_desktop.cli import main
from tests.test_i18n_languages import VIETNAMESE

VI_THOUSANDS = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b(?!\.\d)")  # 6.092, 22.891 (not 24/10/2018 or 1.5)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out + out.err


def test_today_in_english_prints_english_numbers(
    demo_db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--lang en today` printed "Dossiers in the database 22.891"."""
    code, text = _run(
        ["--lang", "en", "today", "--database", f"sqlite:///{demo_db_file}", "--day", "2018-10-24"], capsys
    )
    assert code == 0, text
    assert "Dossiers in the database" in text
    assert not VI_THOUSANDS.search(text), text
    assert re.search(r"\b\d{1,3}(?:,\d{3})+\b", text), text  # the total has thousands: 1,234 style
    assert not VIETNAMESE.search(text), text


def test_today_in_vietnamese_keeps_vietnamese_numbers(
    demo_db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = _run(
        ["--lang", "vi", "today", "--database", f"sqlite:///{demo_db_file}", "--day", "2018-10-24"], capsys
    )
    assert code == 0 and VI_THOUSANDS.search(text), text


def test_report_summary_in_english(demo_db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--lang en report` printed "Period: tháng 10/2018" and the formula in Vietnamese with 6.092."""
    argv = ["--lang", "en", "report", "--period", "2018-10", "--database", f"sqlite:///{demo_db_file}"]
    code, text = _run(argv, capsys)
    assert code == 0, text
    assert "Period: October 2018" in text
    assert "total to settle 6,092 = 6,000 / 6,092 = 98.49%" in text
    assert not VI_THOUSANDS.search(text) and not VIETNAMESE.search(text), text


def test_backup_list_in_english(demo_db: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from onestop_desktop.services.safety import backup

    backup.backup(demo_db.url)
    code, text = _run(["--lang", "en", "restore", "--database", demo_db.url], capsys)
    assert code == 0, text
    assert "dossiers:" in text and not VI_THOUSANDS.search(text), text
