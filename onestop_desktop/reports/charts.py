"""Charts of the briefing as matplotlib Figures (no pyplot): the Reports tab and the PDF share them.

Labels are Vietnamese (DejaVu Sans draws every diacritic), numbers in the Vietnamese format.
`hover_targets(fig)` lists (artist, text) pairs so the screen can show a value under the mouse.
"""

from __future__ import annotations

import io
import weakref
from collections.abc import Sequence
from datetime import date

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from onestop_desktop.domain.messages import Num, define, msg
from onestop_desktop.services.reports.counts import MonthPoint, Row
from onestop_desktop.services.reports.report_data import BhytSection, BhytUnitRow, ReportData

__all__ = [
    "bhyt_by_unit",
    "report_figures",
    "bhyt_trend",
    "figure_png",
    "hover_targets",
    "late_by_field",
    "on_time_by_field",
    "received_vs_resolved",
]

BLUE, GREEN, RED, ORANGE, GREY = "#1f5fa8", "#2e7d32", "#c62828", "#ef6c00", "#757575"
FONT = "DejaVu Sans"
_HOVER: weakref.WeakKeyDictionary[Figure, list[tuple[Artist, str]]] = weakref.WeakKeyDictionary()


# The chart words: Vietnamese in the printed briefing, the interface language on screen.
define("chart.new", "Tiếp nhận mới", "Newly received")
define("chart.resolved", "Đã giải quyết", "Resolved")
define(
    "chart.hover-new",
    "{month}: tiếp nhận mới {n} hồ sơ",
    ("{month}: {n} dossier received", "{month}: {n} dossiers received"),
)
define(
    "chart.hover-resolved",
    "{month}: đã giải quyết {n} hồ sơ",
    ("{month}: {n} dossier resolved", "{month}: {n} dossiers resolved"),
)
define("chart.monthly", "Hồ sơ tiếp nhận và giải quyết theo tháng", "Dossiers received and resolved by month")
define(
    "chart.on-time",
    "Tỷ lệ hồ sơ đúng hạn và trong hạn theo lĩnh vực",
    "Share on time or within the deadline, by field",
)
define("chart.late-resolved", "Giải quyết quá hạn", "Resolved late")
define("chart.late-open", "Đang giải quyết quá hạn", "Overdue, in progress")
define(
    "chart.hover-late-resolved",
    "{field}: {n} hồ sơ giải quyết quá hạn",
    ("{field}: {n} dossier resolved late", "{field}: {n} dossiers resolved late"),
)
define(
    "chart.hover-late-open",
    "{field}: {n} hồ sơ đang quá hạn",
    ("{field}: {n} dossier overdue", "{field}: {n} dossiers overdue"),
)
define("chart.no-late", "Không có hồ sơ trễ hạn", "No late dossiers")
define("chart.late", "Hồ sơ trễ hạn theo lĩnh vực", "Late dossiers by field")
define("chart.target", "Chỉ tiêu giao", "Target set")
define("chart.85", "85 % (tiêu chí nông thôn mới)", "85% (new-countryside criterion)")
define("chart.95", "95 % (mục tiêu quốc gia)", "95% (national goal)")
define("chart.district", "Toàn huyện {pct}", "Whole district {pct}")
define("chart.hover-target", "; chỉ tiêu {pct}", "; target {pct}")
define(
    "chart.bhyt-units",
    "Tỷ lệ bao phủ BHYT theo đơn vị (đến {day})",
    "Health insurance coverage by unit (on {day})",
)
define(
    "chart.bhyt-trend",
    "Diễn biến tỷ lệ bao phủ BHYT toàn huyện",
    "District health insurance coverage, month by month",
)


def _w(language: str, key: str, **params: object) -> str:
    return msg(key, **params).text(language)


def hover_targets(fig: Figure) -> list[tuple[Artist, str]]:
    """(artist, text) pairs: the text to show when the mouse is over the artist."""
    return _HOVER.get(fig, [])


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    _HOVER[fig] = []
    return fig


def _style(ax: object, title: str) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    ax.set_title(title, fontsize=11, fontweight="bold", fontfamily=FONT, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    for label in ax.get_xticklabels() + ax.get_yticklabels():
        label.set_fontfamily(FONT)


def _n(v: float, language: str, decimals: int = 0) -> str:
    """A number in the chart's language: "1.000" / "1,000"."""
    return Num(v, decimals).text(language)


def _p(v: float, language: str, decimals: int = 2) -> str:
    """A percentage in the chart's language: "98,63 %" / "98.63%"."""
    return Num(v, decimals, percent=True).text(language)


def _int_axis(language: str) -> FuncFormatter:
    return FuncFormatter(lambda v, _pos: _n(round(v), language))


def _pct_axis(language: str) -> FuncFormatter:
    return FuncFormatter(lambda v, _pos: _p(v, language, 0))


def _month_label(d: date) -> str:
    return f"{d.month:02d}/{d.year % 100:02d}"


def labelled_points(n: int, most: int = 6) -> list[int]:
    """Which of `n` points of a monthly line carry a value and a month label: all when they fit, else
    every k-th counted back from the last (the latest month is always labelled). Twelve months labelled
    at once ran into each other ("94,4894,71…", "01/2026 02/2026…")."""
    if n <= most:
        return list(range(n))
    step = -(-n // most)  # ceiling
    return sorted(range(n - 1, -1, -step))


def received_vs_resolved(
    series: Sequence[MonthPoint], width: float = 7.0, height: float = 3.2, language: str = "vi"
) -> Figure:
    """New dossiers and dossiers resolved per month."""
    series = list(series)
    while len(series) > 1 and not (series[0].received_new or series[0].resolved):
        series.pop(0)  # months before the data began: no empty bars on the left (issue 12)
    fig = _figure(width, height)
    ax = fig.add_subplot()
    xs = list(range(len(series)))
    labels = [_month_label(p.month) for p in series]
    b1 = ax.bar(
        [x - 0.2 for x in xs],
        [p.received_new for p in series],
        0.4,
        color=BLUE,
        label=_w(language, "chart.new"),
    )
    b2 = ax.bar(
        [x + 0.2 for x in xs],
        [p.resolved for p in series],
        0.4,
        color=GREEN,
        label=_w(language, "chart.resolved"),
    )
    for p, bar_new, bar_res in zip(series, b1, b2, strict=True):
        month = _month_label(p.month)
        _HOVER[fig].append((bar_new, _w(language, "chart.hover-new", month=month, n=p.received_new)))
        _HOVER[fig].append((bar_res, _w(language, "chart.hover-resolved", month=month, n=p.resolved)))
    ax.set_xticks(xs, labels)
    ax.yaxis.set_major_formatter(_int_axis(language))
    top = max([1, *(max(p.received_new, p.resolved) for p in series)])
    ax.set_ylim(0, top * 1.25)  # room for the legend above the bars
    ax.legend(frameon=False, prop={"family": FONT, "size": 8}, loc="upper left", ncols=2)
    _style(ax, _w(language, "chart.monthly"))
    return fig


def on_time_by_field(
    rows: Sequence[Row], width: float = 7.0, height: float = 3.6, language: str = "vi"
) -> Figure:
    """Per field: share resolved early or on time, and share on time or still within deadline."""
    rows = [r for r in rows if r.counts.received]
    rows = sorted(rows, key=lambda r: (r.counts.on_time_or_within_rate or 0.0, r.label))
    fig = _figure(width, height)
    ax = fig.add_subplot()
    ys = list(range(len(rows)))
    rates = [r.counts.on_time_or_within_rate or 0.0 for r in rows]
    colours = [GREEN if v >= 95 else (ORANGE if v >= 85 else RED) for v in rates]
    bars = ax.barh(ys, rates, color=colours, height=0.6)
    for r, bar, v in zip(rows, bars, rates, strict=True):
        c = r.counts
        ax.text(v + 0.5, bar.get_y() + 0.3, _p(v, language), va="center", fontsize=7, fontfamily=FONT)
        _HOVER[fig].append(
            (
                bar,
                f"{r.label}: {_n(c.good, language)} / {_n(c.received, language)} = {_p(v, language)}",
            )
        )
    ax.set_yticks(ys, [r.label for r in rows])
    lo = max(0.0, (min([*rates, 90.0]) - 5) // 5 * 5)
    ax.set_xlim(lo, 104)
    ax.set_xticks([float(v) for v in range(int(lo), 101, 5)])
    ax.xaxis.set_major_formatter(_pct_axis(language))
    _style(ax, _w(language, "chart.on-time"))
    return fig


def late_by_field(
    rows: Sequence[Row], width: float = 7.0, height: float = 3.0, language: str = "vi"
) -> Figure:
    """Per field: dossiers resolved late and dossiers overdue at the period end (stacked)."""
    rows = sorted((r for r in rows if r.counts.bad), key=lambda r: (r.counts.bad, r.label))
    fig = _figure(width, height)
    ax = fig.add_subplot()
    ys = list(range(len(rows)))
    late = [r.counts.resolved_late for r in rows]
    over = [r.counts.in_progress_overdue for r in rows]
    b1 = ax.barh(ys, late, color=RED, height=0.6, label=_w(language, "chart.late-resolved"))
    b2 = ax.barh(ys, over, left=late, color=ORANGE, height=0.6, label=_w(language, "chart.late-open"))
    for r, a, b in zip(rows, b1, b2, strict=True):
        c = r.counts
        ax.text(c.bad + 0.3, a.get_y() + 0.3, _n(c.bad, language), va="center", fontsize=7, fontfamily=FONT)
        _HOVER[fig].append((a, _w(language, "chart.hover-late-resolved", field=r.label, n=c.resolved_late)))
        _HOVER[fig].append((b, _w(language, "chart.hover-late-open", field=r.label, n=c.in_progress_overdue)))
    ax.set_yticks(ys, [r.label for r in rows])
    ax.xaxis.set_major_formatter(_int_axis(language))
    if not rows:
        ax.text(0.5, 0.5, _w(language, "chart.no-late"), ha="center", transform=ax.transAxes, fontfamily=FONT)
    else:
        ax.legend(fontsize=8, frameon=False, prop={"family": FONT, "size": 8}, loc="lower right")
    _style(ax, _w(language, "chart.late"))
    return fig


def _short(u: BhytUnitRow) -> str:
    for prefix in ("Thị trấn ", "Xã ", "Phường ", "Huyện "):
        if u.name.startswith(prefix):
            return u.name[len(prefix) :]
    return u.name


def bhyt_by_unit(
    section: BhytSection, width: float = 7.0, height: float = 3.6, language: str = "vi"
) -> Figure:
    """Coverage per unit as bars (best first), each unit's target, and the 85 % / 95 % lines."""
    units = sorted(section.units, key=lambda u: -u.coverage)
    fig = _figure(width, height)
    ax = fig.add_subplot()
    xs = list(range(len(units)))
    colours = [GREEN if u.coverage >= 95 else (BLUE if u.coverage >= 85 else ORANGE) for u in units]
    bars = ax.bar(xs, [u.coverage for u in units], color=colours, width=0.65)
    targets = [(x, u.target) for x, u in zip(xs, units, strict=True) if u.target is not None]
    if targets:
        ax.scatter(
            [x for x, _t in targets],
            [t for _x, t in targets],
            marker="_",
            s=220,
            color="black",
            linewidths=2,
            zorder=3,
            label=_w(language, "chart.target"),
        )
    ax.axhline(85, color=ORANGE, lw=1, ls="--", label=_w(language, "chart.85"))
    ax.axhline(95, color=GREEN, lw=1, ls=":", label=_w(language, "chart.95"))
    ax.axhline(
        section.coverage,
        color=GREY,
        lw=1,
        label=_w(language, "chart.district", pct=Num(section.coverage, 2, percent=True)),
    )
    for u, bar in zip(units, bars, strict=True):
        ax.text(
            bar.get_x() + bar.get_width() / 2,
            61,
            _n(u.coverage, language, 2),
            ha="center",
            color="white",
            fontweight="bold",
            fontsize=6.5,
            rotation=90,
            va="bottom",
            fontfamily=FONT,
        )
        tgt = (
            _w(language, "chart.hover-target", pct=Num(u.target, 2, percent=True))
            if u.target is not None
            else ""
        )
        _HOVER[fig].append(
            (
                bar,
                f"{u.name}: {_n(u.insured, language)} / {_n(u.population, language)} "
                f"= {_p(u.coverage, language)}{tgt}",
            )
        )
    ax.set_xticks(xs, [_short(u) for u in units], rotation=45, ha="right")
    ax.set_ylim(60, 102)
    ax.yaxis.set_major_formatter(_pct_axis(language))
    ax.legend(fontsize=7, frameon=False, prop={"family": FONT, "size": 7}, loc="upper right", ncols=2)
    _style(ax, _w(language, "chart.bhyt-units", day=f"{section.cutoff:%d/%m/%Y}"))
    return fig


def bhyt_trend(
    trend: Sequence[tuple[date, float]], width: float = 7.0, height: float = 2.6, language: str = "vi"
) -> Figure:
    """District coverage month by month."""
    fig = _figure(width, height)
    ax = fig.add_subplot()
    xs = list(range(len(trend)))
    ys = [c for _m, c in trend]
    (line,) = ax.plot(xs, ys, color=BLUE, marker="o", ms=4)
    shown = labelled_points(len(trend))
    for x, (_m, c) in ((i, trend[i]) for i in shown):
        ax.annotate(
            _n(c, language, 2),
            (x, c),
            textcoords="offset points",
            xytext=(0, 5),
            ha="center",
            fontsize=7,
            fontfamily=FONT,
        )
    _HOVER[fig].append((line, "; ".join(f"{_month_label(m)}: {_p(c, language)}" for m, c in trend)))
    ax.axhline(85, color=ORANGE, lw=1, ls="--")
    ax.set_xticks(shown, [_month_label(trend[i][0]) for i in shown])
    if ys:
        ax.set_ylim(min([*ys, 85.0]) - 3, max([*ys, 85.0]) + 3)
    ax.yaxis.set_major_formatter(_pct_axis(language))
    _style(ax, _w(language, "chart.bhyt-trend"))
    return fig


def figure_png(fig: Figure, dpi: int = 200) -> bytes:
    """The figure as PNG bytes through the Agg canvas (no Qt, safe in a worker thread)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def report_figures(data: ReportData, language: str = "vi") -> dict[str, Figure]:
    """Every chart of the Reports tab in `language` (plain Figures: safe to build in a worker thread)."""
    figs = {
        "monthly": received_vs_resolved(data.series, language=language),
        "on_time": on_time_by_field(data.stats.by_field, language=language),
        "late": late_by_field(data.stats.by_field, language=language),
    }
    if data.bhyt is not None:
        figs["bhyt_units"] = bhyt_by_unit(data.bhyt, language=language)
        figs["bhyt_trend"] = bhyt_trend(data.bhyt.trend, language=language)
    return figs
