"""Which backups to keep: the latest ten, one a day for a week, one a week for a month, safety copies for
a month, and always the newest copy that passed its integrity check (the last good copy)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from onestop_desktop.clock import now_local
from onestop_desktop.services.safety.backup_files import (
    DAMAGED_FOLDER,
    NAME_RE,
    checked_good,
    is_damaged_name,
    remove_copy,
)

KEEP_LATEST = 10
KEEP_DAILY_DAYS = 7
KEEP_WEEKLY_DAYS = 31
KEEP_DAMAGED = 5  # damaged copies kept apart for a specialist's recovery; the newest few are enough


def prune(folder: Path, stem: str, now: datetime | None = None) -> list[Path]:
    """Apply the retention rule to the backups of database `stem` in `folder`; return what was removed.

    Kept: the latest 10; the newest of each of the last 7 days; the newest of each week of the last
    month; safety copies taken before a migration, import or restore for a month; and, whatever its
    age, the newest copy whose record says it passed the integrity check, so that a run of damaged or
    unchecked copies can never rotate the last good one out. Damaged copies (kept apart in `damaged/`)
    are never counted here; only the newest few of them are kept.
    """
    now = now or now_local()
    dated = []
    for path in folder.glob(f"{stem}-*.sqlite3"):
        match = NAME_RE.match(path.name)
        if match and match["stem"] == stem and not is_damaged_name(path):
            dated.append((datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S"), match["reason"], path))
    dated.sort(reverse=True)
    keep = {path for _, _, path in dated[:KEEP_LATEST]}
    newest_of: dict[object, Path] = {}
    for at, reason, path in dated:  # newest first: the first seen in a bucket is its newest
        age = now - at
        if age <= timedelta(days=KEEP_DAILY_DAYS):
            newest_of.setdefault(("day", at.date()), path)
        if age <= timedelta(days=KEEP_WEEKLY_DAYS):
            newest_of.setdefault(("week", at.isocalendar()[:2]), path)
            if reason.startswith("before-"):
                keep.add(path)
    keep |= set(newest_of.values())
    last_good = next((path for _, _, path in dated if checked_good(path)), None)
    if last_good is not None:
        keep.add(last_good)
    removed = []
    for _, _, path in dated:
        if path not in keep:
            remove_copy(path)
            removed.append(path)
    return removed + prune_damaged(folder / DAMAGED_FOLDER, stem)


def prune_damaged(folder: Path, stem: str) -> list[Path]:
    """Keep the newest `KEEP_DAMAGED` damaged copies of `stem`."""
    if not folder.is_dir():
        return []
    found = sorted(
        (p for p in folder.glob(f"{stem}-*.sqlite3") if (m := NAME_RE.match(p.name)) and m["stem"] == stem),
        key=lambda p: p.name,
        reverse=True,
    )
    for path in found[KEEP_DAMAGED:]:
        remove_copy(path)
    return found[KEEP_DAMAGED:]
