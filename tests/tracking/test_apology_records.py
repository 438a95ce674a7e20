"""What the program writes and reports about an apology takes the words of its day's form."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from onestop_desktop.services.tracking.details import event_msg


@pytest.mark.parametrize(
    ("day", "vi", "en"),
    [
        (date(2018, 10, 24), "Gửi phiếu xin lỗi và hẹn lại", "Send an apology and a new appointment"),
        (
            date(2026, 11, 30),
            "Gửi văn bản xin lỗi và đề nghị gia hạn",
            "Send an apology and ask for an extension",
        ),
    ],
)
def test_the_history_names_the_apology_of_its_day(day: date, vi: str, en: str) -> None:
    """A 2026 apology read "Gửi phiếu xin lỗi và hẹn lại" in the history, the 2018 slip's words."""
    m = event_msg("apology", day)
    assert (m.text("vi"), m.text("en")) == (vi, en)


def test_a_new_apology_notes_the_extension_asked(demo_db) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.db.models import Dossier, DossierEvent
    from onestop_desktop.services.tracking import actions
    from onestop_desktop.services.tracking.filters import RUNNING
    from tests.conftest import login_as

    clerk = login_as(demo_db, "canbo")
    at = datetime(2026, 11, 30, 9, 0)
    with session_scope(demo_db.factory) as s:
        d = s.scalars(select(Dossier).where(Dossier.status.in_(RUNNING)).limit(1)).one()
        actions.apology(s, clerk, d.id, max(d.due_at, at) + timedelta(days=7), "Chờ xác minh", at=at)
        note = s.scalars(
            select(DossierEvent.note).where(DossierEvent.dossier_id == d.id).order_by(DossierEvent.id.desc())
        ).first()
    assert note is not None and "Xin lỗi và đề nghị gia hạn: từ " in note


def test_the_summary_counts_the_letters_of_the_period(demo_db) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.domain.periods import parse_period
    from onestop_desktop.services.reports.report_data import build_report
    from onestop_desktop.services.reports.summary import summary_messages

    with session_scope(demo_db.factory) as s:
        october = build_report(s, parse_period("2018-10"))
    october = replace(october, stats=replace(october.stats, apology_letters=3))
    said = [m.text("vi") for part in summary_messages(october).values() for m in part]
    assert any("phiếu xin lỗi và hẹn lại ngày trả kết quả" in t for t in said), said

    later = replace(october, period=parse_period("2026-11"))  # the same figures under Thông tư 03/2025
    said = [m.text("vi") for part in summary_messages(later).values() for m in part]
    assert any("văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" in t for t in said), said


def test_the_programs_own_notes_read_in_english(demo_db) -> None:  # type: ignore[no-untyped-def]
    """The English history showed "2 ngày làm việc; bỏ qua …; hẹn trả …" and "Xin lỗi và hẹn lại: …"."""
    from sqlalchemy import select

    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.db.models import Dossier
    from onestop_desktop.services.catalogue import catalogue
    from onestop_desktop.services.tracking.details import dossier_details, note_text
    from tests.conftest import login_as
    from tests.test_i18n_languages import VIETNAMESE

    clerk = login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s:
        first = s.scalars(select(Dossier.id).order_by(Dossier.id).limit(1)).one()
        d = dossier_details(s, clerk, first, catalogue.working_calendar(s), datetime(2018, 10, 24, 9))
    receipt = d.events[0]
    assert receipt.note_text is not None and receipt.note_text.vi == receipt.note
    assert receipt.note and not VIETNAMESE.search(receipt.note_text.en), receipt.note_text
    mixed = note_text(
        "Chờ xác minh thửa đất\nXin lỗi và đề nghị gia hạn: từ 08:00 01/12/2026 đến 08:00 08/12/2026."
    )
    assert mixed.en == (
        "Chờ xác minh thửa đất\nApology and extension requested: from 08:00 01/12/2026 to 08:00 08/12/2026."
    )  # the clerk's words stay as written


def test_the_briefing_names_the_letters_of_its_period(demo_db) -> None:  # type: ignore[no-untyped-def]
    """A 2026 briefing spoke of the 2018 "phiếu xin lỗi" in its section 4."""
    import io

    from pypdf import PdfReader

    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.domain.periods import parse_period
    from onestop_desktop.reports.briefing import render_briefing
    from onestop_desktop.services.reports.report_data import build_report

    texts = {}
    for period in ("2018-10", "2026-11"):
        with session_scope(demo_db.factory) as s:
            data = build_report(s, parse_period(period))
        buf = io.BytesIO()
        render_briefing(data, buf)
        pages = PdfReader(io.BytesIO(buf.getvalue())).pages
        texts[period] = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "4. Hồ sơ trễ hạn, nguyên nhân và phiếu xin lỗi" in texts["2018-10"]
    assert "4. Hồ sơ trễ hạn, nguyên nhân và văn bản xin lỗi" in texts["2026-11"]
