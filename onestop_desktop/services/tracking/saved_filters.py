"""Filters a user saved under a name, with their sort order."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import SavedFilter
from onestop_desktop.domain.messages import msg
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.roles import Actor, Role, require
from onestop_desktop.services.tracking.filters import Sort, TrackingFilter


@dataclass(frozen=True)
class SavedFilterInfo:
    id: int
    name: str
    filter: TrackingFilter
    sort: Sort


def save_filter(session: Session, actor: Actor, name: str, flt: TrackingFilter, sort: Sort) -> int:
    """Save (or overwrite) a named filter of the signed-in user."""
    require(session, actor, Role.CLERK, Role.LEADER, what="dùng bộ lọc đã lưu")
    name = name.strip()
    if not name:
        raise ServiceError(msg("tracking.filter-name"))
    payload = {"filter": flt.to_json(), "sort": {"key": sort.key, "descending": sort.descending}}
    row = session.scalar(
        select(SavedFilter).where(SavedFilter.user_id == actor.user_id, SavedFilter.name == name)
    )
    if row is None:
        row = SavedFilter(user_id=actor.user_id, name=name, payload=payload)
        session.add(row)
    else:
        row.payload = payload
    session.flush()
    return row.id


def list_filters(session: Session, actor: Actor) -> list[SavedFilterInfo]:
    require(session, actor, Role.CLERK, Role.LEADER, what="dùng bộ lọc đã lưu")
    out = []
    for r in session.scalars(
        select(SavedFilter).where(SavedFilter.user_id == actor.user_id).order_by(SavedFilter.name)
    ):
        s = r.payload.get("sort", {})
        out.append(
            SavedFilterInfo(
                r.id,
                r.name,
                TrackingFilter.from_json(r.payload.get("filter", {})),
                Sort(s.get("key", "due"), bool(s.get("descending", False))),
            )
        )
    return out


def delete_filter(session: Session, actor: Actor, filter_id: int) -> None:
    require(session, actor, Role.CLERK, Role.LEADER, what="dùng bộ lọc đã lưu")
    row = session.get(SavedFilter, filter_id)
    if row is None or row.user_id != actor.user_id:
        raise ServiceError(msg("tracking.filter-not-found"))
    session.delete(row)
