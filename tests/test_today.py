"""`onestop-desktop today` and the home page count the way the deadline list does."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, time
from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import session_scope
from onestop_desktop.services.catalogue.catalogue import working_calendar
from onestop_desktop.services.home import today_figures
from onestop_desktop.services.tracking.filters import Today, TrackingFilter
from onestop_desktop.services.tracking.query import quick_counts

DAY = date(2018, 10, 31)  # the last day of the story's October: many open dossiers, some overdue
KEYS = {"received_today", "due_today", "due_next_working_day", "overdue", "open", "waiting_supplement"}


def _file(db: Database) -> Path:
    return Path(db.engine.url.database or "")


def test_today_json_has_the_keys_and_the_counts_of_the_data(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["today", "--day", DAY.isoformat(), "--json", "--database", demo_db.url]) == 0
    out = json.loads(capsys.readouterr().out)
    assert KEYS <= set(out)
    assert out["day"] == "2018-10-31"
    con = sqlite3.connect(_file(demo_db))
    try:
        start = datetime.combine(DAY, time.min).isoformat(sep=" ")
        end = datetime.combine(date(2018, 11, 1), time.min).isoformat(sep=" ")
        received = con.execute(
            "SELECT count(*) FROM dossiers WHERE received_at >= ? AND received_at < ?", (start, end)
        ).fetchone()[0]
        waiting = con.execute("SELECT count(*) FROM dossiers WHERE status = 5").fetchone()[0]
        total = con.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    finally:
        con.close()
    assert (out["received_today"], out["waiting_supplement"], out["total"]) == (received, waiting, total)
    assert out["received_today"] > 0 and out["open"] > out["overdue"] > 0


def test_home_figures_agree_with_the_tracking_quick_filters(demo_db: Database) -> None:
    """The home page once said 84 overdue where tracking said 44: both now pause the supplement wait."""
    with session_scope(demo_db.factory) as s:
        cal = working_calendar(s)
        fig = today_figures(s, DAY, cal)
        counts = quick_counts(s, TrackingFilter(), Today.at(datetime.combine(DAY, time(8)), cal), cal)
    assert fig.overdue == counts["overdue"]
    assert fig.waiting_supplement == counts["supplement"]
    assert fig.open_total == counts["open"]
    assert fig.due_today + fig.due_next_working_day == counts["due_soon"]


def test_today_text_is_vietnamese(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", demo_db.url, "today", "--day", "2018-10-15"]) == 0
    out = capsys.readouterr().out
    assert "Số liệu ngày 15/10/2018" in out
    assert "Chờ bổ sung hồ sơ" in out and "10.343" in out


def test_today_bad_day_is_one_sentence(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:  # argparse refuses it: usage, then one sentence
        main(["--database", demo_db.url, "today", "--day", "31/11/2018"])
    assert stop.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.endswith(
        "--day: Ngày 31/11/2018 không tồn tại: tháng 11/2018 chỉ có 30 ngày. Xem «onestop-desktop today -h»."
    )


def test_the_command_uses_the_home_pages_words(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    from onestop_desktop.i18n_files import read_ts

    home = {src: vi for (ctx, src), vi in read_ts("shell").items() if ctx == "HomePage"}
    assert main(["--database", demo_db.url, "today", "--day", "2018-10-15"]) == 0
    out = capsys.readouterr().out
    for english in ("Received today", "Due today", "Due next working day", "Overdue (open)", "Open dossiers"):
        assert home[english] in out, english
