"""The deadline list as plain lines for an export (the tab's "Export to Excel" and `export dossiers`),
and a filter named by catalogue codes, as the command line names it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.messages import define, msg
from onestop_desktop.domain.states import DossierStatus, label_vi
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.services.dossiers import CHANNEL_LABELS_VI
from onestop_desktop.services.errors import NotFound
from onestop_desktop.services.tracking import countdown as tracking_countdown
from onestop_desktop.services.tracking import query
from onestop_desktop.services.tracking.filters import Sort, Today, TrackingFilter

define(
    "tracking.export.no-field",
    "Không có lĩnh vực mã «{code}» trong danh mục (các mã: {known}).",
    "There is no field with code «{code}» in the catalogue (codes: {known}).",
)
define(
    "tracking.export.no-procedure",
    "Không có thủ tục mã «{code}» trong danh mục.",
    "There is no procedure with code «{code}» in the catalogue.",
)


@dataclass(frozen=True, slots=True)
class ListLine:
    """One dossier of the list as the export shows it (Vietnamese labels, dates as dates)."""

    seq: int
    code: str
    applicant_name: str
    procedure_name: str
    field_name: str
    unit_name: str
    channel: str
    received_at: datetime
    due_at: datetime
    time_left: str
    status: str
    holder_name: str
    citizen_id: str
    phone: str
    address: str


def count(session: Session, flt: TrackingFilter, today: Today, calendar: WorkingCalendar) -> int:
    """How many dossiers the filter shows (the number `list_lines` yields)."""
    return query.count_rows(session, flt, today, calendar)


def list_lines(
    session: Session,
    flt: TrackingFilter,
    sort: Sort,
    today: Today,
    calendar: WorkingCalendar,
    page: int = 5000,
    total: int | None = None,
) -> Iterator[ListLine]:
    """The filtered list in the list's order, fetched `page` rows at a time (a big office fits in memory).

    `total`: the `count` already made, if any (the query plans its paging with it).
    """
    days = tracking_countdown.DayCounter(calendar)
    if total is None:
        total = query.count_rows(session, flt, today, calendar)
    n = 0
    while True:
        rows = query.query_rows(session, flt, sort, n, page, today, calendar, total=total)
        for r in rows:
            n += 1
            cd = tracking_countdown.countdown(r.status, r.due_at, r.time_value, r.time_unit, today.now, days)
            yield ListLine(
                seq=n,
                code=r.code,
                applicant_name=r.applicant_name,
                procedure_name=r.procedure_name,
                field_name=r.field_name,
                unit_name=r.unit_name,
                channel=CHANNEL_LABELS_VI.get(r.channel, r.channel),
                received_at=r.received_at,
                due_at=r.due_at,
                time_left=cd.text,
                status=label_vi(DossierStatus(r.status)),
                holder_name=r.holder_name,
                citizen_id=r.citizen_id,
                phone=r.phone,
                address=r.address,
            )
        if len(rows) < page:
            return


def filter_by_codes(
    session: Session,
    flt: TrackingFilter,
    *,
    field_code: str | None = None,
    procedure_code: str | None = None,
    received: tuple[date, date] | None = None,
) -> TrackingFilter:
    """`flt` narrowed to a field and a procedure named by their codes, and to dossiers received in a period.

    Raises NotFound (a sentence naming the code) for a code the catalogue does not have.
    """
    if field_code:
        fields = catalogue.list_fields(session)
        found = next((f for f in fields if f.code.casefold() == field_code.strip().casefold()), None)
        if found is None:
            known = ", ".join(sorted(f.code for f in fields)) or "—"
            raise NotFound(msg("tracking.export.no-field", code=field_code, known=known))
        flt = replace(flt, field_id=found.id)
    if procedure_code:
        procs = catalogue.list_procedures(session, include_inactive=True)
        proc = next((p for p in procs if p.code == procedure_code.strip()), None)
        if proc is None:
            raise NotFound(msg("tracking.export.no-procedure", code=procedure_code))
        flt = replace(flt, procedure_id=proc.id)
    if received is not None:
        flt = replace(flt, received_from=received[0], received_to=received[1])
    return flt
