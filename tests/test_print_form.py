"""`onestop-desktop print CODE --form NN`: a form of one dossier again, on the template of its day."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, DossierEvent, Procedure, User
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.dossiers import NewDossier, register
from onestop_desktop.services.roles import actor_of
from onestop_desktop.services.tracking import actions


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def _apology(db: Database, code: str, at: datetime) -> datetime:
    """Write an apology letter for dossier `code` on `at`; returns the new appointment."""
    with session_scope(db.factory) as s:
        user = s.scalar(select(User).where(User.username == "canbo"))
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert user is not None and d is not None
        new_due = max(d.due_at, at) + timedelta(days=3)
        actions.apology(s, actor_of(user), d.id, new_due, "Chờ xác minh thêm thông tin", at=at)
        return new_due


def _open_2018(db: Database) -> str:
    with session_scope(db.factory) as s:
        code = s.scalar(select(Dossier.code).where(Dossier.status.in_([2, 4])).order_by(Dossier.id).limit(1))
    assert code is not None
    return code


def _code_with(db: Database, action: str) -> str:
    """A 2018 demo dossier that has an event `action`."""
    with session_scope(db.factory) as s:
        code = s.scalar(
            select(Dossier.code)
            .join(DossierEvent, DossierEvent.dossier_id == Dossier.id)
            .where(DossierEvent.action == action)
            .order_by(Dossier.id)
            .limit(1)
        )
    assert code is not None
    return code


def _received_today(db: Database) -> str:
    with session_scope(db.factory) as s:
        user = s.scalar(select(User).where(User.username == "canbo"))
        procedure = s.scalar(select(Procedure.code).order_by(Procedure.code).limit(1))
        assert user is not None and procedure is not None
        form = NewDossier(procedure_code=procedure, applicant_name="Lê Thị Hôm Nay")
        unit, cal = office.office_unit(s), catalogue.working_calendar(s)
        return register(s, actor_of(user), form, unit, cal, received_at=datetime(2026, 12, 1, 9, 0)).code


def test_a_2018_receipt_reprints_on_its_2018_template(demo_db: Database, tmp_path: Path) -> None:
    code = _code_with(demo_db, "request_supplement")
    out = tmp_path / "r.pdf"
    assert main(["--database", demo_db.url, "print", code, "--form", "01", "--pdf", str(out)]) == 0
    text = _text(out)
    assert "Mẫu số 01 – Thông tư 01/2018/TT-VPCP" in text and code in text


def test_number_05_is_the_control_slip_in_2018_and_not_printable_today(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _code_with(demo_db, "request_supplement")
    assert (
        main(["--database", demo_db.url, "print", old, "--form", "05", "--pdf", str(tmp_path / "a.pdf")]) == 0
    )
    assert "Mẫu số 05 – Thông tư 01/2018/TT-VPCP" in _text(tmp_path / "a.pdf")
    assert "PHIẾU KIỂM SOÁT" in _text(tmp_path / "a.pdf")
    new = _received_today(demo_db)
    capsys.readouterr()
    assert (
        main(["--database", demo_db.url, "print", new, "--form", "06", "--pdf", str(tmp_path / "b.pdf")]) == 0
    )
    assert "Mẫu số 06 – Thông tư 03/2025/TT-VPCP" in _text(tmp_path / "b.pdf")
    capsys.readouterr()
    assert (
        main(["--database", demo_db.url, "print", new, "--form", "05", "--pdf", str(tmp_path / "c.pdf")]) == 1
    )
    assert "chưa dừng giải quyết nên không có thông báo dừng để in" in capsys.readouterr().err
    assert not (tmp_path / "c.pdf").exists()


def _stop(db: Database, code: str, at: datetime, reason: str = "Công dân đề nghị dừng giải quyết") -> None:
    with session_scope(db.factory) as s:
        user = s.scalar(select(User).where(User.username == "canbo"))
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert user is not None and d is not None
        actions.stop(s, actor_of(user), d.id, reason, at=at)


def test_the_stop_notice_of_a_stop_from_15_9_2025(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _received_today(demo_db)
    _stop(demo_db, code, datetime(2026, 12, 2, 8, 15))
    out = tmp_path / "stop.pdf"
    assert main(["--database", demo_db.url, "print", code, "--form", "05", "--pdf", str(out)]) == 0
    assert "Mẫu số 05 – Thông tư 03/2025/TT-VPCP (Thông báo dừng giải quyết hồ sơ)" in capsys.readouterr().out
    text = _text(out)
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text and code in text and "Lê Thị Hôm Nay" in text
    assert "Lý do dừng giải quyết: Công dân đề nghị dừng giải quyết" in text
    assert "kể từ 08 giờ 15 phút, ngày 02/12/2026" in text


def test_a_dossier_received_under_2018_forms_and_stopped_after_gets_the_notice(
    demo_db: Database, tmp_path: Path
) -> None:
    """Received 12/9/2025 (on Thông tư 01/2018 templates), stopped 16/9/2025: the stop's own day rules."""
    with session_scope(demo_db.factory) as s:
        user = s.scalar(select(User).where(User.username == "canbo"))
        procedure = s.scalar(select(Procedure.code).order_by(Procedure.code).limit(1))
        assert user is not None and procedure is not None
        form = NewDossier(procedure_code=procedure, applicant_name="Phạm Văn Giao Thời")
        unit, cal = office.office_unit(s), catalogue.working_calendar(s)
        code = register(s, actor_of(user), form, unit, cal, received_at=datetime(2025, 9, 12, 9, 0)).code
    _stop(demo_db, code, datetime(2025, 9, 16, 10, 0))
    out = tmp_path / "stop.pdf"
    assert main(["--database", demo_db.url, "print", code, "--form", "05", "--pdf", str(out)]) == 0
    text = _text(out)
    assert "Mẫu số 05 – Thông tư 03/2025/TT-VPCP" in text and "Phạm Văn Giao Thời" in text
    # its receipt stays on the template of its own day
    assert main(["--database", demo_db.url, "print", code, "--form", "01", "--pdf", str(out)]) == 0
    assert "Mẫu số 01 – Thông tư 01/2018/TT-VPCP" in _text(out)


def test_a_stop_before_15_9_2025_had_no_notice(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _open_2018(demo_db)
    _stop(demo_db, code, datetime(2018, 10, 30, 9, 0))
    capsys.readouterr()
    out = tmp_path / "stop.pdf"
    assert main(["--database", demo_db.url, "print", code, "--form", "05", "--pdf", str(out)]) == 2
    printed = capsys.readouterr().err.strip()  # a refusal goes to stderr
    assert printed == (
        f"Hồ sơ {code} dừng giải quyết ngày 30/10/2018, khi chưa có mẫu Thông báo dừng giải quyết hồ sơ "
        "(mẫu này chỉ có từ Thông tư 03/2025/TT-VPCP, áp dụng từ 15/09/2025)."
    )
    assert not out.exists()


def test_the_apology_is_rebuilt_from_its_event_on_the_template_of_its_day(
    demo_db: Database, tmp_path: Path
) -> None:
    old = _open_2018(demo_db)
    new_due = _apology(demo_db, old, datetime(2018, 10, 30, 9, 0))
    out = tmp_path / "x.pdf"
    assert main(["--database", demo_db.url, "print", old, "--form", "04", "--pdf", str(out)]) == 0
    text = _text(out)
    assert "Mẫu số 04 – Thông tư 01/2018/TT-VPCP" in text and "PHIẾU XIN LỖI" in text
    assert f"{new_due:%d/%m/%Y}" in text
    today = _received_today(demo_db)
    _apology(demo_db, today, datetime(2026, 12, 1, 10, 0))
    assert main(["--database", demo_db.url, "print", today, "--form", "04", "--pdf", str(out)]) == 0
    text = _text(out)
    assert "Mẫu số 04 – Thông tư 03/2025/TT-VPCP" in text and "VĂN BẢN XIN LỖI" in text


def test_the_supplement_request_is_rebuilt_from_its_event(demo_db: Database, tmp_path: Path) -> None:
    code = _code_with(demo_db, "request_supplement")
    with session_scope(demo_db.factory) as s:
        note = s.scalar(
            select(DossierEvent.note)
            .join(Dossier, Dossier.id == DossierEvent.dossier_id)
            .where(Dossier.code == code, DossierEvent.action == "request_supplement")
        )
    assert note
    out = tmp_path / "s.pdf"
    assert main(["--database", demo_db.url, "print", code, "--form", "02", "--pdf", str(out)]) == 0
    text = _text(out)
    assert "Mẫu số 02 – Thông tư 01/2018/TT-VPCP" in text
    assert " ".join(note.split()[:3]) in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["NO-SUCH-CODE", "--form", "01"], "Không tìm thấy hồ sơ có mã NO-SUCH-CODE."),
        (["{code}", "--form", "ab"], "Số mẫu phải là một số, ví dụ 01."),
        (["{code}", "--form", "03"], "Phiếu từ chối chỉ in khi từ chối tại quầy"),
        (["{code}", "--form", "06"], "Sổ theo dõi hồ sơ in cho một khoảng thời gian"),
        (["{code}", "--form", "09"], "Không có mẫu số 09"),
    ],
)
def test_bad_requests_are_one_sentence_and_a_non_zero_exit(
    demo_db: Database, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code = _code_with(demo_db, "request_supplement")
    argv = [a.format(code=code) for a in args]
    assert main(["--database", demo_db.url, "print", *argv]) != 0
    out = capsys.readouterr().err.strip()
    assert out.startswith(message) and "Traceback" not in out and len(out.splitlines()) == 1
