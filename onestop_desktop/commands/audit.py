"""`onestop-desktop audit verify|head`: the keyed chain, a head from outside, every data row, the dossiers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from onestop_desktop.prefs import t

if TYPE_CHECKING:
    from onestop_desktop.bootstrap import Database


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser("audit", parents=[common], help=t("nhật ký thay đổi", "the audit log"))
    actions = p.add_subparsers(dest="audit_action", metavar=t("VIỆC", "ACTION"), required=True)
    v = actions.add_parser(
        "verify",
        parents=[common],
        help=t(
            "kiểm tra nhật ký (mục bị sửa, bị xóa) và mọi dòng dữ liệu bị sửa, thêm, xóa ngoài chương trình; "
            "mã thoát khác 0 nếu có",
            "check the log (entries edited or deleted) and every data row edited, added or deleted behind "
            "the program's back; exits non-zero on any finding",
        ),
    )
    v.add_argument(
        "--head",
        metavar=t("SỐ:MÃ", "ID:HEX"),
        help=t(
            "đầu chuỗi ghi được trước đây (in trên bản báo cáo, lưu cùng bản sao lưu): kiểm tra nó vẫn còn, "
            "không đổi, tức là không mục nào trước nó bị sửa và nhật ký không bị cắt",
            "a head taken earlier (printed on a briefing, stored with a backup): check it is still there, "
            "unchanged, so nothing before it changed and the log was not cut",
        ),
    )
    v.add_argument(
        "--key",
        metavar=t("TỆP", "FILE"),
        action="append",
        type=Path,
        default=[],
        help=t(
            "một tệp khóa nhật ký nữa (ví dụ khóa cũ, hoặc khi kiểm tra một bản sao lưu ở nơi khác)",
            "another audit key file (an old key, or when checking a backup kept elsewhere)",
        ),
    )
    v.set_defaults(func=run_verify)
    h = actions.add_parser(
        "head",
        parents=[common],
        help=t("in đầu chuỗi nhật ký hiện tại (SỐ:MÃ) để lưu ở nơi khác", "print the current head (ID:HEX)"),
    )
    h.set_defaults(func=run_head)


def _language() -> str:
    from onestop_desktop.prefs import load

    return load().language


def _open(database: str | None) -> Database | int:
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import resolve_url, sqlite_file
    from onestop_desktop.domain.messages import msg

    url = resolve_url(database)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        print(msg("audit.db-missing", path=str(path)).text(_language()), file=sys.stderr)
        return 2
    return open_database(url, migrate=False)


def _unreadable(exc: Exception) -> int:
    from sqlalchemy.exc import OperationalError

    from onestop_desktop.domain.messages import msg

    if isinstance(exc, OperationalError):  # unreachable, locked: cli.py words it
        raise exc
    reason = " ".join(str(getattr(exc, "orig", exc)).split())  # the driver's text may run over lines
    print(msg("audit.db-unreadable", reason=reason).text(_language()), file=sys.stderr)
    return 2


def run_verify(args: argparse.Namespace, database: str | None) -> int:
    from sqlalchemy.exc import DatabaseError

    from onestop_desktop.bootstrap import Database
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.services import audit
    from onestop_desktop.services.errors import ServiceError
    from onestop_desktop.services.safety import audit_report

    language = _language()
    try:
        head = audit.parse_head(args.head) if args.head else None
    except ServiceError as exc:
        print(exc.msg.text(language) if exc.msg else exc.message, file=sys.stderr)
        return 2
    db = _open(database)
    if not isinstance(db, Database):
        return db if isinstance(db, int) else 2
    try:
        with session_scope(db.factory) as s:
            summary = audit_report.full_check(s, list(args.key), head)
    except DatabaseError as exc:
        return _unreadable(exc)
    except ServiceError as exc:  # a damaged key file
        print(exc.msg.text(language) if exc.msg else exc.message, file=sys.stderr)
        return 2
    finally:
        db.engine.dispose()
    for line in summary.lines():
        text = line.text(language)
        indent = (
            "  - "
            if line.key.startswith(("audit.row", "audit.dossier", "audit.unlinked", "audit.edited"))
            else ""
        )
        print(indent + text)
    return 1 if summary.findings else 0


def run_head(args: argparse.Namespace, database: str | None) -> int:
    from sqlalchemy.exc import DatabaseError

    from onestop_desktop.bootstrap import Database
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.services import audit

    db = _open(database)
    if not isinstance(db, Database):
        return db if isinstance(db, int) else 2
    try:
        with session_scope(db.factory) as s:
            print(audit.format_head(audit.chain_head(s)))
    except DatabaseError as exc:
        return _unreadable(exc)
    finally:
        db.engine.dispose()
    return 0
