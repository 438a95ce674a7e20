"""Dossiers whose result was returned, on a private copy of the demo office."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.services.roles import Actor
from onestop_desktop.services.tracking import actions

AT = datetime(2026, 11, 24, 9, 30)


def open_dossiers(db: Database, n: int = 1, procedure_id: int | None = None) -> list[str]:
    """Codes of `n` dossiers being processed (of one procedure if given)."""
    with session_scope(db.factory) as s:
        q = select(Dossier.code).where(Dossier.status == int(DossierStatus.PROCESSING))
        if procedure_id is not None:
            q = q.where(Dossier.procedure_id == procedure_id)
        codes = list(s.scalars(q.order_by(Dossier.id).limit(n)))
    assert len(codes) == n
    return codes


def returned(db: Database, actor: Actor, code: str, at: datetime = AT, returner: Actor | None = None) -> None:
    """Resolve the dossier, then return its result (by `returner`, the actor by default)."""
    with session_scope(db.factory) as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d is not None
        if d.received_at > at:
            d.received_at = at.replace(hour=7)
        actions.resolve(s, actor, d.id, at=at)
    with session_scope(db.factory) as s:
        dossier_id = s.scalar(select(Dossier.id).where(Dossier.code == code))
        assert dossier_id is not None
        actions.return_result(s, returner or actor, dossier_id, at=at)
