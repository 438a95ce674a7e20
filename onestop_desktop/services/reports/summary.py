"""The briefing's written assessment as messages: Vietnamese on paper, the interface language on screen."""

from __future__ import annotations

from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.domain.legal import apology_asks_extension
from onestop_desktop.domain.messages import LANGUAGES, Msg, Num, Text, define, msg
from onestop_desktop.domain.periods import Period
from onestop_desktop.services.reports.report_data import BhytUnitRow, ReportData

_MONTHS_EN = ("January February March April May June July August September October November December").split()


def period_text(period: Period) -> Text:
    """The period's name in both languages ("tháng 10 năm 2018" / "October 2018")."""
    s, e = period.start, period.end
    if period.kind == "month":
        en = f"{_MONTHS_EN[s.month - 1]} {s.year}"
    elif period.kind == "quarter":
        en = f"Q{(s.month - 1) // 3 + 1} {s.year}"
    elif period.kind == "year":
        en = f"the year {s.year}"
    else:
        en = f"{fmt_date(s)} – {fmt_date(e)}"
    return Text(period.label_vi, en)


def _pct(x: float) -> Num:
    return Num(x, 2, percent=True)


define("sum.until", " (số liệu đến ngày {day})", " (figures up to {day})")
define(
    "sum.total",
    "Trong {period}{until}, tổng số hồ sơ phải giải quyết là {n} hồ sơ (kỳ trước chuyển sang {carried}, "
    "tiếp nhận mới {new}, trong đó trực tuyến {online}{share}).",
    (
        "In {period}{until}, {n} dossier was to be resolved ({carried} carried over, {new} newly received, "
        "{online} of them online{share}).",
        "In {period}{until}, {n} dossiers were to be resolved ({carried} carried over, {new} newly received, "
        "{online} of them online{share}).",
    ),
)
define("sum.share", ", chiếm {pct}", ", {pct}")
define(
    "sum.resolved",
    "Đã giải quyết {n} hồ sơ (trước hạn {early}, đúng hạn {on_time}, quá hạn {late}); đang giải quyết "
    "{open} hồ sơ (trong hạn {within}, quá hạn {overdue}).",
    (
        "{n} dossier resolved ({early} early, {on_time} on time, {late} late); {open} in progress "
        "({within} within the deadline, {overdue} overdue).",
        "{n} dossiers resolved ({early} early, {on_time} on time, {late} late); {open} in progress "
        "({within} within the deadline, {overdue} overdue).",
    ),
)
define(
    "sum.good",
    "Số hồ sơ giải quyết đúng hạn và đang giải quyết trong hạn là {good}/{n}, đạt {pct}.",
    "Resolved on time or still within the deadline: {good}/{n}, that is {pct}.",
)
define("sum.trend-up", "tăng {pts} điểm phần trăm so với", "rose by {pts} percentage points from")
define("sum.trend-down", "giảm {pts} điểm phần trăm so với", "fell by {pts} percentage points from")
define("sum.trend-same", "không đổi so với", "is unchanged from")
define("sum.trend", "Tỷ lệ này {word} {period} ({pct}).", "This rate {word} {period} ({pct}).")
define(
    "sum.late",
    "Hồ sơ trễ hạn ({n} hồ sơ) tập trung ở lĩnh vực {field} ({worst} hồ sơ, {pct}){reason}.",
    (
        "The late dossier ({n}) is in the field {field} ({worst}, {pct}){reason}.",
        "Late dossiers ({n}) are mostly in the field {field} ({worst}, {pct}){reason}.",
    ),
)
define(
    "sum.reason",
    "; nguyên nhân chủ yếu: {reason} ({n} hồ sơ)",
    ("; main reason: {reason} ({n} dossier)", "; main reason: {reason} ({n} dossiers)"),
)
define(
    "sum.none-late",
    "Không có hồ sơ giải quyết quá hạn hoặc đang quá hạn.",
    "No dossier resolved late or overdue.",
)
define(
    "sum.apologies-extension",
    "Đã ban hành {n} văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết.",
    (
        "{n} apology letter asking for an extension was issued.",
        "{n} apology letters asking for an extension were issued.",
    ),
)
define(
    "sum.apologies",
    "Đã ban hành {n} phiếu xin lỗi và hẹn lại ngày trả kết quả.",
    (
        "{n} apology letter with a new appointment was issued.",
        "{n} apology letters with a new appointment were issued.",
    ),
)
define(
    "sum.accounts",
    "Có {active}/{total} tài khoản văn phòng điện tử hoạt động{rate}{docs}",
    "{active}/{total} electronic office accounts are active{rate}{docs}",
)
define("sum.rate", " ({pct})", " ({pct})")
define(
    "sum.docs",
    "; {n} văn bản điện tử đi và đến được gửi qua mạng.",
    (
        "; {n} electronic document was sent or received online.",
        "; {n} electronic documents were sent or received online.",
    ),
)
define("sum.stop", ".", ".")
define(
    "sum.bhyt",
    "BHYT: đến ngày {day}, {place} có {insured}/{population} người tham gia, đạt {pct}{change}.",
    "Health insurance: on {day}, {place} had {insured}/{population} people insured, {pct}{change}.",
)
define(
    "sum.bhyt-up",
    ", tăng {pts} điểm phần trăm so với tháng trước",
    ", up {pts} percentage points on the month before",
)
define(
    "sum.bhyt-down",
    ", giảm {pts} điểm phần trăm so với tháng trước",
    ", down {pts} percentage points on the month before",
)
define(
    "sum.bhyt-ends",
    "Đơn vị có tỷ lệ cao nhất: {top}; thấp nhất: {bottom}.",
    "Highest: {top}; lowest: {bottom}.",
)
define(
    "sum.bhyt-below",
    "{below}/{units} đơn vị chưa đạt 85 % (tiêu chí nông thôn mới).",
    "{below}/{units} units are below 85% (the new-countryside criterion).",
)


_KINDS_EN = {
    "Thị trấn ": "township",
    "Xã ": "commune",
    "Phường ": "ward",
    "Huyện ": "district",
    "Tỉnh ": "province",
}


def _short_name(name: str) -> str:
    for prefix in _KINDS_EN:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def place_text(name: str) -> Text:
    """A unit's name inside a sentence: "huyện Xuân Lộc" / "Xuân Lộc district" (the name itself is data)."""
    for prefix, kind in _KINDS_EN.items():
        if name.lower().startswith(prefix.lower()):
            return Text(name[:1].lower() + name[1:], f"{name[len(prefix) :]} {kind}")
    return Text(name[:1].lower() + name[1:], name)


def _dossier_sections(data: ReportData) -> list[Msg]:
    c = data.totals
    so_far = data.generated_at.date()
    until = msg("sum.until", day=fmt_date(so_far)) if data.period.end > so_far else ""
    share = msg("sum.share", pct=_pct(c.online_share)) if c.online_share is not None else ""
    out = [
        msg(
            "sum.total",
            period=period_text(data.period),
            until=until,
            n=c.received,
            carried=c.carried_over,
            new=c.received_new,
            online=c.received_online,
            share=share,
        ),
        msg(
            "sum.resolved",
            n=c.resolved,
            early=c.resolved_early,
            on_time=c.resolved_on_time,
            late=c.resolved_late,
            open=c.in_progress,
            within=c.in_progress_within,
            overdue=c.in_progress_overdue,
        ),
    ]
    if c.on_time_or_within_rate is not None:
        out.append(msg("sum.good", good=c.good, n=c.received, pct=_pct(c.on_time_or_within_rate)))
    prev = data.previous.on_time_or_within_rate
    if prev is not None and c.on_time_or_within_rate is not None:
        diff = round(c.on_time_or_within_rate - prev, 2)
        key = "sum.trend-up" if diff > 0 else ("sum.trend-down" if diff < 0 else "sum.trend-same")
        word = msg(key, pts=Num(abs(diff), 2)) if diff else msg(key)
        out.append(msg("sum.trend", word=word, period=period_text(data.previous_period), pct=_pct(prev)))
    return out


def _late_section(data: ReportData) -> list[Msg]:
    c, s = data.totals, data.stats
    out: list[Msg] = []
    if c.bad:
        worst = max(s.by_field, key=lambda r: r.counts.bad)
        share = 100.0 * worst.counts.bad / c.bad
        reasons: dict[str, int] = {}
        for x in s.late:
            if x.field == worst.label and x.reason:
                reasons[x.reason] = reasons.get(x.reason, 0) + 1
        because: Msg | str = ""
        if reasons:
            reason, n = max(reasons.items(), key=lambda kv: (kv[1], kv[0]))
            because = msg("sum.reason", reason=reason.rstrip(".").lower(), n=n)
        out.append(
            msg(
                "sum.late",
                n=c.bad,
                field=worst.label,
                worst=worst.counts.bad,
                pct=_pct(share),
                reason=because,
            )
        )
    else:
        out.append(msg("sum.none-late"))
    if s.apology_letters:
        extension = apology_asks_extension(data.period.end)  # the letters of the period's own form
        out.append(msg("sum.apologies-extension" if extension else "sum.apologies", n=s.apology_letters))
    return out


def _indicator_section(data: ReportData) -> list[Msg]:
    acc, docs = data.indicator("eoffice_accounts_active"), data.indicator("edocs_sent_received")
    if acc is None or not acc.total:
        return []
    rate = msg("sum.rate", pct=_pct(acc.rate)) if acc.rate is not None else ""
    tail = msg("sum.docs", n=int(docs.value)) if docs else msg("sum.stop")
    return [msg("sum.accounts", active=int(acc.value), total=int(acc.total), rate=rate, docs=tail)]


def _bhyt_section(data: ReportData) -> list[Msg]:
    b = data.bhyt
    if b is None:
        return []
    change: Msg | str = ""
    if b.change_points is not None:
        key = "sum.bhyt-up" if b.change_points >= 0 else "sum.bhyt-down"
        change = msg(key, pts=Num(abs(b.change_points), 2))
    out = [
        msg(
            "sum.bhyt",
            day=fmt_date(b.cutoff),
            place=place_text(b.name),
            insured=b.insured,
            population=b.population,
            pct=_pct(b.coverage),
            change=change,
        )
    ]
    out.append(msg("sum.bhyt-ends", top=_units(b.top), bottom=_units(b.bottom)))
    below = [u for u in b.units if u.coverage < 85]
    if below:
        out.append(msg("sum.bhyt-below", below=len(below), units=len(b.units)))
    return out


def _units(units: tuple[BhytUnitRow, ...]) -> Text:
    """Unit names stay as they are (data); their rates follow the language."""
    vi, en = (
        ", ".join(f"{_short_name(u.name)} {_pct(u.coverage).text(lang)}" for u in units) for lang in LANGUAGES
    )
    return Text(vi, en)


def summary_messages(data: ReportData) -> dict[str, list[Msg]]:
    """The written assessment by section: "dossiers", "late", "indicators", "bhyt"."""
    return {
        "dossiers": _dossier_sections(data),
        "late": _late_section(data),
        "indicators": _indicator_section(data),
        "bhyt": _bhyt_section(data),
    }


def summary_sections(data: ReportData) -> dict[str, list[str]]:
    """The written assessment by section, in Vietnamese (the printed briefing is an official document)."""
    return {k: [m.text("vi") for m in ms] for k, ms in summary_messages(data).items()}


def summary_sentences(data: ReportData) -> list[str]:
    """The written assessment of the briefing, in Vietnamese."""
    return [x for part in summary_sections(data).values() for x in part]
