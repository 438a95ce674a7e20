"""The office's own details (name, address, receipt book), kept in the settings table."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Setting, Unit
from onestop_desktop.services import audit
from onestop_desktop.services.catalogue import units
from onestop_desktop.services.errors import NotFound
from onestop_desktop.services.form_data import OfficeInfo
from onestop_desktop.services.roles import Actor, Role, require


@dataclass(frozen=True)
class OfficeSettings:
    name: str = "Bộ phận một cửa"
    parent_name: str = ""
    department: str = "Bộ phận tiếp nhận và trả kết quả"
    place: str = ""
    address: str = ""
    phone: str = ""
    unit_code: str = ""  # GSO code of the office's own unit (its office_code goes into dossier codes)
    book_number: str = "01"
    return_place: str = "Bộ phận tiếp nhận và trả kết quả"


_PREFIX = "office."


def get_office(session: Session) -> OfficeSettings:
    stored = {
        s.key[len(_PREFIX) :]: s.value
        for s in session.scalars(select(Setting).where(Setting.key.startswith(_PREFIX)))
    }
    known = {f.name for f in fields(OfficeSettings)}
    return replace(OfficeSettings(), **{k: v for k, v in stored.items() if k in known})


def save_office(session: Session, actor: Actor | None, office: OfficeSettings) -> None:
    if actor is not None:
        require(actor, Role.ADMIN, what="sửa thông tin cơ quan")
    before = get_office(session)
    for f in fields(OfficeSettings):
        key = _PREFIX + f.name
        row = session.get(Setting, key)
        value = str(getattr(office, f.name))
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
    session.flush()
    audit.record(
        session,
        actor.user_id if actor else None,
        "office",
        "settings",
        "update",
        before=before.__dict__,
        after=office.__dict__,
    )


def form_office(session: Session) -> OfficeInfo:
    """The office as printed at the top of every form."""
    o = get_office(session)
    return OfficeInfo(o.name, o.parent_name, o.department, o.place, o.address, o.phone)


def office_unit(session: Session) -> Unit:
    code = get_office(session).unit_code
    # the unit with this code today, else the latest before today (an office set to a unit that ended)
    unit = units.unit_by_code(session, code, fallback=True) if code else None
    if unit is None:
        raise NotFound("Chưa chọn đơn vị của cơ quan trong phần cài đặt.")
    return unit


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else default


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
