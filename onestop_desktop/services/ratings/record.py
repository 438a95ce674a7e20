"""Recording the citizen's rating when the result is returned, and reading it back.

Rules (issue 14, "The citizen's rating"):
- a rating is taken only once the dossier's result has been returned to the citizen (status 10,
  `domain.states.DossierStatus.RETURNED`, reached by the tracking action "return-result");
- one rating per dossier: a second one replaces the first, and the audit log keeps both (the entry's
  "before" holds the replaced rating);
- the officer rated is the officer who returned the result to the citizen: the author of the dossier's
  last return event that was not undone. The citizen rates the service at the moment they receive it,
  face to face with that officer; the processing department behind the counter is reported through the
  procedure. A dossier returned without a return event (an old log book's import) falls back on the
  officer holding it, then on the officer who received it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Dossier, DossierEvent, User
from onestop_desktop.db.models_files import Rating
from onestop_desktop.domain.fmt import fmt_datetime
from onestop_desktop.domain.messages import msg
from onestop_desktop.domain.ratings import LEVELS, SOURCES, level_label
from onestop_desktop.domain.states import Action, DossierStatus
from onestop_desktop.domain.text import nfc
from onestop_desktop.services import audit
from onestop_desktop.services.errors import NotFound, ServiceError, ValidationFailed
from onestop_desktop.services.ratings import rating_messages  # noqa: F401  (defines the messages)
from onestop_desktop.services.roles import Actor, Role, require

__all__ = ["REASON_MAX", "RETURN_EVENTS", "RatingInfo", "officer_rated", "rating_of", "record_rating"]

REASON_MAX = 1000
# The return event as tracking writes it, and as older code and the demo office named it.
RETURN_EVENTS = (str(Action.RETURN_RESULT), "return")


@dataclass(frozen=True)
class RatingInfo:
    code: str
    level: str  # satisfied | neutral | unsatisfied
    reason: str
    officer_user_id: int | None
    officer_name: str
    procedure_id: int
    rated_at: datetime
    recorded_by: str  # user name of the signed-in officer who recorded it
    source: str  # counter | screen | demo
    replaced: bool = False  # True when this rating replaced an earlier one


def _dossier(session: Session, code: str) -> Dossier:
    d = session.scalar(select(Dossier).where(Dossier.code == code.strip()))
    if d is None:
        raise NotFound(msg("rating.not-found", code=code.strip()))
    return d


def officer_rated(session: Session, d: Dossier) -> int | None:
    """The officer the rating is about: who returned the result (see the module's docstring)."""
    returner = session.scalar(
        select(DossierEvent.user_id)
        .where(
            DossierEvent.dossier_id == d.id,
            DossierEvent.action.in_(RETURN_EVENTS),
            DossierEvent.undone_at.is_(None),
        )
        .order_by(DossierEvent.at.desc(), DossierEvent.id.desc())
        .limit(1)
    )
    if returner is not None:
        return int(returner)
    return d.holder_user_id or d.receiving_user_id


def _snapshot(r: Rating) -> dict[str, Any]:
    return {
        "level": r.level,
        "reason": r.reason,
        "officer_user_id": r.officer_user_id,
        "procedure_id": r.procedure_id,
        "rated_at": r.rated_at.isoformat(),
        "recorded_by": r.recorded_by,
        "source": r.source,
    }


def _info(session: Session, code: str, r: Rating, replaced: bool = False) -> RatingInfo:
    officer = session.get(User, r.officer_user_id) if r.officer_user_id else None
    recorder = session.get(User, r.recorded_by)
    return RatingInfo(
        code=code,
        level=r.level,
        reason=r.reason,
        officer_user_id=r.officer_user_id,
        officer_name=officer.full_name if officer else "",
        procedure_id=r.procedure_id,
        rated_at=r.rated_at,
        recorded_by=recorder.username if recorder else "",
        source=r.source,
        replaced=replaced,
    )


def _check(level: str, reason: str, source: str) -> str:
    errors: dict[str, Any] = {}
    if level not in LEVELS:
        errors["level"] = msg("rating.bad-level")
    if source not in SOURCES:
        errors["source"] = msg("rating.bad-source", source=source)
    text = nfc(reason).strip()
    if len(text) > REASON_MAX:
        errors["reason"] = msg("rating.reason-too-long", n=REASON_MAX)
    if errors:
        raise ValidationFailed(errors)
    return text


def record_rating(
    session: Session,
    actor: Actor,
    code: str,
    level: str,
    reason: str = "",
    source: str = "counter",
    at: datetime | None = None,
) -> RatingInfo:
    """Record the citizen's rating of dossier `code` (whose result was returned), in the caller's
    transaction; a second rating replaces the first, audited. `at` defaults to now (the demo dates its
    ratings)."""
    require(session, actor, Role.CLERK, Role.LEADER, what=msg("rating.what"))
    text = _check(level, reason, source)
    d = _dossier(session, code)
    if d.status != int(DossierStatus.RETURNED):
        status = msg(f"status-phrase.{int(DossierStatus(d.status))}")
        raise ServiceError(msg("rating.not-returned", code=d.code, status=status))
    when = at or now_local()
    if d.returned_at is not None and when < d.returned_at:
        raise ServiceError(msg("rating.before-return", at=fmt_datetime(d.returned_at)))
    officer = officer_rated(session, d)
    r = session.scalar(select(Rating).where(Rating.dossier_id == d.id))
    before = _snapshot(r) if r is not None else None
    if r is None:
        r = Rating(dossier_id=d.id)
        session.add(r)
    r.level, r.reason, r.source = level, text, source
    r.officer_user_id, r.procedure_id = officer, d.procedure_id
    r.rated_at, r.recorded_by = when, actor.user_id
    session.flush()
    note = level_label(level)
    if before is not None:
        note = f"{note}. " + str(msg("rating.replaced", before=level_label(str(before["level"]))))
    action = "rate-again" if before is not None else "rate"
    audit.record(session, actor.user_id, "rating", d.code, action, before, _snapshot(r), note)
    return _info(session, d.code, r, replaced=before is not None)


def rating_of(session: Session, code: str) -> RatingInfo | None:
    """The dossier's rating, or None when the citizen has not rated (or declined to)."""
    d = _dossier(session, code)
    r = session.scalar(select(Rating).where(Rating.dossier_id == d.id))
    return _info(session, d.code, r) if r is not None else None
