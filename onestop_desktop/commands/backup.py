"""`onestop-desktop backup [--to DIR]`, `restore [FILE]`, `check [--remove-orphans] [--repair]`: the
database's safety, and its file store's (scans and results), from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path

from onestop_desktop.commands.signin import PASSWORD_ENV
from onestop_desktop.prefs import t


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "backup",
        parents=[common],
        help=t("sao lưu cơ sở dữ liệu SQLite", "back up the SQLite database"),
    )
    p.add_argument(
        "--to",
        metavar="DIR",
        type=Path,
        help=t(
            "chép thêm một bản vào thư mục này (ví dụ USB); bản chính vẫn ở thư mục backups",
            "also copy into this folder (e.g. a USB stick); the main copy stays in backups/",
        ),
    )
    p.set_defaults(func=run_backup)

    r = sub.add_parser(
        "restore",
        parents=[common],
        help=t(
            "khôi phục từ bản sao lưu (lãnh đạo, quản trị); không có FILE: liệt kê các bản",
            "restore from a backup (leader, administrator); without FILE: list the backups",
        ),
    )
    r.add_argument("file", metavar="FILE", nargs="?", type=Path, help=t("tệp sao lưu", "backup file"))
    r.add_argument(
        "--user",
        metavar="NAME",
        help=t(
            f"tên đăng nhập (mật khẩu hỏi khi chạy hoặc lấy từ {PASSWORD_ENV})",
            f"user name (password prompted or taken from {PASSWORD_ENV})",
        ),
    )
    r.set_defaults(func=run_restore)

    c = sub.add_parser(
        "check",
        parents=[common],
        help=t("kiểm tra tính toàn vẹn của cơ sở dữ liệu", "check the database's integrity"),
    )
    c.add_argument(
        "--quick",
        action="store_true",
        help=t(
            "kiểm tra nhanh (quick_check; tệp đính kèm: chỉ sự có mặt và kích thước)",
            "quick_check only (attached files: presence and size only)",
        ),
    )
    c.add_argument(
        "--remove-orphans",
        action="store_true",
        help=t(
            "xóa tệp thừa trong kho tệp (không dòng nào nhắc tới, cũ hơn một giờ) và tệp tạm còn sót",
            "remove stray files from the file store (named by no row, older than an hour) and leftover "
            "temporary files",
        ),
    )
    c.add_argument(
        "--repair",
        action="store_true",
        help=t(
            "đưa lại tệp thiếu hoặc hỏng từ kho sao lưu (backups/files, và thư mục --from)",
            "bring missing or damaged files back from the backups (backups/files, and the --from folder)",
        ),
    )
    c.add_argument(
        "--from",
        dest="from_folder",
        metavar="DIR",
        type=Path,
        help=t(
            "với --repair: thư mục sao lưu khác (ví dụ USB) để tìm tệp",
            "with --repair: another backup folder (e.g. a USB stick) to look in",
        ),
    )
    c.set_defaults(func=run_check)


def _say(message: object) -> str:
    """A message id (or a plain sentence) in the interface language."""
    from onestop_desktop.domain.messages import Msg
    from onestop_desktop.prefs import load

    return message.text(load().language) if isinstance(message, Msg) else str(message)


def _url(database: str | None, *, sqlite_only: bool = True) -> str:
    """The database's URL; for backup and restore a server database is refused (its own tools do that)."""
    from onestop_desktop.db.engine import resolve_url, sqlite_file
    from onestop_desktop.domain.messages import msg
    from onestop_desktop.services.errors import ServiceError
    from onestop_desktop.services.safety import safety_messages  # noqa: F401 - the messages used here

    url = resolve_url(database)
    if sqlite_only and sqlite_file(url) is None:
        raise ServiceError(msg("safety.backup.sqlite-only"))
    return url


def _folder_problem(folder: Path) -> str | None:
    """Why the second copy cannot go into `folder` (checked before the first copy is made)."""
    import os

    if folder.exists() and not folder.is_dir():
        return t(f"{folder} là một tệp: --to cần một thư mục.", f"{folder} is a file: --to needs a folder.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return t(
            f"Không tạo được thư mục {folder} ({exc.strerror or exc}): kiểm tra ổ USB hoặc chọn "
            "thư mục khác.",
            f"Cannot create the folder {folder} ({exc.strerror or exc}): check the USB stick or choose "
            "another.",
        )
    if not os.access(folder, os.W_OK):
        return t(f"Không có quyền ghi vào {folder}: chọn thư mục khác.", f"Cannot write into {folder}.")
    return None


def run_backup(args: argparse.Namespace, database: str | None) -> int:
    """Back up; a damaged database is refused with its sentence (the damaged copy kept apart), exit 2."""
    import sys

    from onestop_desktop.domain.messages import msg
    from onestop_desktop.services.safety import backup

    if args.to is not None and (problem := _folder_problem(args.to)) is not None:
        print(problem, file=sys.stderr)
        return 2
    outcome = backup.backup(_url(database), also_to=args.to, reason="manual")
    print(_say(msg("safety.backup.done", path=str(outcome.path))))
    rc = _files_said(outcome.files)
    if outcome.second_copy:
        print(_say(msg("safety.backup.second", path=str(outcome.second_copy))))
        rc = max(rc, _files_said(outcome.second_files))
    if outcome.removed:
        print(_say(msg("safety.backup.pruned", n=len(outcome.removed))))
    if outcome.second_error:
        print(_say(outcome.second_problem or outcome.second_error), file=sys.stderr)
        return 1
    return rc


def _files_said(files: object) -> int:
    """The backup's lines about its attached files; 1 when some could not be backed up."""
    import sys

    from onestop_desktop.services.safety.backup_store import FilesOutcome

    if not isinstance(files, FilesOutcome):
        return 0
    for said in files.messages():
        warning = said.key != "safety.backup.files" and said.key != "safety.backup.files-removed"
        print(_say(said), file=sys.stderr if warning else sys.stdout)
    return 0 if files.complete else 1


def _list(url: str) -> int:
    from onestop_desktop.commands.words import num
    from onestop_desktop.domain.fmt import fmt_datetime
    from onestop_desktop.services.safety import backup

    folder = backup.default_folder(backup.database_file(url))
    found = backup.list_backups(folder)
    if not found:
        print(t("Chưa có bản sao lưu nào trong", "No backups in") + f" {folder}")
        return 0
    for b in found:
        if b.error:
            what = _say(b.problem or b.error)
        else:
            what = (
                t("hồ sơ", "dossiers")
                + f": {num(b.dossiers or 0)}, "
                + t("mới nhất", "latest")
                + f": {b.last_code}"
            )
        print(f"{fmt_datetime(b.taken_at)}  {b.path.name}  {what}")
    return 0


def run_restore(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.commands.words import num
    from onestop_desktop.services.safety import restore as backup_restore

    url = _url(database)
    if args.file is None:
        return _list(url)
    from onestop_desktop.commands.signin import sign_in_for_restore

    actor = sign_in_for_restore(url, args.file, args.user)
    outcome = backup_restore.restore(url, args.file, actor)
    print(t("Đã khôi phục từ", "Restored from") + f": {outcome.restored_from}")
    print(
        t("Bản an toàn của dữ liệu trước đó", "Safety copy of the previous data") + f": {outcome.safety_copy}"
    )
    print(t("Số hồ sơ", "Dossiers") + f": {num(outcome.dossiers or 0)}; " + f"{outcome.last_code or ''}")
    for said in outcome.files.messages():
        print(_say(said))
    return 1 if outcome.files.missing else 0


def _reach(url: str) -> None:
    """Connect to a server database once: one that does not answer is cli.py's sentence, not a finding."""
    from sqlalchemy import create_engine

    from onestop_desktop.db.engine import sqlite_file

    if sqlite_file(url) is not None:
        return
    engine = create_engine(url)
    try:
        engine.connect().close()
    finally:
        engine.dispose()


def run_check(args: argparse.Namespace, database: str | None) -> int:
    """The database's integrity, then its file store's: 1 when anything is damaged or missing."""
    from onestop_desktop.services.safety import integrity as backup_integrity

    url = _url(database, sqlite_only=False)
    _reach(url)
    result = backup_integrity.check(url, quick=args.quick)
    if result.ok:
        print(t("Cơ sở dữ liệu nguyên vẹn", "The database is sound") + f": {result.checked}")
        return _check_store(args, url)
    heading = t("Cơ sở dữ liệu có lỗi", "The database is damaged") + f": {result.checked}"
    from onestop_desktop.prefs import load

    lines = result.lines(load().language)
    if len(lines) == 1:  # a file that is no database at all: one sentence
        print(f"{heading}. {lines[0]}")
        return 1
    print(heading)
    for finding in lines:
        print(f"  - {finding}")
    return 1


def _print_messages(messages: list[object]) -> None:
    for said in messages:
        key = getattr(said, "key", "")
        print(("  - " if key == "safety.store.file" else "") + _say(said))


def _check_store(args: argparse.Namespace, url: str) -> int:
    from onestop_desktop.db.engine import sqlite_file
    from onestop_desktop.services.safety import backup
    from onestop_desktop.services.safety.backup_store import repair
    from onestop_desktop.services.safety.store_check import check_store, remove_orphans

    report = check_store(url, quick=args.quick)
    _print_messages(list(report.messages()))
    rc = 0 if report.ok else 1
    if args.repair and not report.ok:
        path = sqlite_file(url)
        folders = [backup.default_folder(path)] if path is not None else []
        folders += [args.from_folder] if args.from_folder is not None else []
        brought = repair(report, folders)
        _print_messages(list(brought.messages(restoring=False)))
        rc = 1 if brought.missing else 0
    if args.remove_orphans and (report.orphans or report.leftovers):
        _print_messages(list(remove_orphans(url, report).messages()))
    return rc
