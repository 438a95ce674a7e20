"""The tracking tab driven like a clerk: type to filter, sort, act, undo, export; checked in the database."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTabWidget
from sqlalchemy import select

from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, DossierEvent, User
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.services.tracking import filters as tracking_filters
from onestop_desktop.services.tracking import query
from onestop_desktop.ui.tracking import actions
from onestop_desktop.ui.tracking.model import COL_DUE, COL_REMAINING, ID_ROLE, LEVEL_ROLE, SORT_ROLE
from onestop_desktop.ui.tracking.tab import TrackingTab
from tests.helpers import type_text

S = DossierStatus
NOW = datetime(2026, 11, 17, 9, 0)


@pytest.fixture
def tab(app_context, qtbot) -> TrackingTab:  # type: ignore[no-untyped-def]
    t = TrackingTab(app_context, now=lambda: NOW)
    qtbot.addWidget(t)
    t.resize(1400, 800)
    t.show()
    return t


@pytest.fixture
def pdfs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str]]:
    calls: list[tuple[Path, str]] = []
    monkeypatch.setattr(actions, "open_pdf", lambda _p, path, title: calls.append((Path(path), title)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def fail(_parent: object, _title: str, text: str, *a: object, **k: object) -> None:
        raise AssertionError(text)

    monkeypatch.setattr(QMessageBox, "warning", fail)
    return calls


def test_model_passes_qtmodeltester(tab: TrackingTab, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    assert tab.model.rowCount() == 84
    qtmodeltester.check(tab.model)
    tab.show_quick("all")
    assert tab.model.rowCount() == 10343
    for r in range(0, 10343, 97):  # walk the whole list: only a window of pages stays in memory
        assert tab.model.index(r, 0).data()
    assert tab.model.cached_pages() <= 12
    tab.filters.search.setText("ngoc")
    tab.filters.flush()
    assert 200 < tab.model.rowCount() < 2000  # several pages
    qtmodeltester.check(tab.model)


def test_open_list_is_coloured_and_counted(tab: TrackingTab) -> None:
    m = tab.model
    levels = {m.index(r, 0).data(LEVEL_ROLE) for r in range(m.rowCount())}
    assert levels == {"overdue", "paused"}
    assert tab.filters.quick_buttons["overdue"].text().endswith("(44)")
    assert tab.filters.quick_buttons["supplement"].text().endswith("(40)")
    overdue_row = next(r for r in range(m.rowCount()) if m.index(r, 0).data(LEVEL_ROLE) == "overdue")
    assert m.index(overdue_row, COL_REMAINING).data().startswith("quá hạn ")
    assert m.index(overdue_row, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fde2e1"


def test_filter_as_you_type(tab: TrackingTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab.show_quick("all")
    first = tab.model.row_at(0)
    assert first is not None
    name = first[0].applicant_name
    type_text(tab.filters.search, name)
    with session_scope(tab.ctx.db.factory) as s:
        expected = query.count_rows(
            s, tracking_filters.TrackingFilter(quick="all", text=name), tab.model.today(), tab.calendar
        )
    qtbot.waitUntil(lambda: tab.model.rowCount() == expected, timeout=3000)
    assert 0 < expected < 10343
    assert all(name in (tab.model.index(r, 1).data() or "") for r in range(tab.model.rowCount()))
    tab.filters.search.clear()
    type_text(tab.filters.search, "khong co ai ten nay")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=3000)


def test_sort_by_due_date_in_sql(tab: TrackingTab) -> None:
    tab.show_quick("all")
    header = tab.table.horizontalHeader()
    header.setSortIndicator(COL_DUE, Qt.SortOrder.DescendingOrder)
    dues = [tab.model.index(r, COL_DUE).data(SORT_ROLE) for r in range(300)]
    assert dues == sorted(dues, reverse=True)
    assert isinstance(dues[0], datetime)
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    keys = [tab.model.index(r, 1).data(SORT_ROLE) for r in range(300)]
    assert keys == sorted(keys)


def _select_first(tab: TrackingTab, status: S) -> int:
    for r in range(tab.model.rowCount()):
        item = tab.model.row_at(r)
        assert item is not None
        if item[0].status == int(status):
            tab.table.selectRow(r)
            return item[0].id
    raise AssertionError(f"no dossier in status {status}")


def _status(tab: TrackingTab, dossier_id: int) -> int:
    with session_scope(tab.ctx.db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None
        return d.status


def _events(tab: TrackingTab, dossier_id: int) -> list[str]:
    with session_scope(tab.ctx.db.factory) as s:
        return list(
            s.scalars(
                select(DossierEvent.action)
                .where(DossierEvent.dossier_id == dossier_id, DossierEvent.undone_at.is_(None))
                .order_by(DossierEvent.id)
            )
        )


def test_each_action_from_the_panel(
    tab: TrackingTab, pdfs: list[tuple[Path, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    with session_scope(tab.ctx.db.factory) as s:
        officer = s.scalar(select(User.id).where(User.username == "canbo2"))
    answers: dict[str, dict[str, Any]] = {
        "transfer": {"to_user_id": officer, "note": "Chuyển phòng chuyên môn"},
        "request-supplement": {"note": "Bản sao giấy chứng nhận quyền sử dụng đất"},
        "receive-supplement": {"note": ""},
        "apology": {"new_due": datetime(2026, 12, 1, 10, 0), "reason": "Chờ đo đạc lại thửa đất"},
        "resolve": {"note": "Đã ký"},
        "return-result": {"note": ""},
        "withdraw": {"note": "Công dân xin rút"},
        "stop": {"note": "Hồ sơ không đủ điều kiện"},
    }
    monkeypatch.setattr(actions, "prompt", lambda _t, action, _d: answers[action.value])
    dossier_id = _select_first(tab, S.PROCESSING)
    assert tab.details.details is not None and tab.details.details.id == dossier_id
    assert not tab.details.hint.isHidden()  # overdue and no apology yet: form 04 proposed
    flow = [
        ("transfer", S.PROCESSING),
        ("request-supplement", S.WAITING_SUPPLEMENT),
        ("receive-supplement", S.PROCESSING),
        ("apology", S.PROCESSING),
        ("resolve", S.RESOLVED),
        ("return-result", S.RETURNED),
    ]
    for action, expected in flow:
        button = tab.details.buttons[action]
        assert button.isEnabled(), action
        button.click()
        assert _status(tab, dossier_id) == int(expected), action
        assert tab.details.details is not None and tab.details.details.id == dossier_id
    assert _events(tab, dossier_id)[-6:] == [a for a, _ in flow]
    assert [p.name[:6] for p, _t in pdfs] == ["mau02-", "mau04-"]
    assert all(p.exists() and p.stat().st_size > 1000 for p, _t in pdfs)
    html = tab.details.browser.toHtml()
    assert "Trả kết quả" in html and "Chờ đo đạc lại thửa đất" in html
    assert not any(b.isEnabled() for b in tab.details.buttons.values())  # returned: nothing more to do
    with session_scope(tab.ctx.db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None and d.apology_count == 1 and d.due_at >= datetime(2026, 12, 1, 10, 0)
    # withdraw and stop on two other open dossiers
    tab.show_quick("open")
    other = _select_first(tab, S.PROCESSING)
    tab.details.buttons["withdraw"].click()
    assert _status(tab, other) == int(S.WITHDRAWN)
    tab.show_quick("supplement")
    third = _select_first(tab, S.WAITING_SUPPLEMENT)
    tab.details.buttons["stop"].click()
    assert _status(tab, third) == int(S.STOPPED)


def test_undo_button(tab: TrackingTab, pdfs: list[tuple[Path, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actions, "prompt", lambda *_a: {"note": ""})
    dossier_id = _select_first(tab, S.PROCESSING)
    assert not tab.details.undo_button.isEnabled()  # the demo's events are not this clerk's today
    tab.details.buttons["resolve"].click()
    assert _status(tab, dossier_id) == int(S.RESOLVED)
    assert tab.details.undo_button.isEnabled()
    tab.details.undo_button.click()
    assert _status(tab, dossier_id) == int(S.PROCESSING)
    assert "line-through" in tab.details.browser.toHtml()


def test_refused_action_shows_the_message(tab: TrackingTab, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(actions, "prompt", lambda *_a: {"note": ""})
    dossier_id = _select_first(tab, S.WAITING_SUPPLEMENT)
    tab.run_action("resolve")  # the button is disabled; the service refuses too
    assert shown and "Không thể" in shown[0]
    assert _status(tab, dossier_id) == int(S.WAITING_SUPPLEMENT)


def test_badge_and_warning_for_dossiers_due_soon(app_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    t = TrackingTab(app_context, tabs, now=lambda: datetime(2018, 10, 29, 9, 0))
    tabs.addTab(t, t.tab_title())
    tabs.show()
    n = t.update_badge()
    assert n > 0
    assert tabs.tabText(0) == f"{t.tab_title()} ({n})"
    assert t.banner.isVisible() and str(n) in t.banner.text()
    assert t.filters.quick_buttons["due_soon"].text().endswith(f"({n})")
    # Two sentences, each on its own line: the first one's link must not run into the second.
    lines = t.banner.text().split("<br/>")
    assert len(lines) == 2 and all(line.rstrip().endswith("</a>") for line in lines)


def test_export_excel_and_log_book(
    tab: TrackingTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pdfs: list[tuple[Path, str]]
) -> None:
    target = tmp_path / "view.xlsx"
    monkeypatch.setattr(tab, "ask_save_path", lambda *_a: target)
    tab.export_excel()
    ws = load_workbook(target).active
    assert ws.cell(2, 2).value == "Mã hồ sơ" and ws.cell(2, 8).value == "Ngày nhận"
    assert isinstance(ws.cell(3, 8).value, datetime)
    assert ws.max_row == 2 + 84
    assert ws.cell(3, 2).value == tab.model.index(0, 0).data()
    log = tmp_path / "log.xlsx"
    monkeypatch.setattr(tab, "ask_save_path", lambda *_a: log)
    monkeypatch.setattr(
        actions,
        "ask_log_book",
        lambda _t: {"start": date(2018, 10, 1), "end": date(2018, 10, 2), "kind": "xlsx"},
    )
    tab.log_book()
    book = load_workbook(log).active
    assert book.cell(2, 3).value == "Tên thủ tục" and book.max_row > 100
    monkeypatch.setattr(
        actions,
        "ask_log_book",
        lambda _t: {"start": date(2018, 10, 1), "end": date(2018, 10, 1), "kind": "pdf"},
    )
    tab.log_book()
    assert pdfs and pdfs[-1][0].suffix == ".pdf" and pdfs[-1][0].stat().st_size > 5000


def test_row_id_role(tab: TrackingTab) -> None:
    assert tab.model.index(0, 3).data(ID_ROLE) == tab.model.dossier_id(0)


def test_saved_filter_from_the_bar(tab: TrackingTab) -> None:
    bar = tab.filters
    bar.quick_buttons["overdue"].click()
    bar.search.setText("nguyen")
    bar.flush()
    tab.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    n = tab.model.rowCount()
    bar.save_current("Quá hạn họ Nguyễn")
    bar.search.clear()
    bar.quick_buttons["all"].click()
    assert tab.model.rowCount() == 10343
    index = bar.saved.findText("Quá hạn họ Nguyễn")
    assert index > 0
    bar.saved.setCurrentIndex(index)
    bar.saved.activated.emit(index)
    assert bar.search.text() == "nguyen" and bar.quick_buttons["overdue"].isChecked()
    assert tab.model.rowCount() == n and tab.model.sort_spec == tracking_filters.Sort("applicant", True)


def test_main_window_shows_the_tracking_tab(app_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.i18n import install_translators
    from onestop_desktop.ui.main_window import MainWindow

    install_translators("vi")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert any(t.startswith("Theo dõi hồ sơ") for t in titles)


def test_banner_proposes_apologies_for_overdue_dossiers(tab: TrackingTab) -> None:
    tab.update_badge()
    assert tab.banner.isVisible() and "44" in tab.banner.text()  # 44 running dossiers overdue in 2026
    tab.banner.linkActivated.emit("overdue")
    assert tab.filters.quick_buttons["overdue"].isChecked() and tab.model.rowCount() == 44


def test_short_columns_fit_their_texts_and_tooltips_give_the_whole_cell(tab: TrackingTab) -> None:
    """'quá hạn 2045 n…' and 'Chờ bổ sung h…' were cut: those columns fit their longest text."""
    from onestop_desktop.ui.tracking.model import COL_REMAINING, COL_STATUS

    tab.filters.quick_buttons["all"].click()
    fm = tab.table.fontMetrics()
    for col in (COL_REMAINING, COL_STATUS):
        width = tab.table.columnWidth(col)
        for row in range(min(200, tab.model.rowCount())):
            text = tab.model.index(row, col).data()
            assert fm.horizontalAdvance(text) + 12 <= width, (text, width)
    idx = tab.model.index(0, COL_STATUS)
    assert idx.data() in idx.data(Qt.ItemDataRole.ToolTipRole).splitlines()[0]


def test_action_buttons_keep_their_places_between_dossiers(tab: TrackingTab) -> None:
    """Buttons never move: unavailable ones are disabled (and say why), not removed."""
    panel = tab.details
    tab.show_quick("all")

    def layout() -> dict[str, tuple[int, int, bool]]:
        out = {}
        for name, b in [*panel.buttons.items(), ("undo", panel.undo_button), ("slip", panel.slip_button)]:
            row, col, _rs, _cs = panel.grid.getItemPosition(panel.grid.indexOf(b))
            out[name] = (row, col, b.isVisibleTo(panel))
        return out

    before = layout()
    open_row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 3).data())
    closed_row = next(r for r in range(tab.model.rowCount()) if not tab.model.index(r, 3).data())
    enabled: list[set[str]] = []
    for row in (open_row, closed_row):
        tab.table.selectRow(row)
        assert layout() == before
        enabled.append({a for a, b in panel.buttons.items() if b.isEnabled()})
        for a, b in panel.buttons.items():
            assert b.isEnabled() or "Không thực hiện được" in b.toolTip(), a
    assert enabled[0] != enabled[1]  # different dossiers, different actions, same places
    assert panel.slip_button.text() == "Phiếu kiểm soát (mẫu 05)…"  # a 2018 dossier: Thông tư 01/2018


def test_every_dialog_and_confirmation_names_the_action_and_the_dossier(
    tab: TrackingTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The resolve dialog was titled only "Ghi chú"; now each title names what and which dossier."""
    from PySide6.QtWidgets import QDialog

    from onestop_desktop.domain.states import Action

    _select_first(tab, S.PROCESSING)
    d = tab.details.details
    assert d is not None
    titles: list[str] = []

    def capture(dialog: QDialog) -> int:
        titles.append(dialog.windowTitle())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QDialog, "exec", capture)
    for action in (Action.TRANSFER, Action.REQUEST_SUPPLEMENT, Action.APOLOGY, Action.RESOLVE, Action.STOP):
        assert actions.prompt(tab, action, d) is None  # cancelled: nothing written
    assert titles[3] == f"Đánh dấu đã giải quyết hồ sơ {d.code}"
    assert all(d.code in t for t in titles) and len(set(titles)) == len(titles)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(actions, "prompt", lambda *_a: {"note": "Công dân xin rút"})
    monkeypatch.setattr(actions, "confirm", lambda _p, title, text: asked.append((title, text)) or False)
    assert not actions.perform(tab, "withdraw", d)
    assert asked == [(f"Rút hồ sơ {d.code}", asked[0][1])] and d.code in asked[0][1]


def test_the_log_book_button_names_the_form_of_today(tab: TrackingTab) -> None:
    """Under Thông tư 03/2025 (from 15/9/2025) the log book is form 07, no longer 06."""
    from onestop_desktop.clock import today_local

    assert today_local() >= date(2025, 9, 15)
    assert tab.log_button.text() == "Sổ theo dõi (mẫu 07)…"


def test_the_banner_names_the_apology_form_of_the_day(qapp: Any) -> None:
    """Under Thông tư 03/2025 the apology asks for an extension: the banner still said "phiếu xin lỗi"."""
    from onestop_desktop.ui.i18n import install_translators
    from onestop_desktop.ui.tracking.banner import banner_parts

    install_translators("vi")
    now = banner_parts(0, 4, date(2026, 12, 2))
    then = banner_parts(0, 4, date(2018, 10, 31))
    assert now[0].startswith("Có 4 hồ sơ quá hạn chưa có văn bản xin lỗi và đề nghị gia hạn (mẫu 04).")
    assert then[0].startswith("Có 4 hồ sơ quá hạn chưa có phiếu xin lỗi (mẫu 04).")
    assert banner_parts(0, 0, date(2026, 12, 2)) == []
