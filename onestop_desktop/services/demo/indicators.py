"""Demo step: the reform indicators of Xuân Lộc, September and October 2018 (655 / 658, 7,949 …)."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models_stats import IndicatorDef, IndicatorValue
from onestop_desktop.paths import resource_path
from onestop_desktop.services.reports.indicators import ensure_defs

# indicator code -> (value key, total key or None) in resources/demo/indicators_2018.json
_KEYS = {
    "eoffice_accounts_active": ("eoffice_accounts_active", "eoffice_accounts_total"),
    "edocs_sent_received": ("edocs_sent_received", None),
    "online_level3_procedures": ("online_level3_procedures", "procedures_total"),
    "online_level3_dossiers": ("online_level3_dossiers", "dossiers_received"),
}


def build_demo_step(session: Session) -> None:
    """Load the bundled indicator values; months already entered are left alone (idempotent)."""
    ensure_defs(session)
    data = json.loads(resource_path("demo/indicators_2018.json").read_text(encoding="utf-8"))
    defs = {d.code: d.id for d in session.scalars(select(IndicatorDef))}
    have = {(i, m) for i, m in session.execute(select(IndicatorValue.indicator_id, IndicatorValue.month))}
    for m in data["months"]:
        y, mo = (int(x) for x in m["month"].split("-"))
        month = date(y, mo, 1)
        at = datetime.combine(date.fromisoformat(m["period_end"]), datetime.min.time()).replace(hour=16)
        for code, (vkey, tkey) in _KEYS.items():
            if (defs[code], month) in have:
                continue
            session.add(
                IndicatorValue(
                    indicator_id=defs[code],
                    month=month,
                    value=float(m[vkey]),
                    total=float(m[tkey]) if tkey else None,
                    user_id=None,
                    at=at,
                )
            )
    session.flush()
