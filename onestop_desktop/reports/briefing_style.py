"""The look of the briefing: page geometry, paragraph styles, the bordered table and chart images."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Image, Paragraph, Table, TableStyle

from onestop_desktop.domain.fmt import fmt_pct
from onestop_desktop.reports import charts
from onestop_desktop.reports.fonts import SANS, SERIF, font_name

LEFT, RIGHT, TOP, BOTTOM = 3.0 * cm, 1.8 * cm, 2.0 * cm, 2.0 * cm
WIDTH = A4[0] - LEFT - RIGHT
HEAD_BG = colors.HexColor("#e8eef6")


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of the briefing by name (body, headings, table cells, signature)."""
    serif, bold, italic = font_name(SERIF), font_name(SERIF, bold=True), font_name(SERIF, italic=True)
    base = ParagraphStyle("body", fontName=serif, fontSize=11.5, leading=15.5, alignment=TA_JUSTIFY)
    return {
        "body": ParagraphStyle("b", parent=base, firstLineIndent=1 * cm, spaceAfter=4),
        "head": ParagraphStyle(
            "h", parent=base, fontName=bold, fontSize=10.5, leading=13, alignment=TA_CENTER
        ),
        "headn": ParagraphStyle("hn", parent=base, fontSize=10.5, leading=13, alignment=TA_CENTER),
        "date": ParagraphStyle("d", parent=base, fontName=italic, fontSize=11, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "t", parent=base, fontName=bold, fontSize=13.5, leading=18, alignment=TA_CENTER
        ),
        "h1": ParagraphStyle("h1", parent=base, fontName=bold, fontSize=12, spaceBefore=8, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=11.5, spaceBefore=6, spaceAfter=3),
        "note": ParagraphStyle("n", parent=base, fontName=italic, fontSize=10, leading=13),
        "cell": ParagraphStyle("c", fontName=font_name(SANS), fontSize=7.5, leading=9),
        "cellb": ParagraphStyle("cb", fontName=font_name(SANS, bold=True), fontSize=7.5, leading=9),
        "cellh": ParagraphStyle(
            "ch", fontName=font_name(SANS, bold=True), fontSize=7, leading=8.5, alignment=TA_CENTER
        ),
        "num": ParagraphStyle("nu", fontName=font_name(SANS), fontSize=7.5, leading=9, alignment=TA_RIGHT),
        "nums": ParagraphStyle("nus", fontName=font_name(SANS), fontSize=6.5, leading=8, alignment=TA_RIGHT),
        "cells": ParagraphStyle("cs", fontName=font_name(SANS), fontSize=6.5, leading=8),
        "cellbs": ParagraphStyle("cbs", fontName=font_name(SANS, bold=True), fontSize=6.5, leading=8),
        "sign": ParagraphStyle("s", parent=base, fontName=bold, fontSize=11, leading=14, alignment=TA_CENTER),
        "recv": ParagraphStyle("r", parent=base, fontSize=9, leading=11.5, alignment=0),
    }


def esc(text: str) -> str:
    """Text made safe for a reportlab Paragraph (its markup is XML-like)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


CELL_PADDING = 2  # left and right, points (the table style below)


def _span_width(
    widths: Sequence[float], span_end: dict[tuple[int, int], tuple[int, int]], col: int, row: int
) -> float:
    last = span_end.get((col, row), (col, row))[0]
    return float(sum(widths[col : last + 1])) - 2 * CELL_PADDING


def header_style(style: ParagraphStyle, text: str, width: float) -> ParagraphStyle:
    """`style`, smaller if needed so that no word of `text` is wider than `width`: a narrow column's
    header then wraps between words ("Kỳ trước / chuyển sang"), never inside one ("chuyể/n")."""
    longest = max((stringWidth(w, style.fontName, style.fontSize) for w in text.split()), default=0.0)
    if longest <= width or longest == 0:
        return style
    size = max(5.0, style.fontSize * width / longest * 0.95)  # a little room: reportlab wraps at the edge
    return ParagraphStyle(f"{style.name}-{size:.2f}", parent=style, fontSize=size, leading=size * 1.2)


def bordered_table(
    st: dict[str, ParagraphStyle],
    head: Sequence[Sequence[str]],
    body: Sequence[Sequence[str]],
    widths: Sequence[float],
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    numeric_from: int = 2,
    bold_last: bool = False,
    numeric_to: int = 999,
    small: bool = False,
) -> Table:
    """A bordered table; header rows shaded; columns numeric_from..numeric_to right-aligned."""
    span_end = {a: b for a, b in spans}
    rows: list[list[Any]] = [
        [
            Paragraph(esc(c), header_style(st["cellh"], c, _span_width(widths, span_end, j, i)))
            for j, c in enumerate(r)
        ]
        for i, r in enumerate(head)
    ]
    for i, r in enumerate(body):
        bold = bold_last and i == len(body) - 1
        rows.append(
            [
                Paragraph(
                    esc(c),
                    st["num" + "s" * small]
                    if numeric_from <= j <= numeric_to
                    else st[("cellb" if bold else "cell") + "s" * small],
                )
                for j, c in enumerate(r)
            ]
        )
    t = Table(rows, colWidths=list(widths), repeatRows=len(head))
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font_name(SANS)),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, len(head) - 1), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    cmds += [("SPAN", a, b) for a, b in spans]
    if bold_last:
        cmds.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f3f3f3")))
    t.setStyle(TableStyle(cmds))
    return t


def rate(x: float | None) -> str:
    """A rate as "98,49 %", or "—" when there is nothing to divide by."""
    return fmt_pct(x) if x is not None else "—"


def chart_image(fig: Any, width: float = WIDTH) -> Image:
    """A chart as a 200 dpi image `width` wide, keeping the figure's proportions."""
    png = charts.figure_png(fig, dpi=200)
    w_in, h_in = fig.get_size_inches()
    return Image(io.BytesIO(png), width=width, height=width * h_in / w_in)
