"""The office's clock: Vietnam has one time zone (UTC+7) and no daylight saving time.

Times are stored as naive local datetimes, as every paper form and the national system show them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")


def now_local() -> datetime:
    """Current local time in Vietnam, naive, to the second."""
    return datetime.now(tz=UTC).astimezone(VN_TZ).replace(tzinfo=None, microsecond=0)


def today_local() -> date:
    return now_local().date()
