"""Every covered data row against its seal in the audit chain: edited, added or deleted outside.

The seals are folded in chain order (the last seal of a row is what the row must hold); a row's
digest before a change (`w`) must equal its previous seal, or it was changed outside the program
before the program wrote it again. Rows are read as the driver returns them, as they were sealed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.services import audit_rows

SHOWN_PER_TABLE = 20  # findings named one by one per table; the rest are counted
LABELS = {  # a column that names the row for a person ("5 (CU-2017-0002)")
    "dossiers": "code",
    "users": "username",
    "fields": "code",
    "procedures": "code",
    "indicator_defs": "code",
    "bhyt_groups": "code",
    "units": "code",
    "calendar_overrides": "day",
}


@dataclass(frozen=True)
class RowFinding:
    table: str
    row: str
    msg: Msg

    @property
    def message(self) -> str:
        return self.msg.text("vi")


@dataclass(frozen=True)
class RowAudit:
    findings: list[RowFinding]
    checked: int  # rows compared with their seals
    tables: int
    per_table: dict[str, int] = field(default_factory=dict)  # findings per table, named or counted


@dataclass
class _Expect:
    digest: str | None
    cols: tuple[str, ...]
    kid: str


def _fold(session: Session, ring: dict[str, bytes]) -> tuple[dict[str, dict[str, _Expect]], list[RowFinding]]:
    expected: dict[str, dict[str, _Expect]] = {name: {} for name in audit_rows.COVERED}
    findings: list[RowFinding] = []
    query = (
        select(AuditEntry.id, AuditEntry.rows, AuditEntry.scheme)
        .where(AuditEntry.rows.is_not(None))
        .order_by(AuditEntry.id)
    )
    for entry_id, rows, scheme in session.execute(query.execution_options(yield_per=50)):
        if not isinstance(rows, dict):
            continue
        kid = str(scheme).removeprefix("hmac:")
        baseline = bool(rows.get("baseline"))
        for name, part in (rows.get("tables") or {}).items():
            table = expected.get(name)
            if table is None or not isinstance(part, dict):
                continue
            cols = tuple(part.get("c") or ())
            if baseline and kid in ring:
                # a new key's baseline seals every row again: what an older key sealed and this one
                # did not was deleted before the key changed
                for row in [r for r, old in table.items() if old.kid != kid]:
                    del table[row]
            for row, before in (part.get("w") or {}).items():
                prior = table.get(row)
                if prior is not None and (prior.kid != kid or prior.cols != cols):
                    continue  # sealed under another key or another column set: not comparable
                if before != (prior.digest if prior is not None else None):
                    found = msg("audit.row-changed-before", table=name, row=row, id=entry_id)
                    findings.append(RowFinding(name, row, found))
            for row, digest in (part.get("r") or {}).items():
                table[row] = _Expect(digest, cols, kid)
    return expected, findings


def verify_rows(session: Session, ring: dict[str, bytes]) -> RowAudit:
    """Compare every row of every covered table with its last seal (keys of `ring` only)."""
    expected, findings = _fold(session, ring)
    if not ring and not any(expected.values()):
        return RowAudit([], 0, 0)  # never sealed (a log not keyed yet, no key): `check_chain` says so
    shown: dict[str, int] = {}
    counted: dict[str, int] = {}

    def add(name: str, row: str, found: Msg) -> None:
        if shown.get(name, 0) < SHOWN_PER_TABLE:
            shown[name] = shown.get(name, 0) + 1
            findings.append(RowFinding(name, row, found))
        else:
            counted[name] = counted.get(name, 0) + 1

    for f in findings:
        shown[f.table] = shown.get(f.table, 0) + 1
    checked = tables = 0
    for name in audit_rows.COVERED:
        table = expected[name]
        cols = audit_rows.columns_of(name)
        position = cols.index(audit_rows.pk_of(name))
        label = cols.index(LABELS[name]) if name in LABELS else None
        tables += 1
        picks: dict[tuple[str, ...], list[int] | None] = {}
        for values in audit_rows.read_rows(session, name, None, cols):
            checked += 1
            row = str(values[position])
            want = table.pop(row, None)
            shown_row = row if label is None else f"{row} ({values[label]})"
            if want is None or want.digest is None:
                add(name, row, msg("audit.row-inserted", table=name, row=shown_row))
                continue
            secret = ring.get(want.kid)
            if secret is None:
                continue  # sealed with a key not at hand: `check_chain` reports those entries
            if want.cols == tuple(cols):
                got = audit_rows.row_digest(secret, name, values)
            else:  # sealed before a migration changed the table: the columns of then
                pick = picks.get(want.cols)
                if want.cols not in picks:
                    pick = picks[want.cols] = (
                        [cols.index(c) for c in want.cols] if set(want.cols) <= set(cols) else None
                    )
                got = "" if pick is None else audit_rows.row_digest(secret, name, [values[i] for i in pick])
            if got != want.digest:
                add(name, row, msg("audit.row-edited", table=name, row=shown_row))
        for row, want in sorted(table.items(), key=lambda kv: (len(kv[0]), kv[0])):
            if want.digest is not None:
                add(name, row, msg("audit.row-deleted", table=name, row=row))
    for name, n in counted.items():
        findings.append(RowFinding(name, "", msg("audit.rows-more", table=name, n=n)))
    per_table = {name: shown.get(name, 0) + counted.get(name, 0) for name in set(shown) | set(counted)}
    return RowAudit(findings, checked, tables, per_table)
