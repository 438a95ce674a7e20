"""Returning a result in the tracking tab, then the citizen's rating: keys 1/2/3, Esc, the reason."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.db.models_files import Rating
from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.ui.rating.dialog import RatingDialog
from onestop_desktop.ui.rating.step import ask_rating
from onestop_desktop.ui.tracking import actions
from onestop_desktop.ui.tracking.tab import TrackingTab
from tests.helpers import type_text

S = DossierStatus
NOW = datetime(2026, 11, 17, 9, 0)


@pytest.fixture
def tab(app_context, qtbot, monkeypatch: pytest.MonkeyPatch) -> TrackingTab:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(actions, "prompt", lambda *_a: {"note": ""})
    t = TrackingTab(app_context, now=lambda: NOW)
    qtbot.addWidget(t)
    t.resize(1400, 800)
    t.show()
    return t


def _resolved_selected(tab: TrackingTab) -> int:
    """Select the first open dossier of the list and mark it resolved from the panel."""
    for r in range(tab.model.rowCount()):
        item = tab.model.row_at(r)
        assert item is not None
        if item[0].status == int(S.PROCESSING):
            tab.table.selectRow(r)
            tab.details.buttons["resolve"].click()
            assert tab.details.details is not None and tab.details.details.status == int(S.RESOLVED)
            return int(item[0].id)
    raise AssertionError("no open dossier")


def _return(tab: TrackingTab, qtbot: Any) -> RatingDialog:
    tab.details.buttons["return-result"].click()
    dialog = tab.findChild(RatingDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Hài lòng" in dialog.buttons["satisfied"].text() and dialog.buttons["satisfied"].text()[0] == "1"
    return dialog


def _rating(tab: TrackingTab, dossier_id: int) -> Rating | None:
    with session_scope(tab.ctx.db.factory) as s:
        r = s.scalar(select(Rating).where(Rating.dossier_id == dossier_id))
        if r is not None:
            s.expunge(r)
        return r


def test_key_1_records_satisfied_after_the_return(tab: TrackingTab, qtbot: Any) -> None:
    dossier_id = _resolved_selected(tab)
    dialog = _return(tab, qtbot)
    with session_scope(tab.ctx.db.factory) as s:
        assert s.get(Dossier, dossier_id).status == int(S.RETURNED)  # type: ignore[union-attr]
    assert _rating(tab, dossier_id) is None  # nothing before the citizen answers
    QTest.keyClick(dialog, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: not dialog.isVisible() if _alive(dialog) else True, timeout=2000)
    r = _rating(tab, dossier_id)
    assert r is not None and (r.level, r.reason, r.source) == ("satisfied", "", "counter")
    assert r.officer_user_id == tab.ctx.actor.user_id  # the clerk who returned the result
    html = tab.details.browser.toHtml()
    assert "Đánh giá của người dân" in html and "Hài lòng" in html


def _alive(w: Any) -> bool:
    from shiboken6 import isValid

    return bool(isValid(w))


def test_key_3_asks_why_and_enter_saves_the_reason(tab: TrackingTab, qtbot: Any) -> None:
    dossier_id = _resolved_selected(tab)
    dialog = _return(tab, qtbot)
    assert dialog.reason.isHidden()
    QTest.keyClick(dialog, Qt.Key.Key_3)
    assert not dialog.reason.isHidden() and dialog.focusWidget() is dialog.reason
    assert "Không hài lòng" in dialog.reason_label.text()
    assert _rating(tab, dossier_id) is None
    type_text(dialog.reason, "Phải chờ 2 lần")  # digits typed in the reason stay in the reason
    assert dialog.level == "unsatisfied"
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    r = _rating(tab, dossier_id)
    assert r is not None and (r.level, r.reason) == ("unsatisfied", "Phải chờ 2 lần")
    assert "Phải chờ 2 lần" in tab.details.browser.toHtml()


def test_key_2_neutral_with_no_reason(tab: TrackingTab, qtbot: Any) -> None:
    dossier_id = _resolved_selected(tab)
    dialog = _return(tab, qtbot)
    QTest.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.KeypadModifier)  # the keypad's 2 too
    assert dialog.level == "neutral"
    dialog.save_button.click()
    r = _rating(tab, dossier_id)
    assert r is not None and (r.level, r.reason) == ("neutral", "")


def test_esc_means_the_citizen_declined_and_records_nothing(tab: TrackingTab, qtbot: Any) -> None:
    dossier_id = _resolved_selected(tab)
    dialog = _return(tab, qtbot)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not _alive(dialog) or not dialog.isVisible()
    assert _rating(tab, dossier_id) is None
    with session_scope(tab.ctx.db.factory) as s:
        assert s.get(Dossier, dossier_id).status == int(S.RETURNED)  # type: ignore[union-attr]
        assert not s.scalars(select(AuditEntry).where(AuditEntry.entity == "rating")).all()
    assert (
        "Chưa có đánh giá" in tab.details.browser.toHtml() or "không đánh giá" in tab.details.browser.toHtml()
    )


def test_esc_after_choosing_3_still_records_nothing(tab: TrackingTab, qtbot: Any) -> None:
    dossier_id = _resolved_selected(tab)
    dialog = _return(tab, qtbot)
    QTest.keyClick(dialog, Qt.Key.Key_3)
    QTest.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert _rating(tab, dossier_id) is None


def test_a_dossier_not_returned_is_refused_in_words(
    tab: TrackingTab, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier_id = _resolved_selected(tab)  # resolved, not returned
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    with session_scope(tab.ctx.db.factory) as s:
        code = s.get(Dossier, dossier_id).code  # type: ignore[union-attr]
    done: list[object] = []
    dialog = ask_rating(tab, tab.ctx, code, done.append)
    QTest.keyClick(dialog, Qt.Key.Key_1)
    assert len(shown) == 1 and "chưa trả kết quả" in shown[0]
    assert done == [None]
    assert _rating(tab, dossier_id) is None
