"""No action grows a window past a 1366x768 screen, and dialogs open inside the screen they are on.

A report being built once widened the main window to 1,568 px (its progress label and bar sat in the
toolbar), so the export buttons went off a laptop's screen; the print preview opened 900 px tall.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.main_window import MainWindow
from tests.conftest import login_as

SCREEN_W, SCREEN_H = 1366, 768
LONG_STEP = "Đang so sánh với kỳ trước và cùng kỳ năm trước, tổng hợp các chỉ số cải cách hành chính…"


def _fits(widget: QWidget, what: str) -> None:
    QApplication.processEvents()  # let the layouts take in what just changed
    hint = widget.minimumSizeHint()
    assert hint.width() <= SCREEN_W, f"{what}: needs {hint.width()} px of width"
    assert hint.height() <= SCREEN_H, f"{what}: needs {hint.height()} px of height"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("user", ["canbo", "lanhdao"])
def test_every_tab_and_its_main_action_fit_the_screen(
    app_context: AppContext, qtbot: Any, lang: str, user: str
) -> None:
    from onestop_desktop.ui.i18n import install_translators

    install_translators(lang)
    try:
        ctx = AppContext(
            app_context.db, login_as(app_context.db, user), app_context.bus, app_context.tasks, True
        )
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            _fits(window, f"tab {window.tabs.tabText(i)}")
        reports = window.tabs.widget(4)
        window.tabs.setCurrentWidget(reports)
        reports._busy(True)  # a report being built: its progress, with a long step
        reports._on_progress(40, LONG_STEP)
        _fits(window, "report in progress")
        reports._busy(False)
        reports.build()  # synchronous task runner in the tests
        assert reports.data is not None
        _fits(window, "report built")
        tracking = window.tabs.widget(2)
        window.tabs.setCurrentWidget(tracking)
        tracking.table.selectRow(0)
        _fits(window, "dossier selected")
    finally:
        install_translators("vi")


def test_the_print_preview_opens_inside_its_screen(qtbot: Any, tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from onestop_desktop.ui.common.printing import PdfPreviewDialog
    from onestop_desktop.ui.common.screen import available_size

    pdf = tmp_path / "a4.pdf"
    c = Canvas(str(pdf), pagesize=A4)
    c.drawString(72, 720, "Trang thử")
    c.showPage()
    c.save()
    dialog = PdfPreviewDialog(pdf, "Xem trước")
    qtbot.addWidget(dialog)
    max_w, max_h = available_size(dialog)
    assert dialog.width() <= max_w and dialog.height() <= max_h
    assert max_h < 900  # the offscreen screen is smaller than the 900 px the dialog asks for
