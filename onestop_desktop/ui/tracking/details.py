"""The side panel: every field of the selected dossier, its documents, deadline and timeline, and the
buttons of the actions its status allows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from onestop_desktop.clock import now_local
from onestop_desktop.domain.fmt import fmt_datetime, fmt_money
from onestop_desktop.domain.legal import FormKind, apology_asks_extension, form_template
from onestop_desktop.domain.ratings import level_msg
from onestop_desktop.domain.states import Action, DossierStatus, status_msg
from onestop_desktop.services.ratings.outcome import ReturnOutcome
from onestop_desktop.services.tracking.details import DossierDetails
from onestop_desktop.ui.i18n import language, plural, say
from onestop_desktop.ui.rating.settings import CitizenScreenToggle
from onestop_desktop.ui.tracking.result_dialog import form_label


class DetailsPanel(QWidget):
    action_requested = Signal(str)
    undo_requested = Signal()
    slip_requested = Signal()

    def __init__(
        self,
        now: Callable[[], datetime] = now_local,
        parent: QWidget | None = None,
        outcome: Callable[[str], ReturnOutcome | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = lambda: now().date()
        self.outcome_of = outcome  # the result's form and the rating, shown once the result is returned
        self.details: DossierDetails | None = None
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet("background:#fff1c2; color:#7a5200; padding:4px; border-radius:3px")
        self.hint.setVisible(False)
        self.browser = QTextBrowser()
        self.browser.setObjectName("details")
        self.browser.setOpenLinks(False)
        labels = {
            Action.ACCEPT: self.tr("Accept"),
            Action.REFUSE: self.tr("Refuse"),
            Action.TRANSFER: self.tr("Transfer…"),
            Action.REQUEST_SUPPLEMENT: self.tr("Request supplement…"),
            Action.RECEIVE_SUPPLEMENT: self.tr("Supplement received"),
            Action.REQUEST_FINANCIAL: self.tr("Request financial obligation"),
            Action.RECEIVE_FINANCIAL: self.tr("Financial obligation done"),
            Action.RESOLVE: self.tr("Mark resolved…"),
            Action.RETURN_RESULT: self.tr("Return result…"),
            Action.APOLOGY: "",  # worded by the day's form (show_details)
            Action.WITHDRAW: self.tr("Withdraw…"),
            Action.STOP: self.tr("Stop processing…"),
        }
        self.buttons: dict[str, QPushButton] = {}
        self.grid = grid = QGridLayout()
        grid.setSpacing(4)
        for action, text in labels.items():
            b = QPushButton(text)
            b.setObjectName(f"action_{action.value}")
            b.clicked.connect(lambda _c=False, a=action.value: self.action_requested.emit(a))
            self.buttons[action.value] = b
        self.undo_button = QPushButton(self.tr("Undo my last action"))
        self.undo_button.setObjectName("undo")
        self.undo_button.clicked.connect(self.undo_requested.emit)
        self.slip_button = QPushButton()
        self.slip_button.setObjectName("slip")
        self.slip_button.clicked.connect(self.slip_requested.emit)
        # Every button keeps its place whatever the dossier (a click where "Request a supplement" was
        # once opened "Stop processing"): unavailable actions are disabled, and the hint sits below them.
        for i, btn in enumerate([*self.buttons.values(), self.undo_button, self.slip_button]):
            grid.addWidget(btn, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        self.rating_screen = CitizenScreenToggle(self)  # the citizen's rating on a second screen
        layout.addWidget(self.rating_screen)
        layout.addWidget(self.hint)
        layout.addWidget(self.browser, 1)
        self.show_details(None)

    def show_details(self, d: DossierDetails | None) -> None:
        self.details = d
        allowed = set(d.actions) if d else set()
        for a, b in self.buttons.items():
            b.setEnabled(a in allowed)
            b.setToolTip(
                ""
                if a in allowed or d is None
                else self.tr("Not possible for a dossier that is “{status}”.").format(
                    status=say(status_msg(DossierStatus(d.status)))
                )
            )
        self.undo_button.setEnabled(d is not None and d.undo_refusal is None)
        self.undo_button.setToolTip(say(d.undo_refusal) if d else "")
        self.slip_button.setEnabled(d is not None)
        number = form_template(FormKind.CONTROL_SLIP, (d.received_at if d else now_local()).date()).number
        # The apology is an act of today: its button and hint follow today's form (Thông tư 03/2025: a
        # letter of apology asking for an extension; Thông tư 01/2018: an apology with a new date).
        extension = apology_asks_extension(self.today())
        self.buttons[Action.APOLOGY.value].setText(
            self.tr("Apology, ask extension…") if extension else self.tr("Apology, new date…")
        )
        self.slip_button.setText(self.tr("Control slip (form {number})…").format(number=f"{number:02d}"))
        if d is None:
            self.hint.setVisible(False)
            empty = self.tr("Select a dossier to see its details.")
            self.browser.setHtml(f"<p><i>{escape(empty)}</i></p>")
            return
        self.hint.setVisible(d.suggest_apology)
        if extension:
            ask = self.tr(
                "This dossier is due and not resolved: "
                "send an apology letter asking for an extension (form 04)."
            )
        else:
            ask = self.tr(
                "This dossier is due and not resolved: send an apology letter with a new date (form 04)."
            )
        self.hint.setText(ask)
        self.browser.setHtml(self._html(d))

    def _html(self, d: DossierDetails) -> str:
        def row(label: str, value: str) -> str:
            head = f"<td style='color:#555;padding-right:8px'>{escape(label)}</td>"
            return f"<tr>{head}<td>{escape(value)}</td></tr>"

        def when(v: object) -> str:
            return fmt_datetime(v) if v else ""  # type: ignore[arg-type]

        rows = [
            row(self.tr("Code"), d.code),
            row(self.tr("Status"), say(status_msg(DossierStatus(d.status)))),
            row(self.tr("Procedure"), f"{d.procedure_name} ({d.procedure_code})"),
            row(self.tr("Field"), d.field_name),
            row(self.tr("Receiving unit"), d.unit_name),
            row(self.tr("Applicant"), d.applicant_name),
            row(self.tr("ID number"), d.citizen_id),
            row(self.tr("Phone"), d.phone),
            row(self.tr("E-mail"), d.email),
            row(self.tr("Address"), d.address),
            row(self.tr("Submitted by"), d.submitter_name or ""),
            row(self.tr("Channel"), say(d.channel)),
            row(self.tr("Received"), when(d.received_at)),
            row(self.tr("Statutory time"), say(d.statutory_time)),
            row(self.tr("Appointment"), when(d.due_at)),
            row(self.tr("First appointment"), when(d.original_due_at)),
            row(self.tr("Holder"), f"{d.holder_name} – {d.holder_department}".strip(" –")),
            row(self.tr("Paused since"), when(d.paused_at)),
            row(self.tr("Resolved"), when(d.resolved_at)),
            row(self.tr("Returned"), when(d.returned_at)),
            row(self.tr("Closed"), when(d.closed_at)),
            row(self.tr("Reason for delay"), d.late_reason),
            row(self.tr("Apology letters"), str(d.apology_count) if d.apology_count else ""),
            row(self.tr("Fee"), fmt_money(d.fee) if d.fee else ""),
        ]
        html = [f"<h3 style='margin:0'>{escape(d.applicant_name)} · {escape(d.code)}</h3>"]
        html.append(
            "<table cellspacing=0>"
            + "".join(r for r in rows if not r.endswith("<td></td></tr>"))
            + "</table>"
        )
        html.append(self._outcome_html(d))
        titles = [self.tr("Deadline"), self.tr("Documents"), self.tr("History"), self.tr("undone")]
        t_deadline, t_documents, t_history, t_undone = (escape(t) for t in titles)
        html.append(f"<h4>{t_deadline}</h4><p>{escape(say(d.deadline_explanation))}</p>")
        if d.documents:
            items = []
            for doc in d.documents:
                originals, certified, copies = (
                    int(doc.get(k, 0)) for k in ("originals", "certified_copies", "photocopies")
                )
                counts = [
                    (originals, plural(originals, self.tr("original"), self.tr("originals"))),
                    (certified, plural(certified, self.tr("certified copy"), self.tr("certified copies"))),
                    (copies, plural(copies, self.tr("photocopy"), self.tr("photocopies"))),
                ]
                c = ", ".join(f"{n} {label}" for n, label in counts if n)
                items.append(
                    f"<li>{escape(str(doc.get('name', '')))}{' (' + escape(c) + ')' if c else ''}</li>"
                )
            html.append(f"<h4>{t_documents}</h4><ul>{''.join(items)}</ul>")
        html.append(f"<h4>{t_history}</h4><table cellspacing=0 cellpadding=2>")
        for e in d.events:
            status = say(status_msg(DossierStatus(e.to_status)))
            style = " style='color:#999;text-decoration:line-through'" if e.undone_at else ""
            shown = e.note_text.text(language()) if e.note_text is not None else e.note
            note = escape(shown).replace("\n", "<br>")
            undone = f" <i>({t_undone} {fmt_datetime(e.undone_at)})</i>" if e.undone_at else ""
            label = escape(say(e.label))
            html.append(
                f"<tr{style}><td valign=top style='white-space:nowrap'>{fmt_datetime(e.at)}</td>"
                f"<td valign=top><b>{label}</b> → {escape(status)} · {escape(e.user_name)}{undone}"
                f"{'<br>' + note if note else ''}</td></tr>"
            )
        html.append("</table>")
        return "".join(html)

    def _outcome_html(self, d: DossierDetails) -> str:
        """The result's form and the citizen's rating (after the return; nothing before)."""
        if self.outcome_of is None or DossierStatus(d.status) is not DossierStatus.RETURNED:
            return ""
        o = self.outcome_of(d.code)
        if o is None:
            return ""
        form = form_label(o.result_form)
        if o.result_files:
            form += " – " + ", ".join(o.result_files)
        if o.rating is None:
            rated = self.tr("No rating (the citizen did not rate)")
        else:
            r = o.rating
            rated = f"{say(level_msg(r.level))} · {fmt_datetime(r.rated_at)}"
            if r.source == "screen":
                rated += " · " + self.tr("on the citizen's screen")
            if r.officer_name:
                rated += " · " + self.tr("officer rated: {name}").format(name=r.officer_name)
            if r.reason:
                rated += " · " + self.tr("reason: {reason}").format(reason=r.reason)
        title = escape(self.tr("Result and rating"))
        rows = [(self.tr("The result"), form), (self.tr("Citizen's rating"), rated)]
        cells = "".join(
            f"<tr><td style='color:#555;padding-right:8px'>{escape(k)}</td><td>{escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<h4>{title}</h4><table cellspacing=0>{cells}</table>"
