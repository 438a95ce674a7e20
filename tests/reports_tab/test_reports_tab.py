"""The Reports tab on the demo database: build October 2018, charts, copy, hover, cancel, exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from onestop_desktop.ui.reports.tab import ReportsTab


@pytest.fixture
def tab(qtbot: Any, app_context: Any) -> ReportsTab:
    t = ReportsTab(app_context)
    qtbot.addWidget(t)
    t.picker.set_period("month", 2018, 10)  # the story's briefing
    t.resize(1300, 800)
    t.show()
    return t


def test_builds_october_with_charts_and_tables(tab: ReportsTab, qtmodeltester: Any) -> None:
    assert tab.tab_title() == "Báo cáo"
    p = tab.picker.period()
    assert (p.start.isoformat(), p.end.isoformat()) == ("2018-10-01", "2018-10-31")
    tab.build()
    assert tab.data is not None and tab.data.totals.received == 6092
    assert "6.000 / 6.092 = 98,49 %" in tab.summary.text()
    for key in ("monthly", "on_time", "late", "bhyt_units", "bhyt_trend"):
        view = tab.pages.charts[key]
        if key.startswith("bhyt") and tab.data.bhyt is None:
            continue
        assert view.canvas is not None and view.figure.axes, key
    fields = tab.pages.tables["field"].model
    assert fields.rowCount() == len(tab.data.stats.by_field)
    qtmodeltester.check(fields)
    assert tab.pages.tables["late"].model.rowCount() == 92
    assert not tab.bar.isVisible() and tab.build_button.isEnabled()


def test_copy_table_to_clipboard(tab: ReportsTab) -> None:
    tab.build()
    table = tab.pages.tables["field"]
    text = table.copy()
    assert QApplication.clipboard().text() == text
    lines = text.splitlines()
    assert lines[0].split("\t")[:3] == ["Mã", "Lĩnh vực", "Phải giải quyết"]
    land = next(line for line in lines if line.startswith("DD\t"))
    assert land.split("\t")[1] == "Đất đai" and land.split("\t")[2] == "1.077"
    table.view.selectRow(0)
    assert len(table.copy().splitlines()) == 2  # header + the selected row


def test_hover_shows_value(tab: ReportsTab) -> None:
    from matplotlib.backend_bases import MouseEvent

    tab.build()
    view = tab.pages.charts["late"]
    ax = view.figure.axes[0]
    bar = ax.patches[len(ax.patches) // 2 - 1]  # "resolved late" bar of the top row (land)
    view.canvas.draw()
    x, y = ax.transData.transform((bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2))
    view._hover(MouseEvent("motion_notify_event", view.canvas, x, y))
    assert "Đất đai" in view.hover_text


def test_cancel_stops_the_build(tab: ReportsTab) -> None:
    tab._relay.progress.connect(lambda _p, _t: tab.cancel())
    tab.build()
    assert tab.data is None
    assert tab.step_label.text() == "Đã hủy."
    assert tab.build_button.isEnabled()


def test_reporting_period_15_to_14(tab: ReportsTab) -> None:
    tab.picker.set_period("reporting", 2018, 10)
    p = tab.picker.period()
    assert (p.start.isoformat(), p.end.isoformat()) == ("2018-09-15", "2018-10-14")
    tab.build()
    assert tab.data is not None and tab.data.period.kind == "reporting"


def test_export_json_and_xlsx(tab: ReportsTab, tmp_path: Path) -> None:
    tab.build()
    tab.export("json", tmp_path / "r.json")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["dossiers"]["received"] == 6092
    tab.export("xlsx", tmp_path / "r.xlsx")
    assert (tmp_path / "r.xlsx").stat().st_size > 0


def test_indicator_entry_for_leaders_only(qtbot: Any, app_context: Any) -> None:
    from onestop_desktop.services.reports import indicators
    from onestop_desktop.ui.reports.indicators_dialog import IndicatorsDialog
    from tests.conftest import login_as

    clerk_tab = ReportsTab(app_context)
    qtbot.addWidget(clerk_tab)
    assert clerk_tab.indicators_button.isHidden()
    app_context.actor = login_as(app_context.db, "lanhdao")
    leader_tab = ReportsTab(app_context)
    qtbot.addWidget(leader_tab)
    assert not leader_tab.indicators_button.isHidden()
    from datetime import date

    dialog = IndicatorsDialog(app_context, date(2018, 10, 31))
    qtbot.addWidget(dialog)
    value, total = dialog.values["eoffice_accounts_active"]
    assert (value.value(), total.value() if total else None) == (655, 658)
    assert dialog.history.model.rowCount() >= 8  # two months of four indicators
    value.setValue(656)
    dialog.save()
    with app_context.session() as s:
        now = {v.code: v for v in indicators.month_values(s, date(2018, 10, 1))}
        hist = indicators.history(s, "eoffice_accounts_active")
    assert now["eoffice_accounts_active"].value == 656
    assert now["eoffice_accounts_active"].entered_by == "Trần Văn Bình"
    assert [h.value for h in hist] == [651, 656]


def test_builds_on_a_worker_thread(qtbot: Any, app_context: Any) -> None:
    """The real runner: the report and its Figures are made off the GUI thread, shown on it."""
    from onestop_desktop.ui.tasks import TaskRunner

    app_context.tasks = TaskRunner(synchronous=False)
    t = ReportsTab(app_context)
    qtbot.addWidget(t)
    t.picker.set_period("month", 2018, 10)
    steps: list[int] = []
    t._relay.progress.connect(lambda p, _t: steps.append(p))
    t.build()
    assert not t.build_button.isEnabled()  # busy while the worker runs
    qtbot.waitUntil(lambda: t.data is not None, timeout=60_000)
    assert t.data is not None and t.data.totals.received == 6092
    assert steps and steps == sorted(steps)
    assert t.pages.charts["on_time"].canvas is not None
    assert t.build_button.isEnabled() and not t.bar.isVisible()
    app_context.tasks.wait_all()


def test_sorting_uses_raw_values_and_copy_follows_the_view(tab: ReportsTab) -> None:
    from PySide6.QtCore import Qt

    tab.build()
    table = tab.pages.tables["field"]
    column = 2  # "Phải giải quyết"
    table.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    lines = table.copy().splitlines()[1:]
    values = [int(line.split("\t")[column].replace(".", "")) for line in lines]
    assert values == sorted(values) and values[-1] == 2073  # numbers, not text ("56" after "426")


def test_a_period_without_bhyt_clears_the_bhyt_charts(tab: ReportsTab) -> None:
    tab.build()
    tab.picker.set_period("quarter", 2018, 1)
    tab.build()
    assert tab.data is not None and tab.data.bhyt is None and tab.data.totals.received == 0
    assert tab.pages.charts["bhyt_units"].canvas is None
    assert tab.pages.tables["bhyt"].model.rowCount() == 0


@pytest.mark.parametrize("key", ["Return", "Enter"])
def test_enter_in_the_period_builds_the_report(tab: ReportsTab, qtbot: Any, key: str) -> None:
    """The keyboard path: type the month, press Enter; the report is built (it used to do nothing)."""
    from PySide6.QtCore import Qt

    tab.picker.number.setFocus()
    qtbot.waitUntil(tab.picker.number.hasFocus)
    qtbot.keyClick(tab.picker.number, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(tab.picker.number, "9")
    qtbot.keyClick(tab.picker.number, getattr(Qt.Key, f"Key_{key}"))
    qtbot.waitUntil(lambda: tab.data is not None, timeout=60_000)
    assert tab.data is not None and tab.data.period.start.isoformat() == "2018-09-01"


def test_cut_headers_and_cells_have_their_full_text_in_the_tooltip(tab: ReportsTab) -> None:
    """At 1280 px the overview's last header read "Cùng kỳ năm…" with no way to read the rest."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    tab.build()
    for view in tab.findChildren(QTableView):
        model = view.model()
        if model is None or model.rowCount() == 0:
            continue
        for c in range(model.columnCount()):
            head = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            assert model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == head
            cell = model.index(0, c)
            assert cell.data(Qt.ItemDataRole.ToolTipRole) == cell.data(Qt.ItemDataRole.DisplayRole)
