"""One row of an old log book, checked as the counter checks a form, and prepared for writing.

Everything a dossier row needs is computed here, before any write: the code, the catalogue version of the
receipt day, the search and sort keys. The write (`logbook_write`) then only inserts.
Names, ID numbers and phones go through the counter's own validators (`domain.validators`); dates
through the plausible ranges of `domain.plausible`.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
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
from onestop_desktop.services.tracking.logbook_sheet import FIELDS, cell_text, norm_name, parse_when

S = DossierStatus
_STATUS_BY_LABEL = {fold(label_vi(s)): s for s in S}
DATES = ("received", "due", "resolved", "returned")
_DATE_SET = frozenset(DATES)
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


class _Memo(dict[str, Any]):
    """Results of a pure check by the text checked: a log book repeats its names and addresses (a
    commune has few hamlets). Emptied when full, so a book of all-different values stays small."""

    LIMIT = 50_000

    def __init__(self, check: Callable[[str], Any]) -> None:
        super().__init__()
        self.check = check

    def __missing__(self, key: str) -> Any:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[key] = self.check(key)
        return value


def _name(s: str) -> tuple[Msg | None, str, str]:
    """The counter's name check, and the sort key of the name as checked (when it passes)."""
    checked = v.check_name(s)
    if checked.error_msg is not None:
        return checked.error_msg, checked.value, ""
    return None, checked.value, vi_name_sort_key(checked.value)


def _text(value: Any) -> str:
    """`cell_text`, with the usual case (a text cell) first."""
    if type(value) is str:
        return unicodedata.normalize("NFC", value).strip()
    return cell_text(value)


class RowChecker:
    """Checks rows against the catalogue (procedures, their versions) and today's date.

    200,000 rows are checked in the import's time budget: the columns, their labels and the checks
    are looked up once, not per cell; a row that passes allocates little more than its dossier.
    """

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
        self._columns = [(f, mapping[f]) for f in FIELDS if f in mapping]  # in FIELDS order
        self._label = {f: field_label(f) for f in FIELDS}
        self._dates = [f for f in DATES if f in mapping]
        self._limits = [(f, limit, self._label[f]) for f, limit in TEXT_LIMITS.items() if f in mapping]
        self._names = _Memo(_name)
        self._phones = _Memo(v.check_phone)
        self._addresses = _Memo(v.check_address)
        self._statuses = _Memo(lambda s: _STATUS_BY_LABEL.get(fold(s)))

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
        label = self._label
        n = len(row)
        raw = {f: (row[j] if j < n else None) for f, j in self._columns}
        formulas: set[str] = set()
        values: dict[str, str] = {}
        for f, value in raw.items():  # FIELDS order: the formulas' reasons come in that order
            if isinstance(value, str) and value[:1] == "=" and plausible.is_formula(value):
                formulas.add(f)
                reasons.append(msg("plausible.formula", label=label[f], value=plausible.shown(value)))
                values[f] = ""
            elif f not in _DATE_SET:
                values[f] = _text(value)
        when: dict[str, datetime | None] = dict.fromkeys(DATES)
        bad_dates: set[str] = set()
        for f in self._dates:
            if f in formulas:
                continue
            try:
                when[f] = parse_when(raw[f])
            except (ValueError, OverflowError):
                values[f] = text = _text(raw[f])
                reasons.append(msg("logbook.bad-date", column=label[f], value=plausible.shown(text)))
                if text:
                    bad_dates.add(f)
                continue
            if when[f] is None:
                values[f] = text = _text(raw[f])
                if text:
                    bad_dates.add(f)
            # a date read is never shown again: its text is not needed
        for f in ("received", "due"):  # REQUIRED's dates, in its order
            if when[f] is None and f not in bad_dates and f not in formulas:
                reasons.append(msg("logbook.missing", column=label[f]))
        for f, limit, name in self._limits:
            if why := plausible.check_text(values[f], name, limit):
                reasons.append(why)
                values[f] = ""
        applicant = written = values.get("applicant", "")
        applicant_sort = ""
        if not applicant:
            if "applicant" not in formulas:
                reasons.append(msg("logbook.no-applicant"))
        else:
            error, applicant, applicant_sort = self._names[applicant]
            if error is not None:
                reasons.append(error)
        pid, why = (
            (None, None) if "procedure" in formulas else self.matcher.match(values.get("procedure", ""))
        )
        if why is not None:
            reasons.append(why)
        rec, due = when["received"], when["due"]
        if rec:
            if far := plausible.check_receipt(rec, self.today, label["received"]):
                reasons.append(far)
            if due and due < rec:
                reasons.append(msg("logbook.due-before-received"))
            elif due and not far and (why := plausible.check_due(rec, due)):
                reasons.append(why)
            for f in ("resolved", "returned"):
                done = when[f]
                if done and done < rec:
                    reasons.append(msg(f"logbook.{f}-before-received"))
                elif done and (why := plausible.check_receipt(done, self.today, label[f])):
                    reasons.append(why)
        citizen_id, phone, address = self._person(values, rec, reasons)
        status = None
        if values.get("status"):
            status = self._statuses[values["status"]]
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
            applicant_sort=applicant_sort,
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

    def _person(
        self, values: dict[str, str], rec: datetime | None, reasons: list[Msg]
    ) -> tuple[str, str, str]:
        """ID number, phone and address as the intake form checks them (each optional in a log book)."""
        out = []
        for f in ("citizen_id", "phone", "address"):
            value = values.get(f, "")
            if not value:
                out.append("")
                continue
            if f == "citizen_id":
                checked = v.check_citizen_id(value, today=rec.date() if rec else None)
            else:
                checked = (self._phones if f == "phone" else self._addresses)[value]
            if checked.error_msg is not None:
                reasons.append(checked.error_msg)
            out.append(checked.value)
        return out[0], out[1], out[2]


def _made_code(procedure: str, applicant: str, received: datetime, due: datetime) -> str:
    """A stable code for a row without one: the same row imported twice gets the same code."""
    key = "|".join(str(x) for x in (procedure, applicant, received, due))
    return f"NK-{hashlib.sha1(key.encode()).hexdigest()[:12].upper()}"
