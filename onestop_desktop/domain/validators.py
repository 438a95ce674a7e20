"""Validation of what a clerk types: citizen ID, phone, name, e-mail, address.

Every check returns a `Check` and never raises: `value` is the normalised text (also when invalid, so
that checking it again gives the same value), `error_msg` a message (`error` its Vietnamese sentence),
`warning_msg` a softer note (`warning` in Vietnamese). The wordings live in `validator_messages`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import phonenumbers

from onestop_desktop.clock import today_local
from onestop_desktop.domain import validator_messages as _words  # noqa: F401  (defines the "val." messages)
from onestop_desktop.domain.messages import Msg, Text, msg
from onestop_desktop.domain.text import nfc

__all__ = [
    "PROVINCE_CODES",
    "Check",
    "check_address",
    "check_citizen_id",
    "check_email",
    "check_name",
    "check_phone",
    "check_required",
    "citizen_id_province",
]


@dataclass(frozen=True)
class Check:
    ok: bool
    value: str
    error_msg: Msg | None = None
    warning_msg: Msg | None = None

    @property
    def error(self) -> str | None:
        """The error in Vietnamese (command line, logs); the interface words `error_msg` itself."""
        return None if self.error_msg is None else str(self.error_msg)

    @property
    def warning(self) -> str | None:
        return None if self.warning_msg is None else str(self.warning_msg)


def _ok(value: str, warning: Msg | None = None) -> Check:
    return Check(True, value, None, warning)


def _err(value: str, error: Msg) -> Check:
    return Check(False, value, error, None)


def capital(label: str | Text) -> str | Text:
    """A field's name at the start of a sentence ("Địa chỉ …", "Address …")."""
    if isinstance(label, Text):
        return Text(label.vi[:1].upper() + label.vi[1:], label.en[:1].upper() + label.en[1:])
    return label[:1].upper() + label[1:]


# Province codes of the birth-registration place (Thông tư 07/2016/TT-BCA; the 63 provinces until 2025).
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
    "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
    "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
    "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
    "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa - Vũng Tàu",
    "079": "Thành phố Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre",
    "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang",
    "092": "Cần Thơ", "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip

_MALE = {"nam", "male", "m"}
_FEMALE = {"nữ", "nu", "female", "f"}


def _no_space(s: str) -> str:
    return nfc("".join(nfc(s).split()))


def citizen_id_province(s: str) -> str | None:
    """Province of birth registration encoded in a 12-digit ID, or None."""
    digits = _no_space(s)
    if len(digits) != 12 or not (digits.isascii() and digits.isdigit()):
        return None
    return PROVINCE_CODES.get(digits[:3])


def check_citizen_id(
    s: str, birth_date: date | None = None, sex: str | None = None, today: date | None = None
) -> Check:
    """12-digit citizen ID (CCCD): province, century+sex digit, two year digits, six random digits.

    Century digit: 0/1 → 1900s, 2/3 → 2000s (even male, odd female); 4/5 (2100s) and beyond, or a birth
    year after `today`'s (default: the office's clock), cannot be a living person's. A 9-digit old ID
    card (CMND) number passes with a warning.
    """
    v = _no_space(s)
    if not v:
        return _err(v, msg("val.cid.missing"))
    if not (v.isascii() and v.isdigit()):
        return _err(v, msg("val.cid.digits"))
    if len(v) == 9:
        return _ok(v, msg("val.cid.old-card"))
    if len(v) != 12:
        return _err(v, msg("val.cid.length", n=len(v)))
    if v[:3] not in PROVINCE_CODES:
        return _err(v, msg("val.cid.province", code=v[:3]))
    century_digit = int(v[3])
    year = 1900 + 100 * (century_digit // 2) + int(v[4:6])
    female = century_digit % 2 == 1
    if century_digit > 3:
        return _err(v, msg("val.cid.century", digit=str(century_digit), year=str(year)))
    this_year = (today or today_local()).year
    if year > this_year:
        return _err(v, msg("val.cid.future", year=str(year), this_year=str(this_year)))
    if birth_date is not None and birth_date.year != year:
        born = f"{birth_date.day:02d}/{birth_date.month:02d}/{birth_date.year}"
        return _err(v, msg("val.cid.birth", year=str(year), birth=born))
    if sex is not None:
        key = nfc(sex).strip().lower()
        if (key in _MALE and female) or (key in _FEMALE and not female):
            said = Text("nữ", "female") if female else Text("nam", "male")
            return _err(v, msg("val.cid.sex", sex=said))
    return _ok(v)


# Old 11-digit mobile prefixes and their 10-digit replacements (2018-2019 conversion). The numbering
# plan (libphonenumber) knows only today's numbers, so these are converted first, then checked.
_OLD_MOBILE = {
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036", "0167": "037",
    "0168": "038", "0169": "039",
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
    "0186": "056", "0188": "058", "0199": "059",
}  # fmt: skip
_PHONE_JUNK = re.compile(r"[\s.\-()\u2010-\u2015/]")
_MOBILE_START = ("03", "05", "07", "08", "09")


def _national(v: str) -> str:
    """+84 …, 0084 …, 84 … (11-12 digits) and "+84 0…" to the national form 0…; anything else unchanged."""
    if v.startswith("+84"):
        rest = v[3:]
    elif v.startswith("0084"):
        rest = v[4:]
    elif v.startswith("84") and len(v) in (11, 12) and v.isdigit():
        rest = v[2:]
    else:
        return v
    if not rest:
        return v
    return rest if rest.startswith("0") else "0" + rest


def _allocated(v: str) -> bool:
    """Whether Google's numbering plan for Vietnam (libphonenumber) holds this national number."""
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(v, "VN")))
    except phonenumbers.NumberParseException:
        return False


def check_phone(s: str) -> Check:
    """Vietnamese phone number, normalised to 0xxxxxxxxx (mobile) or 02xxxxxxxxx (landline).

    Written forms with +84, 0084, 84, spaces, dots, dashes, brackets or full-width digits pass; the number
    must be in an allocated range of the national numbering plan. An old 11-digit mobile number is
    converted to its 10-digit number (with a warning) before that check.
    """
    v = _national(nfc(_PHONE_JUNK.sub("", unicodedata.normalize("NFKC", s))))
    if not v:
        return _err(v, msg("val.phone.missing"))
    if not (v.isascii() and v.isdigit()):
        return _err(v, msg("val.phone.digits"))
    if not v.startswith("0"):
        return _err(v, msg("val.phone.start"))
    warning = None
    if len(v) == 11 and v[:4] in _OLD_MOBILE:
        old, v = v, _OLD_MOBILE[v[:4]] + v[4:]
        warning = msg("val.phone.converted", old=old, new=v)
    if _allocated(v) and len(v) in (10, 11):
        return _ok(v, warning)
    if len(v) == 10 and v.startswith(_MOBILE_START):
        return _err(v, msg("val.phone.unallocated", number=v, prefix=v[:3]))
    if len(v) == 11 and v.startswith("02"):
        if _allocated(v[:4] + "3871234"):
            return _err(v, msg("val.phone.landline-form", number=v, area=v[:4]))
        return _err(v, msg("val.phone.no-area", area=v[:4]))
    if len(v) == 10 and v.startswith("02"):
        return _err(v, msg("val.phone.landline-length"))
    if len(v) == 10:
        return _err(v, msg("val.phone.not-mobile", prefix=v[:3]))
    return _err(v, msg("val.phone.length", n=len(v)))


_NAME_PUNCT = {"'", "’", "-"}


# Python's str.split() also splits on the separator control characters \x1c-\x1f and \x85; those must
# stay in the value so that the control-character error is reported again on the normalised value.
_WHITESPACE = re.compile(r"[^\S\x1c-\x1f\x85]+")


def _collapse(s: str) -> str:
    return nfc(_WHITESPACE.sub(" ", nfc(s)).strip(" "))


def _bad_control(s: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Cn") and ch not in "\t\n\r" for ch in s)


def _title_word(word: str) -> str:
    out: list[str] = []
    start = True
    for ch in word:
        if unicodedata.category(ch).startswith("M"):
            out.append(ch)
            continue
        changed = ch.upper() if start else ch.lower()
        out.append(changed if len(changed) == 1 else ch)
        start = ch in _NAME_PUNCT
    return "".join(out)


def check_name(s: str) -> Check:
    """A person's full name: letters, spaces, apostrophes and hyphens; each word capitalised."""
    if _bad_control(s):
        v = _collapse(s)
        # the value shown back is the one the name would have without them (idempotent: checking it
        # again gives it unchanged, "A\fa" -> "A A", not "A a")
        tidy = check_name(v).value if v and not _bad_control(v) else v
        return _err(tidy, msg("val.name.control"))
    v = _collapse(s)
    if not v:
        return _err(v, msg("val.name.missing"))
    prev_letter = False
    for ch in v:
        cat = unicodedata.category(ch)
        if ch.isdigit() or cat == "Nd":
            return _err(v, msg("val.name.digit"))
        if ch.isalpha():
            prev_letter = True
        elif cat.startswith("M") and prev_letter:
            continue
        elif ch == " " or ch in _NAME_PUNCT:
            prev_letter = False
        else:
            return _err(v, msg("val.name.char", ch=ch))
    if len(v) < 2:
        return _err(v, msg("val.name.short"))
    if len(v) > 100:
        return _err(v, msg("val.name.long"))
    titled = nfc(" ".join(_title_word(w) for w in v.split(" ")))
    return _ok(titled)


_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def check_email(s: str) -> Check:
    """Optional e-mail address: empty is fine; otherwise name@domain.tld, lower-cased."""
    v = nfc(_no_space(s).lower())
    if not v:
        return _ok("")
    if len(v) > 254 or not _EMAIL.match(v) or ".." in v:
        return _err(v, msg("val.email.form"))
    return _ok(v)


def check_required(s: str, label: str | Text) -> Check:
    """Any required text field; `label` names it in the message ("Chưa nhập nội dung yêu cầu.").

    Give the label as a `Text` (Vietnamese and English) for the English interface to name it too.
    """
    v = _collapse(s)
    if _bad_control(s):
        return _err(v, msg("val.required.control", label=capital(label)))
    if not v:
        return _err(v, msg("val.required.missing", label=label))
    return _ok(v)


def check_address(s: str) -> Check:
    """Postal address: required, 5..255 characters, no control characters."""
    checked = check_required(s, Text("địa chỉ", "address"))
    if not checked.ok:
        return checked
    v = checked.value
    if len(v) < 5:
        return _err(v, msg("val.address.short"))
    if len(v) > 255:
        return _err(v, msg("val.address.long"))
    if not any(ch.isalpha() for ch in v):
        return _err(v, msg("val.address.place"))
    return _ok(v)
