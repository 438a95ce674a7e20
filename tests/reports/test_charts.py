"""The charts draw the months that have data, not empty months before them."""

from __future__ import annotations

from datetime import date

from onestop_desktop.reports.charts import received_vs_resolved
from onestop_desktop.services.reports.counts import MonthPoint


def _labels(fig) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.get_text() for t in fig.axes[0].get_xticklabels()]


def test_months_before_the_data_began_are_not_drawn() -> None:
    series = [MonthPoint(date(2018, m, 1), 0, 0) for m in range(5, 9)]
    series += [MonthPoint(date(2018, 9, 1), 5600, 4251), MonthPoint(date(2018, 10, 1), 4743, 5479)]
    fig = received_vs_resolved(series)
    assert _labels(fig) == ["09/18", "10/18"]
    assert len(fig.axes[0].patches) == 4  # two bars a month, none for the empty months


def test_an_empty_month_between_months_with_data_stays() -> None:
    series = [
        MonthPoint(date(2026, 9, 1), 900, 850),
        MonthPoint(date(2026, 10, 1), 0, 0),
        MonthPoint(date(2026, 11, 1), 950, 920),
    ]
    assert _labels(received_vs_resolved(series)) == ["09/26", "10/26", "11/26"]
