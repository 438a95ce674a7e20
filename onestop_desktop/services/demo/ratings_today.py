"""The citizens' ratings of the living demo office: given when the result is returned, with a plausible mix.

About three citizens in four answer the rating buttons when they take their result. Most are satisfied;
a result that came late is rated much worse, land files a little worse than the rest, and those not
satisfied often say why. The officer rated is the one who returned the result (the author of the
dossier's last return event, as services/ratings/record.py rules), the rating is given a minute after
the return and recorded by that officer, from the "demo" source. Only dossiers whose result stands
returned are rated (services/ratings/figures.py counts no other); the 2018 story is never rated.
Rows are written in bulk, like the demo's dossiers.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier, DossierEvent, Field
from onestop_desktop.db.models_files import Rating
from onestop_desktop.domain.ratings import NEUTRAL, SATISFIED, UNSATISFIED
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.services import audit
from onestop_desktop.services.demo.scans_today import table
from onestop_desktop.services.demo.today import START
from onestop_desktop.services.ratings.record import RETURN_EVENTS

ANSWER = 0.75  # citizens who press a button
# (satisfied, neutral) shares; the rest is "not satisfied"
ON_TIME = (0.90, 0.07)
LATE = (0.40, 0.30)
LAND = (0.80, 0.12)  # land files on time: long, costly procedures
REASONS = {
    UNSATISFIED: [
        "Trả kết quả trễ hẹn",
        "Phải đi lại nhiều lần để bổ sung giấy tờ",
        "Cán bộ hướng dẫn chưa rõ ràng",
        "Thời gian chờ tại quầy lâu",
    ],
    NEUTRAL: ["", "", "Thời gian chờ hơi lâu", "Cần hướng dẫn rõ hơn về thành phần hồ sơ"],
    SATISFIED: [""],
}


def build_ratings_today(session: Session, now: datetime) -> int:
    """Rate the returned results of the demo dossiers received since START; returns how many ratings."""
    d, ev = Dossier, DossierEvent
    rng = random.Random(now.date().toordinal() * 14 + 2)
    land = session.scalar(select(Field.id).where(Field.code == "DD"))
    last_return = (
        select(ev.dossier_id, func.max(ev.id).label("event_id"))
        .where(ev.action.in_(RETURN_EVENTS), ev.undone_at.is_(None))
        .group_by(ev.dossier_id)
        .subquery()
    )
    q = (
        select(d.id, d.procedure_id, d.field_id, d.resolved_at, d.due_at, d.returned_at, ev.user_id)
        .add_columns(d.holder_user_id, d.receiving_user_id)
        .join(last_return, last_return.c.dossier_id == d.id, isouter=True)
        .join(ev, ev.id == last_return.c.event_id, isouter=True)
        .where(
            d.received_at >= datetime.combine(START, time()),
            d.source == "demo",
            d.status == int(DossierStatus.RETURNED),
        )
        .order_by(d.id)
    )
    rows: list[dict[str, Any]] = []
    for did, pid, fid, resolved, due, returned, returner, holder, receiver in session.execute(q):
        if returned is None or rng.random() >= ANSWER:
            continue
        at = returned + timedelta(minutes=1)
        if at > now:
            continue  # the citizen is still at the counter
        late = resolved is not None and resolved.date() > due.date()
        satisfied, neutral = LATE if late else (LAND if fid == land else ON_TIME)
        draw = rng.random()
        level = SATISFIED if draw < satisfied else NEUTRAL if draw < satisfied + neutral else UNSATISFIED
        reason = "Trả kết quả trễ hẹn" if late and level == UNSATISFIED else rng.choice(REASONS[level])
        officer = returner or holder or receiver
        rows.append(
            dict(
                dossier_id=did,
                level=level,
                reason=reason,
                officer_user_id=officer,
                procedure_id=pid,
                rated_at=at,
                recorded_by=officer,
                source="demo",
            )
        )
    if rows:
        top = session.scalar(select(func.coalesce(func.max(Rating.id), 0))) or 0
        session.connection().execute(insert(table(Rating)), rows)
        audit.record_rows(session, "ratings", range(top + 1, top + 1 + len(rows)))  # sealed at this commit
        session.flush()
    return len(rows)
