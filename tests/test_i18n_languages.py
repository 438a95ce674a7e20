"""Both interface languages: messages from domain and services, plurals, Qt's own dialogs, whole windows."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from datetime import datetime

import pytest

from onestop_desktop.domain.messages import CATALOGUE, Num, msg
from onestop_desktop.domain.states import DossierStatus, status_msg

# Letters only Vietnamese uses (English text never has them): đ, ơ, ư, ă and the tone-marked vowels.
VIETNAMESE = re.compile(
    "[ĐđƠơƯưĂăÂâÊêÔô"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]"
)
QT_ENGLISH = ("Cancel", "Look in", "Files of type", "&Yes", "Open", "Save", "Select All", "&Copy")


def _fields(template: str) -> set[str]:
    return {name for _t, name, _f, _c in string.Formatter().parse(template) if name}


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    import onestop_desktop.domain.plausible  # noqa: F401  (the imports' range checks)
    import onestop_desktop.reports.charts  # noqa: F401  (registers the chart words)
    import onestop_desktop.services.audit_messages  # noqa: F401
    import onestop_desktop.services.bhyt.sheet_messages  # noqa: F401
    import onestop_desktop.services.catalogue.catalogue_messages  # noqa: F401
    import onestop_desktop.services.intake.drafts  # noqa: F401  (intake and validators' messages)
    import onestop_desktop.services.intake.outcomes  # noqa: F401
    import onestop_desktop.services.intake.receiving  # noqa: F401
    import onestop_desktop.services.reports.summary  # noqa: F401
    import onestop_desktop.services.safety.safety_messages  # noqa: F401
    import onestop_desktop.services.tracking.countdown  # noqa: F401
    import onestop_desktop.services.tracking.details  # noqa: F401  (history notes)
    import onestop_desktop.services.tracking.logbook_messages  # noqa: F401

    assert len(CATALOGUE) > 60
    for key, (vi, en) in CATALOGUE.items():
        forms = (en,) if isinstance(en, str) else en
        assert vi and all(forms), key
        for form in forms:
            assert _fields(form) == _fields(vi), key
            assert not VIETNAMESE.search(form), key


def test_statuses_and_countdowns_follow_the_language_with_english_plurals() -> None:
    from onestop_desktop.services.tracking import countdown as cd

    assert status_msg(DossierStatus.WAITING_SUPPLEMENT).text("vi") == "Chờ bổ sung hồ sơ"
    assert status_msg(DossierStatus.WAITING_SUPPLEMENT).text("en") == "Waiting for a supplement"
    one, three = msg("countdown.days-over", n=1), msg("countdown.days-over", n=3)
    assert (one.text("vi"), three.text("vi")) == ("quá hạn 1 ngày", "quá hạn 3 ngày")
    assert (one.text("en"), three.text("en")) == ("1 working day overdue", "3 working days overdue")
    assert str(msg("countdown.days-left", n=6092)) == "còn 6.092 ngày"
    assert msg("countdown.days-left", n=6092).text("en") == "6,092 working days left"
    assert Num(98.625, 2, percent=True).text("vi") == "98,63 %"
    assert Num(98.625, 2, percent=True).text("en") == "98.63%"

    class _Days:
        def between(self, a: object, b: object) -> int:
            return 3

    c = cd.countdown(
        int(DossierStatus.PROCESSING), datetime(2018, 10, 1, 17), 5, "days", datetime(2018, 10, 4, 9), _Days()
    )  # type: ignore[arg-type]
    assert (c.text, c.level) == ("quá hạn 3 ngày", "overdue")


def test_transition_error_carries_a_message_id() -> None:
    from onestop_desktop.domain.states import Action, TransitionError, next_status

    with pytest.raises(TransitionError) as info:
        next_status(DossierStatus.RETURNED, Action.STOP)
    assert str(info.value) == "Không thể dừng giải quyết cho hồ sơ đã trả kết quả."
    assert info.value.msg.text("en") == "Cannot stop processing a dossier returned."


def test_report_sentences_on_screen_follow_the_language_paper_stays_vietnamese(demo_db) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.domain.periods import parse_period
    from onestop_desktop.services.reports.report_data import build_report
    from onestop_desktop.services.reports.summary import summary_messages, summary_sentences

    with demo_db.factory() as s:
        data = build_report(s, parse_period("2018-10"))
    vi = summary_sentences(data)
    en = [m.text("en") for part in summary_messages(data).values() for m in part]
    assert vi[0].startswith("Trong tháng 10/2018, tổng số hồ sơ phải giải quyết là ")
    assert en[0].startswith("In October 2018, ") and "dossiers were to be resolved" in en[0]
    assert len(en) == len(vi)
    assert not any(VIETNAMESE.search(x) for x in en[:4]), en[:4]


def test_qt_file_dialog_speaks_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    from onestop_desktop.ui.i18n import install_translators

    install_translators("vi")
    dialog = QFileDialog(None, "Lưu", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel) if w.objectName()}
    assert labels["lookInLabel"] == "&Tìm trong:"
    assert labels["fileTypeLabel"] == "&Loại tệp:"
    assert labels["fileNameLabel"] == "&Tên tệp:"
    buttons = sorted(b.text() for b in dialog.findChildren(QPushButton))
    assert buttons == ["&Lưu", "Hủy"]
    dialog.deleteLater()


def test_the_program_uses_qt_dialogs_not_the_systems(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, Qt

    from onestop_desktop.ui.app import create_app

    create_app()
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)


def _visible_texts(root) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(where, text) of what a user reads: labels, buttons, group titles, tabs, headers, first rows."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QTableView,
        QTabWidget,
        QWidget,
    )

    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, QComboBox):
            if w.objectName() not in USER_DATA_WIDGETS:
                for i in range(min(w.count(), 20)):
                    yield name + ".item", w.itemText(i)
            continue
        if w.objectName() in USER_DATA_WIDGETS or (
            w.parent() is not None and w.window() is not root.window()
        ):
            continue  # user data, or a popup (combo list, completer): its items are read through the combo
        if (
            isinstance(w, QAbstractItemView)
            and not isinstance(w, QTableView)
            and w.parentWidget() is not None
        ):
            if isinstance(w.parentWidget().parentWidget(), QComboBox):
                continue
        if w.isWindow() and w.windowTitle():
            yield name, w.windowTitle()
        if w.toolTip():
            yield name + ".toolTip", w.toolTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield name, w.text()
        if isinstance(w, QGroupBox):
            yield name, w.title()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield name + ".tab", w.tabText(i)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            header = getattr(w, "horizontalHeader", None)
            columns = header().count() if header is not None else 1
            for c in range(columns):
                yield name + ".header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            rows = w.verticalHeader().count() if hasattr(w, "verticalHeader") else 3
            for r in range(min(3, rows)):
                for c in range(columns):
                    if str(model.headerData(c, Qt.Orientation.Horizontal) or "") in USER_DATA_HEADERS:
                        continue
                    index = model.index(r, c)
                    value = model.data(index) if index.isValid() else None
                    if isinstance(value, str):
                        yield f"{name}[{r},{c}]", value


# User data shown as it is, whatever the interface language (documented allow-list): names of people,
# places, procedures, fields and units, dossier notes, and the office's own name. They are table columns
# (by header) and a few labels that print the office or the user.
USER_DATA_HEADERS = {
    "Applicant", "Procedure", "Field", "Unit", "Holder", "Name", "Officer", "Person", "Note", "Full name",
    "Account", "Who"
}  # fmt: skip
USER_DATA_WIDGETS = {
    "officeName",  # the home page's office (UBND tỉnh Đồng Nai – UBND huyện Xuân Lộc)
    "user_label",  # the signed-in person
    "field_filter",  # the catalogue's fields, procedures and administrative units, the office's people
    "procedure_filter",
    "unit_filter",
    "holder_filter",
    "procedure",  # intake: the procedure box and the address unit list (place names)
    "address_unit",
}


VI_NUMBER = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b(?!\.\d)|\d,\d+ %")


def test_english_interface_shows_no_vietnamese(app_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.i18n import install_translators
    from onestop_desktop.ui.main_window import MainWindow

    install_translators("en")
    try:
        window = MainWindow(app_context)
        qtbot.addWidget(window)
        found = []
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            for where, text in _visible_texts(window.tabs.widget(i)):
                # Vietnamese words, or Vietnamese number forms (6.092, 99,12 %) in the English interface
                if not VIETNAMESE.search(text) and not VI_NUMBER.search(text):
                    continue
                found.append((window.tabs.tabText(i), where, text[:80]))
        for where, text in _visible_texts(window.menuBar()):
            if VIETNAMESE.search(text):
                found.append(("menu", where, text[:80]))
        assert found == [], "\n".join(map(str, found[:60]))
    finally:
        install_translators("vi")


def test_vietnamese_interface_shows_no_qt_english(app_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.i18n import install_translators
    from onestop_desktop.ui.main_window import MainWindow

    install_translators("vi")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    found = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        for where, text in _visible_texts(window.tabs.widget(i)):
            if any(word == text.strip() or text.startswith(word + ":") for word in QT_ENGLISH):
                found.append((where, text))
    assert found == []
