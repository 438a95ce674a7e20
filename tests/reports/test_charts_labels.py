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


def test_numbers_on_a_chart_follow_its_language() -> None:
    """Walkthrough: the English Reports tab drew "1.000" on its axis (Vietnamese grouping)."""
    trend = [(date(2026, m, 1), 90.0 + m * 0.25) for m in range(1, 7)]
    for language, label, axis in (("vi", "91,50", "90 %"), ("en", "91.50", "90%")):
        fig = bhyt_trend(trend, language=language)
        ax = fig.axes[0]
        fig.canvas.draw()
        assert label in [t.get_text() for t in ax.texts], [t.get_text() for t in ax.texts]
        ticks = [t.get_text() for t in ax.get_yticklabels()]
        assert axis in ticks, ticks
