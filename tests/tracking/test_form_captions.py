"""Each printed form's file and window title take the template of the act's day, not a fixed number."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from onestop_desktop.domain.legal import FormKind
from onestop_desktop.ui.tracking.actions import form_pdf

K = FormKind
CASES = [
    (K.CONTROL_SLIP, date(2018, 10, 24), "mau05", "Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 05)"),
    (K.CONTROL_SLIP, date(2025, 9, 15), "mau06", "Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 06)"),
    (K.APOLOGY, date(2025, 9, 14), "mau04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)"),
    (
        K.APOLOGY,
        date(2026, 12, 2),
        "mau04",
        "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu 04)",
    ),
    (K.SUPPLEMENT, date(2026, 12, 2), "mau02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)"),
    (K.STOP_NOTICE, date(2026, 12, 2), "mau05", "Thông báo dừng giải quyết hồ sơ (mẫu 05)"),
]


@pytest.mark.parametrize(("kind", "day", "stem", "title"), CASES)
def test_form_file_and_title_follow_the_template_of_the_day(
    qapp: Any, kind: FormKind, day: date, stem: str, title: str
) -> None:
    from onestop_desktop.ui.i18n import install_translators

    install_translators("vi")
    path, got = form_pdf(kind, day, "X-1")
    assert (path.name, got) == (f"{stem}-X-1.pdf", title)


@pytest.mark.parametrize(
    ("day", "button", "dialog", "new_date_label", "confirm_title"),
    [
        (
            date(2018, 10, 24),
            "Xin lỗi, hẹn lại…",
            "Xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)",
            "Ngày hẹn mới",
            "Xin lỗi và hẹn lại ngày trả kết quả hồ sơ X-1",
        ),
        (
            date(2026, 12, 2),
            "Xin lỗi, đề nghị gia hạn…",
            "Xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu 04)",
            "Đề nghị gia hạn đến",
            "Xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ X-1",
        ),
    ],
)
def test_every_apology_wording_follows_the_form_of_the_day(
    qtbot: Any, day: date, button: str, dialog: str, new_date_label: str, confirm_title: str
) -> None:
    """Under Thông tư 03/2025 the details panel still offered the 2018 "Xin lỗi, hẹn lại…"."""
    from datetime import datetime, time

    from PySide6.QtWidgets import QLabel

    from onestop_desktop.domain.legal import apology_asks_extension
    from onestop_desktop.domain.states import Action
    from onestop_desktop.ui.i18n import install_translators
    from onestop_desktop.ui.tracking.actions import action_title
    from onestop_desktop.ui.tracking.details import DetailsPanel
    from onestop_desktop.ui.tracking.dialogs import ApologyDialog

    install_translators("vi")
    panel = DetailsPanel(lambda: datetime.combine(day, time(9)))
    qtbot.addWidget(panel)
    assert panel.buttons[Action.APOLOGY.value].text() == button
    due = datetime.combine(day, time(16))
    d = ApologyDialog(due, due.replace(hour=17), apology_asks_extension(day))
    qtbot.addWidget(d)
    assert d.windowTitle() == dialog
    labels = [w.text() for w in d.findChildren(QLabel)]
    assert new_date_label in labels
    assert action_title(Action.APOLOGY, "X-1", day) == confirm_title
