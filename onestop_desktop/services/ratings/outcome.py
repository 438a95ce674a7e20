"""How a dossier's result went out: the result's form (electronic or paper, with its files) and the
citizen's rating. What the tracking tab's details panel shows after the return."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier
from onestop_desktop.db.models_files import Attachment
from onestop_desktop.services.ratings.record import RatingInfo, rating_of

__all__ = ["ReturnOutcome", "return_outcome"]


@dataclass(frozen=True)
class ReturnOutcome:
    result_form: str  # "electronic" | "paper" | "" (not recorded)
    result_files: tuple[str, ...]  # names of the live result attachments, oldest first
    rating: RatingInfo | None


def return_outcome(session: Session, code: str) -> ReturnOutcome | None:
    """The result's form and the rating of dossier `code`; None when there is no such dossier."""
    d = session.scalar(select(Dossier).where(Dossier.code == code))
    if d is None:
        return None
    files = session.scalars(
        select(Attachment.name)
        .where(Attachment.dossier_id == d.id, Attachment.role == "result", Attachment.removed_at.is_(None))
        .order_by(Attachment.added_at, Attachment.id)
    )
    return ReturnOutcome(d.result_form or "", tuple(files), rating_of(session, code))
