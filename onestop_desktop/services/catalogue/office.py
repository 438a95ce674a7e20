"""The office's own details (name, address, receipt book), kept in the settings table, and dated.

The office itself changes: in 2018 the demo's was the district's one-stop office; since 1/7/2025 it is a
commune's public administration service centre (Nghị định 118/2025/NĐ-CP). The current identity lives
in the `office.*` settings; earlier ones in `office_history` (JSON: each with the last day it was
valid). Every document takes the identity valid on its own day (`get_office(session, on=day)`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from datetime import date

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


HISTORY_KEY = "office_history"


@dataclass(frozen=True)
class PastIdentity:
    """An identity the office had until `valid_to` (inclusive)."""

    valid_to: date
    office: OfficeSettings


def office_history(session: Session) -> list[PastIdentity]:
    """Earlier identities, oldest first."""
    raw = get_setting(session, HISTORY_KEY)
    if not raw:
        return []
    known = {f.name for f in fields(OfficeSettings)}
    out = [
        PastIdentity(
            date.fromisoformat(item["valid_to"]),
            replace(OfficeSettings(), **{k: str(v) for k, v in item.items() if k in known}),
        )
        for item in json.loads(raw)
    ]
    return sorted(out, key=lambda p: p.valid_to)


def set_office_history(session: Session, actor: Actor, history: list[PastIdentity]) -> None:
    """Replace the earlier identities (administrators; the demo builder acts as its administrator)."""
    require(session, actor, Role.ADMIN, what="sửa thông tin cơ quan")
    before = [{"valid_to": p.valid_to.isoformat(), **asdict(p.office)} for p in office_history(session)]
    after = [{"valid_to": p.valid_to.isoformat(), **asdict(p.office)} for p in history]
    put_setting(session, HISTORY_KEY, json.dumps(after, ensure_ascii=False))
    session.flush()
    audit.record(
        session, actor.user_id, "office", "history", "update", {"history": before}, {"history": after}
    )


def get_office(session: Session, on: date | None = None) -> OfficeSettings:
    """The office as it is now, or as it was on `on` (the day of the document being made)."""
    if on is not None:
        for past in office_history(session):
            if on <= past.valid_to:
                return past.office
    stored = {
        s.key[len(_PREFIX) :]: s.value
        for s in session.scalars(select(Setting).where(Setting.key.startswith(_PREFIX)))
    }
    known = {f.name for f in fields(OfficeSettings)}
    return replace(OfficeSettings(), **{k: v for k, v in stored.items() if k in known})


def save_office(session: Session, actor: Actor, office: OfficeSettings) -> None:
    """Change the office's details (administrators; the demo builder acts as its administrator)."""
    require(session, actor, Role.ADMIN, what="sửa thông tin cơ quan")
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
        actor.user_id,
        "office",
        "settings",
        "update",
        before=before.__dict__,
        after=office.__dict__,
    )


def form_office(session: Session, on: date | None = None) -> OfficeInfo:
    """The office as printed at the top of a form of `on` (today when not given)."""
    o = get_office(session, on)
    return OfficeInfo(o.name, o.parent_name, o.department, o.place, o.address, o.phone)


def office_unit(session: Session, on: date | None = None) -> Unit:
    """The office's own unit on `on` (today when not given)."""
    code = get_office(session, on).unit_code
    # the unit with this code that day, else the latest before it (an office set to a unit that ended)
    unit = units.unit_by_code(session, code, on=on, fallback=True) if code else None
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
