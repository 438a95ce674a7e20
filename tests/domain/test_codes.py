from datetime import date

import pytest

from onestop_desktop.domain.codes import (
    DossierCodeParts,
    code_prefix,
    looks_like_partial_code,
    make_dossier_code,
    parse_dossier_code,
)

UNIT = "000.00.32.H19"


@pytest.mark.parametrize(
    ("day", "seq", "code"),
    [
        (date(2021, 7, 8), 32, "000.00.32.H19-210708-0032"),
        (date(2018, 10, 24), 1, "000.00.32.H19-181024-0001"),
        (date(2026, 2, 23), 9999, "000.00.32.H19-260223-9999"),
    ],
)
def test_make_and_parse(day: date, seq: int, code: str) -> None:
    assert make_dossier_code(UNIT, day, seq) == code
    assert parse_dossier_code(code) == DossierCodeParts(UNIT, day, seq)


@pytest.mark.parametrize("seq", [0, -1, 10000])
def test_seq_range(seq: int) -> None:
    with pytest.raises(ValueError, match="Số thứ tự"):
        make_dossier_code(UNIT, date(2021, 7, 8), seq)


def test_prefix() -> None:
    assert code_prefix(UNIT, date(2021, 7, 8)) == "000.00.32.H19-210708-"
    assert make_dossier_code(UNIT, date(2021, 7, 8), 5).startswith(code_prefix(UNIT, date(2021, 7, 8)))
    with pytest.raises(ValueError):
        code_prefix("bad unit!", date(2021, 7, 8))


@pytest.mark.parametrize(
    "code",
    [
        "",
        "000.00.32.H19-210708-32",
        "000.00.32.H19-210732-0032",
        "000.00.32.H19-210708-0000",
        "000.00.32.H19_210708_0032",
        "-210708-0032",
        "000.00.32.H19-210708-00321",
    ],
)
def test_parse_rejects(code: str) -> None:
    with pytest.raises(ValueError, match="Mã hồ sơ"):
        parse_dossier_code(code)


def test_parse_tolerates_spaces_and_case() -> None:
    assert parse_dossier_code(" 000.00.32.h19-210708-0032 ").unit_code == UNIT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("000.00.32.H19-210708-0032", True),
        ("H19-2107", True),
        ("000.00.32", True),
        ("-210708-00", True),
        ("Nguyễn Văn An", False),
        ("an", False),
        ("", False),
        ("0123456789", False),
        ("H19-21a", False),
    ],
)
def test_looks_like_partial_code(text: str, expected: bool) -> None:
    assert looks_like_partial_code(text) is expected
