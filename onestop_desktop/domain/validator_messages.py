"""The two wordings of what `validators` says about a citizen ID, phone, name, e-mail or address."""

from __future__ import annotations

from onestop_desktop.domain.messages import define

# Citizen ID (CCCD) and the old 9-digit identity card (CMND)
define(
    "val.cid.missing",
    "Chưa nhập số định danh cá nhân (CCCD).",
    "Enter the personal identification number (citizen ID card).",
)
define(
    "val.cid.digits",
    "Số định danh cá nhân chỉ gồm chữ số.",
    "The personal identification number has digits only.",
)
define(
    "val.cid.old-card",
    "Đây là số CMND cũ (9 chữ số); nên ghi số định danh cá nhân 12 chữ số nếu có.",
    "This is an old identity card number (9 digits); write the 12-digit personal identification number "
    "if the person has one.",
)
define(
    "val.cid.length",
    "Số định danh cá nhân phải có 12 chữ số (đang có {n}).",
    (
        "The personal identification number must have 12 digits ({n} digit typed).",
        "The personal identification number must have 12 digits ({n} digits typed).",
    ),
)
define(
    "val.cid.province",
    "Ba chữ số đầu “{code}” không phải mã tỉnh, thành phố nơi đăng ký khai sinh.",
    "The first three digits “{code}” are not the code of a province or city of birth registration.",
)
define(
    "val.cid.century",
    "Số định danh có chữ số thứ tư là {digit}, ứng với năm sinh {year}: kiểm tra lại số.",
    "The ID number's fourth digit is {digit}, which means birth year {year}: check the number.",
)
define(
    "val.cid.future",
    "Số định danh ứng với năm sinh {year}, sau năm hiện tại ({this_year}): "
    "kiểm tra lại chữ số thứ tư đến thứ sáu.",
    "The ID number means birth year {year}, after the current year ({this_year}): "
    "check the fourth to sixth digits.",
)
define(
    "val.cid.birth",
    "Số định danh ứng với năm sinh {year}, không khớp với ngày sinh đã nhập ({birth}).",
    "The ID number means birth year {year}, which does not match the date of birth entered ({birth}).",
)
define(
    "val.cid.sex",
    "Chữ số thứ tư của số định danh ứng với giới tính {sex}, không khớp giới tính đã nhập.",
    "The ID number's fourth digit means sex {sex}, which does not match the sex entered.",
)

# Phone numbers (the national numbering plan through libphonenumber)
define("val.phone.missing", "Chưa nhập số điện thoại.", "Enter the phone number.")
define(
    "val.phone.digits",
    "Số điện thoại chỉ gồm chữ số (có thể bắt đầu bằng +84).",
    "A phone number has digits only (it may start with +84).",
)
define(
    "val.phone.start",
    "Số điện thoại phải bắt đầu bằng 0 hoặc +84.",
    "A phone number must start with 0 or +84.",
)
define(
    "val.phone.converted",
    "Số di động 11 số cũ {old} đã được chuyển thành số mới {new}.",
    "The old 11-digit mobile number {old} was changed to the new number {new}.",
)
define(
    "val.phone.unallocated",
    "Số {number} không thuộc dải số di động đã cấp (đầu số {prefix}): kiểm tra lại.",
    "The number {number} is not in an allocated mobile range (prefix {prefix}): check it.",
)
define(
    "val.phone.landline-form",
    "Số {number} không đúng dạng số cố định của mã vùng {area}.",
    "The number {number} is not a valid landline number for area code {area}.",
)
define(
    "val.phone.no-area",
    "Mã vùng {area} không tồn tại: số cố định gồm mã vùng (Đồng Nai: 0251) và số máy.",
    "Area code {area} does not exist: a landline number is an area code (Dong Nai: 0251) and a subscriber "
    "number.",
)
define(
    "val.phone.landline-length",
    "Số cố định phải có 11 chữ số: mã vùng 02xx và 7 chữ số.",
    "A landline number has 11 digits: the area code 02xx and 7 digits.",
)
define(
    "val.phone.not-mobile",
    "Đầu số {prefix} không phải đầu số di động Việt Nam.",
    "{prefix} is not a Vietnamese mobile prefix.",
)
define(
    "val.phone.length",
    "Số điện thoại phải có 10 chữ số (di động) hoặc 11 chữ số (cố định); đang có {n}.",
    (
        "A phone number has 10 digits (mobile) or 11 digits (landline); this one has {n} digit.",
        "A phone number has 10 digits (mobile) or 11 digits (landline); this one has {n} digits.",
    ),
)

# A person's full name
define(
    "val.name.control",
    "Họ tên có ký tự điều khiển hoặc ký tự ẩn không hợp lệ.",
    "The full name contains control or hidden characters that are not allowed.",
)
define("val.name.missing", "Chưa nhập họ tên.", "Enter the full name.")
define("val.name.digit", "Họ tên không được có chữ số.", "A full name cannot contain digits.")
define(
    "val.name.char",
    "Họ tên có ký tự không hợp lệ “{ch}”: chỉ dùng chữ cái, dấu cách, dấu ' và -.",
    "The full name has a character that is not allowed, “{ch}”: use only letters, spaces, ' and -.",
)
define(
    "val.name.short",
    "Họ tên quá ngắn (ít nhất 2 ký tự).",
    "The full name is too short (at least 2 characters).",
)
define(
    "val.name.long",
    "Họ tên quá dài (tối đa 100 ký tự).",
    "The full name is too long (at most 100 characters).",
)

# E-mail, any required text, the postal address
define(
    "val.email.form",
    "Địa chỉ thư điện tử không đúng dạng (ví dụ đúng: ten@gmail.com).",
    "The e-mail address is not valid (a valid one: name@gmail.com).",
)
define(
    "val.required.control",
    "{label} có ký tự điều khiển hoặc ký tự ẩn không hợp lệ.",
    "{label} contains control or hidden characters that are not allowed.",
)
define("val.required.missing", "Chưa nhập {label}.", "Enter the {label}.")
define(
    "val.address.short",
    "Địa chỉ quá ngắn: ghi rõ số nhà/ấp, xã, huyện, tỉnh.",
    "The address is too short: give the house number or hamlet, commune, district and province.",
)
define(
    "val.address.long",
    "Địa chỉ quá dài (tối đa 255 ký tự).",
    "The address is too long (at most 255 characters).",
)
define(
    "val.address.place",
    "Địa chỉ phải có tên ấp, xã, huyện hoặc tỉnh.",
    "The address must name a hamlet, commune, district or province.",
)
