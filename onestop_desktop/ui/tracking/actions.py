"""What each action button does: ask what the action needs, confirm, call the service, print the form.

`prompt`, `open_pdf` and `confirm` are module-level so tests can replace the modal dialogs. The tab hands
itself in as a `TrackingHost`; this module never imports the tab.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from onestop_desktop.clock import now_local
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.legal import FormKind, NoTemplate, apology_asks_extension, form_template
from onestop_desktop.domain.states import Action
from onestop_desktop.paths import forms_dir
from onestop_desktop.services.form_data import StopNoticeData
from onestop_desktop.services.printing import stop_notice
from onestop_desktop.services.tracking import actions, query
from onestop_desktop.services.tracking import forms as tracking_forms
from onestop_desktop.services.tracking.details import DossierDetails
from onestop_desktop.ui.common import messages
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import plural
from onestop_desktop.ui.tracking import result_return
from onestop_desktop.ui.tracking.dialogs import ApologyDialog, NoteDialog, SupplementDialog, TransferDialog
from onestop_desktop.ui.tracking.result_dialog import ReturnDialog

# Actions that end the dossier's life at the office: asked twice.
IRREVERSIBLE = {Action.RETURN_RESULT, Action.WITHDRAW, Action.STOP, Action.REFUSE}
APOLOGY_EXTRA_DAYS = 5


def open_pdf(parent: QWidget, path: Path, title: str) -> None:
    from onestop_desktop.ui.common.printing import show_pdf

    show_pdf(parent, path, title)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    return messages.confirm(parent, title, text)


class TrackingHost(Protocol):
    """What the actions need of the tracking tab, which passes itself (and is the parent of their dialogs)."""

    ctx: AppContext
    calendar: WorkingCalendar
    now: Callable[[], datetime]
    count_label: QLabel

    def ask_save_path(self, title: str, name: str, pattern: str) -> Path | None: ...

    def after_change(self, dossier_id: int) -> None: ...


def log_book_number(day: date | None = None) -> str:
    """The log book's form number in the template of `day` (06 under Thông tư 01/2018, 07 under 03/2025)."""
    return f"{form_template(FormKind.LOG_BOOK, day or now_local().date()).number:02d}"


def log_book_title() -> str:
    return QCoreApplication.translate("TrackingActions", "Log book (form {number})").format(
        number=log_book_number()
    )


# Marked for the translation tools (they read literals only); translated where used.
_CAPTIONS = {
    FormKind.SUPPLEMENT: QT_TRANSLATE_NOOP("TrackingActions", "Supplement request (form {number})"),
    FormKind.CONTROL_SLIP: QT_TRANSLATE_NOOP("TrackingActions", "Control slip (form {number})"),
    FormKind.STOP_NOTICE: QT_TRANSLATE_NOOP("TrackingActions", "Stop notice (form {number})"),
}
_APOLOGY_2025 = QT_TRANSLATE_NOOP("TrackingActions", "Apology and request for an extension (form {number})")
_APOLOGY_2018 = QT_TRANSLATE_NOOP("TrackingActions", "Apology and new appointment (form {number})")
_APOLOGY_TITLE_2025 = QT_TRANSLATE_NOOP("TrackingActions", "Apology and extension request for dossier {code}")
_APOLOGY_TITLE_2018 = QT_TRANSLATE_NOOP("TrackingActions", "Apology and new date for dossier {code}")


def form_pdf(kind: FormKind, day: date, code: str) -> tuple[Path, str]:
    """The file and the window title of a form printed for an act of `day`: the number and the title of
    the template in force that day (the control slip was 05 in 2018 and is 06 since 15/9/2025; the
    apology became a request for an extension)."""
    tpl = form_template(kind, day)
    number = f"{tpl.number:02d}"
    if kind is FormKind.APOLOGY:
        caption = _APOLOGY_2025 if apology_asks_extension(day) else _APOLOGY_2018
    else:
        caption = _CAPTIONS[kind]
    title = QCoreApplication.translate("TrackingActions", caption).format(number=number)
    return forms_dir() / f"mau{number}-{code}.pdf", title


def action_title(action: Action, code: str, day: date) -> str:
    """What a dialog or a confirmation is about: the action and the dossier (never just "Note"); `day` is
    the day of the act (the apology's wording changed with Thông tư 03/2025)."""
    titles = {
        Action.TRANSFER: QCoreApplication.translate("TrackingActions", "Transfer dossier {code}"),
        Action.REQUEST_SUPPLEMENT: QCoreApplication.translate(
            "TrackingActions", "Request a supplement for dossier {code}"
        ),
        Action.RECEIVE_SUPPLEMENT: QCoreApplication.translate(
            "TrackingActions", "Receive the supplement of dossier {code}"
        ),
        Action.REQUEST_FINANCIAL: QCoreApplication.translate(
            "TrackingActions", "Ask for the financial obligations of dossier {code}"
        ),
        Action.RECEIVE_FINANCIAL: QCoreApplication.translate(
            "TrackingActions", "Financial obligations of dossier {code} fulfilled"
        ),
        Action.RESOLVE: QCoreApplication.translate("TrackingActions", "Mark dossier {code} resolved"),
        Action.RETURN_RESULT: QCoreApplication.translate(
            "TrackingActions", "Return the result of dossier {code}"
        ),
        Action.WITHDRAW: QCoreApplication.translate("TrackingActions", "Withdraw dossier {code}"),
        Action.STOP: QCoreApplication.translate("TrackingActions", "Stop processing dossier {code}"),
        Action.REFUSE: QCoreApplication.translate("TrackingActions", "Refuse dossier {code}"),
        Action.APOLOGY: QCoreApplication.translate(
            "TrackingActions", _APOLOGY_TITLE_2025 if apology_asks_extension(day) else _APOLOGY_TITLE_2018
        ),
        Action.ACCEPT: QCoreApplication.translate("TrackingActions", "Accept dossier {code}"),
    }
    return titles[action].format(code=code)


def prompt(tab: TrackingHost, action: Action, d: DossierDetails) -> dict[str, Any] | None:
    """Open the dialog an action needs; None when the user cancels."""
    dialog: TransferDialog | NoteDialog | ApologyDialog | SupplementDialog | ReturnDialog
    if action is Action.RETURN_RESULT:
        dialog = ReturnDialog(action_title(action, d.code, tab.now().date()), tab)
    elif action is Action.TRANSFER:
        with tab.ctx.session() as s:
            people = query.holders(s)
        dialog = TransferDialog(people, None, tab)
        dialog.setWindowTitle(action_title(action, d.code, tab.now().date()))
    elif action is Action.REQUEST_SUPPLEMENT:
        papers = [str(doc.get("name", "")) for doc in d.documents if doc.get("name")]
        dialog = SupplementDialog(action_title(action, d.code, tab.now().date()), papers, tab)
    elif action is Action.APOLOGY:
        proposed = datetime.combine(
            tab.calendar.add_working_days(max(d.due_at.date(), tab.now().date()), APOLOGY_EXTRA_DAYS),
            d.due_at.time(),
        )
        dialog = ApologyDialog(d.due_at, proposed, apology_asks_extension(tab.now().date()), tab)
        dialog.setWindowTitle(action_title(action, d.code, tab.now().date()))
    elif action is Action.STOP:
        number = stop_notice_number(tab.now().date())
        label = (
            QCoreApplication.translate(
                "TrackingActions", "Reason for stopping (printed on the notice, form {number})"
            ).format(number=number)
            if number
            else QCoreApplication.translate("TrackingActions", "Reason")
        )
        dialog = NoteDialog(action_title(action, d.code, tab.now().date()), label, True, tab)
    elif action in (Action.WITHDRAW, Action.REFUSE):
        dialog = NoteDialog(
            action_title(action, d.code, tab.now().date()),
            QCoreApplication.translate("TrackingActions", "Reason or the citizen's request"),
            action is Action.REFUSE,
            tab,
        )
    else:
        dialog = NoteDialog(
            action_title(action, d.code, tab.now().date()),
            QCoreApplication.translate("TrackingActions", "Note (optional)"),
            False,
            tab,
        )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.values()


def perform(tab: TrackingHost, action_name: str, d: DossierDetails) -> bool:
    """Run one action on dossier `d`; True when something was written."""
    action = Action(action_name)
    values = prompt(tab, action, d)
    if values is None:
        return False
    if action in IRREVERSIBLE and not confirm(
        tab,
        action_title(action, d.code, tab.now().date()),
        QCoreApplication.translate(
            "TrackingActions", "This ends the dossier {code} at the office. Continue?"
        ).format(code=d.code),
    ):
        return False
    if action is Action.RETURN_RESULT:  # the result's form, its file, then the citizen's rating
        return result_return.return_result(tab, d, values)
    actor, cal, now = tab.ctx.actor, tab.calendar, tab.now()
    note = str(values.get("note", ""))
    pdf: tuple[Path, str] | None = None
    notice: StopNoticeData | None = None
    with tab.ctx.session() as s:
        if action is Action.TRANSFER:
            actions.transfer(s, actor, d.id, int(values["to_user_id"]), note, at=now)
        elif action is Action.REQUEST_SUPPLEMENT:
            actions.request_supplement(s, actor, d.id, note, at=now)
            data = tracking_forms.supplement_data(s, d.id, note, actor.full_name, now)
            pdf = form_pdf(FormKind.SUPPLEMENT, data.act_day, d.code)
            from onestop_desktop.reports.forms import render_supplement

            render_supplement(data, pdf[0])
        elif action is Action.RECEIVE_SUPPLEMENT:
            actions.receive_supplement(s, actor, d.id, cal, note, at=now)
        elif action is Action.RESOLVE:
            actions.resolve(s, actor, d.id, note, at=now)
        elif action is Action.APOLOGY:
            new_due, reason = values["new_due"], str(values["reason"])
            actions.apology(s, actor, d.id, new_due, reason, at=now)
            apology = tracking_forms.apology_data(s, d.id, d.due_at, new_due, reason, now)
            pdf = form_pdf(FormKind.APOLOGY, apology.act_day, d.code)
            from onestop_desktop.reports.forms import render_apology

            render_apology(apology, pdf[0])
        elif action is Action.WITHDRAW:
            actions.withdraw(s, actor, d.id, note, at=now)
        elif action is Action.STOP:
            actions.stop(s, actor, d.id, note, at=now)
            notice = _stop_notice(s, d, note, actor.full_name, now)
        else:
            actions.simple(s, actor, d.id, action, note, at=now)
    if notice is not None:  # written once the stop is committed: a PDF that fails never undoes it
        pdf = _print_stop_notice(notice, d.code)
    if pdf is not None:
        open_pdf(tab, pdf[0], pdf[1])
    return True


def stop_notice_number(day: date) -> str:
    """The stop notice's form number on `day` ("05" from 15/9/2025); "" before, when none existed."""
    try:
        return f"{form_template(FormKind.STOP_NOTICE, day).number:02d}"
    except NoTemplate:
        return ""


def _stop_notice(
    s: Any, d: DossierDetails, reason: str, officer: str, now: datetime
) -> StopNoticeData | None:
    """The stop notice of a stop made at `now`; None when no template existed that day."""
    if not stop_notice_number(now.date()):
        return None
    return stop_notice.stop_notice_data(s, d.id, reason, officer, now)


def _print_stop_notice(data: StopNoticeData, code: str) -> tuple[Path, str]:
    from onestop_desktop.reports.forms import render_stop_notice

    path, title = form_pdf(FormKind.STOP_NOTICE, data.act_day, code)
    render_stop_notice(data, path)
    return path, title


def print_control_slip(tab: TrackingHost, dossier_id: int, code: str) -> None:
    from onestop_desktop.reports.forms import render_control_slip

    with tab.ctx.session() as s:
        data = tracking_forms.control_slip_data(s, dossier_id)
    path, title = form_pdf(FormKind.CONTROL_SLIP, data.act_day, code)
    render_control_slip(data, path)
    open_pdf(tab, path, title)


class LogBookDialog(QDialog):
    """The period and the format of the log book."""

    def __init__(self, start: QDate, end: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(log_book_title())
        form = QFormLayout(self)
        self.start, self.end = QDateEdit(start), QDateEdit(end)
        for e in (self.start, self.end):
            e.setDisplayFormat("dd/MM/yyyy")
            e.setCalendarPopup(True)
        self.kind = QComboBox()
        self.kind.addItem(QCoreApplication.translate("TrackingActions", "PDF (print)"), "pdf")
        self.kind.addItem(QCoreApplication.translate("TrackingActions", "Excel (.xlsx)"), "xlsx")
        form.addRow(QCoreApplication.translate("TrackingActions", "From"), self.start)
        form.addRow(QCoreApplication.translate("TrackingActions", "To"), self.end)
        form.addRow(QCoreApplication.translate("TrackingActions", "Format"), self.kind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        s, e = self.start.date(), self.end.date()
        return {"start": s.toPython(), "end": e.toPython(), "kind": self.kind.currentData()}


def ask_log_book(tab: TrackingHost) -> dict[str, Any] | None:
    today = tab.now().date()
    dialog = LogBookDialog(QDate(today.year, today.month, 1), QDate(today.year, today.month, today.day), tab)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def log_book(tab: TrackingHost) -> None:
    from onestop_desktop.ui.tracking.export import export_log_book_pdf, export_log_book_xlsx

    values = ask_log_book(tab)
    if values is None:
        return
    start, end, kind = values["start"], values["end"], values["kind"]
    if end < start:
        messages.show_error(
            tab,
            tracking_error(
                QCoreApplication.translate("TrackingActions", "The end of the period is before its start.")
            ),
        )
        return
    opener = tab.ctx.session
    name = f"so-theo-doi-{start:%Y%m%d}-{end:%Y%m%d}"
    if kind == "pdf":
        path = forms_dir() / f"{name}.pdf"
        tab.ctx.tasks.run(
            lambda _p: export_log_book_pdf(opener, start, end, path),
            lambda _n: open_pdf(tab, path, log_book_title()),
            lambda exc: messages.show_error(tab, exc),
            title=QCoreApplication.translate("TrackingActions", "Preparing the log book…"),
            parent=tab,
        )
        return
    target = tab.ask_save_path(
        log_book_title(),
        name + ".xlsx",
        QCoreApplication.translate("TrackingActions", "Excel files (*.xlsx)"),
    )
    if target is None:
        return
    tab.ctx.tasks.run(
        lambda p: export_log_book_xlsx(opener, start, end, target, p.report),
        lambda n: tab.count_label.setText(
            plural(
                n,
                QCoreApplication.translate("TrackingActions", "Log book: {n} dossier written to {path}"),
                QCoreApplication.translate("TrackingActions", "Log book: {n} dossiers written to {path}"),
            ).format(n=n, path=target)
        ),
        lambda exc: messages.show_error(tab, exc),
        title=QCoreApplication.translate("TrackingActions", "Preparing the log book…"),
        parent=tab,
    )


def tracking_error(text: str) -> Exception:
    from onestop_desktop.services.errors import ServiceError

    return ServiceError(text)
