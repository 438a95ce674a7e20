"""What the validators say, in Vietnamese (unchanged sentences) and in English, for the interface."""

from collections.abc import Callable
from datetime import date

import pytest

from onestop_desktop.domain.validators import Check, check_address, check_citizen_id, check_name, check_phone


@pytest.mark.parametrize(
    ("check", "vi", "en"),
    [
        (
            lambda: check_citizen_id("07509000123"),
            "Số định danh cá nhân phải có 12 chữ số (đang có 11).",
            "The personal identification number must have 12 digits (11 digits typed).",
        ),
        (
            lambda: check_citizen_id("075190001234", date(1990, 5, 1), "nam"),
            "Chữ số thứ tư của số định danh ứng với giới tính nữ, không khớp giới tính đã nhập.",
            "The ID number's fourth digit means sex female, which does not match the sex entered.",
        ),
        (
            lambda: check_citizen_id("075090001234", date(1991, 5, 1)),
            "Số định danh ứng với năm sinh 1990, không khớp với ngày sinh đã nhập (01/05/1991).",
            "The ID number means birth year 1990, which does not match the date of birth entered "
            "(01/05/1991).",
        ),
        (
            lambda: check_phone("02003871234"),
            "Mã vùng 0200 không tồn tại: số cố định gồm mã vùng (Đồng Nai: 0251) và số máy.",
            "Area code 0200 does not exist: a landline number is an area code (Dong Nai: 0251) and a "
            "subscriber number.",
        ),
        (
            lambda: check_name("An#"),
            "Họ tên có ký tự không hợp lệ “#”: chỉ dùng chữ cái, dấu cách, dấu ' và -.",
            "The full name has a character that is not allowed, “#”: use only letters, spaces, ' and -.",
        ),
        (
            lambda: check_address(" "),
            "Chưa nhập địa chỉ.",
            "Enter the address.",
        ),
        (
            lambda: check_address("Ấp 1\x07 Xuân Bắc"),
            "Địa chỉ có ký tự điều khiển hoặc ký tự ẩn không hợp lệ.",
            "Address contains control or hidden characters that are not allowed.",
        ),
    ],
)
def test_errors_carry_a_message_in_both_languages(check: Callable[[], Check], vi: str, en: str) -> None:
    c = check()
    assert not c.ok and c.error_msg is not None
    assert c.error == vi == c.error_msg.text("vi")
    assert c.error_msg.text("en") == en


def test_warnings_carry_a_message_in_both_languages() -> None:
    c = check_phone("0165 123 4567")
    assert c.ok and c.warning_msg is not None
    assert c.warning == "Số di động 11 số cũ 01651234567 đã được chuyển thành số mới 0351234567."
    assert (
        c.warning_msg.text("en")
        == "The old 11-digit mobile number 01651234567 was changed to the new number 0351234567."
    )
