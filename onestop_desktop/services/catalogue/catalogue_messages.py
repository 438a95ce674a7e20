"""What the catalogue services refuse (edits, versions, workbooks, lists), in Vietnamese and English."""

from __future__ import annotations

from onestop_desktop.domain.messages import define

# Administrators' edits
define("cat.field-code", "Mã lĩnh vực phải có từ 1 đến 20 ký tự.", "A field code has 1 to 20 characters.")
define("cat.field-name", "Tên lĩnh vực phải có từ 1 đến 200 ký tự.", "A field name has 1 to 200 characters.")
define("cat.proc-code", "Mã thủ tục phải có từ 1 đến 40 ký tự.", "A procedure code has 1 to 40 characters.")
define(
    "cat.proc-name", "Tên thủ tục phải có từ 1 đến 500 ký tự.", "A procedure name has 1 to 500 characters."
)
define("cat.no-field", "Không có lĩnh vực mã “{code}”.", "There is no field with the code “{code}”.")
define(
    "cat.time-unit",
    "Đơn vị thời hạn phải là giờ làm việc, ngày làm việc hoặc ngày.",
    "The time limit's unit must be working hours, working days or days.",
)
define("cat.time-value", "Thời hạn giải quyết phải từ 0 đến 365.", "The time limit must be from 0 to 365.")
define("cat.fee", "Lệ phí không hợp lệ.", "The fee is not valid.")
define("cat.level", "Cấp thực hiện phải là xa, huyen hoặc tinh.", "The level must be xa, huyen or tinh.")
define(
    "cat.online-level",
    "Mức độ dịch vụ công trực tuyến phải từ 1 đến 4.",
    "The online public service level must be from 1 to 4.",
)
define("cat.bad-document", "Giấy tờ không hợp lệ: “{name}”.", "Document not valid: “{name}”.")
define("cat.empty", "(trống)", "(empty)")
define(
    "cat.override-reason",
    "Ghi lý do (ví dụ: {example}), tối đa 200 ký tự.",
    "Give the reason (for example: {example}), at most 200 characters.",
)
define("cat.override-example", "Nghỉ bù Quốc khánh", "Day off in lieu of National Day")
define("cat.no-override", "Không có ngày điều chỉnh {day}.", "There is no calendar change on {day}.")

# Versions
define(
    "cat.not-in-force",
    "Thủ tục {code} không áp dụng vào ngày {day} theo danh mục.",
    "The procedure {code} does not apply on {day} according to the catalogue.",
)
define(
    "cat.version-kept",
    "Thủ tục {code} có hồ sơ tiếp nhận ngày {last} theo phiên bản đang áp dụng: "
    "ngày áp dụng mới phải từ ngày {first} trở đi.",
    "The procedure {code} has a dossier received on {last} under the version in force: "
    "the new version can start on {first} at the earliest.",
)
define(
    "cat.version-same-day",
    "Thủ tục {code} đã có hồ sơ tiếp nhận theo phiên bản từ ngày {day}: "
    "không thay được phiên bản này, hãy chọn một ngày áp dụng khác.",
    "The procedure {code} already has dossiers received under the version from {day}: "
    "that version cannot be replaced; choose another start day.",
)

# Workbooks and published lists
define(
    "cat.bad-workbook",
    "Không đọc được tệp Excel {name}: {error}",
    "Cannot read the Excel file {name}: {error}",
)
define("cat.no-sheet", "Tệp không có trang “{sheet}”.", "The file has no sheet “{sheet}”.")
define("cat.sheet-row", "{sheet}, dòng {row}: {why}", "{sheet}, row {row}: {why}")
define("cat.row-field", "thiếu mã hoặc tên lĩnh vực.", "the field's code or name is missing.")
define(
    "cat.row-document",
    "giấy tờ không hợp lệ (cần mã thủ tục, tên, loại bản và số bản từ 0 đến 99).",
    "document not valid (it needs a procedure code, a name, a kind of copy and 0 to 99 copies).",
)
define(
    "cat.row-numbers",
    "thời hạn, lệ phí và mức độ phải là số nguyên.",
    "the time limit, the fee and the level must be whole numbers.",
)
define(
    "cat.row-duplicate",
    "mã thủ tục {code} đã có ở dòng {row}.",
    "the procedure code {code} is already on row {row}.",
)
define(
    "cat.list-conflict",
    "Thủ tục {code} có hồ sơ tiếp nhận ngày {last} theo phiên bản đang áp dụng, "
    "nên ngày áp dụng phải từ ngày {first} trở đi.",
    "Procedure {code} has a dossier received on {last} under the version in force, "
    "so the list can apply from {first} at the earliest.",
)
define(
    "cat.unlisted-conflict",
    "Thủ tục mã {code} (không có trong tệp): thủ tục {code} có hồ sơ tiếp nhận ngày {last} theo phiên bản "
    "đang áp dụng, nên ngày áp dụng phải từ ngày {first} trở đi.",
    "Procedure code {code} (not in the file): it has a dossier received on {last} under the version "
    "in force, so the list can apply from {first} at the earliest.",
)
define(
    "cat.list-rejected",
    "Tệp còn dòng bị từ chối: chưa ghi gì vào danh mục.",
    "The file still has rejected rows: nothing written to the catalogue.",
)

# What a province's list changes, one line per difference (the preview before an import)
define("cat.chg.time", "Thời hạn: {old} → {new}", "Time limit: {old} → {new}")
define("cat.chg.fee", "Lệ phí: {old} → {new}", "Fee: {old} → {new}")
define("cat.chg.online", "Mức độ trực tuyến: {old} → {new}", "Online level: {old} → {new}")
define("cat.chg.result", "Kết quả: {old} → {new}", "Result: {old} → {new}")
define("cat.chg.doc-added", "Thêm giấy tờ: {name}", "Paper added: {name}")
define("cat.chg.doc-dropped", "Bỏ giấy tờ: {name}", "Paper dropped: {name}")
define("cat.chg.doc-changed", "Giấy tờ “{name}”: {old} → {new}", "Paper “{name}”: {old} → {new}")
define("cat.chg.doc-order", "Đổi thứ tự giấy tờ", "Papers reordered")
define("cat.chg.name", "Tên: {old} → {new}", "Name: {old} → {new}")
define("cat.chg.field", "Lĩnh vực: {old} → {new}", "Field: {old} → {new}")
define("cat.chg.level", "Cấp thực hiện: {old} → {new}", "Level: {old} → {new}")
define("cat.chg.active-again", "Áp dụng lại", "In use again")
define("cat.chg.inactive", "Ngừng áp dụng", "No longer in use")
define("cat.chg.again-from", "Áp dụng lại từ ngày này", "In use again from this day")
define(
    "cat.chg.new",
    "Thời hạn {time}, lệ phí {fee}, {n} giấy tờ",
    ("Time limit {time}, fee {fee}, {n} paper", "Time limit {time}, fee {fee}, {n} papers"),
)
define(
    "cat.chg.unlisted",
    "Không còn trong danh mục: ngừng áp dụng từ ngày {first} (áp dụng đến hết ngày {last})",
    "No longer in the list: not in use from {first} (in use until the end of {last})",
)
define("cat.empty", "(trống)", "(empty)")
define("cat.no-fee", "không thu", "none")
define("cat.plan.new", "Thủ tục mới", "New procedure")
define("cat.plan.changed", "Thay đổi", "Changed")
define("cat.plan.unlisted", "Không còn trong danh mục", "No longer in the list")
define(
    "cat.plan.summary",
    "Từ ngày {day}: {new} thủ tục mới, {changed} thay đổi, {unchanged} không đổi, {unlisted} không còn "
    "trong danh mục.",
    "From {day}: new procedures {new}, changed {changed}, unchanged {unchanged}, no longer in the list "
    "{unlisted}.",
)
