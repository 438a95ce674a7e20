"""Month-to-month coverage of one unit: a small matplotlib chart, imported when first drawn."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from onestop_desktop.services.bhyt.coverage import month_label
from onestop_desktop.ui.i18n import num, pct

THRESHOLDS = ((85.0, "#f0ad4e"), (95.0, "#2e7d32"))


class TrendChart(QWidget):
    """Draws (month, coverage) points with the 85 % and 95 % lines and the unit's own target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self._layout.addWidget(self.title)
        self.placeholder = QLabel(self.tr("Select a unit to see its coverage month by month."))
        self.placeholder.setWordWrap(True)
        self._layout.addWidget(self.placeholder, 1)
        self.canvas: Any = None
        self.figure: Any = None
        self.points: list[tuple[date, float]] = []

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(4, 2.6), dpi=90, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(200)
        self.placeholder.hide()
        self._layout.addWidget(self.canvas, 1)

    def show_trend(self, title: str, points: Sequence[tuple[date, float]], target: float | None) -> None:
        self.title.setText(title)
        self.points = list(points)
        self._ensure_canvas()
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        fig = self.figure
        fig.clear()
        ax = fig.add_subplot(111)
        xs = list(range(len(self.points)))
        ys = [c for _, c in self.points]
        ax.plot(xs, ys, marker="o", color="#1565c0", linewidth=2)
        from onestop_desktop.reports.charts import labelled_points  # matplotlib: only once a chart is drawn

        shown = labelled_points(len(xs))  # twelve labels at once ran into each other
        for x, y in ((i, ys[i]) for i in shown):
            ax.annotate(num(y, 2), (x, y), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
        for level, colour in THRESHOLDS:
            ax.axhline(level, color=colour, linestyle="--", linewidth=1)
        if target is not None:
            ax.axhline(target, color="#c62828", linestyle=":", linewidth=1.5)
            ax.text(
                xs[-1] if xs else 0,
                target,
                self.tr("target"),
                color="#c62828",
                fontsize=7,
                va="bottom",
                ha="right",
            )
        ax.set_xticks(shown, [month_label(self.points[i][0]) for i in shown], fontsize=8)
        low = min([*ys, 85.0, target or 100.0]) - 3
        ax.set_ylim(max(0.0, low), 100.5)
        ax.set_xlim(-0.5, max(len(xs) - 0.5, 0.5))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10], integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: pct(v, 0)))
        ax.tick_params(axis="y", labelsize=8)
        ax.grid(axis="y", alpha=0.3)
        self.canvas.draw_idle()
