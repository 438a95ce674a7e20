"""`onestop-desktop screenshots DIR`: PNGs of every tab, of the intake tab's states and of the printed forms.

Runs offscreen on a demo database in a temporary folder (or a copy of the SQLite file given with
--database), signed in as the demo clerk canbo.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from onestop_desktop.prefs import t


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "screenshots",
        parents=[common],
        help=t(
            "chụp ảnh các thẻ của cửa sổ chính và các mẫu in (dữ liệu mẫu)",
            "save PNGs of the main window's tabs and of the printed forms (demo data)",
        ),
    )
    p.add_argument("dir", metavar=t("THƯ_MỤC", "DIR"), help=t("thư mục lưu ảnh", "folder for the images"))
    p.set_defaults(func=run)


def _database(database: str | None, work: Path) -> Any:
    from onestop_desktop.bootstrap import ensure_demo, open_database

    if database and "://" in database and not database.startswith("sqlite:///"):
        db = open_database(database)  # a server database is used as given: point it at a demo database
    else:
        target = work / "demo.sqlite3"
        if database:
            source = Path(database.removeprefix("sqlite:///"))
            shutil.copyfile(source, target)  # never write screenshots' dossiers into the real file
        db = open_database(f"sqlite:///{target}")
    ensure_demo(db)
    return db


def _grab(widget: Any, path: Path, files: list[Path]) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(path))
    files.append(path)


def _slug(text: str) -> str:
    from onestop_desktop.domain.text import fold

    return "-".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split()) or "tab"


def _fill(tab: Any, *, valid: bool) -> None:
    from onestop_desktop.ui.intake.widgets import IdCard

    form = tab.form
    form.procedure.select(form.procedure.matches("dang ky khai sinh")[0])
    if valid:
        from datetime import date

        form.fill_from_card(
            IdCard(
                "075090001234", "", "Nguyễn Văn An", date(1990, 3, 15), "Nam", "Ấp Bình Hòa", date(2021, 7, 1)
            )
        )
        form.edits["phone"].setText("0912345678")
        form.set_unit("26428")
    else:
        form.edits["applicant_name"].setText("Nguyễn Văn 2")
        form.edits["citizen_id"].setText("07509000123")
        form.edits["phone"].setText("0123")
        form.edits["email"].setText("an@gmail")
    form.revalidate()


def _forms(tab: Any, ctx: Any, folder: Path) -> list[Path]:
    """Every printed form as a PDF, from the dossier just saved and the demo data."""
    from onestop_desktop.domain.legal import FormKind, NoTemplate, form_template
    from onestop_desktop.reports import forms
    from onestop_desktop.services import form_data as fd
    from onestop_desktop.services.intake import outcomes

    r = tab.saved.receipt
    out = folder / "forms"
    out.mkdir(parents=True, exist_ok=True)
    with ctx.session() as s:
        sup = outcomes.record_guidance(
            s, ctx.actor, tab.form.to_form(), ["Giấy chứng sinh (bản chính)"], "Mang bản chính để đối chiếu."
        )
        ref = outcomes.record_refusal(
            s, ctx.actor, tab.form.to_form(), "Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã."
        )
    later = r.due_at + timedelta(days=2)
    desk = r.office.department  # the receiving body of the day (the commune centre today)
    line = fd.HandoverLine(r.officer_name, desk, "Trần Văn Bình", "Phòng Văn hóa - Xã hội", r.received_at,
                           "Đúng hạn", "")  # fmt: skip
    row = fd.LogRow(1, r.dossier_code, r.procedure_name, r.applicant_name, r.applicant_address, r.phone,
                    r.received_at, r.due_at, None, None, None, "Đã tiếp nhận", "", "Trực tiếp")  # fmt: skip
    stopped = r.received_at + timedelta(hours=2)
    month = f"Tháng {r.received_at:%m/%Y}"
    K = FormKind
    jobs: list[tuple[FormKind, str, Any, Any]] = [
        (K.RECEIPT, "giay-tiep-nhan", forms.render_receipt, r),
        (K.SUPPLEMENT, "yeu-cau-bo-sung", forms.render_supplement, sup),
        (K.REFUSAL, "tu-choi", forms.render_refusal, ref),
        (K.APOLOGY, "xin-loi", forms.render_apology, fd.ApologyData(
            r.office, r.dossier_code, r.applicant_name, r.applicant_address, r.procedure_name, r.received_at,
            r.due_at, later, "Cần xác minh thêm thông tin.", r.received_at, "Nguyễn Văn Lãnh",
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")),
        (K.STOP_NOTICE, "dung-giai-quyet", forms.render_stop_notice, fd.StopNoticeData(
            r.office, r.dossier_code, r.applicant_name, r.applicant_address, r.procedure_name, r.received_at,
            stopped, "Công dân đề nghị dừng giải quyết hồ sơ.", r.fee, r.officer_name)),
        (K.CONTROL_SLIP, "kiem-soat", forms.render_control_slip, fd.ControlSlipData(
            r.office, r.dossier_code, r.applicant_name, r.procedure_name, r.received_at, r.due_at, (line,))),
        (K.LOG_BOOK, "so-theo-doi", forms.render_log_book, fd.LogBookData(r.office, month, (row,))),
    ]  # fmt: skip
    named = []
    for kind, name, render, data in jobs:
        try:  # each file carries the number of the template of its act's day (05 is the stop notice
            number = form_template(kind, data.act_day).number  # since 15/9/2025, the control slip before)
        except NoTemplate:
            continue
        named.append((f"{number:02d}-{name}", render, data))
    pdfs = []
    for name, render, data in named:
        path = out / f"{name}.pdf"
        render(data, path)
        pdfs.append(path)
    return pdfs


def _pages(pdfs: list[Path], folder: Path) -> list[Path]:
    exe = shutil.which("pdftoppm")
    if exe is None:
        print(t("Không có pdftoppm: bỏ qua ảnh các trang mẫu in.", "pdftoppm not found: no page images."))
        return []
    pngs: list[Path] = []
    for pdf in pdfs:
        prefix = folder / f"form-{pdf.stem}"
        subprocess.run([exe, "-png", "-r", "70", str(pdf), str(prefix)], check=True)
        pngs.extend(sorted(folder.glob(f"{prefix.name}*.png")))
    return pngs


def run(args: argparse.Namespace, database: str | None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(args.dir).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="onestop-shots-") as tmp:
        return _shoot(folder, database, Path(tmp))


def _shoot(folder: Path, database: str | None, work: Path) -> int:
    from PySide6.QtCore import QSettings
    from sqlalchemy import select

    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.db.models import User
    from onestop_desktop.services.roles import actor_of
    from onestop_desktop.ui.app import create_app
    from onestop_desktop.ui.bus import Bus
    from onestop_desktop.ui.context import AppContext
    from onestop_desktop.ui.intake import pdfs as intake_pdfs
    from onestop_desktop.ui.intake import tab as intake_tab
    from onestop_desktop.ui.main_window import MainWindow
    from onestop_desktop.ui.tasks import TaskRunner

    os.environ.setdefault("ONESTOP_DATA_DIR", str(work / "data"))
    # window geometry and last tab go to the temporary folder, not the user's settings
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    create_app()
    db = _database(database, work)
    with session_scope(db.factory) as s:
        user = s.scalar(select(User).where(User.username == "canbo"))
        if user is None:
            print(t("Cơ sở dữ liệu không có tài khoản mẫu canbo.", "The database has no demo user canbo."))
            return 2
        actor = actor_of(user)
    ctx = AppContext(db=db, actor=actor, bus=Bus(), tasks=TaskRunner(synchronous=True), demo=True)
    intake_pdfs.open_pdf = lambda *_a: None  # no modal preview while shooting
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    files: list[Path] = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        title = getattr(window.tabs.widget(i), "tab_title", lambda i=i: window.tabs.tabText(i))()
        _grab(window, folder / f"tab-{i + 1:02d}-{_slug(title)}.png", files)  # not the badge "(24)"
    tab = next((window.tabs.widget(i) for i in range(window.tabs.count())
                if isinstance(window.tabs.widget(i), intake_tab.IntakeTab)), None)  # fmt: skip
    if tab is not None:
        window.tabs.setCurrentWidget(tab)
        tab.new_dossier()
        _grab(window, folder / "intake-1-empty.png", files)
        _fill(tab, valid=False)
        tab.save()
        _grab(window, folder / "intake-2-errors.png", files)
        tab.new_dossier()
        _fill(tab, valid=True)
        tab.save()
        _grab(window, folder / "intake-3-saved.png", files)
        if tab.saved is not None:
            pdfs = _forms(tab, ctx, folder)
            files.extend(pdfs)
            files.extend(_pages(pdfs, folder))
    window.close()
    db.engine.dispose()
    for f in files:
        print(f)
    return 0
