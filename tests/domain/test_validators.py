import unicodedata
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onestop_desktop.domain.validators import (
    PROVINCE_CODES,
    Check,
    check_address,
    check_citizen_id,
    check_email,
    check_name,
    check_phone,
    check_required,
    citizen_id_province,
)

# ---- citizen ID --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "birth", "sex", "value"),
    [
        ("075090001234", date(1990, 5, 1), "nam", "075090001234"),
        ("075 190 001 234", date(1990, 5, 1), "nữ", "075190001234"),
        ("001203001234", date(2003, 1, 1), "Nam", "001203001234"),
        ("079305001234", date(2005, 1, 1), "nữ", "079305001234"),
        ("096099999999", None, None, "096099999999"),
    ],
)
def test_citizen_id_ok(raw: str, birth: date | None, sex: str | None, value: str) -> None:
    c = check_citizen_id(raw, birth, sex)
    assert c == Check(True, value, None, None)


@pytest.mark.parametrize(
    ("raw", "birth", "sex", "fragment"),
    [
        ("", None, None, "Chưa nhập"),
        ("07509000123", None, None, "12 chữ số"),
        ("0750900012345", None, None, "12 chữ số"),
        ("07509000123A", None, None, "chỉ gồm chữ số"),
        ("003090001234", None, None, "mã tỉnh"),
        ("097090001234", None, None, "mã tỉnh"),
        ("075090001234", date(1991, 5, 1), None, "năm sinh 1990"),
        ("075290001234", date(1990, 5, 1), None, "năm sinh 2090"),
        ("075090001234", None, "nữ", "giới tính nam"),
        ("075190001234", None, "nam", "giới tính nữ"),
        ("０７５０９０００１２３４", None, None, "chỉ gồm chữ số"),  # full-width digits
    ],
)
def test_citizen_id_errors(raw: str, birth: date | None, sex: str | None, fragment: str) -> None:
    c = check_citizen_id(raw, birth, sex)
    assert not c.ok and c.error is not None and fragment in c.error


def test_old_cmnd_warns() -> None:
    c = check_citizen_id("271 234 567")
    assert c.ok and c.value == "271234567" and c.warning and "CMND" in c.warning


TODAY = date(2026, 12, 2)


@pytest.mark.parametrize("digit", "456789")
def test_century_beyond_21st_is_error(digit: str) -> None:
    c = check_citizen_id(f"075{digit}90001234", today=TODAY)
    assert not c.ok and c.warning is None and c.error is not None and "chữ số thứ tư" in c.error


@pytest.mark.parametrize(
    ("number", "today", "ok"),
    [
        ("075226001234", TODAY, True),  # born this year
        ("075227001234", TODAY, False),  # born next year
        ("075290001234", TODAY, False),
        ("075227001234", date(2027, 1, 1), True),  # the same number once 2027 has come
        ("075399001234", date(2099, 6, 1), True),
    ],
)
def test_birth_year_after_today_is_error(number: str, today: date, ok: bool) -> None:
    c = check_citizen_id(number, today=today)
    assert c.ok is ok and c.warning is None
    if not ok:
        assert c.error is not None and "sau năm hiện tại" in c.error


def test_default_today_is_the_office_clock() -> None:
    from onestop_desktop.clock import today_local

    year = today_local().year
    century = (year - 1900) // 100 * 2
    assert check_citizen_id(f"075{century}{year % 100:02d}001234").ok
    nxt = year + 1
    assert not check_citizen_id(f"075{(nxt - 1900) // 100 * 2}{nxt % 100:02d}001234").ok


def test_province() -> None:
    assert citizen_id_province("075090001234") == "Đồng Nai"
    assert citizen_id_province("001090001234") == "Hà Nội"
    assert citizen_id_province("079090001234") == "Thành phố Hồ Chí Minh"
    assert citizen_id_province("003090001234") is None
    assert citizen_id_province("271234567") is None
    assert len(PROVINCE_CODES) == 63


@st.composite
def valid_ids(draw: st.DrawFn) -> tuple[str, date, str]:
    province = draw(st.sampled_from(sorted(PROVINCE_CODES)))
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    female = draw(st.booleans())
    century = (birth.year - 1900) // 100 * 2 + int(female)
    rest = draw(st.text("0123456789", min_size=6, max_size=6))
    return f"{province}{century}{birth.year % 100:02d}{rest}", birth, "nữ" if female else "nam"


@given(valid_ids())
def test_generated_ids_pass(case: tuple[str, date, str]) -> None:
    number, birth, sex = case
    c = check_citizen_id(number, birth, sex, today=TODAY)
    assert c.ok and c.error is None and c.value == number
    assert check_citizen_id(number[:3] + " " + number[3:], today=TODAY).value == number


# ---- phone --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value", "warns"),
    [
        ("0912345678", "0912345678", False),
        ("+84 912 345 678", "0912345678", False),
        ("84912345678", "0912345678", False),
        ("091.234.5678", "0912345678", False),
        ("0912-345-678", "0912345678", False),
        ("0351234567", "0351234567", False),
        ("0561234567", "0561234567", False),
        ("0701234567", "0701234567", False),
        ("0861234567", "0861234567", False),
        ("01681234567", "0381234567", True),
        ("01621234567", "0321234567", True),
        ("01691234567", "0391234567", True),
        ("01201234567", "0701234567", True),
        ("01211234567", "0791234567", True),
        ("01221234567", "0771234567", True),
        ("01231234567", "0831234567", True),
        ("01241234567", "0841234567", True),
        ("01251234567", "0851234567", True),
        ("01261234567", "0761234567", True),
        ("01271234567", "0811234567", True),
        ("01281234567", "0781234567", True),
        ("01291234567", "0821234567", True),
        ("01861234567", "0561234567", True),
        ("01881234567", "0581234567", True),
        ("01991234567", "0591234567", True),
        ("+84 1681234567", "0381234567", True),
        ("0251 3871 234", "02513871234", False),
        ("(0251) 387.1234", "02513871234", False),
        ("024 3825 1234", "02438251234", False),
        # the written forms clerks meet
        ("+84 0912 345 678", "0912345678", False),
        ("0084 912 345 678", "0912345678", False),
        ("+84-912-345-678", "0912345678", False),
        ("(+84) 912.345.678", "0912345678", False),
        ("０９１２ ３４５ ６７８", "0912345678", False),  # full-width digits
        ("＋８４ ９１２３４５６７８", "0912345678", False),
        ("0084 168 123 4567", "0381234567", True),
        ("+84 251 3871 234", "02513871234", False),
    ],
)
def test_phone_ok(raw: str, value: str, warns: bool) -> None:
    c = check_phone(raw)
    assert c.ok and c.value == value and c.error is None
    assert (c.warning is not None) is warns


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "abc",
        "091234567",
        "09123456789",
        "0112345678",
        "0212345678",
        "01301234567",
        "912345678",
        "+1 555 0100",
    ],
)
def test_phone_errors(raw: str) -> None:
    c = check_phone(raw)
    assert not c.ok and c.error


@pytest.mark.parametrize(
    ("raw", "value", "fragment"),
    [
        # mobile prefixes no network holds (the numbering plan, via libphonenumber)
        ("0501234567", "0501234567", "đầu số 050"),
        ("0531234567", "0531234567", "đầu số 053"),
        ("0571234567", "0571234567", "đầu số 057"),
        ("0711234567", "0711234567", "đầu số 071"),
        ("0751234567", "0751234567", "đầu số 075"),
        ("0801234567", "0801234567", "đầu số 080"),
        ("+84 80 123 4567", "0801234567", "đầu số 080"),
        # area codes that do not exist
        ("0200 123 4567", "02001234567", "Mã vùng 0200"),
        ("02021234567", "02021234567", "Mã vùng 0202"),
    ],
)
def test_phone_unallocated(raw: str, value: str, fragment: str) -> None:
    c = check_phone(raw)
    assert not c.ok and c.value == value and c.error is not None and fragment in c.error
    assert c.warning is None


# ---- name ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("nguyễn văn an", "Nguyễn Văn An"),
        ("  TRẦN   THỊ  BÍCH   ", "Trần Thị Bích"),
        (unicodedata.normalize("NFD", "đặng thu ánh"), "Đặng Thu Ánh"),
        ("h'hen niê", "H'Hen Niê"),
        ("ksor y krông", "Ksor Y Krông"),
        ("lê-thị thu", "Lê-Thị Thu"),
        ("Ưng", "Ưng"),
        ("ÔNG ÍCH KHIÊM", "Ông Ích Khiêm"),
    ],
)
def test_name_ok(raw: str, value: str) -> None:
    c = check_name(raw)
    assert c.ok and c.value == value
    assert unicodedata.is_normalized("NFC", c.value)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "Chưa nhập"),
        ("   ", "Chưa nhập"),
        ("A", "quá ngắn"),
        ("Nguyễn Văn 2", "chữ số"),
        ("Nguyễn Văn An 😀", "không hợp lệ"),
        ("Nguyễn\x00Văn", "điều khiển"),
        ("Nguyễn\u200bVăn", "điều khiển"),
        ("Nguyễn, Văn", "không hợp lệ"),
        ("a" * 101, "quá dài"),
    ],
)
def test_name_errors(raw: str, fragment: str) -> None:
    c = check_name(raw)
    assert not c.ok and c.error is not None and fragment in c.error


# ---- e-mail, required, address ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "ok", "value"),
    [
        ("", True, ""),
        ("   ", True, ""),
        ("Ten.Ho@Gmail.com ", True, "ten.ho@gmail.com"),
        ("vpub@xuanloc.dongnai.gov.vn", True, "vpub@xuanloc.dongnai.gov.vn"),
        ("khong-co-a-con", False, "khong-co-a-con"),
        ("a@b", False, "a@b"),
        ("a..b@gmail.com", False, "a..b@gmail.com"),
        ("nguyễn@gmail.com", False, "nguyễn@gmail.com"),
    ],
)
def test_email(raw: str, ok: bool, value: str) -> None:
    c = check_email(raw)
    assert c.ok is ok and c.value == value


def test_required() -> None:
    assert check_required("  cấp   bản sao ", "nội dung yêu cầu") == Check(True, "cấp bản sao")
    c = check_required(" ", "nội dung yêu cầu")
    assert not c.ok and c.error == "Chưa nhập nội dung yêu cầu."


@pytest.mark.parametrize(
    ("raw", "ok"),
    [
        ("Ấp 1, xã Xuân Bắc, huyện Xuân Lộc, Đồng Nai", True),
        ("", False),
        ("ấp", False),
        ("12345", False),
        ("x" * 256, False),
        ("Ấp 1\x07 Xuân Bắc", False),
    ],
)
def test_address(raw: str, ok: bool) -> None:
    assert check_address(raw).ok is ok


# ---- properties ---------------------------------------------------------------------------------

VALIDATORS: list[Callable[[str], Check]] = [
    check_citizen_id,
    check_phone,
    check_name,
    check_email,
    check_address,
    lambda s: check_required(s, "nội dung"),
    lambda s: check_citizen_id(s, date(1990, 1, 1), "nữ"),
]


@pytest.mark.parametrize("check", VALIDATORS)
@given(text=st.text())
def test_never_raises_and_idempotent(check: Callable[[str], Check], text: str) -> None:
    first = check(text)
    assert isinstance(first.value, str)
    assert first.ok == (first.error is None)
    assert check(first.value).value == first.value
    assert unicodedata.is_normalized("NFC", first.value)


@pytest.mark.parametrize("check", [check_name, check_address, check_phone, check_email, check_citizen_id])
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_nfd_input_gives_nfc_output(check: Callable[[str], Check], text: str) -> None:
    assert check(unicodedata.normalize("NFD", text)).value == check(unicodedata.normalize("NFC", text)).value


@given(
    st.lists(
        st.sampled_from(["nguyễn", "TRẦN", "thị", "Ánh", "đặng", "ưng", "h'hen", "lê-văn", "Ý"]),
        min_size=2,
        max_size=5,
    )
)
def test_generated_names_pass(words: list[str]) -> None:
    c = check_name(" ".join(words))
    assert c.ok and check_name(c.value) == c


def test_a_name_with_a_control_character_is_refused_with_its_tidy_value() -> None:
    """Found by hypothesis: "A\\fa" gave "A a" (refused), which checked again gave "A A"."""
    first = check_name("A\x0ca")
    assert not first.ok and first.value == "A A" and check_name(first.value).value == "A A"
