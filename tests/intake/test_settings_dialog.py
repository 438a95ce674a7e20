"""The administrators' catalogue and calendar dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate

from onestop_desktop.db.engine import session_scope
from onestop_desktop.services.catalogue import admin as catalogue_admin
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.intake.settings import CatalogueDialog
from onestop_desktop.ui.intake.tab import IntakeTab
from tests.conftest import login_as
from tests.helpers import type_text


def admin_context(app_context: AppContext) -> AppContext:
    return AppContext(
        app_context.db, login_as(app_context.db, "quantri"), app_context.bus, app_context.tasks, True
    )


def test_settings_button_only_for_admin(qtbot: Any, app_context: AppContext) -> None:
    clerk_tab = IntakeTab(app_context)
    qtbot.addWidget(clerk_tab)
    assert not clerk_tab.settings_button.isVisibleTo(clerk_tab)
    admin_tab = IntakeTab(admin_context(app_context))
    qtbot.addWidget(admin_tab)
    assert admin_tab.settings_button.isVisibleTo(admin_tab)


def test_edit_procedure_and_calendar(qtbot: Any, app_context: AppContext, tmp_path: Path) -> None:
    ctx = admin_context(app_context)
    changed: list[str] = []
    ctx.bus.data_changed.connect(changed.append)
    dialog = CatalogueDialog(ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.filter, "khai sinh")
    dialog.proc_list.setCurrentRow(0)
    code = dialog.p_code.text()
    assert code and dialog.p_code.isReadOnly()
    dialog.p_time.setValue(3)
    dialog.save_procedure()
    assert "catalogue" in changed
    with session_scope(ctx.db.factory) as s:
        assert catalogue.get_procedure(s, code).time_value == 3
    dialog.p_name.clear()
    dialog.save_procedure()
    assert "tên" in dialog.status.text().lower()
    dialog.year.setValue(2027)
    dialog.o_day.setDate(QDate(2027, 1, 2))
    dialog.o_working.setCurrentIndex(1)
    type_text(dialog.o_reason, "Làm bù cho ngày 31/12")
    dialog.save_override()
    assert dialog.o_table.rowCount() == 1 and "calendar" in changed
    with session_scope(ctx.db.factory) as s:
        assert catalogue_admin.list_overrides(s, 2027)[0].day == date(2027, 1, 2)
    dialog.o_table.setCurrentCell(0, 0)
    dialog.delete_override()
    assert dialog.o_table.rowCount() == 0
    path = tmp_path / "dm.xlsx"
    dialog.run_export(path)
    assert path.exists() and "procedures" in dialog.status.text() or "thủ tục" in dialog.status.text()
    importer = dialog.import_excel(path)  # the same list again, from today: nothing changes
    qtbot.addWidget(importer)
    importer.preview()
    assert importer.plan is not None and importer.plan.count("changed") == 0
    importer.confirm()
    assert "0" in dialog.status.text()


def test_online_level_shows_what_it_is_called_today(qtbot: Any, app_context: AppContext) -> None:
    """The catalogue keeps levels 1-4; since Nghị định 42/2022 they are 'toàn trình' or 'một phần'."""
    dialog = CatalogueDialog(admin_context(app_context))
    qtbot.addWidget(dialog)
    dialog.p_online.setValue(4)
    assert dialog.p_online_term.text() == "hiện nay: dịch vụ công trực tuyến toàn trình"
    dialog.p_online.setValue(3)
    assert dialog.p_online_term.text() == "hiện nay: dịch vụ công trực tuyến một phần"
    dialog.p_online.setValue(1)
    assert "không phải dịch vụ công trực tuyến" in dialog.p_online_term.text()
