"""The clerk's unfinished forms: kept as JSON a moment after typing stops, listed newest first, resumed."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from onestop_desktop.domain.fmt import fmt_datetime
from onestop_desktop.domain.messages import msg
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.intake import drafts as intake_drafts
from onestop_desktop.services.intake.drafts import DraftInfo
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import say
from onestop_desktop.ui.intake.form import TEXT_FIELDS, IntakeFormWidget

DRAFT_DELAY_MS = 800


class DraftsList(QListWidget):
    resume_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts")
        self.itemActivated.connect(lambda item: self.resume_requested.emit(self._id(item)))

    @staticmethod
    def _id(item: QListWidgetItem) -> int:
        return int(item.data(Qt.ItemDataRole.UserRole))

    def show_drafts(self, drafts: list[DraftInfo], open_id: int | None) -> None:
        self.clear()
        for d in drafts:
            name = d.applicant or say(msg("intake.draft-no-name"))
            title = f"{name} – {d.procedure}" if d.procedure else name
            text = f"{fmt_datetime(d.updated_at)} · {title}"
            if d.id == open_id:
                text += " " + self.tr("(open)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setToolTip(text)
            self.addItem(item)

    def current_id(self) -> int | None:
        item = self.currentItem()
        return self._id(item) if item is not None else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and (draft_id := self.current_id()) is not None:
            self.delete_requested.emit(draft_id)
            return
        super().keyPressEvent(event)


def payload(form: IntakeFormWidget) -> dict[str, Any]:
    """The form as JSON for a draft."""
    f = form.to_form()
    return {
        "procedure_code": f.procedure_code,
        "procedure_label": form.procedure.current.name if form.procedure.current else "",
        **{n: form.edits[n].text() for n in TEXT_FIELDS},
        "address_unit_code": f.address_unit_code,
        "on_behalf": f.on_behalf,
        "channel": f.channel,
        "documents": [d.as_json() for d in f.documents],
        "sets": f.sets,
        "fee": form.fee.value(),
        "birth_date": f.birth_date.isoformat() if f.birth_date else None,
    }


def load_payload(form: IntakeFormWidget, data: dict[str, Any]) -> None:
    """Put a draft's JSON back into the form."""
    form.clear()
    form.procedure.select_code(data.get("procedure_code") or None)
    for n in TEXT_FIELDS:
        form.edits[n].setText(str(data.get(n) or ""))
    form.set_unit(data.get("address_unit_code"))
    form.on_behalf.setChecked(bool(data.get("on_behalf")))
    i = form.channel.findData(data.get("channel", "direct"))
    form.channel.setCurrentIndex(max(i, 0))
    docs = data.get("documents") or []
    if docs:
        form.documents.set_documents(
            [DocumentCount(d["name"], d["originals"], d["certified_copies"], d["photocopies"]) for d in docs]
        )
    form.sets.setValue(int(data.get("sets") or 1))
    form.fee.setValue(int(data.get("fee") or 0))
    bd = data.get("birth_date")
    form.set_birth(date.fromisoformat(bd) if bd else None)
    form.touched = {n for n in TEXT_FIELDS if data.get(n)}
    form.revalidate()


class DraftKeeper(QObject):
    """The open form's draft: saved a moment after the clerk stops typing, dropped once the form is done.

    The owner connects `timer.timeout` to its own slot, which decides whether a draft is wanted (holding
    the owner here would make a reference cycle that keeps a deleted tab's wrapper alive).
    """

    def __init__(
        self, ctx: AppContext, form: IntakeFormWidget, listing: DraftsList, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.form, self.listing = ctx, form, listing
        self.draft_id: int | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        listing.delete_requested.connect(self.delete)

    def save(self) -> None:
        with self.ctx.session() as s:
            self.draft_id = intake_drafts.save_draft(s, self.ctx.actor, payload(self.form), self.draft_id)
        self.refresh()

    def drop(self) -> None:
        """The open draft is no longer needed (the dossier was saved, or the clerk cleared the form)."""
        if self.draft_id is not None:
            with self.ctx.session() as s:
                intake_drafts.delete_draft(s, self.ctx.actor, self.draft_id)
            self.draft_id = None
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.session() as s:
            drafts = intake_drafts.list_drafts(s, self.ctx.actor)
        self.listing.show_drafts(drafts, self.draft_id)

    def load(self, draft_id: int) -> DraftInfo:
        """A draft to resume (raises ServiceError when it is gone or not the clerk's)."""
        with self.ctx.session() as s:
            return intake_drafts.load_draft(s, self.ctx.actor, draft_id)

    def delete(self, draft_id: int) -> None:
        with self.ctx.session() as s:
            intake_drafts.delete_draft(s, self.ctx.actor, draft_id)
        if draft_id == self.draft_id:
            self.draft_id = None
        self.refresh()
