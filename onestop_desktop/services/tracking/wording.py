"""The words of the details panel as message ids: statutory time, deadline explanation, channel."""

from __future__ import annotations

from datetime import datetime

from onestop_desktop.domain import calendar as cal
from onestop_desktop.domain.calendar import DueDate, SkippedDay, time_text
from onestop_desktop.domain.fmt import fmt_datetime
from onestop_desktop.domain.messages import Msg, Text, define, msg
from onestop_desktop.domain.states import Action, action_label_vi
from onestop_desktop.services.dossiers import CHANNEL_LABELS_VI

__all__ = ["channel_msg", "deadline_msg"]


define("deadline.join", "{a}; {b}", "{a}; {b}")
define("deadline.list", "{a}, {b}", "{a}, {b}")
define("deadline.skipping", "bỏ qua {days}", "skipping {days}")
define("deadline.group", "{days} ({label})", "{days} ({label})")
define("deadline.holiday", "nghỉ lễ", ("public holiday", "public holidays"))
define("deadline.tet", "nghỉ Tết Nguyên Đán", ("Lunar New Year holiday", "Lunar New Year holidays"))
define("deadline.due", "hẹn trả {due}", "due {due}")
define(
    "deadline.adjusted",
    "{explanation}. Hẹn trả hiện tại: {due} (đã điều chỉnh, xem lịch sử)",
    "{explanation}. Current appointment: {due} (changed since, see the history)",
)
_WEEKDAYS_EN = {cal.SATURDAY: "Saturday", cal.SUNDAY: "Sunday"}
_NOTES_EN = {
    cal.NOTE_AFTER_CUTOFF: "received after 15:00, so counted from the next working day",
    cal.NOTE_NOT_BEFORE_SAME_DAY: (
        "not earlier than the deadline of a same-day procedure received after 15:00 "
        "(17:00 of the next working day)"
    ),
    cal.NOTE_OUTSIDE_HOURS: "received outside office hours, so counted from 07:00 of the next working day",
    cal.NOTE_DAY_OFF: "received on a day off, so counted from 07:00 of the next working day",
    cal.NOTE_BEFORE_HOURS: "received before office hours, so counted from 07:00",
    cal.NOTE_LUNCH: "received during the lunch break, so counted from 13:30",
    cal.NOTE_MOVED: "the appointment fell on a day off, so it moves to the next working day",
}

define("as-stored", "{text}", "{text}")  # a name the program does not know: shown as stored
for _a in Action:
    _vi, _en = action_label_vi(_a), msg(f"action.{_a.value}").text("en")
    define(f"event.{_a.value}", _vi[:1].upper() + _vi[1:], _en[:1].upper() + _en[1:])
define("event.import", "Nhập từ sổ theo dõi cũ", "Imported from the old log book")
# Thông tư 03/2025 (Mẫu 04): a letter of apology asking for an extension of the time to settle
define(
    "event.apology-extension",
    "Gửi văn bản xin lỗi và đề nghị gia hạn",
    "Send an apology and ask for an extension",
)

_CHANNELS_EN = {"direct": "In person", "online": "Online", "postal": "By post"}
for _code, _label in CHANNEL_LABELS_VI.items():
    define(f"channel.{_code}", _label, _CHANNELS_EN[_code])


def _joined(key: str, parts: list[Msg | Text]) -> Msg | Text:
    out = parts[-1]
    for p in reversed(parts[:-1]):
        out = msg(key, a=p, b=out)
    return out


def _group_label(group: list[SkippedDay]) -> Msg | Text:
    if group[0].kind == "holiday":
        tet = any("Tết Nguyên Đán" in s.reason or s.reason == "29 Tết" for s in group)
        return msg("deadline.tet" if tet else "deadline.holiday", n=len(group))
    reasons = list(dict.fromkeys(s.reason for s in group))
    # the reason of an override is the office's own words (user data): shown as written
    return Text(", ".join(reasons), ", ".join(_WEEKDAYS_EN.get(r, r) for r in reasons))


def _skipped(skipped: tuple[SkippedDay, ...]) -> Msg | Text:
    groups: list[list[SkippedDay]] = []
    for s in skipped:
        if groups and groups[-1][-1].kind == s.kind:
            groups[-1].append(s)
        else:
            groups.append([s])
    parts: list[Msg | Text] = []
    for g in groups:
        days = ", ".join(f"{s.day.day:02d}/{s.day.month:02d}" for s in g)
        parts.append(msg("deadline.group", days=days, label=_group_label(g)))
    return _joined("deadline.list", parts)


def deadline_msg(due: DueDate, current_due: datetime | None = None) -> Msg:
    """`DueDate.explain()` as a message (same Vietnamese), with the moved appointment when it differs."""
    parts: list[Msg | Text] = [time_text(due.unit, due.value)]
    if due.skipped:
        parts.append(msg("deadline.skipping", days=_skipped(due.skipped)))
    parts.extend(Text(n, _NOTES_EN.get(n, n)) for n in due.notes)
    parts.append(msg("deadline.due", due=fmt_datetime(due.due)))
    explanation = _joined("deadline.join", parts)
    if current_due is not None and current_due != due.due:
        return msg("deadline.adjusted", explanation=explanation, due=fmt_datetime(current_due))
    assert isinstance(explanation, Msg)  # at least the time and the due date: a "join"
    return explanation


def channel_msg(channel: str) -> Msg:
    """ "Trực tiếp" / "In person"; an unknown channel as stored."""
    return msg(f"channel.{channel}") if channel in CHANNEL_LABELS_VI else msg("as-stored", text=channel)
