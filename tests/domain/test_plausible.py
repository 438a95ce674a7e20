"""Plausible values of an import: the one-stop era, today, two years to an appointment, people, text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from onestop_desktop.domain import plausible

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("received", "refused"),
    [
        (datetime(1, 1, 1), "plausible.before-start"),
        (datetime(1900, 1, 1), "plausible.before-start"),  # Excel serial 1
        (datetime(2003, 9, 3, 16), "plausible.before-start"),
        (datetime(2003, 9, 4, 7), None),  # Quyết định 181/2003/QĐ-TTg
        (datetime(2018, 10, 24, 9), None),
        (datetime(2026, 12, 2, 23, 59), None),
        (datetime(2026, 12, 3, 7), "plausible.after-today"),
        (datetime(2099, 1, 1), "plausible.after-today"),
        (datetime(9999, 12, 31), "plausible.after-today"),
    ],
)
def test_receipt_days(received: datetime, refused: str | None) -> None:
    why = plausible.check_receipt(received, TODAY, "Ngày nhận")
    assert (why.key if why else None) == refused


@pytest.mark.parametrize(
    ("due", "refused"),
    [(datetime(2020, 1, 31), False), (datetime(2021, 12, 31), False), (datetime(2022, 1, 2), True)],
)
def test_appointments_within_two_years(due: datetime, refused: bool) -> None:
    assert (plausible.check_due(datetime(2020, 1, 1), due) is not None) is refused


@pytest.mark.parametrize(
    ("n", "refused"), [(0, None), (240_986, None), (10_000_000, None), (10_000_001, "plausible.too-many"),
                       (10**30, "plausible.too-many"), (-1, "plausible.negative")]
)  # fmt: skip
def test_people(n: int, refused: str | None) -> None:
    why = plausible.check_people(n, "Dân số")
    assert (why.key if why else None) == refused
    if why is not None:
        assert len(why.text("vi")) < 120 and why.text("en")


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Nguyễn Văn An", None),
        ("dòng 1\ndòng 2\tcột", None),
        ("a\x00b", "plausible.control"),
        ("a\u202eb", "plausible.control"),  # right-to-left override
        ("a\u200bb", "plausible.control"),  # zero-width space
        ("x" * 500, None),
        ("x" * 501, "plausible.too-long"),
    ],
)
def test_text(text: str, refused: str | None) -> None:
    why = plausible.check_text(text, "Ghi chú")
    assert (why.key if why else None) == refused


def test_formulas_and_what_a_message_echoes() -> None:
    assert plausible.is_formula('=HYPERLINK("http://x")') and plausible.is_formula("=1+1")
    assert not plausible.is_formula("=") and not plausible.is_formula("+84 912")
    assert not plausible.is_formula(3)
    assert plausible.shown("x" * 100_000) == "x" * 39 + "…"
    assert plausible.shown("a\x00b") == "a�b"
