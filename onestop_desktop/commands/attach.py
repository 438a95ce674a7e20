"""`onestop-desktop attach CODE FILE… [--document N | --result electronic|paper] --user NAME` and
`onestop-desktop attachments CODE [--json] [--extract DIR]`: a dossier's scans from the shell.

All the files given make one document (one PDF, pages in the order given), attached in one transaction:
a bad file, an unknown code or line, or a file over the size limit saves nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from onestop_desktop.commands import failures
from onestop_desktop.commands.signin import sign_in, user_help
from onestop_desktop.commands.words import num, say, say_error, say_text
from onestop_desktop.prefs import t


def _positive(text: str) -> int:
    if text.strip().isdigit() and int(text) >= 1:
        return int(text)
    raise argparse.ArgumentTypeError(
        t(f"số thứ tự giấy tờ phải là số từ 1 trở lên, không phải “{text}”",
          f"the document number must be 1 or more, not “{text}”")
    )  # fmt: skip


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "attach",
        parents=[common],
        help=t(
            "đính kèm bản quét (JPEG, PNG, TIFF, PDF) vào một giấy tờ của hồ sơ, hoặc kết quả",
            "attach scans (JPEG, PNG, TIFF, PDF) to a document of a dossier, or its result",
        ),
    )
    p.add_argument("code", metavar=t("MÃ_HỒ_SƠ", "CODE"), help=t("mã hồ sơ", "the dossier's code"))
    p.add_argument(
        "files", metavar=t("TỆP", "FILE"), nargs="+", type=Path, help=t("các tệp quét", "scan files")
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--document",
        metavar="N",
        type=_positive,
        default=1,
        help=t(
            "số thứ tự giấy tờ trong danh mục (mặc định 1)",
            "the document's line in the checklist (default 1)",
        ),
    )
    which.add_argument(
        "--result",
        choices=("electronic", "paper"),
        help=t(
            "đính kèm kết quả: electronic (bản điện tử) hoặc paper (bản quét kết quả giấy)",
            "attach the result: electronic, or paper (the scan of a paper result)",
        ),
    )
    p.add_argument("--user", metavar="USERNAME", help=user_help())
    p.set_defaults(func=run_attach)

    q = sub.add_parser(
        "attachments",
        parents=[common],
        help=t("liệt kê hoặc chép ra các tệp đính kèm của hồ sơ", "list or copy out a dossier's attachments"),
    )
    q.add_argument("code", metavar=t("MÃ_HỒ_SƠ", "CODE"), help=t("mã hồ sơ", "the dossier's code"))
    q.add_argument("--json", action="store_true", help=t("in dạng JSON", "print JSON"))
    q.add_argument(
        "--extract",
        metavar="DIR",
        type=Path,
        help=t("chép các tệp ra thư mục DIR", "write the files out into the folder DIR"),
    )
    q.set_defaults(func=run_list)


def _read(files: list[Path]) -> list[object]:
    from onestop_desktop.services.attachments.scans import IncomingFile

    out: list[object] = []
    for f in files:
        if f.is_dir():
            raise _Refusal(t(f"{f} là một thư mục, không phải tệp quét.", f"{f} is a folder, not a scan."))
        try:
            out.append(IncomingFile(f.name, f.read_bytes()))
        except FileNotFoundError as exc:
            raise _Refusal(t(f"Không có tệp {f}.", f"No such file: {f}.")) from exc
        except OSError as exc:
            raise _Refusal(
                t(f"Không đọc được tệp {f}: {exc.strerror}.", f"Cannot read {f}: {exc.strerror}.")
            ) from exc
    return out


def _form_vi(form: str) -> str:
    return {"electronic": "điện tử", "paper": "bản giấy"}.get(form, form)


class _Refusal(Exception):
    pass


def run_attach(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.services.attachments import attach, scans
    from onestop_desktop.services.errors import ServiceError

    db = open_database(database)  # a wrong database first: it is the first thing named on the line
    try:
        try:
            scan = scans.prepare(_read(args.files))  # type: ignore[arg-type]
        except _Refusal as exc:
            print(exc, file=sys.stderr)
            return failures.BAD_INPUT
        actor = sign_in(db.url, args.user, "ghi rõ người đính kèm", "who attaches")
        with session_scope(db.factory) as s:
            if args.result:
                info = attach.attach_result(s, actor, args.code, args.result, scan)
            else:
                info = attach.attach(s, actor, args.code, args.document, scan)
    except ServiceError as exc:
        print(say_error(exc), file=sys.stderr)
        return failures.BAD_INPUT
    finally:
        db.engine.dispose()
    where = (
        t(f"kết quả ({_form_vi(args.result)})", f"the result ({args.result})")
        if args.result
        else t(f"giấy tờ số {args.document}", f"document {args.document}")
    )
    print(
        t(
            f"Đã đính kèm {info.name} ({num(info.pages)} trang, {say_text(attach.size_text(info.bytes))}) "
            f"vào {where} của hồ sơ {args.code}. SHA-256: {info.sha256}",
            f"Attached {info.name} ({num(info.pages)} page{'s' if info.pages != 1 else ''}, "
            f"{say_text(attach.size_text(info.bytes))}) to {where} of dossier {args.code}. "
            f"SHA-256: {info.sha256}",
        )
    )
    return 0


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def _safe_name(name: str, taken: set[str]) -> str:
    """A file name that stays inside the folder (no path, no reserved characters) and is new there."""
    base = _UNSAFE.sub("_", name).strip(" .") or "tep.pdf"
    stem, dot, ext = base.rpartition(".")
    stem, ext = (stem, "." + ext) if dot else (base, "")
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem} ({n}){ext}"
    taken.add(candidate.lower())
    return candidate


def _extract(folder: Path, items: list[Any], contents: dict[str, bytes]) -> int:
    """Write each file out under a safe, new name (a name already there gets " (2)"); a folder that
    fills up or refuses a file stops with one sentence and leaves no half-written file."""
    taken = {p.name.lower() for p in folder.iterdir()}
    for a in items:
        prefix = f"{a.document:02d}-" if a.document is not None else "ket-qua-"
        target = folder / _safe_name(prefix + a.name, taken)
        try:
            with open(target, "xb") as out:  # never over a file already there
                try:
                    out.write(contents[a.sha256])
                except OSError:
                    out.close()
                    target.unlink(missing_ok=True)
                    raise
        except OSError as exc:
            reason = exc.strerror or str(exc)
            print(
                t(f"Không ghi được tệp {target}: {reason}.", f"Cannot write the file {target}: {reason}."),
                file=sys.stderr,
            )
            return failures.BAD_INPUT
        print(target)
    return 0


def run_list(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.services.attachments import attach
    from onestop_desktop.services.errors import ServiceError

    folder: Path | None = args.extract
    if folder is not None and (not folder.is_dir() or not os.access(folder, os.W_OK)):
        print(
            t(
                f"Không ghi được vào thư mục {folder} (không có, hoặc không có quyền ghi): tạo thư mục "
                "hoặc chọn thư mục khác.",
                f"Cannot write into the folder {folder} (missing, or no permission): create it or choose "
                "another.",
            ),
            file=sys.stderr,
        )
        return failures.BAD_INPUT
    db = open_database(database, migrate=False)
    try:
        with session_scope(db.factory) as s:
            items = attach.list_attachments(s, args.code)
            contents = {a.sha256: attach.read_content(s, a.sha256) for a in items} if folder else {}
    except ServiceError as exc:
        print(say_error(exc), file=sys.stderr)
        return failures.BAD_INPUT
    finally:
        db.engine.dispose()
    if folder is not None:
        return _extract(folder, items, contents)
    if args.json:
        rows = [
            {
                "name": a.name,
                "document": a.document,
                "sha256": a.sha256,
                "bytes": a.bytes,
                "pages": a.pages,
                "added_at": a.added_at.isoformat(timespec="seconds"),
                "added_by": a.added_by,
                "role": a.role,
                "result_form": a.result_form or None,
            }
            for a in items
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not items:
        print(t(f"Hồ sơ {args.code} chưa có tệp đính kèm.", f"Dossier {args.code} has no attachments."))
        return 0
    for a in items:
        where = (
            t(f"giấy tờ {a.document}", f"document {a.document}")
            if a.document is not None
            else t(f"kết quả ({_form_vi(a.result_form)})", f"result ({a.result_form})")
        )
        print(
            f"{where}\t{a.name}\t{num(a.pages)}\t{say_text(attach.size_text(a.bytes))}\t"
            f"{a.added_at:%d/%m/%Y %H:%M}\t{a.added_by}\t{a.sha256}"
        )
    return 0


__all__ = ["register", "say"]
