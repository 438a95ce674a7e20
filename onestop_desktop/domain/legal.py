"""The law in force on a given day: which texts rule the one-stop mechanism and which form templates print.

Every act is judged by the rules of its own day, so an old dossier reprints with its old form:
- Nghị định 61/2018/NĐ-CP (amended by Nghị định 107/2021/NĐ-CP) ruled the one-stop mechanism until
  30/6/2025; Nghị định 118/2025/NĐ-CP replaced both from 1/7/2025.
- The templates of the printed forms: Thông tư 01/2018/TT-VPCP (Mẫu số 01–06, guiding Nghị định 61/2018)
  until 14/9/2025; Thông tư 03/2025/TT-VPCP (Appendix I, Mẫu số 01–07, guiding Nghị định 118/2025) from
  15/9/2025. The program prints the 01/2018 templates for every earlier act, including acts of 2018 made
  before that circular took effect on 6/1/2019 (the forms of Quyết định 09/2015/QĐ-TTg it replaced are
  not modelled).
Sources and what is not followed yet: docs/LEGAL.md.

Pure data and functions: no database, no Qt. The table-driven tests are in tests/domain/test_legal.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class FormKind(StrEnum):
    RECEIPT = "receipt"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    APOLOGY = "apology"
    STOP_NOTICE = "stop_notice"
    CONTROL_SLIP = "control_slip"
    LOG_BOOK = "log_book"


@dataclass(frozen=True)
class LegalText:
    """A legal text and the days it was in force (`valid_to` None: still in force)."""

    number: str  # "Thông tư 01/2018/TT-VPCP"
    title: str
    valid_from: date
    valid_to: date | None = None

    def in_force(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class FormTemplate:
    """One template of a circular's appendix: its number, its title, the circular."""

    kind: FormKind
    number: int
    title: str
    circular: LegalText

    @property
    def label(self) -> str:
        """The small print naming the template, e.g. "Mẫu số 01 – Thông tư 03/2025/TT-VPCP"."""
        return f"Mẫu số {self.number:02d} – {self.circular.number}"


ND_61_2018 = LegalText(
    "Nghị định 61/2018/NĐ-CP",
    "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    date(2018, 6, 21),
    date(2025, 6, 30),
)
ND_118_2025 = LegalText(
    "Nghị định 118/2025/NĐ-CP",
    "về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa "
    "và Cổng Dịch vụ công quốc gia",
    date(2025, 7, 1),
)
TT_01_2018 = LegalText(
    "Thông tư 01/2018/TT-VPCP",
    "hướng dẫn thi hành một số quy định của Nghị định 61/2018/NĐ-CP",
    date.min,  # see the module docstring: it also serves the acts before its own effective date
    date(2025, 9, 14),
)
TT_03_2025 = LegalText(
    "Thông tư 03/2025/TT-VPCP",
    "hướng dẫn thi hành một số quy định của Nghị định 118/2025/NĐ-CP",
    date(2025, 9, 15),
)

_K = FormKind
TEMPLATE_SETS: tuple[tuple[LegalText, dict[FormKind, tuple[int, str]]], ...] = (
    (
        TT_01_2018,
        {
            _K.RECEIPT: (1, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            _K.SUPPLEMENT: (2, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
            _K.REFUSAL: (3, "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
            _K.APOLOGY: (4, "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
            _K.CONTROL_SLIP: (5, "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
            _K.LOG_BOOK: (6, "Sổ theo dõi hồ sơ"),
        },
    ),
    (
        TT_03_2025,
        {
            _K.RECEIPT: (1, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            _K.SUPPLEMENT: (2, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
            _K.REFUSAL: (3, "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
            _K.APOLOGY: (4, "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
            _K.STOP_NOTICE: (5, "Thông báo dừng giải quyết hồ sơ"),
            _K.CONTROL_SLIP: (6, "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
            _K.LOG_BOOK: (7, "Sổ theo dõi hồ sơ"),
        },
    ),
)


class NoTemplate(LookupError):
    """No template of this kind was in force on that day (the stop notice before 15/9/2025)."""


def form_template(kind: FormKind, day: date) -> FormTemplate:
    """The template in force on `day`, the day of the act the form records."""
    for circular, forms in TEMPLATE_SETS:
        if circular.in_force(day):
            if kind not in forms:
                raise NoTemplate(f"{circular.number} không có mẫu «{kind}» (ngày {day:%d/%m/%Y}).")
            number, title = forms[kind]
            return FormTemplate(kind, number, title, circular)
    raise NoTemplate(f"Không có thông tư mẫu biểu nào có hiệu lực ngày {day:%d/%m/%Y}.")


def apology_asks_extension(day: date) -> bool:
    """Whether the apology of an act on `day` is Thông tư 03/2025's letter asking for an extension of the
    time to settle (Mẫu 04 "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"), not the 2018
    "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (Thông tư 01/2018, Mẫu 04)."""
    return TT_03_2025.in_force(day)


# Two tiers of local government from 1/7/2025 (Nghị quyết 202/2025/QH15; Nghị quyết 1662/NQ-UBTVQH15 for
# Đồng Nai): the units under a province are xã, phường and đặc khu; before, xã, phường and thị trấn.
TWO_TIERS_FROM = date(2025, 7, 1)


def has_districts(day: date) -> bool:
    """Whether the three-tier state (with districts and thị trấn) was in force on `day`."""
    return day < TWO_TIERS_FROM


def one_stop_decree(day: date) -> LegalText:
    """The decree ruling the one-stop mechanism on `day`."""
    return ND_118_2025 if ND_118_2025.in_force(day) else ND_61_2018


# Online public services: levels 1-4 (Nghị định 43/2011/NĐ-CP, Điều 3 khoản 4) until Nghị định
# 42/2022/NĐ-CP (Điều 11 khoản 1: "toàn trình" and "một phần") took effect on 1/8/2022.
ND_43_2011 = LegalText(
    "Nghị định 43/2011/NĐ-CP",
    "quy định về việc cung cấp thông tin và dịch vụ công trực tuyến",
    date(2011, 6, 13),
    date(2022, 7, 31),
)
ND_42_2022 = LegalText(
    "Nghị định 42/2022/NĐ-CP",
    "quy định về việc cơ quan nhà nước cung cấp thông tin và dịch vụ công trực tuyến trên môi trường mạng",
    date(2022, 8, 1),
)


def online_level_term(level: int, day: date) -> str:
    """The term for a procedure's online service on `day`: "level-1" … "level-4" before 1/8/2022, then
    "full" (toàn trình: the old level 4, submitted, paid and returned online), "partial" (một phần: levels
    2-3) or "information" (level 1 was information only, not an online service). The catalogue keeps the
    1-4 scale; the interface translates the term."""
    if not 1 <= level <= 4:
        raise ValueError(f"online level {level} is not 1-4")
    if not ND_42_2022.in_force(day):
        return f"level-{level}"
    return {1: "information", 2: "partial", 3: "partial", 4: "full"}[level]


_TERMS_VI = {"full": "Toàn trình", "partial": "Một phần", "information": "Chỉ cung cấp thông tin"}


def online_level_label(level: int, day: date) -> str:
    """The term of `online_level_term` in Vietnamese, as printed."""
    term = online_level_term(level, day)
    return _TERMS_VI.get(term, f"Mức độ {level}")


def advanced_online_services(day: date) -> str:
    """How the briefing names the online services the office should push: the terms of `day`."""
    return "mức độ 3, 4" if not ND_42_2022.in_force(day) else "toàn trình và một phần"
