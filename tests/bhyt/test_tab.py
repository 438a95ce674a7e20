"""The BHYT tab driven like a clerk: wrong and right edits in the grid, undo, chart, export, import."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox
from sqlalchemy import select

from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models_stats import BhytHistory
from onestop_desktop.services.bhyt import coverage
from onestop_desktop.ui.bhyt import model as M
from onestop_desktop.ui.bhyt.tab import BhytTab
from tests.bhyt.conftest import write_xlsx
from tests.bhyt.test_import import plain_rows


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def fake(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", fake)
    monkeypatch.setattr(QMessageBox, "information", fake)
    return shown


@pytest.fixture
def tab(qtbot, app_context) -> BhytTab:  # type: ignore[no-untyped-def]
    t = BhytTab(app_context)
    qtbot.addWidget(t)
    t.resize(1300, 700)
    t.show()
    qtbot.waitExposed(t)
    return t


def cell(tab: BhytTab, code: str, column: int) -> QModelIndex:
    for r in range(tab.proxy.rowCount()):
        idx = tab.proxy.index(r, column)
        if tab.model.unit_at(tab.proxy.mapToSource(idx).row()).code == code:
            return idx
    raise AssertionError(code)


def type_into_cell(qtbot, tab: BhytTab, idx: QModelIndex, text: str) -> None:  # type: ignore[no-untyped-def]
    tab.table.scrollTo(idx)  # as a clerk would: the group columns may lie right of the view
    tab.table.setCurrentIndex(idx)
    tab.table.edit(idx)
    # the open editor: the previous edit's may still wait for its deferred deletion, hidden
    editor = next((e for e in tab.table.findChildren(QLineEdit) if e.isVisible()), None)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, text)  # digits and "." only: ASCII is safe here
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits by a queued call: wait until the editor is closed
    qtbot.waitUntil(lambda: tab.table.state() != QAbstractItemView.State.EditingState)


def test_tab_shows_the_story(tab: BhytTab, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    assert tab.tab_title() == "Bảo hiểm y tế"
    assert tab.picker.month() == date(2018, 10, 1) and tab.picker.count() == 2
    text = tab.summary.text()
    assert "199.467/240.986" in text and "82,77 %" in text and "24/10/2018" in text and "tăng 0,74" in text
    assert tab.proxy.rowCount() == 16  # the 15 units, then the district's total row
    assert tab.proxy.index(15, M.UNIT).data() == "Toàn huyện Xuân Lộc"
    assert tab.proxy.index(15, M.INSURED).data() == "199.467" and tab.proxy.index(15, M.RANK).data() == ""
    top = [tab.proxy.index(r, M.UNIT).data() for r in range(3)]
    assert top == ["Xã Xuân Định", "Xã Xuân Phú", "Xã Xuân Thọ"]
    assert cell(tab, "26461", M.COVERAGE).data() == "93,94 %"
    assert cell(tab, "26449", M.POPULATION).data() == "22.914"
    tip = cell(tab, "26449", M.POPULATION).data(Qt.ItemDataRole.ToolTipRole)
    assert "30/06/2018" in tip and "Nguồn" in tip  # the denominator's source and date
    assert cell(tab, "26449", M.COVERAGE).data(Qt.ItemDataRole.BackgroundRole).color() == M.AMBER
    assert cell(tab, "26461", M.TARGET).data(Qt.ItemDataRole.BackgroundRole).color() == M.GREEN
    assert cell(tab, "26449", M.GAP_PEOPLE).data(Qt.ItemDataRole.BackgroundRole).color() == M.RED
    assert cell(tab, "26461", M.GAP_POINTS).data() == "—"  # Xuân Định is past its target
    assert tab.chart.canvas is not None and len(tab.chart.points) == 2  # the selected unit's trend
    qtmodeltester.check(tab.model, force_py=True)


def test_sorting_by_gap_and_change(tab: BhytTab) -> None:
    tab.sort_combo.setCurrentIndex(1)  # gap to target, largest first
    assert tab.proxy.index(0, M.UNIT).data() == "Xã Xuân Tâm"  # 1.114 people short
    tab.sort_combo.setCurrentIndex(2)  # change since last month
    changes = [tab.proxy.index(r, M.CHANGE).data(M.SORT_ROLE) for r in range(15)]
    assert changes == sorted(changes, reverse=True)
    for column in (M.UNIT, M.COVERAGE):  # either way round, the total stays at the bottom
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            tab.table.sortByColumn(column, order)
            assert tab.proxy.index(15, M.UNIT).data() == "Toàn huyện Xuân Lộc"


def test_wrong_value_is_refused_with_a_message(qtbot, tab: BhytTab, warnings: list[str]) -> None:  # type: ignore[no-untyped-def]
    idx = cell(tab, "26461", M.FIXED_COLUMNS)  # a group: the total follows it, past the population
    type_into_cell(qtbot, tab, idx, "999.999")
    qtbot.waitUntil(lambda: bool(warnings))
    assert "không được lớn hơn dân số (13.792)" in warnings[0]
    assert cell(tab, "26461", M.INSURED).data() == "12.956"  # the cell keeps its old value
    assert "199.467/240.986" in tab.summary.text()
    warnings.clear()
    type_into_cell(qtbot, tab, cell(tab, "26461", M.POPULATION), "12,5")
    qtbot.waitUntil(lambda: bool(warnings))
    assert "12,5" in warnings[0]
    with session_scope(tab.ctx.db.factory) as s:
        assert s.scalar(select(BhytHistory.id).limit(1)) is None


def test_the_insured_total_is_the_sum_of_the_groups_not_typed(qtbot, tab: BhytTab) -> None:  # type: ignore[no-untyped-def]
    """It looked editable, yet every change was refused (the groups must add up to it)."""
    idx = cell(tab, "26461", M.INSURED)
    assert not (tab.proxy.flags(idx) & Qt.ItemFlag.ItemIsEditable)
    assert "tổng số tự cập nhật" in str(idx.data(Qt.ItemDataRole.ToolTipRole))
    tab.table.setCurrentIndex(idx)
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)  # the keyboard's edit key opens nothing
    assert tab.table.state() != QAbstractItemView.State.EditingState
    assert tab.proxy.flags(cell(tab, "26461", M.FIXED_COLUMNS)) & Qt.ItemFlag.ItemIsEditable


def test_right_value_is_saved_and_totals_update(qtbot, tab: BhytTab, warnings: list[str]) -> None:  # type: ignore[no-untyped-def]
    type_into_cell(qtbot, tab, cell(tab, "26449", M.POPULATION), "22.000")
    assert not warnings
    assert cell(tab, "26449", M.POPULATION).data() == "22.000"
    assert cell(tab, "26449", M.COVERAGE).data() == "78,26 %"  # 17,218 / 22,000
    assert "199.467/240.072" in tab.summary.text()
    # a group: the total follows
    col = M.FIXED_COLUMNS + 4  # households
    assert tab.model.headerData(col, Qt.Orientation.Horizontal) == "Hộ gia đình"
    type_into_cell(qtbot, tab, cell(tab, "26449", col), "5589")
    assert cell(tab, "26449", M.INSURED).data() == "17.318"
    assert "199.567/240.072" in tab.summary.text()
    with session_scope(tab.ctx.db.factory) as s:
        m = coverage.month_coverage(s, date(2018, 10, 1))
        assert (m.insured, m.population) == (199567, 240072)
        hist = list(s.scalars(select(BhytHistory).order_by(BhytHistory.id)))
        assert [h.reason for h in hist] == ["edit", "edit"] and hist[0].user_id == tab.ctx.actor.user_id
    assert tab.undo_button.isEnabled()
    tab.undo_button.click()
    assert "199.467/240.072" in tab.summary.text()
    tab.undo_button.click()
    assert "199.467/240.986" in tab.summary.text() and not tab.undo_button.isEnabled()


def test_export_to_excel(tab: BhytTab, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "bhyt.xlsx"
    tab.export_to(path)
    ws = load_workbook(path).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert "24/10/2018" in str(rows[0][0])
    assert rows[3][2] == "Xã Xuân Định" and rows[3][5] == 93.94
    total = rows[3 + 15]
    assert total[3] == 240986 and total[4] == 199467 and total[5] == 82.77


def test_import_dialog(qtbot, tab: BhytTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.bhyt.import_dialog import ImportDialog

    path = write_xlsx(tmp_path / "t11.xlsx", plain_rows(text_numbers=True))
    dialog = ImportDialog(tab.ctx, tab.next_month(), tab)
    qtbot.addWidget(dialog)
    assert dialog.month() == date(2018, 11, 1) and dialog.cutoff() == date(2018, 11, 24)
    dialog.load(path)
    assert dialog.check is not None and dialog.check.ok
    assert dialog.import_button.isEnabled() and "15 đơn vị" in dialog.report.toPlainText()
    assert dialog.combos["population"].currentData() == 2
    dialog.do_import()
    assert dialog.imported == 15
    tab.refresh()
    assert tab.picker.count() == 3 and tab.picker.month() == date(2018, 10, 1)  # the month shown stays
    assert tab.picker.select(date(2018, 11, 1))
    assert "199.467/240.986" not in tab.summary.text() and "200.067/240.986" in tab.summary.text()
    # the same month again: asks, and replaces when the user says yes
    asked: list[str] = []
    monkeypatch.setattr(
        "onestop_desktop.ui.bhyt.import_dialog.confirm", lambda _p, _t, text: asked.append(text) or True
    )
    again = ImportDialog(tab.ctx, date(2018, 11, 1), tab)
    qtbot.addWidget(again)
    again.load(path)
    again.do_import()
    assert asked and "11/2018" in asked[0] and again.imported == 15
    # a bad row: nothing can be imported, the row is shown
    rows = plain_rows()
    rows[4][3] = 999999
    bad = ImportDialog(tab.ctx, date(2018, 12, 1), tab)
    qtbot.addWidget(bad)
    bad.load(write_xlsx(tmp_path / "bad.xlsx", rows))
    assert not bad.import_button.isEnabled() and "Dòng 5" in bad.report.toPlainText()


def test_nothing_loaded_or_drawn_before_the_tab_is_shown(qtbot, app_context) -> None:  # type: ignore[no-untyped-def]
    t = BhytTab(app_context)
    qtbot.addWidget(t)
    assert t.chart.canvas is None and t.model.rowCount() == 0  # start-up stays fast
    assert not t.target_button.isVisibleTo(t)  # clerks do not set targets
    t.show()
    qtbot.waitExposed(t)
    assert t.model.rowCount() == 16 and t.chart.canvas is not None  # 15 units and the total


def test_leader_sets_a_target(qtbot, app_context, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from tests.conftest import login_as

    app_context.actor = login_as(app_context.db, "lanhdao")
    t = BhytTab(app_context)
    qtbot.addWidget(t)
    t.show()
    qtbot.waitExposed(t)
    assert t.target_button.isVisible()
    t.table.setCurrentIndex(cell(t, "26449", M.UNIT))
    monkeypatch.setattr(QInputDialog, "getDouble", lambda *_a, **_k: (75.0, True))
    t.target_button.click()
    assert cell(t, "26449", M.TARGET).data() == "75,00 %"
    assert cell(t, "26449", M.GAP_PEOPLE).data() == "—"  # nothing missing once the target is reached
    assert cell(t, "26449", M.GAP_POINTS).data() == "—"  # was "−3,94": a unit past its target read as short
    assert cell(t, "26449", M.GAP_PEOPLE).data(Qt.ItemDataRole.BackgroundRole).color() == M.GREEN


def test_empty_database_says_what_to_do(qtbot, qapp, db, admin) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.app import create_app
    from onestop_desktop.ui.bus import Bus
    from onestop_desktop.ui.context import AppContext
    from onestop_desktop.ui.tasks import TaskRunner

    create_app()
    ctx = AppContext(db=db, actor=admin, bus=Bus(), tasks=TaskRunner(synchronous=True))
    t = BhytTab(ctx)
    qtbot.addWidget(t)
    t.show()
    qtbot.waitExposed(t)
    assert t.model.rowCount() == 0 and "Chưa có số liệu BHYT" in t.summary.text()
    assert not t.export_button.isEnabled() and not t.undo_button.isEnabled()
