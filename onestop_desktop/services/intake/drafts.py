"""Drafts of the intake form, one list per clerk, so that an interrupted dossier survives a crash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Draft
from onestop_desktop.domain.messages import define, msg
from onestop_desktop.domain.text import nfc
from onestop_desktop.services.errors import NotFound
from onestop_desktop.services.roles import Actor, Role, require

define("intake.draft-gone", "Không tìm thấy bản nháp.", "Draft not found.")
define("intake.draft-no-name", "(chưa có tên)", "(no name yet)")

# Drafts saved before the placeholder was worded at the edge stored it in their label.
_OLD_NO_NAME = "(chưa có tên)"
_SEP = " – "


@dataclass(frozen=True)
class DraftInfo:
    id: int
    label: str
    payload: dict[str, Any]
    updated_at: datetime

    @property
    def applicant(self) -> str:
        """The applicant's name as typed ("" when none yet, old drafts' stored placeholder included)."""
        typed = self.payload.get("applicant_name")
        name = nfc(str(typed)).strip() if typed is not None else self.label.partition(_SEP)[0].strip()
        return "" if name == _OLD_NO_NAME else name

    @property
    def procedure(self) -> str:
        """The chosen procedure's name ("" when none yet)."""
        chosen = self.payload.get("procedure_label")
        return nfc(str(chosen)).strip() if chosen is not None else self.label.partition(_SEP)[2].strip()


def save_draft(session: Session, actor: Actor, payload: dict[str, Any], draft_id: int | None = None) -> int:
    """Create or update the clerk's draft; returns its id."""
    require(session, actor, Role.CLERK, Role.LEADER, what="dùng bản nháp hồ sơ")
    now = now_local()
    label = nfc(str(payload.get("applicant_name") or "")).strip()  # "" when no name yet: worded at the edge
    proc = nfc(str(payload.get("procedure_label") or "")).strip()
    label = f"{label}{_SEP}{proc}" if proc else label
    draft = session.get(Draft, draft_id) if draft_id else None
    if draft is None or draft.user_id != actor.user_id:
        draft = Draft(user_id=actor.user_id, created_at=now)
        session.add(draft)
    draft.label = label[:300]
    draft.payload = dict(payload)
    draft.updated_at = now
    session.flush()
    return draft.id


def list_drafts(session: Session, actor: Actor) -> list[DraftInfo]:
    require(session, actor, Role.CLERK, Role.LEADER, what="dùng bản nháp hồ sơ")
    rows = session.scalars(
        select(Draft).where(Draft.user_id == actor.user_id).order_by(Draft.updated_at.desc(), Draft.id.desc())
    )
    return [DraftInfo(d.id, d.label, dict(d.payload), d.updated_at) for d in rows]


def load_draft(session: Session, actor: Actor, draft_id: int) -> DraftInfo:
    require(session, actor, Role.CLERK, Role.LEADER, what="dùng bản nháp hồ sơ")
    d = session.get(Draft, draft_id)
    if d is None or d.user_id != actor.user_id:
        raise NotFound(msg("intake.draft-gone"))
    return DraftInfo(d.id, d.label, dict(d.payload), d.updated_at)


def delete_draft(session: Session, actor: Actor, draft_id: int) -> None:
    require(session, actor, Role.CLERK, Role.LEADER, what="dùng bản nháp hồ sơ")
    d = session.get(Draft, draft_id)
    if d is not None and d.user_id == actor.user_id:
        session.delete(d)
        session.flush()
