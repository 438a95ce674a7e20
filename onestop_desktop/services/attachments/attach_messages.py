"""What the scans and attachments say, in Vietnamese and English (message ids, worded at the edge)."""

from __future__ import annotations

from onestop_desktop.domain.messages import define

define(
    "att.no-files",
    "Chưa có tệp nào để đính kèm.",
    "There is no file to attach.",
)
define(
    "att.empty",
    "Tệp {name} trống (0 byte): hãy quét lại.",
    "The file {name} is empty (0 bytes): scan it again.",
)
define(
    "att.unsupported",
    "Tệp {name} không phải ảnh quét (JPEG, PNG, TIFF) hay PDF: chương trình chỉ nhận các loại đó.",
    "The file {name} is not a scan (JPEG, PNG, TIFF) or a PDF: the program takes only those.",
)
define(
    "att.corrupt",
    "Không đọc được tệp {name} (tệp hỏng hoặc chưa quét xong): hãy quét hoặc chép lại.",
    "The file {name} cannot be read (damaged, or the scan was not finished): scan or copy it again.",
)
define(
    "att.encrypted",
    "Tệp PDF {name} có mật khẩu: hãy lưu một bản không mật khẩu rồi đính kèm.",
    "The PDF {name} is protected by a password: save a copy without one, then attach it.",
)
define(
    "att.no-pages",
    "Tệp {name} không có trang nào.",
    "The file {name} has no pages.",
)
define(
    "att.page-order",
    "Thứ tự trang không hợp lệ: trang {page} không có trong tệp ({n} trang).",
    (
        "The page order is not valid: page {page} is not in the file (it has {n} page).",
        "The page order is not valid: page {page} is not in the file (it has {n} pages).",
    ),
)
define(
    "att.too-big-file",
    "Tệp {name} nặng {size}, quá giới hạn {limit} cho một tệp: hãy quét ở độ phân giải thấp hơn "
    "(200–300 dpi là đủ) hoặc tách thành nhiều tệp. Chưa lưu gì.",
    "The file {name} is {size}, over the limit of {limit} for one file: scan at a lower resolution "
    "(200–300 dpi is enough) or split it. Nothing was saved.",
)
define(
    "att.too-big-dossier",
    "Hồ sơ {code} đã có {used} tệp đính kèm; thêm {size} sẽ vượt giới hạn {limit} cho một hồ sơ. "
    "Chưa lưu gì.",
    "Dossier {code} already holds {used} of attachments; adding {size} would pass the limit of {limit} "
    "for one dossier. Nothing was saved.",
)
define(
    "att.no-dossier",
    "Không có hồ sơ mã {code}.",
    "There is no dossier with the code {code}.",
)
define(
    "att.no-line",
    "Hồ sơ {code} không có giấy tờ số {line} (hồ sơ có {n} giấy tờ trong danh mục).",
    (
        "Dossier {code} has no document number {line} (its checklist has {n} document).",
        "Dossier {code} has no document number {line} (its checklist has {n} documents).",
    ),
)
define(
    "att.bad-form",
    "Hình thức trả kết quả phải là «electronic» (bản điện tử) hoặc «paper» (bản giấy, kèm bản quét).",
    "The result's form must be «electronic» or «paper» (a paper result, with its scan).",
)
define(
    "att.no-attachment",
    "Không có tệp đính kèm số {id}.",
    "There is no attachment number {id}.",
)
define(
    "att.missing-file",
    "Tệp {sha} không còn trong kho lưu trữ tệp: chạy «onestop-desktop check» và khôi phục từ bản sao lưu.",
    "The file {sha} is no longer in the file store: run «onestop-desktop check» and restore it from a "
    "backup.",
)
define("att.what.attach", "đính kèm bản quét", "attach scans")
