"""Tiny scanned pages for the living demo: one small greyscale page per document, made into a PDF.

A page is an A4 sheet at 30 dpi (248 x 351 pixels, a few kilobytes): the national header, the document's
name and grey bars standing for the lines of text, drawn with the bundled DejaVu font (Vietnamese
diacritics). img2pdf wraps the PNG losslessly, as services/attachments does with a real scan. The demo
makes one file per document name and one per field's result, stored once however many dossiers
name it: the store is content-addressed.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache

import img2pdf
from PIL import Image, ImageDraw, ImageFont

from onestop_desktop.paths import resource_path

DPI = 30
SIZE = (248, 351)  # A4 at 30 dpi

FontT = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=4)
def _font(size: int, bold: bool = False) -> FontT:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(resource_path(f"fonts/{name}")), size)
    except OSError:  # no bundled font: the page still has its bars
        return ImageFont.load_default()


def _wrap(text: str, width: int, font: FontT, draw: ImageDraw.ImageDraw) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines[:3]


@lru_cache(maxsize=1)
def _blank() -> Image.Image:
    """The sheet with the national header, drawn once (every page starts from a copy)."""
    im = Image.new("L", SIZE, 250)
    draw = ImageDraw.Draw(im)
    small = _font(7)
    draw.text((SIZE[0] // 2, 14), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fill=20, font=small, anchor="mm")
    draw.text((SIZE[0] // 2, 24), "Độc lập - Tự do - Hạnh phúc", fill=20, font=small, anchor="mm")
    return im


def page_png(title: str, kind: str = "") -> bytes:
    """One page as PNG bytes: header, `kind` (e.g. "BẢN SAO"), `title`, and bars seeded by the title."""
    seed = hashlib.sha256(title.encode("utf-8")).digest()
    im = _blank().copy()
    draw = ImageDraw.Draw(im)
    small, bold = _font(7), _font(8, bold=True)
    y = 42
    if kind:
        draw.text((18, SIZE[1] - 16), kind, fill=60, font=small, anchor="lm")
    for line in _wrap(title.upper(), SIZE[0] - 32, bold, draw):
        draw.text((SIZE[0] // 2, y), line, fill=0, font=bold, anchor="mm")
        y += 11
    y += 8
    for i in range(16):
        length = 60 + seed[i % len(seed)] * 150 // 255
        draw.rectangle((18, y, 18 + length, y + 2), fill=150)
        y += 13
    draw.rectangle((SIZE[0] - 90, y + 4, SIZE[0] - 24, y + 6), fill=120)  # the signature line
    out = io.BytesIO()
    im.save(out, "PNG", dpi=(DPI, DPI), compress_level=1)  # fast: the page is tiny anyway
    return out.getvalue()


def page_pdf(title: str, kind: str = "") -> bytes:
    """The page of `page_png` as a one-page PDF (img2pdf: the PNG inside unchanged)."""
    pdf = img2pdf.convert(page_png(title, kind))
    assert isinstance(pdf, bytes)
    return pdf
