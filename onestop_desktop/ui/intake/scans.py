"""The scans at the counter, as the intake tab uses them: the panel under the checklist, the scanner
folder, the keys, and saving the scans with the dossier (scan_save.py says why in one transaction).

Keys (anywhere in the tab): F4 puts the scanner tray's selected file on the current checklist line,
Ctrl+O adds files from a file picker, F8 checks (reorders, drops) the line's pages, Ctrl+Shift+A
attaches scans to the saved dossier, or to a dossier found by the lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from onestop_desktop import prefs
from onestop_desktop.services.attachments.attach import AttachmentInfo, limits
from onestop_desktop.services.errors import ValidationFailed
from onestop_desktop.services.intake import receiving
from onestop_desktop.services.intake.checks import IntakeForm
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import say_failure
from onestop_desktop.ui.intake.form import IntakeFormWidget
from onestop_desktop.ui.intake.scan_basket import ScanBasket
from onestop_desktop.ui.intake.scan_panel import ScansPanel
from onestop_desktop.ui.intake.scan_save import ScansNotAttached, receive_with_scans
from onestop_desktop.ui.intake.scanner_folder import ScannerWatcher


class SavingTab(Protocol):
    """What the scans need of the intake tab (it imports this module, not the other way round)."""

    saved: receiving.Received | None
    banner: QLabel

    def receive_plain(self) -> None: ...
    def received(self, received: receiving.Received) -> None: ...
    def refused(self, exc: ValidationFailed) -> None: ...


class IntakeScans(QObject):
    def __init__(
        self, ctx: AppContext, form: IntakeFormWidget, tab: QWidget, attach_scans: Callable[[], Any]
    ) -> None:
        super().__init__(tab)
        self.ctx, self.form = ctx, form  # the tab is our parent: no reference back to it (a cycle)
        self.saving = False
        self.basket = ScanBasket(ctx.tasks, self)
        self.watcher = ScannerWatcher(ctx.tasks, self)
        self.panel = ScansPanel(ctx.tasks, form.documents, self.basket, self.watcher)
        form.docs_layout.insertRow(2, self.panel)  # under the checklist and the catalogue version it follows
        chain = [form.documents, *self.panel.focus_chain(), form.sets]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.refresh_limits()
        self.watcher.set_folder(prefs.load().scanner_folder or None)
        self.shortcuts: list[QShortcut] = []
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        pairs: list[tuple[str, Callable[[], Any]]] = [
            ("F4", self.panel.take_from_scanner),
            ("Ctrl+O", self.panel.pick),
            ("F8", self.panel.view_pages),
            ("Ctrl+Shift+A", attach_scans),
        ]
        for key, slot in pairs:
            sc = QShortcut(QKeySequence(key), tab, context=context)
            sc.activated.connect(slot)
            self.shortcuts.append(sc)

    @property
    def tab(self) -> QWidget:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    def refresh_limits(self) -> None:
        with self.ctx.session() as s:
            self.panel.set_limits(limits(s))

    def pending(self) -> bool:
        return bool(self.basket) or self.basket.busy

    def clear(self) -> None:
        """A new dossier: the scans of the last one are gone from the form (their files are attached)."""
        self.watcher.give_back(self.basket.clear())
        self.panel.attached = {}
        self.panel.refresh_marks()
        self.panel.refresh()
        self.saving = False

    # --- saving with the dossier -------------------------------------------------------------------

    def receive(self, form: IntakeForm, tab: SavingTab) -> None:
        """Receive the dossier and attach its scans in one transaction, off the GUI thread."""
        if self.saving:
            return
        if self.basket.busy:
            self.panel.status.setText(
                QCoreApplication.translate("IntakeScans", "Wait until the scan is ready, then save again.")
            )
            return
        self.refresh_limits()
        self.saving = True
        self.form.setEnabled(False)  # what is being saved cannot change under the worker
        pending = dict(self.basket.lines)
        opener, actor = self.ctx.session, self.ctx.actor

        def done(result: tuple[receiving.Received, list[AttachmentInfo]]) -> None:
            self.saving = False
            received, infos = result
            self._attached(infos)
            self.watcher.archive(self.basket.sources())
            self.basket.lines = {}
            self.panel.refresh_marks()
            tab.received(received)
            lines = len({i.document for i in infos})
            pages = self.panel.pages_text(sum(i.pages for i in infos))
            note = QCoreApplication.translate(
                "IntakeScans", "Scans attached: {lines} of {n} documents ({pages})."
            )
            tab.banner.setText(
                tab.banner.text() + "\n" + note.format(lines=lines, n=len(form.documents), pages=pages)
            )

        def failed(exc: Exception) -> None:
            self.saving = False
            self.form.setEnabled(True)
            if isinstance(exc, ValidationFailed):
                tab.refused(exc)
            elif isinstance(exc, ScansNotAttached):
                self._offer_without_scans(exc, tab)
            else:
                show_error(self.tab, exc, QCoreApplication.translate("IntakeScans", "Not saved"))

        self.ctx.tasks.run(
            lambda p: receive_with_scans(opener, actor, form, pending, p),
            done,
            failed,
            title=QCoreApplication.translate("IntakeScans", "Saving the dossier and its scans…"),
            parent=self.tab,
            cancellable=False,
        )

    def _attached(self, infos: list[AttachmentInfo]) -> None:
        for info in infos:
            if info.document:
                self.panel.attached[info.document] = self.panel.attached.get(info.document, 0) + info.pages

    def _offer_without_scans(self, exc: ScansNotAttached, tab: SavingTab) -> None:
        text = QCoreApplication.translate(
            "IntakeScans",
            "The scans could not be attached, so nothing was saved:\n{why}\n\nReceive the dossier now "
            "without its scans? They stay here: Ctrl+Shift+A attaches them right after.",
        ).format(why=say_failure(exc.cause))
        answer = QMessageBox.question(
            self.tab,
            QCoreApplication.translate("IntakeScans", "Scans not attached"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        tab.receive_plain()
        if tab.saved is not None:
            tab.banner.setText(
                tab.banner.text()
                + "\n"
                + QCoreApplication.translate(
                    "IntakeScans", "The scans are not attached yet: Ctrl+Shift+A attaches them."
                )
            )

    # --- later, onto a dossier already received ----------------------------------------------------

    def attach_later(self, dossier_id: int, code: str, carry: bool = False) -> bool:
        """The attach dialog for a dossier; `carry` brings the form's scans that were not attached."""
        from onestop_desktop.ui.intake.attach_dialog import AttachScansDialog

        lines = dict(self.basket.lines) if carry else None
        dialog = AttachScansDialog(self.ctx, dossier_id, code, self.watcher, lines, self.tab)
        if not dialog.exec():
            return False
        if carry:
            self.basket.lines = {}
            self._attached([i for i in dialog.infos if isinstance(i, AttachmentInfo)])
            self.panel.refresh_marks()
            self.panel.refresh()
        return True
