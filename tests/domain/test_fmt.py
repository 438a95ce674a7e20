from datetime import date, datetime
from decimal import Decimal

import pytest

from onestop_desktop.domain.fmt import (
    fmt_date,
    fmt_datetime,
    fmt_int,
    fmt_money,
    fmt_num,
    fmt_pct,
    parse_vi_date,
    parse_vi_int,
)


@pytest.mark.parametrize(
    ("n", "text"),
    [(6092, "6.092"), (0, "0"), (999, "999"), (1000, "1.000"), (240986, "240.986"), (-1234567, "-1.234.567")],
)
def test_fmt_int(n: int, text: str) -> None:
    assert fmt_int(n) == text


@pytest.mark.parametrize(
    ("x", "decimals", "text"),
    [
        (98.63, 2, "98,63"),
        (82.7716, 2, "82,77"),
        (0.125, 2, "0,13"),  # half-up, not banker's rounding
        (1234.5, 1, "1.234,5"),
        (Decimal("99.5"), 0, "100"),
        (-0.5, 1, "-0,5"),
    ],
)
def test_fmt_num(x: float, decimals: int, text: str) -> None:
    assert fmt_num(x, decimals) == text


def test_fmt_pct_money_dates() -> None:
    assert fmt_pct(98.63) == "98,63 %"
    assert fmt_pct(99.5, 1) == "99,5 %"
    assert fmt_money(50000) == "50.000 đ"
    assert fmt_date(date(2018, 10, 24)) == "24/10/2018"
    assert fmt_datetime(datetime.fromisoformat("2018-10-24 10:00")) == "10:00 24/10/2018"
    assert fmt_datetime(datetime.fromisoformat("2018-01-05 07:05")) == "07:05 05/01/2018"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("199.467", 199467),
        ("199 467", 199467),
        ("199\u00a0467", 199467),
        ("199467", 199467),
        (" 6.092 ", 6092),
        ("1.234.567", 1234567),
        ("-12", -12),
        (199467, 199467),
        (199467.0, 199467),
    ],
)
def test_parse_vi_int(raw: str | int | float, value: int) -> None:
    assert parse_vi_int(raw) == value


@pytest.mark.parametrize("raw", ["", "abc", "199,467", "19.94", "1.2345", "12.5.2", 12.5, True, "1 .234"])
def test_parse_vi_int_rejects(raw: str | float) -> None:
    with pytest.raises(ValueError) as info:
        parse_vi_int(raw)
    assert any(ch in str(info.value) for ch in "ốảđưệ")  # Vietnamese sentence


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("24/10/2018", date(2018, 10, 24)),
        ("5/1/2019", date(2019, 1, 5)),
        ("05.01.2019", date(2019, 1, 5)),
        ("2018-10-24", date(2018, 10, 24)),
        (datetime.fromisoformat("2018-10-24 09:30"), date(2018, 10, 24)),
        (date(2018, 10, 24), date(2018, 10, 24)),
    ],
)
def test_parse_vi_date(raw: str | date, value: date) -> None:
    assert parse_vi_date(raw) == value


@pytest.mark.parametrize("raw", ["", "31/02/2018", "2018/10/24", "24/10/18", "hôm nay", "10/24"])
def test_parse_vi_date_rejects(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_vi_date(raw)
