"""What the audit log and its checks say, in Vietnamese and English (message ids)."""

from __future__ import annotations

from onestop_desktop.domain.messages import define

# The key
define(
    "audit.key-missing-server",
    "Chưa có tệp khóa nhật ký kiểm tra trên máy này ({path}). Với cơ sở dữ liệu dùng chung (PostgreSQL), "
    "quản trị viên cài cùng một tệp khóa lên mỗi quầy (hoặc đặt biến môi trường {env}); "
    "chưa có khóa thì không lưu được thay đổi.",
    "This computer has no audit key file ({path}). With a shared database (PostgreSQL) the administrator "
    "installs the same key file on every counter (or sets the environment variable {env}); "
    "no change can be saved without it.",
)
define(
    "audit.key-unreadable",
    "Không đọc được tệp khóa nhật ký kiểm tra {path}: tệp phải chứa đúng 64 chữ số thập lục phân.",
    "Cannot read the audit key file {path}: it must hold exactly 64 hexadecimal digits.",
)
define(
    "audit.key-not-found",
    "Không tìm thấy tệp khóa nhật ký ({path}): các mục có khóa không kiểm tra được. "
    "Chỉ ra tệp khóa bằng --key.",
    "Audit key file not found ({path}): the keyed entries cannot be checked. Give the key file with --key.",
)
# The chain
define(
    "audit.unlinked-start",
    "Mục nhật ký số {id} không nối với đầu nhật ký: có mục đã bị xóa hoặc sửa.",
    "Audit entry {id} does not link to the start of the log: an entry was deleted or edited.",
)
define(
    "audit.unlinked",
    "Mục nhật ký số {id} không nối với mục số {prev}: có mục đã bị xóa hoặc sửa.",
    "Audit entry {id} does not link to entry {prev}: an entry was deleted or edited.",
)
define(
    "audit.edited",
    "Mục nhật ký số {id} đã bị sửa sau khi ghi.",
    "Audit entry {id} was edited after it was written.",
)
define(
    "audit.legacy-after-keyed",
    "Mục nhật ký số {id} chỉ có mã băm không khóa, sau các mục đã "
    "có khóa: mục bị làm lại ngoài chương trình.",
    "Audit entry {id} carries an unkeyed hash after keyed entries: it was rewritten outside the program.",
)
define(
    "audit.other-key",
    "{n} mục nhật ký (số {first} đến {last}) được niêm phong bằng khóa {kid} mà máy này không có "
    "(tệp khóa bị mất hoặc bị thay): không kiểm tra được.",
    (
        "{n} audit entry (number {first}–{last}) is sealed with key {kid}, which this computer does not have "
        "(the key file was lost or replaced): it cannot be checked.",
        "{n} audit entries (numbers {first} to {last}) are sealed with key {kid}, which this computer "
        "does not have (the key file was lost or replaced): they cannot be checked.",
    ),
)
define(
    "audit.unkeyed-with-key",
    "Có tệp khóa nhưng không mục nhật ký nào được niêm phong bằng "
    "khóa: nhật ký đã bị làm lại ngoài chương trình.",
    "There is a key file but no audit entry is sealed with it: the log was rewritten outside the program.",
)
define(
    "audit.not-keyed-yet",
    "Nhật ký chưa được niêm phong bằng khóa (chưa lưu thay đổi nào "
    "từ khi nâng cấp): lần lưu tới sẽ niêm phong.",
    "The log is not sealed with a key yet (nothing saved since the upgrade): the next save seals it.",
)
# The head
define(
    "audit.head-bad",
    "Đầu chuỗi phải có dạng SỐ:MÃ (ví dụ 1234:ab12…).",
    "A head is NUMBER:HEX (e.g. 1234:ab12…).",
)
define(
    "audit.head-gone",
    "Mục nhật ký số {id} của đầu chuỗi đã cho không còn: nhật ký đã bị cắt.",
    "Audit entry {id} of the given head is gone: the log was cut.",
)
define(
    "audit.head-changed",
    "Mục nhật ký số {id} không còn mang mã của đầu chuỗi đã cho: nhật ký đến mục đó đã bị thay.",
    "Audit entry {id} no longer carries the given head's code: the log up to it was replaced.",
)
define(
    "audit.head-ok",
    "Đầu chuỗi {head} vẫn ở trong nhật ký, không đổi.",
    "The head {head} is still in the log, unchanged.",
)
# The rows
define(
    "audit.row-edited",
    "Bảng {table}, dòng {row}: đã bị sửa ngoài chương trình.",
    "Table {table}, row {row}: edited outside the program.",
)
define(
    "audit.row-inserted",
    "Bảng {table}, dòng {row}: được thêm ngoài chương trình (không có trong nhật ký).",
    "Table {table}, row {row}: added outside the program (not in the log).",
)
define(
    "audit.row-deleted",
    "Bảng {table}, dòng {row}: có trong nhật ký nhưng không còn trong bảng (bị xóa ngoài chương trình).",
    "Table {table}, row {row}: in the log but no longer in the table (deleted outside the program).",
)
define(
    "audit.row-changed-before",
    "Bảng {table}, dòng {row}: đã bị sửa ngoài chương trình trước lần ghi ở mục nhật ký số {id}.",
    "Table {table}, row {row}: edited outside the program before the write of audit entry {id}.",
)
define(
    "audit.rows-more",
    "Bảng {table}: còn {n} dòng sai lệch khác.",
    ("Table {table}: {n} more row differs.", "Table {table}: {n} more rows differ."),
)
# Dossiers against their snapshots
define(
    "audit.dossier-field",
    "Hồ sơ {code}: {field} trong bảng là {actual} nhưng nhật ký ghi {logged}.",
    "Dossier {code}: {field} in the table is {actual} but the log says {logged}.",
)
define(
    "audit.dossier-deleted",
    "Hồ sơ {code} có trong nhật ký nhưng không còn trong bảng (bị xóa ngoài chương trình).",
    "Dossier {code} is in the log but no longer in the table (deleted outside the program).",
)
# The summary (command and window)
define("audit.summary.entries", "Nhật ký: {n} mục", ("Audit log: {n} entry", "Audit log: {n} entries"))
define("audit.summary.chain-ok", "Chuỗi mã nguyên vẹn.", "Chain intact.")
define(
    "audit.summary.chain-broken",
    "Chuỗi mã bị phá vỡ; liên kết hỏng đầu tiên:",
    "Chain broken; first broken link:",
)
define(
    "audit.summary.rows",
    "Dòng dữ liệu đối chiếu với nhật ký: {n} (trong {tables} bảng)",
    (
        "Data rows checked against the log: {n} (in {tables} tables)",
        "Data rows checked against the log: {n} (in {tables} tables)",
    ),
)
define(
    "audit.summary.dossiers",
    "Hồ sơ đối chiếu với nhật ký: {n}",
    ("Dossiers compared with the log: {n}", "Dossiers compared with the log: {n}"),
)
define("audit.summary.head", "Đầu chuỗi hiện tại: {head}", "Current head: {head}")
define("audit.summary.findings", "Có sai lệch: {n}", ("Findings: {n}", "Findings: {n}"))
define("audit.summary.none", "Không phát hiện sai lệch.", "No findings.")
define("audit.db-missing", "Không tìm thấy tệp cơ sở dữ liệu: {path}", "Database file not found: {path}")
define(
    "audit.db-unreadable",
    "Không đọc được cơ sở dữ liệu (chạy `check`): {reason}",
    "Cannot read the database (run `check`): {reason}",
)
# What the log records about itself
define(
    "audit.note.keyed",
    "Nhật ký được niêm phong bằng khóa {kid} từ mục này; {n} mục cũ giữ mã SHA-256 không khóa.",
    "The log is sealed with key {kid} from this entry on; {n} older entries keep their unkeyed SHA-256.",
)
define(
    "audit.note.rekeyed",
    "Khóa nhật ký đổi từ {old} sang {kid} (tệp khóa cũ không còn "
    "trên máy): các dòng dữ liệu được niêm phong lại.",
    "The audit key changed from {old} to {kid} (the old key file is "
    "no longer here): the data rows are sealed again.",
)
define("audit.briefing-head", "Đầu chuỗi nhật ký kiểm tra: {head}", "Audit log head: {head}")
