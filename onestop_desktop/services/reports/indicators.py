"""Reform indicators entered monthly by the leaders (e-office accounts, e-documents, online services).

Each indicator has one value per month (and a total for ratios such as "655 of 658 accounts"); every
entry or correction is kept in the audit log, so the history of a figure can be shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import User
from onestop_desktop.db.models_stats import IndicatorDef, IndicatorValue
from onestop_desktop.domain.legal import ND_42_2022
from onestop_desktop.domain.messages import Msg, Text, define, msg
from onestop_desktop.domain.periods import Period
from onestop_desktop.services import audit
from onestop_desktop.services.errors import NotFound, ValidationFailed
from onestop_desktop.services.reports.counts import pct
from onestop_desktop.services.roles import Actor, Role, require

define("indicators.unknown", "Không có chỉ số mã “{code}”.", "There is no indicator with the code “{code}”.")
define("indicators.negative", "Giá trị không được âm.", "The value cannot be negative.")
define("indicators.total-needed", "Cần nhập tổng số (lớn hơn 0).", "Enter the total (above 0).")
define(
    "indicators.over-total",
    "Giá trị không được lớn hơn tổng số.",
    "The value cannot be larger than the total.",
)

__all__ = [
    "DEFAULT_DEFS",
    "IndicatorInfo",
    "IndicatorValueInfo",
    "ensure_defs",
    "history",
    "list_indicators",
    "month_values",
    "period_indicators",
    "set_value",
    "to_json",
]

# code, Vietnamese name, kind (count | ratio)
DEFAULT_DEFS: tuple[tuple[str, str, str], ...] = (
    ("eoffice_accounts_active", "Tài khoản văn phòng điện tử (iOffice) hoạt động / tổng số", "ratio"),
    ("edocs_sent_received", "Văn bản điện tử đi và đến gửi qua mạng", "count"),
    ("online_level3_procedures", "Thủ tục có dịch vụ công trực tuyến mức độ 3 / tổng số thủ tục", "ratio"),
    (
        "online_level3_dossiers",
        "Hồ sơ nộp trực tuyến mức độ 3 / tổng số hồ sơ phải giải quyết "
        "(kỳ trước chuyển sang và mới tiếp nhận)",
        "ratio",
    ),
)
# The total of the online-dossier indicator is every dossier the period had to settle (the story's
# 214 / 6.092 of October 2018: 6.092 = 1.349 carried over + 4.743 new), not the newly received: its old
# name said "tiếp nhận" beside 6.092, while the report's own online share divides by the new ones
# (67 / 4.743). Names that were the default once still count as the default (and follow the terms).
_FORMER_DEFAULTS = {
    "online_level3_dossiers": {"Hồ sơ nộp trực tuyến mức độ 3 / tổng số hồ sơ tiếp nhận"},
}

# From 1/8/2022 (Nghị định 42/2022/NĐ-CP) online services are "toàn trình" or "một phần", no longer
# levels 3-4: the default names of the two online indicators take the terms of the period they report
# (a name an administrator changed is kept as written).
_NAMES_SINCE_ND_42 = {
    "online_level3_procedures": "Thủ tục có dịch vụ công trực tuyến toàn trình, một phần / tổng số thủ tục",
    "online_level3_dossiers": "Hồ sơ nộp trực tuyến (toàn trình hoặc một phần) / tổng số hồ sơ phải giải "
    "quyết (kỳ trước chuyển sang và mới tiếp nhận)",
}
_DEFAULT_NAMES = {code: name for code, name, _kind in DEFAULT_DEFS}


# The program's own names in English (the interface language); a name an administrator wrote is shown as
# written in both languages.
_NAMES_EN = {
    _DEFAULT_NAMES["eoffice_accounts_active"]: "Active electronic office (iOffice) accounts / total",
    _DEFAULT_NAMES["edocs_sent_received"]: "Electronic documents sent and received online",
    _DEFAULT_NAMES["online_level3_procedures"]: "Procedures with level-3 online service / all procedures",
    _DEFAULT_NAMES["online_level3_dossiers"]: "Dossiers filed online at level 3 / all dossiers to settle "
    "(carried over and newly received)",
    _NAMES_SINCE_ND_42[
        "online_level3_procedures"
    ]: "Procedures with a full or partial online service / all procedures",
    _NAMES_SINCE_ND_42[
        "online_level3_dossiers"
    ]: "Dossiers filed online (full or partial service) / all dossiers "
    "to settle (carried over and newly received)",
}


def name_text(name: str) -> Text:
    """An indicator's name in both languages: the program's names are translated, others kept."""
    return Text(name, _NAMES_EN.get(name, name))


def name_in_period(code: str, name: str, day: date) -> str:
    """The indicator's name in the terms in force on `day`."""
    default = _DEFAULT_NAMES.get(code)
    if default is not None and name in _FORMER_DEFAULTS.get(code, set()):
        name = default
    if ND_42_2022.in_force(day) and code in _NAMES_SINCE_ND_42 and name == default:
        return _NAMES_SINCE_ND_42[code]
    return name


@dataclass(frozen=True)
class IndicatorInfo:
    id: int
    code: str
    name: str
    kind: str  # count | ratio
    position: int


@dataclass(frozen=True)
class IndicatorValueInfo:
    code: str
    name: str
    kind: str
    month: date
    value: float
    total: float | None
    entered_by: str
    at: str  # ISO date-time of the last entry

    @property
    def rate(self) -> float | None:
        """value / total in percent, two decimals (ratios only)."""
        if self.kind != "ratio" or not self.total:
            return None
        return pct(int(round(self.value)), int(round(self.total)))


def ensure_defs(session: Session) -> None:
    """Create the default indicator definitions that are missing (idempotent)."""
    have = set(session.scalars(select(IndicatorDef.code)))
    for pos, (code, name, kind) in enumerate(DEFAULT_DEFS):
        if code not in have:
            session.add(IndicatorDef(code=code, name=name, kind=kind, position=pos))
    session.flush()


def list_indicators(session: Session) -> list[IndicatorInfo]:
    return [
        IndicatorInfo(d.id, d.code, d.name, d.kind, d.position)
        for d in session.scalars(select(IndicatorDef).order_by(IndicatorDef.position, IndicatorDef.id))
    ]


def _first(d: date) -> date:
    return d.replace(day=1)


def _values(session: Session, where: Any) -> list[IndicatorValueInfo]:
    q = (
        select(IndicatorDef, IndicatorValue, User.full_name)
        .join(IndicatorValue, IndicatorValue.indicator_id == IndicatorDef.id)
        .outerjoin(User, User.id == IndicatorValue.user_id)
        .where(where)
        .order_by(IndicatorDef.position, IndicatorDef.id, IndicatorValue.month)
    )
    # each month's value carries the name in the terms of its month (mức độ 3 in 2018, toàn trình today)
    return [
        IndicatorValueInfo(
            d.code,
            name_in_period(d.code, d.name, v.month),
            d.kind,
            v.month,
            v.value,
            v.total,
            name or "",
            v.at.isoformat(),
        )
        for d, v, name in session.execute(q)
    ]


def month_values(session: Session, month: date) -> list[IndicatorValueInfo]:
    """Every indicator's value for the month (those entered)."""
    return _values(session, IndicatorValue.month == _first(month))


def history(
    session: Session, code: str, months: int = 12, until: date | None = None
) -> list[IndicatorValueInfo]:
    """The indicator's monthly values, oldest first, at most `months` of them up to `until`."""
    where = IndicatorDef.code == code
    if until is not None:
        where = where & (IndicatorValue.month <= _first(until))
    rows = _values(session, where)
    return rows[-months:]


def period_indicators(session: Session, period: Period) -> list[IndicatorValueInfo]:
    """Indicators of a period: the months whose first day lies in it (else the month of its end).

    Counts are summed over those months; ratios take the latest month's value and total.
    """
    firsts: list[date] = []
    d = _first(period.start)
    while d <= period.end:
        if d >= period.start:
            firsts.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    if not firsts:
        firsts = [_first(period.end)]
    rows = _values(session, IndicatorValue.month.in_(firsts))
    out: dict[str, IndicatorValueInfo] = {}
    for r in rows:  # ordered by month within each indicator
        prev = out.get(r.code)
        if r.kind == "count" and prev is not None:
            out[r.code] = IndicatorValueInfo(
                r.code, r.name, r.kind, r.month, prev.value + r.value, None, r.entered_by, r.at
            )
        else:
            out[r.code] = r
    return [replace(v, name=name_in_period(v.code, v.name, period.end)) for v in out.values()]


def to_json(values: list[IndicatorValueInfo]) -> dict[str, float | int | None]:
    """code -> value; ratios also give code_total and code_rate (percent, two decimals)."""
    out: dict[str, float | int | None] = {}
    for v in values:
        out[v.code] = _num(v.value)
        if v.kind == "ratio":
            out[f"{v.code}_total"] = _num(v.total) if v.total is not None else None
            out[f"{v.code}_rate"] = v.rate
    return out


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def set_value(
    session: Session, actor: Actor, code: str, month: date, value: float, total: float | None = None
) -> IndicatorValueInfo:
    """Enter or correct the month's value (leaders); the change is written to the audit log."""
    require(session, actor, Role.LEADER, what="nhập chỉ số cải cách hành chính")
    d = session.scalar(select(IndicatorDef).where(IndicatorDef.code == code))
    if d is None:
        raise NotFound(msg("indicators.unknown", code=code))
    errors: dict[str, Msg] = {}
    if value < 0:
        errors["value"] = msg("indicators.negative")
    if d.kind == "ratio":
        if total is None or total <= 0:
            errors["total"] = msg("indicators.total-needed")
        elif value > total:
            errors["value"] = msg("indicators.over-total")
    if errors:
        raise ValidationFailed(errors)
    m = _first(month)
    row = session.scalar(
        select(IndicatorValue).where(IndicatorValue.indicator_id == d.id, IndicatorValue.month == m)
    )
    before = None if row is None else {"value": row.value, "total": row.total}
    if row is None:
        row = IndicatorValue(indicator_id=d.id, month=m, value=value, total=total)
        session.add(row)
    row.value, row.total = value, (total if d.kind == "ratio" else None)
    row.user_id, row.at = actor.user_id, now_local()
    session.flush()
    audit.record(
        session,
        actor.user_id,
        "indicator",
        f"{code}:{m.isoformat()}",
        "update" if before else "create",
        before,
        {"value": row.value, "total": row.total},
    )
    return next(v for v in month_values(session, m) if v.code == code)
