"""One row of an old log book, checked as the counter checks a form, and prepared for writing.

Everything a dossier row needs is computed here, before any write: the code, the catalogue version of the
receipt day, the search and sort keys. The write (`logbook_write`) then only inserts.
Names, ID numbers and phones go through the counter's own validators (`domain.validators`); dates
through the plausible ranges of `domain.plausible`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from onestop_desktop.domain import plausible
from onestop_desktop.domain import validators as v
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.domain.states import DossierStatus, label_vi
from onestop_desktop.domain.text import fold, vi_name_sort_key
from onestop_desktop.services.dossiers import search_key
from onestop_desktop.services.tracking.logbook_messages import field_label
from onestop_desktop.services.tracking.logbook_sheet import FIELDS, REQUIRED, cell_text, norm_name, parse_when

S = DossierStatus
_STATUS_BY_LABEL = {fold(label_vi(s)): s for s in S}
DATES = ("received", "due", "resolved", "returned")
CODE_LIMIT = 60  # dossiers.code is String(60)
# Free-text columns and their limits: the intake form's (address 255, other text 500).
TEXT_LIMITS = {"code": CODE_LIMIT, "procedure": plausible.MAX_TEXT, "status": 60, "note": plausible.MAX_TEXT}


@dataclass(frozen=True)
class VersionInfo:
    """What a dossier copies from the catalogue version of its receipt day."""

    id: int | None
    time_value: int
    time_unit: str
    fee: int


@dataclass(slots=True)
class PlannedDossier:
    """A checked row, ready to insert (slots: 200,000 of them stay small)."""

    row: int
    code: str
    procedure_id: int
    field_id: int
    version: VersionInfo
    applicant: str
    applicant_sort: str
    citizen_id: str
    phone: str
    address: str
    received: datetime
    due: datetime
    resolved: datetime | None
    returned: datetime | None
    status: int
    note: str
    search_key: str


class ProcedureMatcher:
    """Catalogue names matched accent-insensitively: exact first, then a unique prefix either way."""

    def __init__(self, procedures: list[tuple[int, str]]) -> None:
        self.items = [(pid, norm_name(name)) for pid, name in procedures]
        self._cache: dict[str, tuple[int | None, Msg | None]] = {}

    def match(self, name: str) -> tuple[int | None, Msg | None]:
        found = self._cache.get(name)  # a log book names few procedures, many times each
        if found is None:
            found = self._cache[name] = self._match(norm_name(name), plausible.shown(name))
        return found

    def _match(self, key: str, name: str) -> tuple[int | None, Msg | None]:
        if not key:
            return None, msg("logbook.no-procedure")
        exact = [pid for pid, n in self.items if n == key]
        if len(exact) == 1:
            return exact[0], None
        if len(exact) > 1:
            return None, msg("logbook.procedure-duplicate", name=name, n=len(exact))
        close = [pid for pid, n in self.items if n.startswith(key + " ") or key.startswith(n + " ")]
        if len(close) == 1:
            return close[0], None
        if len(close) > 1:
            return None, msg("logbook.procedure-ambiguous", name=name, n=len(close))
        return None, msg("logbook.procedure-unknown", name=name)


def import_status(status: S | None, resolved: datetime | None, returned: datetime | None) -> S:
    if status is not None:
        return status
    if returned:
        return S.RETURNED
    if resolved:
        return S.RESOLVED
    return S.PROCESSING


class RowChecker:
    """Checks rows against the catalogue (procedures, their versions) and today's date."""

    def __init__(
        self,
        mapping: dict[str, int],
        procedures: list[tuple[int, str, int]],
        versions: dict[int, list[tuple[date, date | None, VersionInfo]]],
        today: date,
    ) -> None:
        self.mapping = mapping
        self.matcher = ProcedureMatcher([(pid, name) for pid, name, _f in procedures])
        self.field_of = {pid: fid for pid, _n, fid in procedures}
        self.versions = versions
        self.today = today

    def _cell(self, row: list[Any], f: str) -> Any:
        j = self.mapping.get(f)
        return row[j] if j is not None and j < len(row) else None

    def _version(self, pid: int, day: date) -> VersionInfo:
        for start, end, info in self.versions.get(pid, ()):
            if start <= day and (end is None or day <= end):
                return info
        return VersionInfo(None, 0, "working-days", 0)  # the catalogue did not list it that day

    def check(self, number: int, row: list[Any]) -> PlannedDossier | list[Msg]:
        """The row as a dossier to write, or why it is rejected (every reason, in a stable order)."""
        reasons: list[Msg] = []
        raw = {f: self._cell(row, f) for f in FIELDS if f in self.mapping}
        formulas = {f for f, value in raw.items() if plausible.is_formula(value)}
        for f in sorted(formulas, key=list(FIELDS).index):
            reasons.append(msg("plausible.formula", label=field_label(f), value=plausible.shown(raw[f])))
        values = {f: ("" if f in formulas else cell_text(value)) for f, value in raw.items()}
        when: dict[str, datetime | None] = {}
        for f in DATES:
            when[f] = None
            if f not in self.mapping or f in formulas:
                continue
            try:
                when[f] = parse_when(raw[f])
            except (ValueError, OverflowError):
                reasons.append(
                    msg("logbook.bad-date", column=field_label(f), value=plausible.shown(values[f]))
                )
        bad_dates = {f for f in DATES if f in self.mapping and when[f] is None and values.get(f)}
        for f in REQUIRED:
            if f in ("received", "due") and when[f] is None and f not in bad_dates and f not in formulas:
                reasons.append(msg("logbook.missing", column=field_label(f)))
        for f, limit in TEXT_LIMITS.items():
            if f in values and (why := plausible.check_text(values[f], field_label(f), limit)):
                reasons.append(why)
                values[f] = ""
        applicant = written = values.get("applicant", "")
        if not applicant:
            if "applicant" not in formulas:
                reasons.append(msg("logbook.no-applicant"))
        else:
            name = v.check_name(applicant)
            if name.error_msg is not None:
                reasons.append(name.error_msg)
            applicant = name.value
        pid, why = (
            (None, None) if "procedure" in formulas else self.matcher.match(values.get("procedure", ""))
        )
        if why is not None:
            reasons.append(why)
        rec, due = when["received"], when["due"]
        if rec:
            if far := plausible.check_receipt(rec, self.today, field_label("received")):
                reasons.append(far)
            if due and due < rec:
                reasons.append(msg("logbook.due-before-received"))
            elif due and not far and (why := plausible.check_due(rec, due)):
                reasons.append(why)
            for f in ("resolved", "returned"):
                done = when[f]
                if done and done < rec:
                    reasons.append(msg(f"logbook.{f}-before-received"))
                elif done and (why := plausible.check_receipt(done, self.today, field_label(f))):
                    reasons.append(why)
        citizen_id, phone, address = self._person(values, rec, reasons)
        status = None
        if values.get("status"):
            status = _STATUS_BY_LABEL.get(fold(values["status"]))
            if status is None:
                reasons.append(msg("logbook.bad-status", status=plausible.shown(values["status"])))
        if reasons or pid is None or rec is None or due is None:
            return reasons or [msg("logbook.no-procedure")]
        code = values.get("code") or _made_code(values.get("procedure", ""), written, rec, due)
        final = import_status(status, when["resolved"], when["returned"])
        return PlannedDossier(
            row=number,
            code=code,
            procedure_id=pid,
            field_id=self.field_of[pid],
            version=self._version(pid, rec.date()),
            applicant=applicant,
            applicant_sort=vi_name_sort_key(applicant),
            citizen_id=citizen_id,
            phone=phone,
            address=address,
            received=rec,
            due=due,
            resolved=when["resolved"],
            returned=when["returned"],
            status=int(final),
            note=values.get("note", ""),
            search_key=search_key(code, applicant, citizen_id, phone),
        )

    @staticmethod
    def _person(values: dict[str, str], rec: datetime | None, reasons: list[Msg]) -> tuple[str, str, str]:
        """ID number, phone and address as the intake form checks them (each optional in a log book)."""
        out = []
        for f, check in (
            ("citizen_id", lambda s: v.check_citizen_id(s, today=rec.date() if rec else None)),
            ("phone", v.check_phone),
            ("address", v.check_address),
        ):
            value = values.get(f, "")
            if not value:
                out.append("")
                continue
            checked = check(value)
            if checked.error_msg is not None:
                reasons.append(checked.error_msg)
            out.append(checked.value)
        return out[0], out[1], out[2]


def _made_code(procedure: str, applicant: str, received: datetime, due: datetime) -> str:
    """A stable code for a row without one: the same row imported twice gets the same code."""
    key = "|".join(str(x) for x in (procedure, applicant, received, due))
    return f"NK-{hashlib.sha1(key.encode()).hexdigest()[:12].upper()}"
