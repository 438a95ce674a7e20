"""The tracking tab's keyboard paths: from the search box to the results, from the list to the actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from onestop_desktop.domain.text import fold
from onestop_desktop.ui.tracking.tab import TrackingTab
from tests.tracking.test_tab import NOW


@pytest.fixture
def tab(app_context, qtbot) -> TrackingTab:  # type: ignore[no-untyped-def]
    t = TrackingTab(app_context, now=lambda: NOW)
    qtbot.addWidget(t)
    t.resize(1400, 800)
    t.show()
    return t


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return])
def test_from_the_search_box_down_or_enter_goes_to_the_results(tab: TrackingTab, qtbot, key) -> None:  # type: ignore[no-untyped-def]
    tab.show_quick("all")
    tab.filters.search.setFocus()
    qtbot.waitUntil(tab.filters.search.hasFocus)
    qtbot.keyClicks(tab.filters.search, "ngoc")  # ASCII only (STYLE.md)
    qtbot.keyClick(tab.filters.search, key)
    assert tab.table.hasFocus()
    assert [i.row() for i in tab.table.selectionModel().selectedRows()] == [0]
    assert "ngoc" in fold(tab.model.index(0, 1).data() or "")
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)  # and on through the list
    assert [i.row() for i in tab.table.selectionModel().selectedRows()] == [1]


def test_tab_leaves_the_list_for_the_actions(tab: TrackingTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Tab walked the list's cells and the action buttons were out of the keyboard's reach."""
    from PySide6.QtWidgets import QApplication, QPushButton

    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.waitUntil(tab.table.hasFocus)
    qtbot.keyClick(tab.table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not tab.table
    for _ in range(40):  # on through the panel: an enabled action button is reached
        if isinstance(focused, QPushButton) and focused in tab.details.buttons.values():
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
    assert focused in tab.details.buttons.values() and focused.isEnabled()


def test_tabbing_into_the_list_selects_the_row_under_the_keyboard(tab: TrackingTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The focus came to row 1 unselected: the details stayed empty and the first Down selected row 2."""
    tab.show_quick("all")
    tab.table.clearSelection()
    tab.filters.search.setFocus()
    qtbot.waitUntil(tab.filters.search.hasFocus)
    tab.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(tab.table.hasFocus)
    assert [i.row() for i in tab.table.selectionModel().selectedRows()] == [0]
    assert tab.details.details is not None  # the panel shows the dossier at once
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert [i.row() for i in tab.table.selectionModel().selectedRows()] == [1]
