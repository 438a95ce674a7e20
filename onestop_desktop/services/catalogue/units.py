"""Administrative units on a given day: lookup by a reused code, addresses, and where former units went.

Since 1/7/2025 (two-tier local government, NQ 1662/NQ-UBTVQH15 for Đồng Nai) the statistics office gives
the new communes old codes: 26425 was thị trấn Gia Ray and is xã Xuân Lộc. A code therefore names a unit
only together with a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from onestop_desktop.clock import today_local
from onestop_desktop.db.models import Unit, UnitSuccessor
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.domain.text import fold

ADDRESS_LEVELS = ("commune", "township", "ward")
_PREFIXES = ("thành phố ", "thị trấn ", "thị xã ", "phường ", "huyện ", "tỉnh ", "xã ")


def valid(u: Unit | AddressUnit, day: date) -> bool:
    return u.valid_from <= day and (u.valid_to is None or u.valid_to >= day)


def unit_by_code(session: Session, code: str, on: date | None = None, fallback: bool = False) -> Unit | None:
    """The unit with `code` on `on` (default today), or None.

    With `fallback`, a code with no unit that day gives the latest unit started before it: an office
    still set to a unit that has ended keeps working. It never jumps forward: a 2018 question never gets
    a 2025 unit.
    """
    day = on or today_local()
    rows = list(session.scalars(select(Unit).where(Unit.code == code).order_by(Unit.valid_from.desc())))
    current = next((u for u in rows if valid(u, day)), None)
    if current is None and fallback:
        current = next((u for u in rows if u.valid_from <= day), None)
    return current


def unit_path(unit: Unit | None) -> str:
    """ "xã Xuân Bắc, huyện Xuân Lộc, tỉnh Đồng Nai": the unit and its parents, as written in an address."""
    names: list[str] = []
    while unit is not None:
        # level words are lower-case inside an address
        names.append(unit.name[:1].lower() + unit.name[1:])
        unit = unit.parent
    return ", ".join(names)


def bare_name(name: str) -> str:
    """ "Thị trấn Gia Ray" → "Gia Ray"."""
    low = name.lower()
    for p in _PREFIXES:
        if low.startswith(p):
            return name[len(p) :]
    return name


@dataclass(frozen=True)
class AddressUnit:
    """A commune-level unit as the address box offers it."""

    code: str
    label: str  # "xã Xuân Lộc, tỉnh Đồng Nai"
    valid_from: date
    valid_to: date | None
    key: str  # folded label, for matching without accents


@dataclass(frozen=True)
class Successor:
    """A former unit and a unit that holds (all or `part` of) its territory."""

    former_code: str
    former_name: str  # bare: "Gia Ray"
    former_valid_to: date
    former_key: str  # folded bare name and full name
    unit: AddressUnit
    part: bool
    source: str

    @property
    def hint(self) -> str:
        """ "Gia Ray → nay thuộc xã Xuân Lộc"; "Xuân Bắc (cũ, đến 30/06/2025) → nay thuộc xã Xuân Bắc"."""
        new = self.unit.label.split(", ")[0]
        old = self.former_name
        if fold(old) == fold(bare_name(new)):
            old = f"{old} (cũ, đến {fmt_date(self.former_valid_to)})"
        return f"{old} → {'một phần ' if self.part else ''}nay thuộc {new}"


@dataclass(frozen=True)
class Link:
    """Part or all of the former unit (`code`, `start`) went into the unit `successor` (code, start)."""

    code: str
    start: date
    end: date | None
    name: str  # bare name of the former unit
    key: str  # its folded bare and full names
    part: bool
    source: str
    successor: tuple[str, date]


@dataclass(frozen=True)
class AddressBook:
    """Every commune-level unit and every successor link: the box filters by day in memory."""

    units: tuple[AddressUnit, ...]
    links: tuple[Link, ...]

    def on(self, day: date) -> list[AddressUnit]:
        """The units valid on `day`, in code order."""
        return [u for u in self.units if valid(u, day)]

    def successors(self, text: str, day: date) -> list[Successor]:
        """Former units (ended before `day`) whose code is `text` or whose name contains it (no accents),
        with the units valid on `day` that now hold their territory (following later changes too)."""
        key = fold(text).strip()
        if not key:
            return []
        found: list[Successor] = []
        for link in self.links:
            if link.end is None or link.end >= day or not (key == link.code or key in link.key):
                continue
            for unit, part in self._holders(link.successor, day, link.part, set()):
                if all(f.unit != unit or f.former_code != link.code for f in found):
                    found.append(Successor(link.code, link.name, link.end, link.key, unit, part, link.source))
        return found

    def _holders(
        self, target: tuple[str, date], day: date, part: bool, seen: set[tuple[str, date]]
    ) -> list[tuple[AddressUnit, bool]]:
        unit = next((u for u in self.units if (u.code, u.valid_from) == target), None)
        if unit is None or target in seen:
            return []
        if valid(unit, day):
            return [(unit, part)]
        seen.add(target)  # the successor ended too: follow its own successors
        out: list[tuple[AddressUnit, bool]] = []
        for link in self.links:
            if (link.code, link.start) == target:
                out += self._holders(link.successor, day, part or link.part, seen)
        return out


def address_book(session: Session) -> AddressBook:
    """All commune-level units with their address labels, and the successor links between them."""
    units = list(
        session.scalars(
            select(Unit)
            .options(selectinload(Unit.parent))
            .where(Unit.level.in_(ADDRESS_LEVELS))
            .order_by(Unit.code, Unit.valid_from)
        )
    )
    entries = tuple(
        AddressUnit(u.code, unit_path(u), u.valid_from, u.valid_to, fold(unit_path(u))) for u in units
    )
    links = tuple(
        Link(
            p.code,
            p.valid_from,
            p.valid_to,
            bare_name(p.name),
            f"{fold(bare_name(p.name))} | {fold(p.name)}",
            link.part,
            link.source,
            (link.successor.code, link.successor.valid_from),
        )
        for link in session.scalars(
            select(UnitSuccessor)
            .options(selectinload(UnitSuccessor.predecessor), selectinload(UnitSuccessor.successor))
            .order_by(UnitSuccessor.predecessor_id, UnitSuccessor.successor_id)
        )
        for p in (link.predecessor,)
    )
    return AddressBook(entries, links)


def successors(session: Session, code_or_name: str, on: date | None = None) -> list[Successor]:
    """The units valid on `on` (default today) that hold the territory of a former unit named so.

    `successors(s, "gia ray", date(2026, 12, 2))` → xã Xuân Lộc ("Gia Ray → nay thuộc xã Xuân Lộc");
    "Xuân Tâm" gives two: part of it went to xã Xuân Đông, the rest to xã Xuân Hòa.
    """
    return address_book(session).successors(code_or_name, on or today_local())
