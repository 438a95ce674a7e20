"""The Reports tab (Báo cáo): the briefing of a period on screen, built off the GUI thread.

Figures, tables (copyable) and charts (matplotlib, hover for values) on the pages of `pages.py`; exports to
PDF, Excel and JSON; leaders enter the monthly reform indicators here.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.clock import today_local
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.domain.messages import Msg
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.reports.report_data import ReportData, build_report
from onestop_desktop.services.reports.summary import period_text, summary_messages
from onestop_desktop.services.roles import Role
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import language, say
from onestop_desktop.ui.reports.pages import ReportPages
from onestop_desktop.ui.reports.period_picker import PeriodPicker
from onestop_desktop.ui.tasks import Progress


class _Relay(QObject):
    """Carries progress from the worker thread to the tab (queued across threads): a percent and the step,
    a message id (worded on the GUI thread) or a sentence already worded."""

    progress = Signal(int, object)


class ReportsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: ReportData | None = None
        self._progress: Progress | None = None
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        today = today_local()
        self.picker = PeriodPicker(today)  # the demo too opens on today: October 2018 is one choice away
        self.build_button = QPushButton(self.tr("Build report"))
        self.build_button.setDefault(True)  # drawn as the default; Enter itself: keyPressEvent below
        self.build_button.clicked.connect(self.build)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.hide()
        self.step_label = QLabel()
        self.pdf_button = QPushButton(self.tr("Briefing PDF…"))
        self.preview_button = QPushButton(self.tr("Preview and print…"))
        self.xlsx_button = QPushButton(self.tr("Excel…"))
        self.json_button = QPushButton(self.tr("JSON…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.preview_button.clicked.connect(self.preview)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.json_button.clicked.connect(lambda: self.export("json"))
        self.indicators_button = QPushButton(self.tr("Enter indicators…"))
        self.indicators_button.setVisible(ctx.is_role(Role.LEADER))
        self.indicators_button.clicked.connect(self.enter_indicators)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.picker)
        top.addWidget(self.build_button)
        top.addStretch(1)
        for b in (
            self.preview_button,
            self.pdf_button,
            self.xlsx_button,
            self.json_button,
            self.indicators_button,
        ):
            top.addWidget(b)
        self.summary = QLabel(self.tr("Choose a period and press “Build report”."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pages = ReportPages()
        # The progress has a row of its own: in the toolbar its label and bar made the window wider than
        # a 1366-px screen while a report was being built (and the window never shrank back).
        progress = QHBoxLayout()
        progress.addWidget(self.cancel_button)
        progress.addWidget(self.bar, 1)
        progress.addWidget(self.step_label, 2)
        self.step_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        self._set_exports_enabled(False)
        ctx.bus.data_changed.connect(self._data_changed)

    def tab_title(self) -> str:
        return self.tr("Reports")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Enter in the period fields builds the report, as the default button promises (a default button
        acts only inside a dialog: in a tab, Enter used to do nothing)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.picker.isAncestorOf(
            self.focusWidget()
        ):
            if self.build_button.isEnabled():
                self.build()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- building ------------------------------------------------------------------------------
    def build(self) -> None:
        try:
            period = self.picker.period()
        except ValueError as exc:
            show_error(self, ServiceError(str(exc)))
            return
        self._generation += 1
        generation, opener, relay = self._generation, self.ctx.session, self._relay
        lang = language()  # read on the GUI thread

        def work(progress: Progress) -> tuple[int, ReportData, dict[str, Any]]:
            def step(p: int, what: Msg | str) -> None:
                text = what.text(lang) if isinstance(what, Msg) else what
                progress.report(p, text)  # raises Cancelled after the user pressed Cancel
                relay.progress.emit(p, what)

            with opener() as s:
                data = build_report(s, period, step)
            step(96, self.tr("Drawing the charts…"))
            from onestop_desktop.reports.charts import report_figures

            return generation, data, report_figures(data, lang)

        self._busy(True)
        self._progress = self.ctx.tasks.run(
            work, self._built, self._failed, title=self.tr("Building the report…")
        )

    def cancel(self) -> None:
        if self._progress is not None:
            self._progress.cancel()
        self._generation += 1  # a result that still arrives is ignored
        self._busy(False)
        self.step_label.setText(self.tr("Cancelled."))

    def _busy(self, busy: bool) -> None:
        self.bar.setVisible(busy)
        self.bar.setValue(0)
        self.cancel_button.setVisible(busy)
        self.build_button.setEnabled(not busy)
        self.step_label.setText("")

    def _on_progress(self, percent: int, what: Msg | str) -> None:
        self.bar.setValue(percent)
        self.step_label.setText(say(what) if isinstance(what, Msg) else what)

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        show_error(self, exc)

    def _built(self, result: tuple[int, ReportData, dict[str, Any]]) -> None:
        generation, data, figs = result
        if generation != self._generation:
            return
        self._busy(False)
        self.show_report(data, figs)

    def show_report(self, data: ReportData, figs: dict[str, Any]) -> None:
        self.data = data
        formula = self.tr("Formula")
        name = say(period_text(data.period))
        sentences = [say(m) for part in summary_messages(data).values() for m in part]
        self.summary.setText(
            f"<b>{name[:1].upper() + name[1:]}</b> "
            f"({fmt_date(data.period.start)} – {fmt_date(data.period.end)}): "
            + " ".join(sentences[:3])
            + f"<br><i>{formula}:</i> {say(data.stats.formula)}"
        )
        self.pages.show_report(data, figs)
        self._set_exports_enabled(True)

    def _set_exports_enabled(self, on: bool) -> None:
        for b in (self.pdf_button, self.preview_button, self.xlsx_button, self.json_button):
            b.setEnabled(on)

    def _data_changed(self, kind: str) -> None:
        if kind in ("dossiers", "bhyt", "indicators") and self.data is not None:
            self.step_label.setText(self.tr("Data changed: build again to refresh."))

    # --- exports -------------------------------------------------------------------------------
    def ask_save_path(self, caption: str, name: str, filt: str) -> Path | None:
        path, _f = QFileDialog.getSaveFileName(self, caption, name, filt)
        return Path(path) if path else None

    def export(self, kind: str, path: Path | None = None) -> None:
        data = self.data
        if data is None:
            return
        name = f"bao-cao-{data.period.code.replace('..', '_')}.{kind}"
        filters = {
            "pdf": self.tr("PDF files (*.pdf)"),
            "xlsx": self.tr("Excel files (*.xlsx)"),
            "json": self.tr("JSON files (*.json)"),
        }
        path = path or self.ask_save_path(self.tr("Save the report"), name, filters[kind])
        if path is None:
            return
        target, lang = path, language()

        def work(progress: Progress) -> Path:
            if kind == "pdf":
                from onestop_desktop.reports.briefing import render_briefing

                render_briefing(data, target, progress=lambda p, m: progress.report(p, m.text(lang)))
            elif kind == "xlsx":
                from onestop_desktop.reports.export_xlsx import write_xlsx

                write_xlsx(data, target)
            else:
                target.write_text(json.dumps(data.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
            return target

        self.ctx.tasks.run(
            work,
            lambda p: self.step_label.setText(self.tr("Saved: {path}").format(path=p)),
            lambda exc: show_error(self, exc),
            title=self.tr("Writing the file…"),
            parent=self,
        )

    def preview(self) -> None:
        data = self.data
        if data is None:
            return
        target = (
            Path(tempfile.mkdtemp(prefix="onestop-report-"))
            / f"bao-cao-{data.period.code.replace('..', '_')}.pdf"
        )
        lang = language()

        def work(progress: Progress) -> Path:
            from onestop_desktop.reports.briefing import render_briefing

            render_briefing(data, target, progress=lambda p, m: progress.report(p, m.text(lang)))
            return target

        def done(p: Path) -> None:
            from onestop_desktop.ui.common.printing import show_pdf

            show_pdf(self, p, self.tr("Briefing"))

        self.ctx.tasks.run(
            work, done, lambda exc: show_error(self, exc), title=self.tr("Writing the PDF…"), parent=self
        )

    def enter_indicators(self) -> None:
        from onestop_desktop.ui.reports.indicators_dialog import IndicatorsDialog

        month = self.data.period.end if self.data is not None else today_local()
        dialog = IndicatorsDialog(self.ctx, month, self)
        if dialog.exec():
            self.ctx.bus.data_changed.emit("indicators")
