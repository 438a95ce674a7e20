"""The data of the stop notice (Mẫu số 05 of Thông tư 03/2025/TT-VPCP) of one stopped dossier."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier
from onestop_desktop.services.catalogue import office
from onestop_desktop.services.errors import NotFound
from onestop_desktop.services.form_data import StopNoticeData


def stop_notice_data(
    session: Session, dossier_id: int, reason: str, officer: str, at: datetime
) -> StopNoticeData:
    """The notice of the stop written on `at` with `reason` (the stop event's note) by `officer`; the office
    is the one of the stop's day."""
    d = session.get(Dossier, dossier_id)
    if d is None:
        raise NotFound(f"Không tìm thấy hồ sơ số {dossier_id}.")
    return StopNoticeData(
        office=office.form_office(session, at.date()),
        dossier_code=d.code,
        applicant_name=d.applicant_name,
        applicant_address=d.address,
        procedure_name=d.procedure.name,
        received_at=d.received_at,
        stopped_at=at,
        reason=reason,
        fee=d.fee,
        officer_name=officer,
    )
