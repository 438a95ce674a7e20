"""`onestop-desktop audit verify`: the audit log's hash chain, and dossiers against their audit entries."""

from __future__ import annotations

import argparse
import sys

from onestop_desktop.prefs import t


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser("audit", parents=[common], help=t("nhật ký thay đổi", "the audit log"))
    actions = p.add_subparsers(dest="audit_action", metavar=t("VIỆC", "ACTION"), required=True)
    v = actions.add_parser(
        "verify",
        parents=[common],
        help=t(
            "kiểm tra nhật ký (mục bị sửa, bị xóa) và hồ sơ bị sửa ngoài chương trình; "
            "mã thoát khác 0 nếu có",
            "check the log (entries edited or deleted) and dossiers edited behind the program's back; "
            "exits non-zero on any finding",
        ),
    )
    v.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace, database: str | None) -> int:
    from sqlalchemy import func, select
    from sqlalchemy.exc import DatabaseError, OperationalError

    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import resolve_url, session_scope, sqlite_file
    from onestop_desktop.db.models_stats import AuditEntry
    from onestop_desktop.domain.fmt import fmt_int
    from onestop_desktop.services.safety import audit_check

    url = resolve_url(database)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        print(t("Không tìm thấy tệp cơ sở dữ liệu", "Database file not found") + f": {path}", file=sys.stderr)
        return 2
    db = open_database(url, migrate=False)
    try:
        with session_scope(db.factory) as s:
            entries = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
            chain = audit_check.verify_chain(s)
            dossiers = audit_check.verify_dossiers(s)
    except DatabaseError as exc:
        if isinstance(exc, OperationalError):  # unreachable, locked: cli.py words it
            raise
        reason = " ".join(str(exc.orig).split())  # the driver's text may run over several lines
        print(
            t("Không đọc được cơ sở dữ liệu (chạy `check`)", "Cannot read the database (run `check`)")
            + f": {reason}",
            file=sys.stderr,
        )
        return 2
    finally:
        db.engine.dispose()
    print(t("Nhật ký", "Audit log") + f": {fmt_int(entries)} " + t("mục", "entries"))
    if chain:
        print(t("Chuỗi băm bị phá vỡ; liên kết hỏng đầu tiên:", "Hash chain broken; first broken link:"))
        for finding in chain:
            print(f"  - {finding.message}")
    else:
        print(t("Chuỗi băm nguyên vẹn.", "Hash chain intact."))
    print(
        t("Hồ sơ đối chiếu với nhật ký", "Dossiers compared with the log")
        + f": {fmt_int(dossiers.checked)}; "
        + t("bỏ qua hồ sơ mẫu (không có nhật ký)", "demo dossiers skipped (no audit entries)")
        + f": {fmt_int(dossiers.skipped_demo)}"
    )
    for df in dossiers.findings:
        print(f"  - {df.message}")
    if chain or dossiers.findings:
        print(t("Có sai lệch", "Findings") + f": {fmt_int(len(chain) + len(dossiers.findings))}")
        return 1
    print(t("Không phát hiện sai lệch.", "No findings."))
    return 0
