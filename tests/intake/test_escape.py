"""Esc in the procedure box closes its list and picks nothing; a second Esc asks to clear the form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from onestop_desktop.ui.intake import pdfs
from onestop_desktop.ui.intake import tab as intake_tab
from onestop_desktop.ui.intake.tab import IntakeTab
from tests.helpers import type_text


@pytest.fixture
def tab(qtbot: Any, app_context: Any, monkeypatch: pytest.MonkeyPatch) -> IntakeTab:
    monkeypatch.setattr(pdfs, "open_pdf", lambda *_a: None)
    w = IntakeTab(app_context)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.form.procedure.setFocus()
    return w


def test_first_escape_closes_the_list_second_asks_to_clear(
    tab: IntakeTab, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(intake_tab, "confirm", lambda _p, title, _t: asked.append(title) or False)
    box = tab.form.procedure
    tab.form.edits["applicant_name"].setText("Trần Thị Bình")  # something typed that a clear would lose
    box.setFocus()
    type_text(box, "khai sinh")
    popup = box.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(QApplication.focusWidget() or box, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert box.current is None and tab.form.documents.rowCount() == 0  # nothing picked, no checklist
    assert asked == []  # and no "clear everything?" yet
    QTest.keyClick(QApplication.focusWidget() or box, Qt.Key.Key_Escape)
    assert len(asked) == 1  # the second Esc asks
