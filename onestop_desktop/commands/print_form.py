"""`onestop-desktop print CODE --form NN [--pdf FILE]`: print a form of one dossier again."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from onestop_desktop.commands.words import say_error
from onestop_desktop.prefs import t


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "print",
        parents=[common],
        help=t(
            "in lại một mẫu của hồ sơ theo mẫu có hiệu lực ngày lập",
            "print a form of a dossier again, on the template in force that day",
        ),
    )
    p.add_argument("code", metavar=t("MÃ_HỒ_SƠ", "CODE"), help=t("mã hồ sơ", "dossier code"))
    p.add_argument(
        "--form",
        required=True,
        metavar="NN",
        help=t(
            "số mẫu: 01 giấy tiếp nhận, 02 yêu cầu bổ sung, 04 xin lỗi, 05 (TT 01/2018) hoặc 06 (TT 03/2025) "
            "phiếu kiểm soát, 05 thông báo dừng của hồ sơ đã dừng (TT 03/2025)",
            "form number: 01 receipt, 02 supplement request, 04 apology, 05 (TT 01/2018) or 06 (TT 03/2025) "
            "control slip, 05 stop notice of a stopped dossier (TT 03/2025)",
        ),
    )
    p.add_argument(
        "--pdf",
        type=Path,
        metavar=t("TỆP", "FILE"),
        help=t("tệp PDF (mặc định: thư mục biểu mẫu)", "PDF file (default: the forms folder)"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.domain.legal import FormKind
    from onestop_desktop.paths import forms_dir
    from onestop_desktop.reports import forms
    from onestop_desktop.services.errors import ServiceError
    from onestop_desktop.services.printing.reprint import NoTemplateThen, reprint

    number = str(args.form).strip()
    if not number.isdigit() or not 1 <= int(number) <= 99:
        print(
            t("Số mẫu phải là một số, ví dụ 01.", "The form number must be a number, e.g. 01."),
            file=sys.stderr,
        )
        return 2
    db = open_database(database)
    try:
        with session_scope(db.factory) as s:
            found = reprint(s, args.code, int(number))
    except NoTemplateThen as exc:  # the law of that day had no such form: a usage error, not a failure
        print(say_error(exc), file=sys.stderr)
        return 2
    except ServiceError as exc:
        print(say_error(exc), file=sys.stderr)
        return 1
    finally:
        db.engine.dispose()
    renderers = {
        FormKind.RECEIPT: forms.render_receipt,
        FormKind.SUPPLEMENT: forms.render_supplement,
        FormKind.APOLOGY: forms.render_apology,
        FormKind.CONTROL_SLIP: forms.render_control_slip,
        FormKind.STOP_NOTICE: forms.render_stop_notice,
    }
    tpl = found.template
    path = args.pdf or forms_dir() / f"mau{tpl.number:02d}-{found.code}.pdf"
    try:
        renderers[tpl.kind](found.data, path)  # type: ignore[operator]
    except OSError:
        print(
            t(
                f"Không ghi được tệp {path}: thư mục không tồn tại hoặc không có quyền ghi.",
                f"Cannot write {path}: the folder does not exist or cannot be written.",
            )
        )
        return 1
    print(t(f"Đã in {tpl.label} ({tpl.title}) ra {path}", f"Printed {tpl.label} ({tpl.title}) to {path}"))
    return 0
