"""Table headers of the briefing wrap between words, never inside one ("chuyể/n sang")."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth

from onestop_desktop.reports.briefing_style import CELL_PADDING, bordered_table, header_style, styles
from onestop_desktop.reports.fonts import register_fonts


def _lines(paragraph, width: float) -> list[list[str]]:  # type: ignore[no-untyped-def]
    paragraph.wrap(width, 10_000)
    out = []
    for line in paragraph.blPara.lines:
        words = line[1] if isinstance(line, tuple) else [w.text for w in line.words]
        out.append([w if isinstance(w, str) else w.text for w in words])
    return out


def test_a_narrow_header_wraps_between_words() -> None:
    register_fonts()
    st = styles()
    head = [["STT", "Kỳ trước chuyển sang", "Trực tiếp, BCCI", "Tỷ lệ đúng hạn"]]
    widths = [0.7 * cm, 1.05 * cm, 1.05 * cm, 1.55 * cm]
    table = bordered_table(st, head, [["1", "2", "3", "4"]], widths)
    for j, text in enumerate(head[0]):
        cell = table._cellvalues[0][j]
        lines = _lines(cell, widths[j] - 2 * CELL_PADDING)
        assert [w for line in lines for w in line] == text.split(), (text, lines)


def test_header_style_shrinks_only_when_a_word_does_not_fit() -> None:
    register_fonts()
    base = styles()["cellh"]
    assert header_style(base, "Tổng số", 2 * cm) is base
    small = header_style(base, "chuyển", 0.9 * cm)
    assert small.fontSize < base.fontSize
    assert stringWidth("chuyển", small.fontName, small.fontSize) <= 0.9 * cm
