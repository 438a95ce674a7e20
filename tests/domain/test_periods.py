from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onestop_desktop.domain.periods import (
    Period,
    month,
    parse_period,
    previous,
    quarter,
    reporting_15_14,
    same_last_year,
    year,
)


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "label"),
    [
        ("2018-10", date(2018, 10, 1), date(2018, 10, 31), "month", "tháng 10/2018"),
        ("10/2018", date(2018, 10, 1), date(2018, 10, 31), "month", "tháng 10/2018"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", "tháng 2/2024"),
        ("2018-Q4", date(2018, 10, 1), date(2018, 12, 31), "quarter", "quý IV/2018"),
        ("2018-q1", date(2018, 1, 1), date(2018, 3, 31), "quarter", "quý I/2018"),
        ("2018", date(2018, 1, 1), date(2018, 12, 31), "year", "năm 2018"),
        (
            "2018-09-15..2018-10-14",
            date(2018, 9, 15),
            date(2018, 10, 14),
            "reporting",
            "từ 15/09/2018 đến 14/10/2018",
        ),
        (
            "2018-10-01..2018-10-24",
            date(2018, 10, 1),
            date(2018, 10, 24),
            "range",
            "từ 01/10/2018 đến 24/10/2018",
        ),
        ("2018-10-01 .. 2018-10-31", date(2018, 10, 1), date(2018, 10, 31), "month", "tháng 10/2018"),
        (" 2018-04-01..2018-06-30 ", date(2018, 4, 1), date(2018, 6, 30), "quarter", "quý II/2018"),
    ],
)
def test_parse(text: str, start: date, end: date, kind: str, label: str) -> None:
    assert parse_period(text) == Period(start, end, kind, label)


@pytest.mark.parametrize(
    "text",
    ["", "2018-13", "2018-Q5", "18", "2018-10-14..2018-09-15", "2018-02-30..2018-03-01", "tháng 10", "0999"],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_period(text)
    assert not str(info.value).isascii()  # a Vietnamese sentence


def test_reporting_15_14() -> None:
    p = reporting_15_14(2018, 10)
    assert (p.start, p.end, p.kind) == (date(2018, 9, 15), date(2018, 10, 14), "reporting")
    assert p.label_vi == "từ 15/09/2018 đến 14/10/2018"
    jan = reporting_15_14(2019, 1)
    assert (jan.start, jan.end) == (date(2018, 12, 15), date(2019, 1, 14))
    assert p.contains(date(2018, 10, 14)) and not p.contains(date(2018, 10, 15))


@pytest.mark.parametrize(
    ("p", "prev"),
    [
        (month(2018, 10), month(2018, 9)),
        (month(2018, 1), month(2017, 12)),
        (quarter(2018, 1), quarter(2017, 4)),
        (quarter(2018, 4), quarter(2018, 3)),
        (year(2018), year(2017)),
        (reporting_15_14(2018, 10), reporting_15_14(2018, 9)),
        (reporting_15_14(2019, 1), reporting_15_14(2018, 12)),
        (parse_period("2018-10-01..2018-10-24"), parse_period("2018-09-07..2018-09-30")),
    ],
)
def test_previous(p: Period, prev: Period) -> None:
    assert previous(p) == prev
    if p.kind == "range":
        assert previous(p).days == p.days


@pytest.mark.parametrize(
    ("p", "last"),
    [
        (month(2018, 10), month(2017, 10)),
        (quarter(2018, 4), quarter(2017, 4)),
        (year(2018), year(2017)),
        (reporting_15_14(2019, 1), reporting_15_14(2018, 1)),
        (parse_period("2024-02-10..2024-02-29"), parse_period("2023-02-10..2023-02-28")),
    ],
)
def test_same_last_year(p: Period, last: Period) -> None:
    assert same_last_year(p) == last


@given(
    st.sampled_from(["month", "quarter", "year", "reporting"]), st.integers(1901, 2199), st.integers(1, 12)
)
def test_code_round_trip_and_contiguity(kind: str, y: int, m: int) -> None:
    p = {"month": month(y, m), "quarter": quarter(y, (m - 1) // 3 + 1), "year": year(y),
         "reporting": reporting_15_14(y, m)}[kind]  # fmt: skip
    assert parse_period(p.code) == p
    prev = previous(p)
    assert prev.kind == p.kind
    assert (p.start - prev.end).days == 1
