"""What `check`, backup and restore say about the file store (scans, results), in Vietnamese and English."""

from __future__ import annotations

from onestop_desktop.domain.messages import Msg, Text, define

# --- check ---------------------------------------------------------------------------------------------
define(
    "safety.store.sound",
    "Kho tệp {where}: {n} tệp ({size}) đều khớp mã SHA-256 của mình.",
    (
        "File store {where}: {n} file ({size}) matches its SHA-256.",
        "File store {where}: all {n} files ({size}) match their SHA-256.",
    ),
)
define(
    "safety.store.sound-quick",
    "Kho tệp {where}: {n} tệp ({size}) đều có mặt, đúng kích thước (kiểm tra nhanh: chưa tính lại mã "
    "SHA-256).",
    (
        "File store {where}: {n} file ({size}) is present at its size (quick check: SHA-256 not recomputed).",
        "File store {where}: all {n} files ({size}) are present at their sizes (quick check: SHA-256 not "
        "recomputed).",
    ),
)
define(
    "safety.store.checked",
    "Kho tệp {where}: đã kiểm tra {n} tệp ({size}).",
    ("File store {where}: {n} file checked ({size}).", "File store {where}: {n} files checked ({size})."),
)
define(
    "safety.store.empty",
    "Kho tệp {where}: chưa có tệp đính kèm nào.",
    "File store {where}: no attached files yet.",
)
define("safety.store.in-database", "trong cơ sở dữ liệu", "in the database")
define(
    "safety.store.missing",
    "Thiếu {n} tệp (cơ sở dữ liệu ghi có tệp nhưng trong kho không có):",
    (
        "{n} file is missing (the database names it, the store does not have it):",
        "{n} files are missing (the database names them, the store does not have them):",
    ),
)
define(
    "safety.store.damaged",
    "Hỏng {n} tệp (nội dung không còn khớp mã SHA-256 hoặc kích thước đã ghi):",
    (
        "{n} file is damaged (its content no longer matches its SHA-256 or recorded size):",
        "{n} files are damaged (their content no longer matches their SHA-256 or recorded size):",
    ),
)
define("safety.store.file", "{names} — tệp {sha}… ({size})", "{names} — file {sha}… ({size})")
define("safety.store.no-dossier", "không hồ sơ nào còn dùng", "no dossier uses it now")
define(
    "safety.store.what-to-do",
    "Đưa lại các tệp này từ kho sao lưu bằng «onestop-desktop check --repair» (không đụng tới dữ liệu hồ "
    "sơ); tệp không có trong bản sao lưu nào thì quét lại giấy tờ gốc.",
    "Bring these files back from the backups with «onestop-desktop check --repair» (the dossiers' data is "
    "not touched); a file that no backup holds must be scanned again from the paper.",
)
define(
    "safety.store.orphans",
    "{n} tệp thừa ({size}) trong kho mà không dòng nào của cơ sở dữ liệu nhắc tới: thường là phần sót lại "
    "của một lần ghi bị ngắt, vô hại. Xóa bằng «onestop-desktop check --remove-orphans».",
    (
        "{n} stray file ({size}) in the store that no row of the database names: usually what a killed "
        "write left behind, harmless. Remove it with «onestop-desktop check --remove-orphans».",
        "{n} stray files ({size}) in the store that no row of the database names: usually what killed "
        "writes left behind, harmless. Remove them with «onestop-desktop check --remove-orphans».",
    ),
)
define(
    "safety.store.leftovers",
    "{n} tệp tạm còn sót trong {folder} (một lần ghi bị ngắt): vô hại; «onestop-desktop check "
    "--remove-orphans» xóa chúng.",
    (
        "{n} temporary file left in {folder} (a killed write): harmless; «onestop-desktop check "
        "--remove-orphans» removes it.",
        "{n} temporary files left in {folder} (killed writes): harmless; «onestop-desktop check "
        "--remove-orphans» removes them.",
    ),
)
define(
    "safety.store.no-folder",
    "Cơ sở dữ liệu không ở trong một tệp SQLite mà cài đặt «attachments.store» chưa chỉ thư mục dùng chung "
    "(hoặc «database»): không biết tìm tệp ở đâu. Xem docs/SAFETY.md.",
    "The database is not a SQLite file and the setting «attachments.store» names no shared folder (nor "
    "«database»): there is no telling where the files are. See docs/SAFETY.md.",
)
define(
    "safety.store.removed",
    "Đã xóa {n} tệp thừa và tệp tạm ({size}).",
    ("Removed {n} stray or temporary file ({size}).", "Removed {n} stray and temporary files ({size})."),
)
define(
    "safety.store.kept-young",
    "Chưa xóa {n} tệp mới ghi trong một giờ qua: có thể một quầy đang lưu đúng lúc này.",
    (
        "{n} file written within the last hour was kept: a counter may be saving it right now.",
        "{n} files written within the last hour were kept: a counter may be saving them right now.",
    ),
)
define(
    "safety.store.repaired",
    "Đã đưa lại {n} tệp từ kho sao lưu vào kho tệp, mỗi tệp đã kiểm mã SHA-256.",
    (
        "Brought {n} file back from the backups into the store, its SHA-256 checked.",
        "Brought {n} files back from the backups into the store, each SHA-256 checked.",
    ),
)
define(
    "safety.store.not-repaired",
    "{n} tệp không có trong kho sao lưu nào (hoặc bản ở đó cũng hỏng): {shas}",
    (
        "{n} file is in no backup (or the copy there is damaged too): {shas}",
        "{n} files are in no backup (or the copies there are damaged too): {shas}",
    ),
)

# --- backup --------------------------------------------------------------------------------------------
define(
    "safety.backup.files",
    "Tệp đính kèm: chép {n} tệp mới ({size}) vào {pool}; {present} tệp đã có sẵn ở đó.",
    (
        "Attached files: {n} new file copied ({size}) into {pool}; {present} already there.",
        "Attached files: {n} new files copied ({size}) into {pool}; {present} already there.",
    ),
)
define(
    "safety.backup.files-missing",
    "{n} tệp mà cơ sở dữ liệu nhắc tới không có trong kho tệp nên không sao lưu được: chạy «onestop-desktop "
    "check» để biết là tệp nào.",
    (
        "{n} file the database names is not in the file store and could not be backed up: run "
        "«onestop-desktop check» to see which.",
        "{n} files the database names are not in the file store and could not be backed up: run "
        "«onestop-desktop check» to see which.",
    ),
)
define(
    "safety.backup.files-damaged",
    "{n} tệp trong kho tệp không còn khớp mã SHA-256 nên không được chép vào bản sao lưu: chạy "
    "«onestop-desktop check».",
    (
        "{n} file in the file store no longer matches its SHA-256 and was not copied into the backup: run "
        "«onestop-desktop check».",
        "{n} files in the file store no longer match their SHA-256 and were not copied into the backup: run "
        "«onestop-desktop check».",
    ),
)
define(
    "safety.backup.files-failed",
    "Không chép được tệp đính kèm vào {folder}: {why} Bản sao cơ sở dữ liệu vẫn dùng được; lần sao lưu sau "
    "chép tiếp những tệp còn thiếu.",
    "The attached files could not be copied into {folder}: {why} The database copy is still good; the next "
    "backup copies the files still missing.",
)
define(
    "safety.backup.files-removed",
    "Đã xóa {n} tệp trong kho sao lưu mà không bản sao nào còn giữ cần tới ({size}).",
    (
        "Removed {n} file from the backup pool that no kept backup needs ({size}).",
        "Removed {n} files from the backup pool that no kept backup needs ({size}).",
    ),
)
define(
    "safety.backup.not-ours",
    "Tệp {file} là một cơ sở dữ liệu SQLite nhưng không phải của chương trình (không có bảng hồ sơ): kiểm "
    "tra lại đường dẫn. Không có gì được ghi.",
    "The file {file} is a SQLite database but not this program's (it has no dossiers table): check the "
    "path. Nothing was written.",
)

# --- restore -------------------------------------------------------------------------------------------
define(
    "safety.restore.files",
    "Đã đưa lại {n} tệp đính kèm của dữ liệu khôi phục vào kho tệp (đã kiểm mã SHA-256).",
    (
        "Brought {n} attached file of the restored data back into the store (SHA-256 checked).",
        "Brought {n} attached files of the restored data back into the store (SHA-256 checked).",
    ),
)
define(
    "safety.restore.files-missing",
    "{n} tệp mà dữ liệu khôi phục cần không có trong kho tệp lẫn kho sao lưu (hoặc bản ở đó đã hỏng): "
    "«onestop-desktop check» liệt kê hồ sơ của chúng để quét lại. {shas}",
    (
        "{n} file the restored data needs is neither in the store nor in the backups (or the copy there is "
        "damaged): «onestop-desktop check» lists its dossier so it can be scanned again. {shas}",
        "{n} files the restored data needs are neither in the store nor in the backups (or the copies there "
        "are damaged): «onestop-desktop check» lists their dossiers so they can be scanned again. {shas}",
    ),
)


def short_shas(shas: tuple[str, ...] | list[str], shown: int = 5) -> str:
    """The first hex digits of a few hashes ("1a2b3c4d…, 5e6f7a8b…, …")."""
    head = ", ".join(f"{s[:12]}…" for s in shas[:shown])
    return head + (", …" if len(shas) > shown else "")


def clause(found: Msg | str) -> Text | str:
    """A finding to put inside another sentence's parentheses: its own full stop dropped in each language,
    so that "(… not a database.)." never happens."""
    if isinstance(found, Msg):
        return Text(found.text("vi").rstrip(". "), found.text("en").rstrip(". "))
    return found.rstrip(". ")
