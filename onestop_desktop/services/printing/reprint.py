"""Printing a form of one dossier again, on the template in force on the day of the act it records.

The form is named by its number in the template set of the dossier's receipt day (`domain.legal`): "05"
is the control slip of a dossier received under Thông tư 01/2018/TT-VPCP and the stop notice under
Thông tư 03/2025/TT-VPCP. A stopped dossier is the exception: its "05" is the stop notice, judged by the
stop's own day (so a dossier received on 10/9/2025 and stopped on 20/9/2025 has one), and a stop before
15/9/2025 had no template at all (`NoTemplateThen`). Supplement requests, apologies and stops are
rebuilt from the dossier's own events, as written then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier, DossierEvent, User
from onestop_desktop.domain.legal import TT_03_2025, FormKind, FormTemplate, NoTemplate, form_template
from onestop_desktop.domain.states import Action
from onestop_desktop.services.errors import NotFound, ServiceError
from onestop_desktop.services.form_data import (
    ApologyData,
    ControlSlipData,
    ReceiptData,
    StopNoticeData,
    SupplementData,
)
from onestop_desktop.services.intake.receiving import receipt_data
from onestop_desktop.services.printing.stop_notice import stop_notice_data
from onestop_desktop.services.tracking.details import EVENT_ALIASES
from onestop_desktop.services.tracking.forms import apology_data, control_slip_data, supplement_data

FormData = ReceiptData | SupplementData | ApologyData | ControlSlipData | StopNoticeData
STOP_NOTICE_NUMBER = form_template(FormKind.STOP_NOTICE, TT_03_2025.valid_from).number


class NoTemplateThen(ServiceError):
    """The form asked for had no template on the day of its act (a stop notice before 15/9/2025)."""


@dataclass(frozen=True)
class Reprint:
    code: str
    template: FormTemplate
    data: FormData


def _kind_of(number: int, received: datetime) -> FormKind:
    """The form numbered `number` in the template set of the dossier's receipt day."""
    for kind in FormKind:
        try:
            if form_template(kind, received.date()).number == number:
                return kind
        except NoTemplate:
            continue
    raise ServiceError(f"Không có mẫu số {number:02d} cho hồ sơ tiếp nhận ngày {received:%d/%m/%Y}.")


def _latest_event(session: Session, d: Dossier, action: Action, what: str) -> DossierEvent:
    event = _last(session, d, action)
    if event is None:
        raise ServiceError(f"Hồ sơ {d.code} chưa có {what} nào để in lại.")
    return event


def _last(session: Session, d: Dossier, action: Action) -> DossierEvent | None:
    names = [action.value, *(old for old, a in EVENT_ALIASES.items() if a is action)]
    event = session.scalar(
        select(DossierEvent)
        .where(
            DossierEvent.dossier_id == d.id,
            DossierEvent.action.in_(names),
            DossierEvent.undone_at.is_(None),
        )
        .order_by(DossierEvent.at.desc(), DossierEvent.id.desc())
        .limit(1)
    )
    return event


def _stop_notice(session: Session, d: Dossier, stop: DossierEvent) -> StopNoticeData:
    """The stop notice of `stop`, or `NoTemplateThen` when the stop came before the template existed."""
    try:
        form_template(FormKind.STOP_NOTICE, stop.at.date())
    except NoTemplate as exc:
        raise NoTemplateThen(
            f"Hồ sơ {d.code} dừng giải quyết ngày {stop.at:%d/%m/%Y}, khi chưa có mẫu Thông báo dừng "
            f"giải quyết hồ sơ (mẫu này chỉ có từ {TT_03_2025.number}, áp dụng từ "
            f"{TT_03_2025.valid_from:%d/%m/%Y})."
        ) from exc
    officer = session.get(User, stop.user_id)
    return stop_notice_data(session, d.id, stop.note, officer.full_name if officer else "", stop.at)


def reprint(session: Session, code: str, number: int) -> Reprint:
    """The data and template of form `number` of dossier `code`; a clear sentence when there is none."""
    d = session.scalar(select(Dossier).where(Dossier.code == code.strip()))
    if d is None:
        raise NotFound(f"Không tìm thấy hồ sơ có mã {code.strip()}.")
    stop = _last(session, d, Action.STOP) if number == STOP_NOTICE_NUMBER else None
    if stop is not None:
        notice = _stop_notice(session, d, stop)
        return Reprint(d.code, form_template(FormKind.STOP_NOTICE, notice.act_day), notice)
    kind = _kind_of(number, d.received_at)
    data: FormData
    if kind is FormKind.RECEIPT:
        data = receipt_data(session, d.id)
    elif kind is FormKind.CONTROL_SLIP:
        data = control_slip_data(session, d.id)
    elif kind is FormKind.SUPPLEMENT:
        e = _latest_event(session, d, Action.REQUEST_SUPPLEMENT, "phiếu yêu cầu bổ sung")
        officer = session.get(User, e.user_id)
        data = supplement_data(session, d.id, e.note, officer.full_name if officer else "", e.at)
    elif kind is FormKind.APOLOGY:
        e = _latest_event(session, d, Action.APOLOGY, "văn bản xin lỗi")
        try:
            old, new = (datetime.fromisoformat(e.data[k]) for k in ("old_due", "new_due"))
        except (KeyError, TypeError, ValueError) as exc:
            raise ServiceError(f"Văn bản xin lỗi của hồ sơ {d.code} thiếu ngày hẹn cũ hoặc mới.") from exc
        data = apology_data(session, d.id, old, new, e.note, e.at)
    elif kind is FormKind.REFUSAL:
        raise ServiceError(
            "Phiếu từ chối chỉ in khi từ chối tại quầy; hồ sơ đã tiếp nhận không có phiếu này."
        )
    elif kind is FormKind.STOP_NOTICE:
        raise ServiceError(f"Hồ sơ {d.code} chưa dừng giải quyết nên không có thông báo dừng để in.")
    elif kind is FormKind.LOG_BOOK:
        raise ServiceError("Sổ theo dõi hồ sơ in cho một khoảng thời gian, không cho một hồ sơ.")
    else:
        raise ServiceError(f"Chương trình chưa in được mẫu số {number:02d} ({kind.value}).")
    return Reprint(d.code, form_template(kind, data.act_day), data)
