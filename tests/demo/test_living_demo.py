"""The demo as a clerk opens it today: the commune centre of 2025 on top of the untouched 2018 story."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database, ensure_demo, open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.domain.states import OPEN_STATUSES
from onestop_desktop.reports.forms import render_receipt
from onestop_desktop.services.bhyt import coverage
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.home import today_figures
from onestop_desktop.services.intake.receiving import receipt_data
from onestop_desktop.services.reports import statistics
from onestop_desktop.services.reports.report_data import build_report
from onestop_desktop.services.reports.summary import summary_sentences

DAY = date(2026, 11, 30)  # a Monday
STORY_END = datetime(2025, 7, 1)


@pytest.fixture(scope="module")
def living(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    mp = pytest.MonkeyPatch()
    mp.setenv("ONESTOP_DEMO_TODAY", DAY.isoformat())
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('living') / 'demo.sqlite3'}")
    assert ensure_demo(db)
    mp.undo()
    yield db
    db.engine.dispose()


def test_the_office_is_dated(living: Database) -> None:
    with session_scope(living.factory) as s:
        today, then = office.get_office(s), office.get_office(s, date(2018, 10, 24))
        assert today.department == "Trung tâm Phục vụ hành chính công xã Xuân Lộc"
        assert (then.name, then.department) == ("UBND huyện Xuân Lộc", "Bộ phận tiếp nhận và trả kết quả")
        assert office.get_office(s, date(2025, 6, 30)).name == "UBND huyện Xuân Lộc"
        assert office.get_office(s, date(2025, 7, 1)).name == "UBND xã Xuân Lộc"
        assert office.office_unit(s).name == "Xã Xuân Lộc"
        assert office.office_unit(s, date(2018, 10, 24)).name == "Huyện Xuân Lộc"


def test_the_2018_story_is_unchanged(living: Database, demo_db_file: Path) -> None:
    story_only = open_database(f"sqlite:///{demo_db_file}")
    with session_scope(living.factory) as s, session_scope(story_only.factory) as s0:
        # every figure of the story's months (Q4 and the year do change: the dossiers left open on
        # 31/10/2018 are finished in November and December)
        for code in ("2018-09", "2018-10", "2018-09-15..2018-10-14"):
            assert statistics.period_stats(s, parse_period(code)) == statistics.period_stats(
                s0, parse_period(code)
            )
        t = statistics.period_totals(s, parse_period("2018-10"))
        assert (t.received, t.good, t.bad) == (6092, 6000, 92)
        assert t.on_time_or_within_rate == 98.49
        cov = coverage.month_coverage(s, date(2018, 10, 1))  # the office's unit of that month
        assert cov is not None and len(cov.units) == 15 and round(cov.coverage, 2) == 82.77
        story = select(func.count()).select_from(Dossier).where(Dossier.received_at < STORY_END)
        assert s.scalar(story) == 10343


def test_opened_today_it_looks_like_a_working_day(living: Database) -> None:
    with session_scope(living.factory) as s:
        fig = today_figures(s, DAY, catalogue.working_calendar(s))
        assert fig.received_today > 0 and fig.due_today > 0 and fig.due_next_working_day > 0
        assert fig.overdue > 0 and fig.waiting_supplement > 0
        still_open = (
            select(func.count())
            .select_from(Dossier)
            .where(Dossier.received_at < STORY_END, Dossier.status.in_([int(x) for x in OPEN_STATUSES]))
        )
        # none "overdue by 2,900 days", none "waiting for a supplement since 2018"
        assert s.scalar(still_open) == 0


def test_each_document_takes_the_office_and_template_of_its_day(living: Database, tmp_path: Path) -> None:
    with session_scope(living.factory) as s:
        old = s.scalar(select(Dossier.id).where(Dossier.received_at < STORY_END).order_by(Dossier.id))
        new = s.scalar(select(Dossier.id).where(Dossier.received_at >= STORY_END).order_by(Dossier.id.desc()))
        assert old is not None and new is not None
        texts = []
        for dossier_id in (old, new):
            out = tmp_path / f"{dossier_id}.pdf"
            render_receipt(receipt_data(s, dossier_id), out)
            texts.append(" ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages))
    assert "UBND HUYỆN XUÂN LỘC" in texts[0] and "Thông tư 01/2018/TT-VPCP" in texts[0]
    assert "UBND XÃ XUÂN LỘC" in texts[1] and "Thông tư 03/2025/TT-VPCP" in texts[1]
    assert "huyện" not in texts[1].split("Mã hồ sơ")[0].lower()  # no district in today's header


def test_reports_carry_the_office_of_their_period(living: Database) -> None:
    with session_scope(living.factory) as s:
        october_2018 = build_report(s, parse_period("2018-10")).to_json()["office"]
        november_2026 = build_report(s, parse_period("2026-11")).to_json()["office"]
    assert october_2018 == {"name": "UBND huyện Xuân Lộc", "parent": "UBND tỉnh Đồng Nai"}
    assert november_2026 == {"name": "UBND xã Xuân Lộc", "parent": "UBND tỉnh Đồng Nai"}


def test_building_again_adds_nothing(living: Database) -> None:
    path = Path(living.engine.url.database or "")
    count = sqlite3.connect(path).execute("SELECT count(*) FROM dossiers").fetchone()[0]
    assert not ensure_demo(living)
    assert sqlite3.connect(path).execute("SELECT count(*) FROM dossiers").fetchone()[0] == count


def test_a_period_not_over_yet_is_counted_up_to_today(
    living: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The current month's report counted every open dossier due before the 31st as overdue."""
    monkeypatch.setattr(statistics, "today_local", lambda: date(2026, 11, 20))
    with session_scope(living.factory) as s:
        month = statistics.period_stats(s, parse_period("2026-11"))
        so_far = statistics.period_stats(s, parse_period("2026-11-01..2026-11-20"))
        assert month.totals == so_far.totals and month.late_count == so_far.late_count
    from onestop_desktop.clock import today_local

    later = today_local() + timedelta(days=40)  # a month that has not ended, whatever the real date
    with session_scope(living.factory) as s:
        report = build_report(s, parse_period(f"{later:%Y-%m}"))
    assert f"(số liệu đến ngày {today_local():%d/%m/%Y})" in summary_sentences(report)[0]


def test_an_old_periods_briefing_is_dated_in_its_own_time(living: Database, tmp_path: Path) -> None:
    """ "UBND HUYỆN XUÂN LỘC … ngày 02 tháng 12 năm 2026": dated on a day the district no longer existed."""
    from onestop_desktop.reports.briefing import render_briefing

    with session_scope(living.factory) as s:
        old = build_report(s, parse_period("2018-10"))
        new = build_report(s, parse_period("2026-11"))
    assert old.document_day == date(2018, 10, 31) and old.reprinted
    assert new.document_day == new.generated_at.date() and not new.reprinted
    path = tmp_path / "b.pdf"
    render_briefing(old, path)
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    made = old.generated_at.date()
    assert "Xuân Lộc, ngày 31 tháng 10 năm 2018" in text
    assert f"In lại ngày {made:%d/%m/%Y}" in " ".join(text.split())
