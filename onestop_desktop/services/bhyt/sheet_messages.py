"""What the BHYT sheet import says about a file, a column or a row, in Vietnamese and English."""

from __future__ import annotations

from decimal import Decimal

from onestop_desktop.domain.messages import Msg, Num, Text, define, msg

define("bhyt.sheet.unreadable", "Không đọc được tệp {name}: {error}", "Cannot read the file {name}: {error}")
define("bhyt.sheet.row", "Dòng {line} ({label}): {problem}", "Row {line} ({label}): {problem}")
define("bhyt.sheet.both", "{first} {second}", "{first} {second}")
define(
    "bhyt.sheet.no-rows-under-header",
    "Không tìm thấy dòng số liệu nào dưới dòng tiêu đề.",
    "No row of figures was found under the header row.",
)
define("bhyt.sheet.no-rows", "Không có dòng số liệu nào.", "There is no row of figures.")
define("bhyt.sheet.missing-units", "Không có số liệu của: {units}.", "No figures for: {units}.")
define("bhyt.sheet.report", "{report}", "{report}")
define(
    "bhyt.sheet.no-unit-column",
    "Không nhận ra cột mã hoặc tên đơn vị: hãy chọn cột cho từng mục.",
    "The unit code or name column was not recognised: choose a column for each item.",
)
define("bhyt.sheet.no-column", "Chưa chọn cột “{label}”.", "No column chosen for “{label}”.")
define("bhyt.sheet.col.code", "Mã đơn vị", "Unit code")
define("bhyt.sheet.col.name", "Tên đơn vị", "Unit name")
define("bhyt.sheet.col.population", "Dân số", "Population")
define("bhyt.sheet.col.insured", "Số người tham gia BHYT", "Number insured")
define("bhyt.sheet.col.group", "Nhóm {code}", "Group {code}")
define("bhyt.sheet.missing-value", "thiếu {label}", "{label} missing")
define("bhyt.sheet.bad-number", "{label}: {reason}", "{label}: {reason}")
define(
    "bhyt.sheet.merged",
    "số liệu nằm trong ô gộp nhiều dòng: mỗi đơn vị cần số của riêng mình (bỏ gộp ô rồi ghi từng số)",
    "a figure lies in cells merged over several rows: each unit needs its own (unmerge and write each)",
)
define("bhyt.sheet.duplicate", "{unit} đã có ở dòng {line}.", "{unit} is already on row {line}.")
define(
    "bhyt.sheet.unknown-code",
    "không có đơn vị mã {code} thuộc {parent}",
    "there is no unit with the code {code} in {parent}",
)
define(
    "bhyt.sheet.code-name-differ",
    "mã {code} là {unit}, không phải “{name}”",
    "the code {code} is {unit}, not “{name}”",
)
define(
    "bhyt.sheet.unknown-name",
    "không tìm thấy đơn vị tên “{name}” thuộc {parent}",
    "no unit named “{name}” was found in {parent}",
)
define(
    "bhyt.sheet.month-exists",
    "Tháng {month} đã có số liệu của {n} đơn vị. Nhập lại sẽ thay các số này (số cũ được giữ trong lịch sử).",
    (
        "The month {month} already has figures for {n} unit. Importing again replaces them "
        "(the old figures are kept in the history).",
        "The month {month} already has figures for {n} units. Importing again replaces them "
        "(the old figures are kept in the history).",
    ),
)
define(
    "bhyt.sheet.summary",
    "{n} đơn vị, dân số {population}, tham gia BHYT {insured} ({rate})",
    (
        "{n} unit, population {population}, insured {insured} ({rate})",
        "{n} units, population {population}, insured {insured} ({rate})",
    ),
)


class SheetRowError(ValueError):
    """A row that cannot be read; `msg` says why in both languages, `str()` in Vietnamese."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.msg = message


def unreadable(name: str, error: Exception) -> Msg:
    """ "Không đọc được tệp t11.xlsx: <why>" (the reason as the reading library gives it)."""
    return msg("bhyt.sheet.unreadable", name=name, error=str(error))


def column_label(field: str) -> Msg:
    """The name of a base column ("Dân số") or of a group column ("Nhóm nld")."""
    if field.startswith("group:"):
        return msg("bhyt.sheet.col.group", code=field.split(":", 1)[1])
    return msg(f"bhyt.sheet.col.{field}")


def missing_value(label: Msg) -> Msg:
    """ "thiếu dân số": the Vietnamese in lower case as it always was."""
    return msg("bhyt.sheet.missing-value", label=Text(str(label).lower(), label.text("en").lower()))


def bad_number(label: Msg, value: object, vietnamese_reason: str) -> Msg:
    """Why `value` is not a whole number: Vietnamese as `parse_vi_int` says it, English beside."""
    if isinstance(value, bool):
        english = "A true/false value is not a number."
    elif isinstance(value, float | Decimal):
        english = f"“{value}” is not a whole number."
    elif isinstance(value, str) and not value.strip():
        english = "No number entered."
    else:
        english = f"“{value}” is not a valid whole number (write it like 199.467)."
    return msg("bhyt.sheet.bad-number", label=label, reason=Text(vietnamese_reason, english))


def all_of(messages: list[Msg]) -> Msg:
    """Several messages as one, a space between them."""
    out = messages[0]
    for m in messages[1:]:
        out = msg("bhyt.sheet.both", first=out, second=m)
    return out


def lines_of(messages: list[Msg]) -> Msg:
    """Several messages as one, a line each (the report of a sheet as one refusal)."""
    vi = "\n".join(m.text("vi") for m in messages)
    en = "\n".join(m.text("en") for m in messages)
    return msg("bhyt.sheet.report", report=Text(vi, en))


def summary(n: int, population: int, insured: int, rate: float) -> Msg:
    """ "15 đơn vị, dân số 240.986, tham gia BHYT 200.067 (83,02 %)"."""
    return msg(
        "bhyt.sheet.summary", n=n, population=Num(population), insured=Num(insured), rate=Num(rate, 2, True)
    )
