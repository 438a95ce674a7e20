from datetime import date, datetime

import pytest

from onestop_desktop.domain.calendar import (
    NOTE_AFTER_CUTOFF,
    NOTE_DAY_OFF,
    NOTE_MOVED,
    NOTE_OUTSIDE_HOURS,
    CalendarOverride,
    SkippedDay,
    TimeUnit,
    WorkingCalendar,
    label_vi,
)

CAL = WorkingCalendar()
WD, H, CD = TimeUnit.WORKING_DAYS, TimeUnit.HOURS, TimeUnit.CALENDAR_DAYS


def at(s: str) -> datetime:
    return datetime.fromisoformat(s)


@pytest.mark.parametrize(
    ("day", "working", "reason"),
    [
        ("2018-02-14", False, "29 Tết"),
        ("2018-02-16", False, "Tết Nguyên Đán"),
        ("2018-02-20", False, "Mùng năm Tết Nguyên Đán"),
        ("2018-02-21", True, None),
        ("2018-02-13", True, None),
        ("2025-01-27", False, "29 Tết"),
        ("2025-01-31", False, "Mùng ba Tết Nguyên Đán"),
        ("2025-02-03", True, None),
        ("2026-02-13", True, None),
        ("2026-02-16", False, "Giao thừa Tết Nguyên Đán"),
        ("2026-02-20", False, "Mùng bốn Tết Nguyên Đán"),
        ("2026-02-23", True, None),
        ("2018-04-30", False, "Ngày Chiến thắng"),
        ("2018-05-01", False, "Ngày Quốc tế Lao động"),
        ("2026-08-22", True, None),  # make-up Saturday for 31/08/2026
        ("2026-08-31", False, "Ngày nghỉ (thay cho ngày 22/08/2026)"),
        ("2026-09-01", False, "Quốc khánh"),
        ("2026-09-02", False, "Quốc khánh"),
        ("2019-01-05", True, None),  # make-up Saturday for 31/12/2018
        ("2018-12-31", False, "Ngày nghỉ (thay cho ngày 05/01/2019)"),
        ("2018-10-27", False, "thứ Bảy"),
        ("2018-10-28", False, "Chủ nhật"),
        ("2018-10-24", True, None),
    ],
)
def test_days(day: str, working: bool, reason: str | None) -> None:
    d = date.fromisoformat(day)
    assert CAL.is_working_day(d) is working
    assert CAL.day_off_reason(d) == reason


@pytest.mark.parametrize(
    ("received", "value", "unit", "due"),
    [
        # Tết 2026: 14/02-22/02 off
        ("2026-02-12 10:00", 5, WD, "2026-02-26 10:00"),
        ("2026-02-13 16:30", 1, WD, "2026-02-23 17:00"),  # after 15:00: not before same-day (17:00)
        # Tết 2018: 14/02-20/02 (with the weekend 17-18)
        ("2018-02-13 09:00", 1, WD, "2018-02-21 09:00"),
        ("2018-02-12 09:00", 3, WD, "2018-02-22 09:00"),
        # Tết 2025: 25/01-02/02 off (weekends around 27/01-01/02)
        ("2025-01-24 08:00", 1, WD, "2025-02-03 08:00"),
        ("2025-01-24 08:00", 2, WD, "2025-02-04 08:00"),
        # 30/4-1/5 2018 after the weekend 28-29/4
        ("2018-04-27 09:00", 3, WD, "2018-05-04 09:00"),
        # 2/9 2026: 31/08, 01/09, 02/09 off; Saturday 22/08 worked
        ("2026-08-28 10:00", 1, WD, "2026-09-03 10:00"),
        ("2026-08-21 10:00", 1, WD, "2026-08-22 10:00"),
        ("2026-08-20 10:00", 3, WD, "2026-08-24 10:00"),
        # weekends
        ("2018-10-26 10:00", 1, WD, "2018-10-29 10:00"),
        ("2018-10-24 10:00", 5, WD, "2018-10-31 10:00"),
        # receipt on a Saturday / after 17:00 starts 07:00 next working day
        ("2018-10-27 09:00", 1, WD, "2018-10-30 07:00"),
        ("2018-10-24 17:30", 2, WD, "2018-10-29 07:00"),
        ("2018-10-24 06:30", 1, WD, "2018-10-25 07:00"),
        ("2018-10-24 12:00", 1, WD, "2018-10-25 13:30"),
        # working days received after 15:00 keep their time
        ("2018-10-24 15:30", 2, WD, "2018-10-26 15:30"),
        # same-day procedures
        ("2018-10-24 10:00", 0, WD, "2018-10-24 17:00"),
        ("2018-10-24 15:00", 0, WD, "2018-10-24 17:00"),
        ("2018-10-24 15:01", 0, WD, "2018-10-25 17:00"),
        ("2018-10-26 16:00", 0, WD, "2018-10-29 17:00"),
        ("2018-10-24 18:00", 0, WD, "2018-10-25 17:00"),
        ("2026-02-13 15:30", 0, WD, "2026-02-23 17:00"),
        # hours
        ("2018-10-24 08:00", 2, H, "2018-10-24 10:00"),
        ("2018-10-24 10:00", 4, H, "2018-10-24 16:00"),  # across lunch
        ("2018-10-24 07:00", 4, H, "2018-10-24 11:00"),
        ("2018-10-24 09:00", 8, H, "2018-10-25 09:00"),
        ("2018-10-24 07:00", 8, H, "2018-10-24 17:00"),
        ("2018-10-24 07:00", 5, H, "2018-10-24 14:00"),
        ("2018-10-24 08:00", 7, H, "2018-10-24 17:00"),
        ("2018-10-24 10:00", 16, H, "2018-10-26 10:00"),  # across days
        ("2018-10-26 10:00", 8, H, "2018-10-29 10:00"),  # across the weekend
        ("2018-10-24 15:30", 4, H, "2018-10-25 09:30"),  # after 15:00: 1h30 that day, 2h30 the next
        ("2018-10-24 15:30", 24, H, "2018-10-29 15:30"),  # long hour limit counts from 15:30
        ("2018-10-24 12:15", 2, H, "2018-10-24 15:30"),  # lunch receipt starts 13:30
        # calendar days
        ("2018-10-24 10:00", 15, CD, "2018-11-08 10:00"),
        ("2018-10-24 10:00", 4, CD, "2018-10-29 10:00"),  # lands Sunday 28/10
        ("2018-10-24 10:00", 3, CD, "2018-10-29 10:00"),  # lands Saturday 27/10
        ("2026-02-06 09:00", 10, CD, "2026-02-23 09:00"),  # lands Monday 16/02 in Tết
    ],
)
def test_due(received: str, value: int, unit: TimeUnit, due: str) -> None:
    assert CAL.due(at(received), value, unit).due == at(due)


def test_tet_2026_explanation() -> None:
    d = CAL.due(at("2026-02-12 10:00"), 5, WD)
    assert d.counted == tuple(
        date.fromisoformat(x) for x in ["2026-02-13", "2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26"]
    )
    assert [s.day.day for s in d.skipped] == [14, 15, 16, 17, 18, 19, 20, 21, 22]
    text = d.explain()
    assert text.startswith("5 ngày làm việc; bỏ qua 14/02, 15/02 (thứ Bảy, Chủ nhật), 16/02")
    assert "(nghỉ Tết Nguyên Đán)" in text
    assert text.endswith("hẹn trả 10:00 26/02/2026")


def test_april_explanation_and_json() -> None:
    d = CAL.due(at("2018-04-27 09:00"), 3, WD)
    assert "bỏ qua 28/04, 29/04 (thứ Bảy, Chủ nhật), 30/04, 01/05 (nghỉ lễ)" in d.explain()
    j = d.to_json()
    assert j["received"] == "2018-04-27T09:00:00"
    assert j["due"] == "2018-05-04T09:00:00"
    assert j["counted"] == ["2018-05-02", "2018-05-03", "2018-05-04"]
    assert j["skipped"][2] == {"date": "2018-04-30", "reason": "Ngày Chiến thắng"}
    assert j["unit"] == "working-days" and j["value"] == 3
    assert j["explanation"] == d.explain()


@pytest.mark.parametrize(
    ("received", "value", "unit", "note"),
    [
        ("2018-10-24 15:30", 0, WD, NOTE_AFTER_CUTOFF),
        ("2018-10-24 15:30", 1, H, NOTE_AFTER_CUTOFF),
        ("2018-10-24 17:30", 2, WD, NOTE_OUTSIDE_HOURS),
        ("2018-10-28 09:00", 2, WD, NOTE_DAY_OFF),
        ("2018-10-24 10:00", 4, CD, NOTE_MOVED),
    ],
)
def test_notes(received: str, value: int, unit: TimeUnit, note: str) -> None:
    d = CAL.due(at(received), value, unit)
    assert note in d.notes
    assert note in d.explain()


def test_no_notes_in_office_hours() -> None:
    assert CAL.due(at("2018-10-24 10:00"), 2, WD).notes == ()


def test_start_moves_after_cutoff() -> None:
    d = CAL.due(at("2018-10-26 15:30"), 0, WD)
    assert d.start == at("2018-10-29 07:00")
    assert [s.reason for s in d.skipped] == ["thứ Bảy", "Chủ nhật"]


def test_hours_counted_days() -> None:
    d = CAL.due(at("2018-10-26 10:00"), 8, H)
    assert d.counted == (date(2018, 10, 26), date(2018, 10, 29))
    assert [s.day for s in d.skipped] == [date(2018, 10, 27), date(2018, 10, 28)]


def test_overrides_win() -> None:
    cal = WorkingCalendar(
        [
            CalendarOverride(date(2018, 10, 25), False, "Nghỉ bão"),
            CalendarOverride(date(2018, 10, 27), True, "Làm bù"),
            CalendarOverride(date(2018, 4, 30), True, "Trực lễ"),
        ]
    )
    assert cal.day_off_reason(date(2018, 10, 25)) == "Nghỉ bão"
    assert cal.is_working_day(date(2018, 10, 27))
    assert cal.is_working_day(date(2018, 4, 30))
    d = cal.due(at("2018-10-24 10:00"), 2, WD)
    assert d.due == at("2018-10-27 10:00")
    assert d.skipped == (SkippedDay(date(2018, 10, 25), "Nghỉ bão", "override"),)
    assert "25/10 (Nghỉ bão)" in d.explain()


def test_negative_value_rejected() -> None:
    with pytest.raises(ValueError):
        CAL.due(at("2018-10-24 10:00"), -1, WD)


def test_next_and_add_working_days() -> None:
    assert CAL.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)
    assert CAL.next_working_day(date(2026, 2, 23)) == date(2026, 2, 24)
    assert CAL.add_working_days(date(2026, 2, 23), 0) == date(2026, 2, 23)
    assert CAL.add_working_days(date(2026, 2, 23), -1) == date(2026, 2, 13)
    assert CAL.add_working_days(date(2026, 8, 21), 1) == date(2026, 8, 22)


@pytest.mark.parametrize(
    ("a", "b", "n"),
    [
        ("2018-10-24", "2018-10-24", 0),
        ("2018-10-24", "2018-10-26", 2),
        ("2018-10-26", "2018-10-24", -2),
        ("2018-10-26", "2018-10-29", 1),
        ("2018-10-29", "2018-10-26", -1),
        ("2026-02-13", "2026-02-23", 1),
        ("2026-02-12", "2026-02-26", 5),
        ("2026-02-26", "2026-02-12", -5),
        ("2018-10-27", "2018-10-28", 0),
    ],
)
def test_working_days_between(a: str, b: str, n: int) -> None:
    assert CAL.working_days_between(date.fromisoformat(a), date.fromisoformat(b)) == n


@pytest.mark.parametrize(
    ("due", "paused", "resumed", "new_due", "waited"),
    [
        ("2018-10-31 10:00", "2018-10-24 09:00", "2018-10-24 16:00", "2018-10-31 10:00", 0),
        ("2018-10-31 10:00", "2018-10-24 09:00", "2018-10-26 09:00", "2018-11-02 10:00", 2),
        # paused before Tết 2026, resumed after: only 13/02, 23/02, 24/02 count
        ("2026-02-26 10:00", "2026-02-12 10:00", "2026-02-24 08:00", "2026-03-03 10:00", 3),
        ("2026-02-26 10:00", "2026-02-13 10:00", "2026-02-22 08:00", "2026-02-26 10:00", 0),
        ("2018-10-31 10:00", "2018-10-26 09:00", "2018-10-24 09:00", "2018-10-31 10:00", 0),
    ],
)
def test_resume_after_pause(due: str, paused: str, resumed: str, new_due: str, waited: int) -> None:
    assert CAL.resume_after_pause(at(due), at(paused), at(resumed)) == (at(new_due), waited)


@pytest.mark.parametrize(
    ("unit", "value", "text"),
    [
        (WD, 5, "5 ngày làm việc"),
        (H, 4, "4 giờ làm việc"),
        (CD, 15, "15 ngày"),
        (WD, 0, "trong ngày"),
    ],
)
def test_label_vi(unit: TimeUnit, value: int, text: str) -> None:
    assert label_vi(unit, value) == text


def test_unit_values() -> None:
    assert TimeUnit("working-days") is WD
    assert [u.value for u in TimeUnit] == ["hours", "calendar-days", "working-days"]
