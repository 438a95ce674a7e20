"""The 2018 briefing keeps its figures; no scans nor ratings then: "no figures", never 0 %."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from onestop_desktop.bootstrap import open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.reports.briefing import render_briefing
from onestop_desktop.services.reports.report_data import ReportData, build_report


@pytest.fixture(scope="module")
def october(demo_db_file: Path) -> ReportData:
    db = open_database(f"sqlite:///{demo_db_file}")
    with session_scope(db.factory) as s:
        data = build_report(s, parse_period("2018-10"))
    db.engine.dispose()
    return data


def test_the_story_figures_do_not_move(october: ReportData) -> None:
    c = october.totals
    assert (c.received, c.good, c.bad, c.received_new) == (6092, 6000, 92, 4743)
    j = october.to_json()
    assert j["dossiers"]["received"] == 6092 and j["dossiers"]["on_time_or_within"] == 6000


def test_digitisation_and_ratings_have_no_figures(october: ReportData) -> None:
    j = october.to_json()
    # the dossiers received are the new ones of form II.06a; nothing scanned, no rate (not 0 %)
    assert j["digitization"] == {"received": 4743, "digitized": 0, "rate": None, "results_electronic": 0}
    assert j["ratings"] == {"count": 0, "satisfied": 0, "neutral": 0, "unsatisfied": 0, "rate": None}
    assert j["digitization_detail"]["has_data"] is False and j["ratings_detail"]["has_data"] is False
    assert all(r["rate"] is None for r in j["digitization_detail"]["by_field"])


def test_briefing_says_so_and_names_the_rules(october: ReportData) -> None:
    buf = io.BytesIO()
    render_briefing(october, buf)
    text = re.sub(
        r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    )
    assert "6. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính" in text
    assert (
        "Không có số liệu số hóa cho kỳ này: đơn vị chưa ghi nhận bản số hóa nào trước ngày 31/10/2018."
        in text
    )
    assert "Kỳ này trước Nghị định 107/2021/NĐ-CP và Quyết định 766/QĐ-TTg (23/6/2022)" in text
    assert "Không có số liệu đánh giá cho kỳ này" in text
    assert "0,00 %" not in text.split("6. Số hóa hồ sơ")[1].split("II. CÁC CHỈ SỐ")[0]
    assert "6.000 / 6.092 = 98,49 %" in text
