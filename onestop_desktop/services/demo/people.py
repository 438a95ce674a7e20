"""Plausible, deterministic demo people: names, citizen IDs, phones, addresses."""

from __future__ import annotations

import random

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trương",
    "Lâm",
    "Mai",
]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Ngọc", "Hoàng"]
MIDDLE_F = ["Thị", "Ngọc", "Thanh", "Thu", "Hoài", "Kim", "Mỹ", "Bích", "Thị Kim", "Thị Thu"]
GIVEN_M = [
    "An",
    "Ân",
    "Bình",
    "Cường",
    "Dũng",
    "Dương",
    "Đạt",
    "Định",
    "Hải",
    "Hiếu",
    "Hòa",
    "Hùng",
    "Huy",
    "Khang",
    "Khánh",
    "Lâm",
    "Long",
    "Lộc",
    "Minh",
    "Nam",
    "Nghĩa",
    "Phúc",
    "Quân",
    "Quang",
    "Sơn",
    "Tâm",
    "Thắng",
    "Thành",
    "Thịnh",
    "Toàn",
    "Trung",
    "Tuấn",
    "Tùng",
    "Việt",
    "Vinh",
    "Ơn",
]
GIVEN_F = [
    "Anh",
    "Ánh",
    "Châu",
    "Diệp",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hiền",
    "Hoa",
    "Hương",
    "Lan",
    "Liên",
    "Linh",
    "Loan",
    "Mai",
    "Nga",
    "Ngọc",
    "Nhung",
    "Oanh",
    "Phương",
    "Quyên",
    "Thảo",
    "Thủy",
    "Trang",
    "Trinh",
    "Tuyết",
    "Uyên",
    "Ư",
    "Vân",
    "Vy",
    "Xuân",
    "Yến",
]
STREETS = [
    "Hùng Vương",
    "Trần Phú",
    "Lê Lợi",
    "Nguyễn Huệ",
    "Quốc lộ 1A",
    "Tỉnh lộ 766",
    "Lý Thường Kiệt",
    "Nguyễn Văn Cừ",
    "Trần Hưng Đạo",
    "Võ Thị Sáu",
]
MOBILE_PREFIXES = [
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "082",
    "083",
    "084",
    "085",
    "086",
    "088",
    "089",
    "090",
    "091",
    "093",
    "094",
    "096",
    "097",
    "098",
]


def person(rng: random.Random) -> tuple[str, str, str]:
    """A (full name, citizen ID, phone) triple; IDs follow the 12-digit structure, born in Đồng Nai."""
    female = rng.random() < 0.5
    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    name = f"{rng.choice(FAMILY)} {middle} {given}"
    year = rng.randint(1945, 2000)
    century_sex = (0 if year < 2000 else 2) + (1 if female else 0)
    cid = f"075{century_sex}{year % 100:02d}{rng.randint(0, 999999):06d}"
    phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 9999999):07d}"
    return name, cid, phone


def address(rng: random.Random, unit_name: str) -> str:
    if rng.random() < 0.5:
        return f"Số {rng.randint(1, 400)}, đường {rng.choice(STREETS)}, {unit_name}"
    return f"Ấp {rng.randint(1, 9)}, {unit_name}"
