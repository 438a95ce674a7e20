"""Monthly lines label a few points, never all twelve on top of each other."""

from __future__ import annotations

from datetime import date

from onestop_desktop.reports.charts import bhyt_trend, labelled_points


def test_a_year_of_months_labels_at_most_six_points_and_always_the_last() -> None:
    assert labelled_points(5) == [0, 1, 2, 3, 4]
    shown = labelled_points(17)
    assert len(shown) <= 6 and shown[-1] == 16 and shown == sorted(set(shown))


def test_the_trend_chart_draws_the_labelled_months_only() -> None:
    trend = [(date(2025 + (7 + i - 1) // 12, (7 + i - 1) % 12 + 1, 1), 90.0 + i * 0.25) for i in range(17)]
    fig = bhyt_trend(trend)
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert len(ticks) <= 6 and ticks[-1] == "11/26"
    assert len(ax.texts) <= 6  # the value labels
