"""Attaching scans to a dossier already received (from the lookup, or when the save could not attach).

The same ways in as the form (drop on a line, Ctrl+O, F4 from the scanner tray, F8 to check pages);
"Attach" writes every scan of the dialog in one transaction (scan_save.attach_to_dossier).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from onestop_desktop.services.attachments.attach import limits, list_attachments
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.intake import receiving
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.common.screen import fit_resize
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.intake.scan_basket import PendingScan, ScanBasket
from onestop_desktop.ui.intake.scan_panel import ScansPanel
from onestop_desktop.ui.intake.scan_save import attach_to_dossier
from onestop_desktop.ui.intake.scanner_folder import ScannerWatcher
from onestop_desktop.ui.intake.widgets import DocumentsTable


class AttachScansDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        dossier_id: int,
        code: str,
        watcher: ScannerWatcher,
        carry: dict[int, PendingScan] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachScansDialog")
        self.ctx, self.code, self.watcher = ctx, code, watcher
        self.setWindowTitle(self.tr("Attach scans to dossier {code}").format(code=code))
        with ctx.session() as s:
            receipt = receiving.receipt_data(s, dossier_id)
            infos = list_attachments(s, code)
            lim = limits(s)
        self.used = sum(i.bytes for i in infos)
        pages = Counter[int]()
        for i in infos:
            if i.role == "document" and i.document:
                pages[i.document] += i.pages
        intro = QLabel(
            self.tr("{applicant} · {procedure}").format(
                applicant=receipt.applicant_name, procedure=receipt.procedure_name
            )
        )
        intro.setWordWrap(True)
        self.table = DocumentsTable(read_only=True)
        self.table.setObjectName("attachLines")
        self.basket = ScanBasket(ctx.tasks, self)
        self.panel = ScansPanel(ctx.tasks, self.table, self.basket, watcher)
        docs = [
            DocumentCount(d.name, d.originals, d.certified_copies, d.photocopies) for d in receipt.documents
        ]
        self.table.set_documents(docs)
        self.panel.attached = dict(pages)
        self.panel.set_limits(lim, self.used)
        if carry:
            self.basket.take_over({k: v for k, v in carry.items() if 1 <= k <= len(docs)})
        self.panel.refresh_marks()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.attach_button = buttons.addButton(
            self.tr("&Attach the scans (Ctrl+S)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.attach_button.setObjectName("attachButton")
        buttons.accepted.connect(self.attach)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.shortcuts = []
        for key, slot in (
            ("Ctrl+S", self.attach),
            ("Ctrl+O", self.panel.pick),
            ("F4", self.panel.take_from_scanner),
            ("F8", self.panel.view_pages),
        ):
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(slot)
            self.shortcuts.append(sc)
        self.infos: list[object] = []
        fit_resize(self, 860, 640)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def attach(self) -> None:
        pending = dict(self.basket.lines)
        if not pending or self.basket.busy:
            self.panel.status.setText(self.tr("Add a scan to a document line first."))
            return
        opener, actor, code, used = self.ctx.session, self.ctx.actor, self.code, self.used

        def done(infos: list[object]) -> None:
            self.infos = infos
            self.watcher.archive(self.basket.sources())
            self.basket.lines = {}
            self.ctx.bus.data_changed.emit("dossiers")
            self.accept()

        self.ctx.tasks.run(
            lambda p: attach_to_dossier(opener, actor, code, pending, used, p),
            done,
            lambda exc: show_error(self, exc, self.tr("Scans not attached")),
            title=self.tr("Attaching the scans…"),
            parent=self,
            cancellable=False,
        )
