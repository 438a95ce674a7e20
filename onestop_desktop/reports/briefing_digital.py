"""The briefing's digitisation and satisfaction sections (issue 14): sentences, formulas, tables, notes.

Each section prints its figures with the formula beside them and says on the page what Quyết định
766/QĐ-TTg leaves unread here (services/reports/digital_messages.py): counts, not the decision's
points. A period before the office recorded any scan (or rating) gets one sentence saying there are no
figures, never a 0 % that would read as a failure; before the decision itself (the 2018 story) the
sentence says the rules did not exist yet.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Paragraph, Table

from onestop_desktop.domain.fmt import fmt_date, fmt_int
from onestop_desktop.domain.messages import Msg, Num, Text, msg
from onestop_desktop.reports.briefing_style import WIDTH, bordered_table, esc, rate
from onestop_desktop.services.reports.digital_messages import QD_766_2022
from onestop_desktop.services.reports.digitization import DigitizationRow, DigitizationSection
from onestop_desktop.services.reports.report_data import ReportData
from onestop_desktop.services.reports.satisfaction import SatisfactionSection

__all__ = ["digital_sections"]

_DASH = Text("—", "—")


def _pct(x: float | None) -> Num | Text:
    return Num(x, 2, percent=True) if x is not None else _DASH


def _vi(m: Msg) -> str:
    return esc(m.text("vi"))


def before_766(data: ReportData) -> bool:
    return data.period.end < QD_766_2022.valid_from


def _no_data(st: dict[str, ParagraphStyle], key: str, data: ReportData, before: bool) -> list[Any]:
    out = [Paragraph(_vi(msg(key, end=fmt_date(data.period.end))), st["note"])]
    if before:
        out.append(Paragraph(_vi(msg("digital.before-rules")), st["note"]))
    return out


def _digitization_table(
    st: dict[str, ParagraphStyle], rows: tuple[DigitizationRow, ...], first: str
) -> Table:
    head = [
        ["STT", first, "Tiếp nhận mới", "Đã số hóa đủ", "Tỷ lệ số hóa", "Đã giải quyết", "Kết quả điện tử"]
    ]
    total = DigitizationRow(
        "",
        "Tổng cộng",
        sum(r.received for r in rows),
        sum(r.digitized for r in rows),
        sum(r.resolved for r in rows),
        sum(r.results_electronic for r in rows),
    )
    body = [
        [
            str(i + 1) if r is not total else "",
            r.label,
            fmt_int(r.received),
            fmt_int(r.digitized),
            rate(r.rate),
            fmt_int(r.resolved),
            fmt_int(r.results_electronic),
        ]
        for i, r in enumerate((*rows, total))
    ]
    n = 2.0 * cm
    widths = [0.8 * cm, WIDTH - 0.8 * cm - 5 * n, n, n, n, n, n]
    return bordered_table(st, head, body, widths, bold_last=True)


def _digitization(st: dict[str, ParagraphStyle], data: ReportData, g: DigitizationSection) -> list[Any]:
    out: list[Any] = [Paragraph("6. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", st["h2"])]
    if not g.has_data:
        return out + _no_data(st, "digital.no-data", data, before_766(data))
    out.append(
        Paragraph(
            _vi(
                msg(
                    "digital.summary",
                    received=g.received,
                    digitized=g.digitized,
                    rate=_pct(g.rate),
                    electronic=g.results_electronic,
                    resolved=g.resolved,
                )
            ),
            st["body"],
        )
    )
    out.append(_digitization_table(st, g.by_field, "Lĩnh vực"))
    out.append(CondPageBreak(3 * cm))
    out.append(_digitization_table(st, g.by_officer, "Công chức tiếp nhận"))
    formula = msg(
        "digital.formula",
        digitized=g.digitized,
        received=g.received,
        rate=_pct(g.rate),
        electronic=g.results_electronic,
        resolved=g.resolved,
        share=_pct(g.electronic_share),
    )
    out.append(Paragraph(_vi(formula), st["note"]))
    if g.since is not None:
        out.append(Paragraph(_vi(msg("digital.since", since=fmt_date(g.since))), st["note"]))
    out.append(Paragraph(_vi(msg("digital.law-note")), st["note"]))
    return out


def _ratings(st: dict[str, ParagraphStyle], data: ReportData, r: SatisfactionSection) -> list[Any]:
    out: list[Any] = [Paragraph("7. Đánh giá mức độ hài lòng của người dân", st["h2"])]
    if not r.has_data:  # the rules' dates, if the period precedes them, were said in section 6
        return out + _no_data(st, "ratings.no-data", data, data.digitization is None and before_766(data))
    c = r.counts
    if not c.count:
        return out + [Paragraph(_vi(msg("ratings.none")), st["body"])]
    out.append(
        Paragraph(
            _vi(
                msg(
                    "ratings.summary",
                    count=c.count,
                    satisfied=c.satisfied,
                    neutral=c.neutral,
                    unsatisfied=c.unsatisfied,
                    rate=_pct(c.rate),
                )
            ),
            st["body"],
        )
    )
    if r.worst:
        out.append(Paragraph(_vi(msg("ratings.worst", min=r.min_ratings)), st["body"]))
        head = [
            ["STT", "Thủ tục", "Số đánh giá", "Hài lòng", "Bình thường", "Không hài lòng", "Tỷ lệ hài lòng"]
        ]
        body = [
            [
                str(i + 1),
                p.name,
                fmt_int(p.counts.count),
                fmt_int(p.counts.satisfied),
                fmt_int(p.counts.neutral),
                fmt_int(p.counts.unsatisfied),
                rate(p.counts.rate),
            ]
            for i, p in enumerate(r.worst)
        ]
        n = 1.9 * cm
        out.append(bordered_table(st, head, body, [0.8 * cm, WIDTH - 0.8 * cm - 5 * n, n, n, n, n, n]))
    else:
        out.append(Paragraph(_vi(msg("ratings.no-worst", min=r.min_ratings)), st["note"]))
    formula = msg("ratings.formula", satisfied=c.satisfied, count=c.count, rate=_pct(c.rate))
    out.append(Paragraph(_vi(formula), st["note"]))
    out.append(Paragraph(_vi(msg("ratings.law-note")), st["note"]))
    return out


def digital_sections(st: dict[str, ParagraphStyle], data: ReportData) -> list[Any]:
    """Sections I.6 (digitisation) and I.7 (satisfaction) of the briefing; nothing when not computed."""
    out: list[Any] = []
    if data.digitization is not None:
        out.append(CondPageBreak(6 * cm))
        out += _digitization(st, data, data.digitization)
    if data.ratings is not None:
        out.append(CondPageBreak(5 * cm))
        out += _ratings(st, data, data.ratings)
    return out
