"""The home page: the office's name and today's figures."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from onestop_desktop.clock import today_local
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.services.home import TodayFigures, today_figures
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import num

log = logging.getLogger(__name__)


class FigureCard(QFrame):
    def __init__(self, caption: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"FigureCard {{ border: 1px solid #c8ccd2; border-radius: 6px; background: white; }}"
            f" QLabel#value {{ color: {colour}; }}"
        )
        layout = QVBoxLayout(self)
        self.value = QLabel("0")
        self.value.setObjectName("value")
        font = self.value.font()
        font.setPointSize(26)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label = QLabel(caption)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(label)


class HomePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        self.office_label = QLabel()
        self.office_label.setObjectName("officeName")
        font = self.office_label.font()
        font.setPointSize(16)
        font.setBold(True)
        self.office_label.setFont(font)
        self.date_label = QLabel()
        layout.addWidget(self.office_label)
        layout.addWidget(self.date_label)
        grid = QGridLayout()
        self.cards = {
            "received": FigureCard(self.tr("Received today"), "#1f5fa8"),
            "due_today": FigureCard(self.tr("Due today"), "#b26a00"),
            "due_next": FigureCard(self.tr("Due next working day"), "#b26a00"),
            "overdue": FigureCard(self.tr("Overdue (open)"), "#b00020"),
            "waiting": FigureCard(self.tr("Waiting for a supplement"), "#6a4c93"),
            "open": FigureCard(self.tr("Open dossiers"), "#333333"),
            "total": FigureCard(self.tr("Dossiers in the database"), "#333333"),
        }
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 4, i % 4)
        layout.addLayout(grid)
        layout.addStretch(1)
        ctx.bus.data_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, _kind: str = "") -> None:
        """Recount today's figures on the task runner: counting at a million dossiers takes a while."""
        day = today_local()
        office = self.ctx.office()
        self.office_label.setText(
            office.name if not office.parent_name else f"{office.parent_name} – {office.name}"
        )
        self.date_label.setText(self.tr("Today, {date}").format(date=fmt_date(day)))
        opener, calendar = self.ctx.session, self.ctx.calendar()

        def count(_progress: object) -> TodayFigures:
            with opener() as s:
                return today_figures(s, day, calendar)

        self.ctx.tasks.run(count, self._show, lambda exc: log.warning("home figures failed: %s", exc))

    def _show(self, fig: TodayFigures) -> None:
        values = {
            "received": fig.received_today,
            "due_today": fig.due_today,
            "due_next": fig.due_next_working_day,
            "overdue": fig.overdue,
            "waiting": fig.waiting_supplement,
            "open": fig.open_total,
            "total": fig.total,
        }
        for key, value in values.items():
            self.cards[key].value.setText(num(value))
