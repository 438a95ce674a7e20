"""The import dialog of a published list: file and day, preview, confirm writes, cancel writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select

from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import ProcedureVersion
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.intake.catalogue_import import CatalogueImportDialog
from onestop_desktop.ui.intake.settings import CatalogueDialog
from onestop_desktop.ui.intake.tab import IntakeTab
from tests.catalogue.test_list_import import published_list
from tests.conftest import login_as
from tests.helpers import type_text


def admin_context(app_context: AppContext) -> AppContext:
    return AppContext(
        app_context.db, login_as(app_context.db, "quantri"), app_context.bus, app_context.tasks, True
    )


def versions_count(ctx: AppContext) -> int:
    with session_scope(ctx.db.factory) as s:
        return int(s.scalar(select(func.count(ProcedureVersion.id))) or 0)


def rows(dialog: CatalogueImportDialog) -> dict[str, list[str]]:
    t = dialog.table
    return {t.item(r, 0).text(): [t.item(r, c).text() for c in range(1, 4)] for r in range(t.rowCount())}


def test_preview_then_confirm_writes_the_new_version(
    qtbot: Any, app_context: AppContext, tmp_path: Path
) -> None:
    ctx = admin_context(app_context)
    changed: list[str] = []
    ctx.bus.data_changed.connect(changed.append)
    path = published_list(ctx.db, tmp_path / "danh-muc-2027.xlsx")
    settings = CatalogueDialog(ctx)
    qtbot.addWidget(settings)
    dialog = settings.import_excel(path)
    qtbot.addWidget(dialog)
    dialog.effective.setDate(QDate(2027, 1, 1))
    type_text(dialog.source, "Quyết định 99/QĐ-UBND ngày 20/12/2026")
    assert not dialog.confirm_button.isEnabled()  # nothing to confirm before a preview
    before = versions_count(ctx)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    shown = rows(dialog)
    assert shown["DD-02"][1:] == ["Thay đổi", "Thời hạn: 10 ngày làm việc → 7 ngày làm việc"]
    assert shown["HT-77"][1] == "Thủ tục mới" and shown["TP-04"][1] == "Không còn trong danh mục"
    assert "DD-01" not in shown  # unchanged procedures are counted, not listed
    assert "01/01/2027" in dialog.summary.text() and "1" in dialog.summary.text()
    assert versions_count(ctx) == before and dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert versions_count(ctx) == before + 5 and "catalogue" in changed
    assert "1" in settings.status.text()
    with session_scope(ctx.db.factory) as s:
        p = catalogue.get_procedure(s, "DD-02", on=date(2027, 1, 1))
        assert p.time_value == 7 and p.source == "Quyết định 99/QĐ-UBND ngày 20/12/2026"


def test_cancel_and_rejected_rows_write_nothing(qtbot: Any, app_context: AppContext, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ctx = admin_context(app_context)
    path = published_list(ctx.db, tmp_path / "dm.xlsx")
    before = versions_count(ctx)
    dialog = CatalogueImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.effective.setDate(QDate(2027, 1, 1))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() > 0
    dialog.effective.setDate(QDate(2027, 2, 1))  # a preview of another day is stale
    assert not dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected and versions_count(ctx) == before

    wb = load_workbook(path)
    wb["Thủ tục"].append(["HT-78", "Sai", "HT", "xa", "hai", "ngày", 0, 3, "", "có"])
    wb.save(path)
    bad = CatalogueImportDialog(ctx, path)
    qtbot.addWidget(bad)
    qtbot.mouseClick(bad.preview_button, Qt.MouseButton.LeftButton)
    assert bad.rejected.isVisibleTo(bad)
    assert f"Thủ tục, dòng {wb['Thủ tục'].max_row}: thời hạn" in bad.rejected.toPlainText()
    assert not bad.confirm_button.isEnabled()
    bad.confirm()  # even when forced, nothing is written
    assert versions_count(ctx) == before


def test_intake_checklist_is_the_version_of_today(qtbot: Any, app_context: AppContext) -> None:
    tab = IntakeTab(app_context)
    qtbot.addWidget(tab)
    births = [p for p in tab.form.procedure.procedures if p.code == "1.001193"]
    assert births, "the birth registration is offered"
    tab.form.procedure.select(births[0])
    names = [tab.form.documents.item(r, 0).text() for r in range(tab.form.documents.rowCount())]
    assert names and not any("hộ khẩu" in n.lower() for n in names)
    assert any("VNeID" in n for n in names)
    assert "01/01/2023" in tab.form.version_label.text()
