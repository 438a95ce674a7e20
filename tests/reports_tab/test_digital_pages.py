"""The Reports tab's digitisation and satisfaction pages: the 2018 story and a hand-made office."""

from __future__ import annotations

from typing import Any

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.services.reports.report_data import build_report
from onestop_desktop.ui.reports.pages import ReportPages
from onestop_desktop.ui.reports.tab import ReportsTab
from tests.reports.digital_office import build_office


def _titles(tabs: Any) -> list[str]:
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_2018_pages_say_there_are_no_figures(qtbot: Any, app_context: Any) -> None:
    tab = ReportsTab(app_context)
    qtbot.addWidget(tab)
    tab.picker.set_period("month", 2018, 10)
    tab.build()
    assert tab.data is not None and tab.data.totals.received == 6092  # the story is unchanged
    assert {"Số hóa hồ sơ", "Mức độ hài lòng"} <= set(_titles(tab.pages))
    d = tab.pages.digital
    assert "Không có số liệu số hóa cho kỳ này" in d.digital_note.text()
    assert "Nghị định 107/2021/NĐ-CP" in d.digital_note.text()
    assert "Không có số liệu đánh giá cho kỳ này" in d.ratings_note.text()
    assert all(t.model.rowCount() == 0 for t in d.tables.values())


def test_pages_show_the_figures_in_vietnamese(
    qtbot: Any, qtmodeltester: Any, db: Database, admin: Any
) -> None:
    build_office(db)
    with session_scope(db.factory) as s:
        data = build_report(s, parse_period("2026-10"))
    pages = ReportPages()
    qtbot.addWidget(pages)
    pages.show_report(data, {})
    d = pages.digital
    assert "2 / 5 = 40,00 %" in d.digital_note.text() and "Quyết định 766/QĐ-TTg" in d.digital_note.text()
    fields = d.tables["digital_field"].model
    qtmodeltester.check(fields)
    rows = d.tables["digital_field"].copy().splitlines()
    assert rows[0].split("\t") == [
        "Lĩnh vực",
        "Tiếp nhận mới",
        "Đã số hóa đủ",
        "Tỷ lệ số hóa",
        "Đã giải quyết",
        "Kết quả điện tử",
    ]
    assert rows[1].split("\t")[1:] == ["4", "1", "25,00 %", "4", "2"]  # Đất đai
    assert "2 / 4 = 50,00 %" in d.ratings_note.text()
    assert d.tables["rated_officer"].model.rowCount() == 1
    officer = d.tables["rated_officer"].copy().splitlines()[1].split("\t")
    assert officer[1:] == ["4", "2", "1", "1", "50,00 %"]
    assert d.tables["worst"].model.rowCount() == 0  # no procedure with five ratings
