"""What the old log book's import says (columns, refusals, rejected rows), in Vietnamese and English."""

from __future__ import annotations

from onestop_desktop.domain.messages import Msg, define, msg

_FIELD_EN = {
    "code": ("Mã hồ sơ", "Dossier code"),
    "procedure": ("Tên thủ tục", "Procedure name"),
    "applicant": ("Tên tổ chức, cá nhân", "Organisation or person"),
    "address": ("Địa chỉ", "Address"),
    "phone": ("Số điện thoại", "Phone number"),
    "citizen_id": ("Số CCCD", "Citizen ID number"),
    "received": ("Ngày nhận", "Date received"),
    "due": ("Ngày hẹn trả", "Due date"),
    "resolved": ("Ngày giải quyết xong", "Date resolved"),
    "returned": ("Ngày trả kết quả", "Date the result was returned"),
    "status": ("Trạng thái", "Status"),
    "note": ("Ghi chú", "Note"),
}
for _f, (_vi, _en) in _FIELD_EN.items():
    define(f"logbook.field.{_f}", _vi, _en)

define(
    "logbook.no-header",
    "Không nhận ra dòng tiêu đề của sổ theo dõi (cần các cột như {columns}).",
    "The log book's header row was not recognised (it needs columns such as {columns}).",
)
define("logbook.missing-columns", "Thiếu cột: {columns}.", "Missing columns: {columns}.")
define(
    "logbook.has-rejected", "Có dòng bị từ chối: không nhập gì.", "Some rows are rejected: nothing imported."
)
define(
    "logbook.no-user",
    "Không tìm thấy người thực hiện việc nhập.",
    "The person doing the import was not found.",
)
define(
    "logbook.no-office",
    "Chưa chọn đơn vị của cơ quan trong phần cài đặt.",
    "The office's unit has not been chosen in the settings.",
)
define(
    "logbook.bad-file",
    "Không đọc được tệp {name}: chỉ nhận .xlsx hoặc .csv.",
    "Cannot read the file {name}: only .xlsx or .csv files are accepted.",
)
define(
    "logbook.unreadable",
    "Không đọc được tệp {name}: tệp bị hỏng hoặc không phải bảng tính Excel.",
    "Cannot read the file {name}: it is damaged or not an Excel workbook.",
)
define("logbook.row", "Dòng {row}: {reasons}", "Row {row}: {reasons}")

# Why one row is rejected
define("logbook.no-procedure", "thiếu tên thủ tục", "no procedure name")
define(
    "logbook.procedure-duplicate",
    "tên thủ tục «{name}» trùng với {n} thủ tục trong danh mục",
    "the procedure name «{name}» is the name of {n} procedures in the catalogue",
)
define(
    "logbook.procedure-ambiguous",
    "tên thủ tục «{name}» khớp với {n} thủ tục, không biết chọn thủ tục nào",
    "the procedure name «{name}» matches {n} procedures: which one is meant is unclear",
)
define(
    "logbook.procedure-unknown",
    "không tìm thấy thủ tục «{name}» trong danh mục",
    "the procedure «{name}» is not in the catalogue",
)
define("logbook.bad-date", "{column} không đúng dạng ngày: «{value}»", "{column} is not a date: «{value}»")
define("logbook.missing", "thiếu {column}", "{column} missing")
define("logbook.no-applicant", "thiếu tên tổ chức, cá nhân", "no organisation or person named")
define(
    "logbook.due-before-received", "ngày hẹn trả trước ngày nhận", "the due date is before the date received"
)
define(
    "logbook.resolved-before-received",
    "ngày giải quyết xong trước ngày nhận",
    "the date resolved is before the date received",
)
define(
    "logbook.returned-before-received",
    "ngày trả kết quả trước ngày nhận",
    "the date the result was returned is before the date received",
)
define("logbook.bad-status", "trạng thái không rõ: «{status}»", "unknown status: «{status}»")
define("logbook.duplicate-code", "trùng mã hồ sơ với dòng {row}", "the same dossier code as row {row}")


# The write, and what may stop it (no row's values in any of these: they reach logs)
define(
    "logbook.concurrent",
    "Tệp này đang được nhập ở máy khác hoặc vừa được nhập xong: một số mã hồ sơ của tệp đã có trong "
    "cơ sở dữ liệu. Không nhập gì; kiểm tra lại tệp để xem còn gì chưa nhập.",
    "This file is being imported on another computer, or has just been imported: some of its dossier "
    "codes are already in the database. Nothing was imported; check the file again to see what is left.",
)
define(
    "logbook.busy",
    "Cơ sở dữ liệu đang bận ghi ở máy khác quá lâu: không nhập gì; thử lại sau ít phút.",
    "The database is held for writing by another computer for too long: nothing imported; try again "
    "in a few minutes.",
)
define(
    "logbook.write-failed",
    "Cơ sở dữ liệu từ chối ghi sổ ({kind}): không nhập gì.",
    "The database refused to write the log book ({kind}): nothing imported.",
)
define(
    "logbook.row-failed",
    "Dòng {row}: lỗi không lường trước khi kiểm tra ({kind}): không nhập gì.",
    "Row {row}: an unexpected error while checking it ({kind}): nothing imported.",
)
define("logbook.stage.check", "Đang đọc và kiểm tra dòng {done}…", "Reading and checking row {done}…")
define(
    "logbook.stage.index",
    "Đang lập chỉ mục tìm kiếm {done} / {total} hồ sơ…",
    "Indexing {done} / {total} dossiers for search…",
)
define("logbook.stage.write", "Đang ghi {done} / {total} hồ sơ…", "Writing {done} / {total} dossiers…")

# The headers a log book's sheet has (in Vietnamese, as the sheet is written, in either language)
HEADER_EXAMPLE = "Mã hồ sơ, Tên thủ tục, Tên tổ chức, cá nhân, Ngày nhận, Ngày hẹn trả"


def field_label(f: str) -> Msg:
    """A log book column's name ("Ngày nhận" / "Date received")."""
    return msg(f"logbook.field.{f}")


def rejected_row(row: int, reasons: tuple[Msg, ...], language: str = "vi") -> str:
    """ "Dòng 7: thiếu tên thủ tục; …" in `language` (the row number as a spreadsheet shows it)."""
    joined = "; ".join(r.text(language) for r in reasons)
    return msg("logbook.row", row=str(row), reasons=joined).text(language)
