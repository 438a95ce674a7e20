"""The Reports tab (Báo cáo): the briefing of a period on screen, built off the GUI thread.

Figures, tables (copyable) and charts (matplotlib, hover for values); exports to PDF, Excel and JSON;
leaders enter the monthly reform indicators here.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.clock import today_local
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.fmt import fmt_date, fmt_int, fmt_num, fmt_pct
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.reports.counts import Counts, Row
from onestop_desktop.services.reports.report_data import ReportData, build_report, summary_sentences
from onestop_desktop.services.roles import Role
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.reports.period_picker import PeriodPicker
from onestop_desktop.ui.reports.widgets import ChartView, Column, CopyableTable, RowsModel
from onestop_desktop.ui.tasks import Progress


class _Relay(QObject):
    """Carries progress from the worker thread to the tab (queued across threads)."""

    progress = Signal(int, str)


def _rate(x: float | None) -> str:
    return fmt_pct(x) if x is not None else "—"


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
        self.picker = PeriodPicker(today)
        if ctx.demo:
            self.picker.set_period("month", 2018, 10)
        self.build_button = QPushButton(self.tr("Build report"))
        self.build_button.setDefault(True)
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
        top.addWidget(self.cancel_button)
        top.addWidget(self.bar)
        top.addWidget(self.step_label)
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
        self.pages = QTabWidget()
        self._make_pages()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        self._set_exports_enabled(False)
        ctx.bus.data_changed.connect(self._data_changed)

    def tab_title(self) -> str:
        return self.tr("Reports")

    # --- pages -------------------------------------------------------------------------------
    def _count_columns(self, name: str, key: Callable[[Row], str] | None = None) -> list[Column]:
        def c(f: Callable[[Counts], int]) -> tuple[Callable[[Row], str], Callable[[Row], int]]:
            return (lambda r: fmt_int(f(r.counts))), (lambda r: f(r.counts))

        cols = [Column(name, lambda r: r.label, lambda r: r.label, numeric=False)]
        if key is not None:
            cols.insert(0, Column(self.tr("Code"), key, key, numeric=False))
        for header, f in (
            (self.tr("To handle"), lambda k: k.received),
            (self.tr("Carried over"), lambda k: k.carried_over),
            (self.tr("New online"), lambda k: k.received_online),
            (self.tr("New in person/post"), lambda k: k.received_direct),
            (self.tr("Resolved"), lambda k: k.resolved),
            (self.tr("Early"), lambda k: k.resolved_early),
            (self.tr("On time"), lambda k: k.resolved_on_time),
            (self.tr("Late"), lambda k: k.resolved_late),
            (self.tr("In progress"), lambda k: k.in_progress),
            (self.tr("Within deadline"), lambda k: k.in_progress_within),
            (self.tr("Overdue"), lambda k: k.in_progress_overdue),
        ):
            text, sort = c(f)
            cols.append(Column(header, text, sort))
        cols.append(
            Column(
                self.tr("On-time rate"),
                lambda r: _rate(r.counts.on_time_rate),
                lambda r: r.counts.on_time_rate or -1.0,
            )
        )
        cols.append(
            Column(
                self.tr("On time or within"),
                lambda r: _rate(r.counts.on_time_or_within_rate),
                lambda r: r.counts.on_time_or_within_rate or -1.0,
            )
        )
        return cols

    def _page(self, title: str, table: CopyableTable | None, *charts: ChartView) -> None:
        split = QSplitter(Qt.Orientation.Horizontal)
        if table is not None:
            split.addWidget(table)
        if charts:
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            for ch in charts:
                v.addWidget(ch, 1)
            split.addWidget(box)
        self.pages.addTab(split, title)

    def _make_pages(self) -> None:
        def table(cols: list[Column]) -> CopyableTable:
            return CopyableTable(RowsModel(cols, self))

        self.compare_table = table(
            [Column(self.tr("Figure"), lambda r: r[0], numeric=False)]
            + [
                Column(h, itemgetter(i))
                for i, h in enumerate(
                    [self.tr("This period"), self.tr("Previous period"), self.tr("Same period last year")], 1
                )
            ]
        )
        self.charts: dict[str, ChartView] = {
            k: ChartView() for k in ("monthly", "on_time", "late", "bhyt_units", "bhyt_trend")
        }
        self.tables: dict[str, CopyableTable] = {
            "compare": self.compare_table,
            "field": table(self._count_columns(self.tr("Field"), lambda r: r.key)),
            "procedure": table(self._count_columns(self.tr("Procedure"), lambda r: r.key)),
            "unit": table(self._count_columns(self.tr("Unit"))),
            "officer": table(self._count_columns(self.tr("Receiving officer"))),
            "late": table(
                [
                    Column(self.tr("Dossier code"), lambda x: x.code, numeric=False),
                    Column(self.tr("Field"), lambda x: x.field, numeric=False),
                    Column(self.tr("Unit"), lambda x: x.unit, numeric=False),
                    Column(self.tr("Appointment"), lambda x: fmt_date(x.due_at.date()), lambda x: x.due_at),
                    Column(
                        self.tr("Result"),
                        lambda x: fmt_date(x.resolved_at.date()) if x.resolved_at else self.tr("still open"),
                        lambda x: x.resolved_at.isoformat() if x.resolved_at else "~",
                    ),
                    Column(self.tr("Days late"), lambda x: fmt_int(x.days_late), lambda x: x.days_late),
                    Column(self.tr("Reason"), lambda x: x.reason, numeric=False),
                    Column(self.tr("Procedure"), lambda x: x.procedure, numeric=False),
                ]
            ),
            "bhyt": table(
                [
                    Column(self.tr("Rank"), lambda u: str(u.rank), lambda u: u.rank),
                    Column(self.tr("Unit"), lambda u: u.name, numeric=False),
                    Column(self.tr("Population"), lambda u: fmt_int(u.population), lambda u: u.population),
                    Column(self.tr("Insured"), lambda u: fmt_int(u.insured), lambda u: u.insured),
                    Column(self.tr("Coverage"), lambda u: fmt_pct(u.coverage), lambda u: u.coverage),
                    Column(self.tr("Target"), lambda u: _rate(u.target), lambda u: u.target or 0.0),
                    Column(
                        self.tr("Change (points)"),
                        lambda u: "" if u.change_points is None else fmt_num(u.change_points, 2),
                        lambda u: u.change_points or 0.0,
                    ),
                ]
            ),
            "indicators": table(
                [
                    Column(self.tr("Indicator"), lambda v: v.name, numeric=False),
                    Column(self.tr("Value"), lambda v: fmt_int(int(v.value)), lambda v: v.value),
                    Column(
                        self.tr("Total"),
                        lambda v: fmt_int(int(v.total)) if v.total else "",
                        lambda v: v.total or 0,
                    ),
                    Column(self.tr("Rate"), lambda v: _rate(v.rate), lambda v: v.rate or 0.0),
                ]
            ),
        }
        t, c = self.tables, self.charts
        overview = QWidget()
        box = QVBoxLayout(overview)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(t["compare"], 1)
        self.assessment = QLabel()
        self.assessment.setWordWrap(True)
        self.assessment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.assessment)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(overview)
        split.addWidget(c["monthly"])
        self.pages.addTab(split, self.tr("Overview"))
        self._page(self.tr("By field"), t["field"], c["on_time"], c["late"])
        self._page(self.tr("By procedure"), t["procedure"])
        self._page(self.tr("By unit"), t["unit"])
        self._page(self.tr("By receiving officer"), t["officer"])
        self._page(self.tr("Late dossiers"), t["late"])
        self._page(self.tr("BHYT"), t["bhyt"], c["bhyt_units"], c["bhyt_trend"])
        self._page(self.tr("Reform indicators"), t["indicators"])

    # --- building ------------------------------------------------------------------------------
    def build(self) -> None:
        try:
            period = self.picker.period()
        except ValueError as exc:
            show_error(self, ServiceError(str(exc)))
            return
        self._generation += 1
        generation, factory, relay = self._generation, self.ctx.db.factory, self._relay

        def work(progress: Progress) -> tuple[int, ReportData, dict[str, Any]]:
            def step(p: int, text: str) -> None:
                progress.report(p, text)  # raises Cancelled after the user pressed Cancel
                relay.progress.emit(p, text)

            with session_scope(factory) as s:
                data = build_report(s, period, step)
            step(96, self.tr("Drawing the charts…"))
            from onestop_desktop.reports.charts import report_figures

            return generation, data, report_figures(data)

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

    def _on_progress(self, percent: int, text: str) -> None:
        self.bar.setValue(percent)
        self.step_label.setText(text)

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
        c, s = data.totals, data.stats
        formula = self.tr("Formula")
        self.summary.setText(
            f"<b>{data.period.label_vi[:1].upper() + data.period.label_vi[1:]}</b> "
            f"({fmt_date(data.period.start)} – {fmt_date(data.period.end)}): "
            + " ".join(summary_sentences(data)[:3])
            + f"<br><i>{formula}:</i> {s.formula_vi}"
        )
        lines: list[tuple[str, Callable[[Counts], str]]] = [
            (self.tr("Dossiers to handle"), lambda k: fmt_int(k.received)),
            (self.tr("New dossiers"), lambda k: fmt_int(k.received_new)),
            (self.tr("Resolved"), lambda k: fmt_int(k.resolved)),
            (self.tr("Resolved late"), lambda k: fmt_int(k.resolved_late)),
            (self.tr("Overdue at the period end"), lambda k: fmt_int(k.in_progress_overdue)),
            (self.tr("On-time rate"), lambda k: _rate(k.on_time_rate)),
            (self.tr("On time or within deadline"), lambda k: _rate(k.on_time_or_within_rate)),
            (self.tr("Share received online"), lambda k: _rate(k.online_share)),
        ]
        periods = (c, data.previous, data.last_year)
        self.tables["compare"].model.set_rows(
            [(name, *[f(k) if k.received else "—" for k in periods]) for name, f in lines]
        )
        self.assessment.setText("".join(f"<p>{x}</p>" for x in summary_sentences(data)[3:]))
        self.tables["field"].model.set_rows(s.by_field)
        self.tables["procedure"].model.set_rows(s.by_procedure)
        self.tables["unit"].model.set_rows(s.by_unit)
        self.tables["officer"].model.set_rows(s.by_officer)
        self.tables["late"].model.set_rows(s.late)
        self.tables["bhyt"].model.set_rows(sorted(data.bhyt.units, key=lambda u: u.rank) if data.bhyt else [])
        self.tables["indicators"].model.set_rows(data.indicators)
        for key, view in self.charts.items():
            if key in figs:
                view.set_figure(figs[key])
            else:
                view.clear()
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
        target = path

        def work(progress: Progress) -> Path:
            if kind == "pdf":
                from onestop_desktop.reports.briefing import render_briefing

                render_briefing(data, target, progress=progress.report)
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

        def work(progress: Progress) -> Path:
            from onestop_desktop.reports.briefing import render_briefing

            render_briefing(data, target, progress=progress.report)
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
