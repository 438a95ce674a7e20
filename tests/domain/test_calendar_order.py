"""Deadlines keep their order: a longer limit is never due before a shorter one, nor before receipt."""

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from onestop_desktop.domain.calendar import NOTE_AFTER_CUTOFF, TimeUnit, WorkingCalendar

CAL = WorkingCalendar()
H, WD = TimeUnit.HOURS, TimeUnit.WORKING_DAYS


def at(s: str) -> datetime:
    return datetime.fromisoformat(s)


@pytest.mark.parametrize(
    ("received", "hours", "due"),
    [
        # counted in working hours from the receipt, 15:00 or not: 1h30 left that day, the rest next day
        ("2018-10-24 15:30", 2, "2018-10-25 07:30"),
        ("2018-10-24 15:30", 4, "2018-10-25 09:30"),
        ("2018-10-24 15:30", 8, "2018-10-25 15:30"),
        ("2018-10-24 15:30", 9, "2018-10-25 16:30"),
        ("2018-10-24 15:30", 24, "2018-10-29 15:30"),
        # the one case the texts name: after 15:00, a result due the same day goes to the next working day
        ("2018-10-24 15:30", 1, "2018-10-25 07:00"),
        ("2018-10-26 15:30", 1, "2018-10-29 07:00"),  # Friday: over the weekend
        ("2018-10-24 15:00", 1, "2018-10-24 16:00"),  # 15:00 itself is not "after 15:00"
    ],
)
def test_hours_after_cutoff(received: str, hours: int, due: str) -> None:
    assert CAL.due(at(received), hours, H).due == at(due)


def test_eight_hours_is_one_working_day_after_cutoff() -> None:
    received = at("2018-10-24 15:30")
    # 8 working hours run to 15:30 the next day; a day's limit is not due before a same-day one (17:00)
    assert CAL.due(received, 8, H).due == at("2018-10-25 15:30") <= CAL.due(received, 1, WD).due
    assert CAL.due(received, 16, H).due == CAL.due(received, 2, WD).due


def test_note_only_when_the_result_moves() -> None:
    assert NOTE_AFTER_CUTOFF in CAL.due(at("2018-10-24 15:30"), 1, H).notes
    assert NOTE_AFTER_CUTOFF not in CAL.due(at("2018-10-24 15:30"), 4, H).notes


# Receipts in 2018 and 2025-2026 (holidays, Tết, make-up days), at any second of day or night, and
# often in the last two office hours, where the 15:00 rule acts.
moments = st.builds(
    lambda d, second: datetime.combine(d, time()) + timedelta(seconds=second),
    st.one_of(
        st.dates(min_value=date(2018, 1, 1), max_value=date(2018, 12, 31)),
        st.dates(min_value=date(2025, 12, 1), max_value=date(2026, 12, 31)),
    ),
    st.one_of(
        st.integers(min_value=0, max_value=24 * 3600 - 1),
        st.integers(min_value=15 * 3600, max_value=17 * 3600),
    ),
)


@settings(max_examples=500, deadline=None)
@given(moments, st.integers(min_value=1, max_value=20), st.integers(min_value=1, max_value=20))
@example(datetime(2018, 10, 24, 15, 30), 8, 9)  # the case that was wrong: 17:00 and 16:30 next day
def test_longer_hour_limit_never_due_earlier(received: datetime, a: int, b: int) -> None:
    h1, h2 = min(a, b), max(a, b)
    d1, d2 = CAL.due(received, h1, H).due, CAL.due(received, h2, H).due
    assert d1 <= d2
    assert d1 >= received


@settings(max_examples=300, deadline=None)
@given(moments, st.integers(min_value=1, max_value=30), st.integers(min_value=1, max_value=30))
def test_longer_working_day_limit_never_due_earlier(received: datetime, a: int, b: int) -> None:
    n1, n2 = min(a, b), max(a, b)
    d1, d2 = CAL.due(received, n1, WD).due, CAL.due(received, n2, WD).due
    assert d1 <= d2
    assert d1 >= received


@settings(max_examples=300, deadline=None)
@given(moments, st.sampled_from(list(TimeUnit)), st.integers(min_value=0, max_value=40))
def test_never_due_before_receipt(received: datetime, unit: TimeUnit, value: int) -> None:
    assert CAL.due(received, value, unit).due >= received


@settings(max_examples=300, deadline=None)
@given(moments, st.sampled_from([WD, TimeUnit.CALENDAR_DAYS]), st.integers(min_value=1, max_value=30))
@example(datetime(2018, 10, 24, 15, 30), WD, 1)  # was 15:30 the next day, before same-day's 17:00
def test_a_days_limit_is_never_due_before_a_same_day_one(received: datetime, unit: TimeUnit, n: int) -> None:
    assert CAL.due(received, n, unit).due >= CAL.due(received, 0, unit).due


def test_one_working_day_after_cutoff_is_due_when_same_day_is() -> None:
    d = CAL.due(at("2018-10-24 15:30"), 1, WD)
    assert d.due == at("2018-10-25 17:00") and "không sớm hơn" in d.explain()
    assert CAL.due(at("2018-10-24 14:30"), 1, WD).due == at("2018-10-25 14:30")  # before 15:00: as ever
