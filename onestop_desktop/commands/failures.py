"""What went wrong, as one sentence that says what to do: the command line's last word on any exception."""

from __future__ import annotations

import errno
import traceback
import zipfile
from datetime import datetime

from onestop_desktop.prefs import t

BAD_INPUT = 2  # the exit code of every refusal here (as argparse's own)
UNEXPECTED = 1
SERVER_DOWN = (
    "could not connect",
    "connection refused",
    "could not translate host",
    "timeout expired",
    "connection to server",
    "name or service not known",
)


def _language() -> str:
    from onestop_desktop.prefs import load

    return load().language


def _database_name(database: str) -> str:
    """The file (or server) the sentence names: the --database file, else the default file."""
    from onestop_desktop.db.engine import resolve_url, sqlite_file

    url = resolve_url(database or None)
    return str(sqlite_file(url) or database or url)


def _real_cause(exc: BaseException, database: str) -> str | None:
    """A damaged file, a full disk or a read-only file in the user's words (never "damaged" for the last
    two: following "restore a backup" there would throw away everything saved since)."""
    from onestop_desktop.services.safety.causes import DatabaseDamaged, DiskFull, ReadOnly, explain

    explained = explain(exc, _database_name(database))
    if not isinstance(explained, DatabaseDamaged | DiskFull | ReadOnly) or explained.msg is None:
        return None  # locked: _database_words says to wait; other I/O errors: the sentences below
    return explained.msg.text(_language())


def _database_words(text: str, database: str) -> str:
    """A driver's error about the database, in the user's words."""
    low = text.lower()
    where = database or t("mặc định", "the default one")
    if "locked" in low or "busy" in low:
        return t(
            f"Cơ sở dữ liệu {where} đang bị một chương trình khác giữ để ghi quá lâu: đợi máy kia ghi xong "
            "(hoặc đóng chương trình đang mở tệp) rồi chạy lại.",
            f"The database {where} is held for writing by another program for too long: wait until it "
            "finishes (or close the program that has the file open) and run again.",
        )
    if "readonly" in low or "read-only" in low or "read only" in low:
        return t(
            f"Cơ sở dữ liệu {where} chỉ cho đọc: cấp quyền ghi cho tệp và thư mục chứa nó, hoặc chép sang "
            "thư mục khác.",
            f"The database {where} is read-only: allow writing to the file and its folder, or copy it.",
        )
    if "unable to open database file" in low:
        return t(
            f"Không mở được tệp cơ sở dữ liệu {where}: kiểm tra đường dẫn, thư mục chứa và quyền ghi.",
            f"Cannot open the database file {where}: check the path, its folder and the permissions.",
        )
    if any(w in low for w in SERVER_DOWN):
        return t(
            f"Máy chủ cơ sở dữ liệu {where} không trả lời: kiểm tra địa chỉ, cổng, và máy chủ đã chạy chưa.",
            f"The database server {where} does not answer: check the address, the port and that it runs.",
        )
    if "authentication failed" in low or "does not exist" in low or "no password supplied" in low:
        return t(
            f"Máy chủ cơ sở dữ liệu {where} từ chối: kiểm tra tên người dùng, mật khẩu và tên cơ sở dữ liệu.",
            f"The database server {where} refused: check the user name, the password and the database name.",
        )
    return t(
        "Không mở được cơ sở dữ liệu: tệp không phải cơ sở dữ liệu, đã hỏng, đang bị khóa hoặc máy "
        "chủ không trả lời. Kiểm tra --database, hoặc chạy «onestop-desktop check».",
        "Cannot open the database: the file is not a database, is damaged or locked, or the server "
        "does not answer. Check --database, or run «onestop-desktop check».",
    )


def _os_words(exc: OSError) -> str:
    name = exc.filename or ""
    if isinstance(exc, IsADirectoryError):
        return t(f"{name} là một thư mục: ghi tên một tệp.", f"{name} is a folder: give the name of a file.")
    if isinstance(exc, FileNotFoundError):
        return t(
            f"Không tìm thấy {name}: kiểm tra đường dẫn (thư mục chứa phải có sẵn).",
            f"{name} not found: check the path (its folder must exist).",
        )
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return t(
            f"Không có quyền ghi hoặc đọc {name}: chọn thư mục khác, hoặc nhờ quản trị cấp quyền.",
            f"No permission to write or read {name}: choose another folder, or ask for the permission.",
        )
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return t(
            f"{name}: trên đường dẫn có một tệp ở chỗ cần thư mục; chọn đường dẫn khác.",
            f"{name}: a file stands where a folder is needed; choose another path.",
        )
    return t(
        f"Lỗi đọc/ghi {name}: {exc.strerror or exc}; kiểm tra ổ đĩa và đường dẫn.",
        f"Read/write error on {name}: {exc.strerror or exc}; check the disk and the path.",
    )


def describe(exc: BaseException, database: str = "") -> tuple[str, int]:
    """The sentence for `exc` and the exit code; a fault no rule knows is logged and named as such."""
    from sqlalchemy import exc as sa

    from onestop_desktop.services.errors import ServiceError

    if isinstance(exc, ServiceError):
        return (exc.msg.text(_language()) if exc.msg is not None else exc.message), BAD_INPUT
    import sqlite3

    if isinstance(exc, sa.DBAPIError | sqlite3.Error) or (
        isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)
    ):
        if (said := _real_cause(exc, database)) is not None:
            return said, BAD_INPUT
    if isinstance(exc, sa.ArgumentError | sa.NoSuchModuleError):
        return (
            t(
                f"«{database}» không phải địa chỉ cơ sở dữ liệu: ghi đường dẫn tệp SQLite, hoặc URL dạng "
                "postgresql://người_dùng@máy:cổng/tên.",
                f"«{database}» is not a database address: give a SQLite file path, or a URL like "
                "postgresql://user@host:port/name.",
            ),
            BAD_INPUT,
        )
    if isinstance(exc, sa.DBAPIError):
        return _database_words(str(exc.orig), database), BAD_INPUT
    if isinstance(exc, sqlite3.Error):  # the backup and check code speak to SQLite directly
        return _database_words(str(exc), database), BAD_INPUT
    if isinstance(exc, ImportError) and exc.name:
        return (
            t(
                f"Thiếu thư viện {exc.name} cho cơ sở dữ liệu này: cài nó, hoặc dùng một tệp SQLite.",
                f"The library {exc.name} is missing for this database: install it, or use a SQLite file.",
            ),
            BAD_INPUT,
        )
    if isinstance(exc, UnicodeError):
        return (
            t(
                "Tệp không phải văn bản UTF-8: trong Excel, Lưu thành “CSV UTF-8 (phân cách bằng dấu phẩy)”.",
                "The file is not UTF-8 text: in Excel, save it as “CSV UTF-8”.",
            ),
            BAD_INPUT,
        )
    if isinstance(exc, zipfile.BadZipFile):
        return (
            t(
                "Tệp không phải sổ Excel .xlsx: mở bằng Excel rồi Lưu thành “Sổ làm việc Excel (.xlsx)”.",
                "The file is not an .xlsx workbook: open it in Excel and save it as .xlsx.",
            ),
            BAD_INPUT,
        )
    if isinstance(exc, OSError):
        return _os_words(exc), BAD_INPUT
    if isinstance(exc, MemoryError | OverflowError):
        return t(
            "Không đủ bộ nhớ: chọn một số nhỏ hơn.", "Out of memory: choose a smaller number."
        ), BAD_INPUT
    return _unexpected(exc), UNEXPECTED


def _unexpected(exc: BaseException) -> str:
    """Log the traceback where an administrator finds it; the user reads one sentence."""
    from onestop_desktop.paths import data_dir

    log = data_dir() / "errors.log"
    try:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}\n")
            fh.write("".join(traceback.format_exception(exc)))
    except OSError:
        log = None  # type: ignore[assignment]
    kind = type(exc).__name__
    if log is None:
        return t(
            f"Lỗi không mong đợi ({kind}): báo cho quản trị.", f"Unexpected error ({kind}): tell your admin."
        )
    return t(
        f"Lỗi không mong đợi ({kind}): chi tiết đã ghi vào {log}; gửi tệp này cho quản trị.",
        f"Unexpected error ({kind}): the details are in {log}; send this file to your administrator.",
    )
