"""What backups, restores and checks say, in Vietnamese and English (message ids, worded at the edge)."""

from __future__ import annotations

from onestop_desktop.domain.messages import define

# --- the real cause of a failed read or write (services/safety/causes.py picks one) -------------------
define(
    "safety.cause.damaged",
    "Cơ sở dữ liệu {file} bị hỏng hoặc không phải tệp cơ sở dữ liệu (SQLite báo: {detail}). Nếu đúng là "
    "tệp của văn phòng, đừng tiếp tục làm việc trên tệp này: khôi phục bản sao lưu tốt gần nhất (Tệp → "
    "Khôi phục, hoặc «onestop-desktop restore»); nếu nhầm tệp, hãy kiểm tra lại đường dẫn.",
    "The database {file} is damaged or is not a database file (SQLite says: {detail}). If it is the "
    "office's file, do not keep working on it: restore the latest good backup (File → Restore, or "
    "«onestop-desktop restore»); if it is the wrong file, check the path.",
)
define(
    "safety.cause.damaged-finding",
    "Cơ sở dữ liệu {file} bị hỏng ({finding}). Nếu đúng là tệp của văn phòng, đừng tiếp tục làm việc trên "
    "tệp này: khôi phục bản sao lưu tốt gần nhất (Tệp → Khôi phục, hoặc «onestop-desktop restore»); nếu "
    "nhầm tệp, hãy kiểm tra lại đường dẫn.",
    "The database {file} is damaged ({finding}). If it is the office's file, do not keep working on it: "
    "restore the latest good backup (File → Restore, or «onestop-desktop restore»); if it is the wrong "
    "file, check the path.",
)
define(
    "safety.cause.full",
    "Đĩa chứa {file} đã đầy, không ghi được gì (dữ liệu đã có không bị hỏng): giải phóng chỗ trống "
    "(xóa tệp không cần, chép bớt sang ổ khác) rồi làm lại. Đừng khôi phục bản sao lưu vì lỗi này.",
    "The disk holding {file} is full and nothing could be written (the data already there is not "
    "damaged): free some space (delete unneeded files, move some elsewhere) and try again. Do not restore "
    "a backup because of this.",
)
define(
    "safety.cause.read-only",
    "{file} chỉ cho đọc, không ghi được (dữ liệu không bị hỏng): cấp quyền ghi cho tệp và thư mục chứa "
    "nó (hoặc gắn lại ổ đĩa ở chế độ ghi), hoặc nhờ quản trị. Đừng khôi phục bản sao lưu vì lỗi này.",
    "{file} is read-only and cannot be written (the data is not damaged): allow writing to the file and "
    "its folder (or mount the disk read-write again), or ask your administrator. Do not restore a backup "
    "because of this.",
)
define(
    "safety.cause.locked",
    "Cơ sở dữ liệu {file} đang bị một chương trình khác giữ để ghi quá lâu: đợi máy kia ghi xong rồi "
    "làm lại.",
    "The database {file} is held for writing by another program for too long: wait until it finishes "
    "and try again.",
)
define(
    "safety.cause.io",
    "Lỗi đọc/ghi ổ đĩa với {file} ({detail}): kiểm tra ổ đĩa (ổ USB đã rút ra?) rồi làm lại.",
    "A disk read/write error on {file} ({detail}): check the disk (a USB stick unplugged?) and try again.",
)

# --- backups ---------------------------------------------------------------------------------------------
define(
    "safety.backup.sqlite-only",
    "Sao lưu và khôi phục trong chương trình chỉ dùng cho cơ sở dữ liệu SQLite; với PostgreSQL hãy dùng "
    "công cụ của máy chủ (pg_dump, pg_restore).",
    "Backup and restore here work on SQLite databases only; for PostgreSQL use the server's tools "
    "(pg_dump, pg_restore).",
)
define(
    "safety.backup.no-file",
    "Không tìm thấy tệp cơ sở dữ liệu {file}.",
    "The database file {file} was not found.",
)
define(
    "safety.backup.damaged",
    "Cơ sở dữ liệu {file} bị hỏng: bản sao vừa chép không qua được kiểm tra toàn vẹn của SQLite "
    "({finding}). Bản đó được để riêng là {kept}, không dùng để khôi phục. Đừng tiếp tục làm việc trên "
    "tệp này: khôi phục bản sao lưu tốt gần nhất (Tệp → Khôi phục, hoặc «onestop-desktop restore»).",
    "The database {file} is damaged: the copy just taken fails SQLite's integrity check ({finding}). "
    "That copy was kept apart as {kept} and is not offered for restoring. Do not keep working on this "
    "file: restore the latest good backup (File → Restore, or «onestop-desktop restore»).",
)
define(
    "safety.backup.second-failed",
    "Không ghi được bản sao thứ hai vào {folder}: {why}",
    "The second copy could not be written into {folder}: {why}",
)
define("safety.backup.done", "Đã sao lưu vào: {path}", "Backed up to: {path}")
define("safety.backup.second", "Bản thứ hai: {path}", "Second copy: {path}")
define(
    "safety.backup.pruned",
    "Đã xóa bản cũ theo quy tắc lưu giữ: {n}",
    ("Old backup removed by retention: {n}", "Old backups removed by retention: {n}"),
)
define(
    "safety.list.damaged",
    "Bản sao này không qua được kiểm tra toàn vẹn: {finding}",
    "This copy fails the integrity check: {finding}",
)
define("safety.list.unreadable", "Không đọc được tệp: {detail}", "The file cannot be read: {detail}")

# --- restore -----------------------------------------------------------------------------------------------
define(
    "safety.restore.damaged-backup",
    "Bản sao lưu {file} bị hỏng, không khôi phục: {findings}",
    "The backup {file} is damaged and was not restored: {findings}",
)
define(
    "safety.restore.not-ours",
    "Tệp {file} không phải bản sao lưu của chương trình.",
    "The file {file} is not a backup made by this program.",
)
define(
    "safety.restore.newer",
    "Bản sao lưu {file} do một phiên bản mới hơn của chương trình tạo ra.",
    "The backup {file} was made by a newer version of the program.",
)
define(
    "safety.restore.onto-itself",
    "Không thể khôi phục một tệp lên chính nó.",
    "A file cannot be restored onto itself.",
)

# --- integrity findings ------------------------------------------------------------------------------------
define("safety.check.missing", "Không tìm thấy tệp {file}.", "The file {file} was not found.")
define(
    "safety.check.not-sqlite",
    "Tệp không đọc được như một cơ sở dữ liệu SQLite: {detail}.",
    "The file cannot be read as a SQLite database: {detail}.",
)
define(
    "safety.check.foreign-key",
    "Bảng {table}, dòng {row}: tham chiếu tới {parent} không còn tồn tại.",
    "Table {table}, row {row}: the {parent} it refers to no longer exists.",
)
define(
    "safety.check.missing-table",
    "Thiếu bảng {table}: tệp không còn nguyên vẹn.",
    "The table {table} is missing: the file is no longer whole.",
)
define(
    "safety.check.server",
    "Không truy cập được cơ sở dữ liệu: {detail}",
    "The database cannot be reached: {detail}",
)
