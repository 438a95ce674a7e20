"""Register the bundled DejaVu fonts with reportlab, so PDFs draw Vietnamese (never Helvetica/Times)."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from onestop_desktop.paths import resource_path

__all__ = ["SANS", "SERIF", "font_name", "register_fonts"]

SERIF = "VNSerif"
SANS = "VNSans"

# family -> (regular, bold, italic, bold italic) file names under resources/fonts/
_FILES: dict[str, tuple[str, str, str, str]] = {
    SERIF: (
        "DejaVuSerif.ttf",
        "DejaVuSerif-Bold.ttf",
        "DejaVuSerif-Italic.ttf",
        "DejaVuSerif-BoldItalic.ttf",
    ),
    SANS: (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ),
}
_SUFFIXES = ("", "-Bold", "-Italic", "-BoldItalic")
_lock = threading.Lock()
_done = False


def font_name(family: str = SERIF, *, bold: bool = False, italic: bool = False) -> str:
    """The registered face name, e.g. ``font_name(bold=True)`` -> "VNSerif-Bold"."""
    return family + _SUFFIXES[(1 if bold else 0) + (2 if italic else 0)]


def register_fonts() -> None:
    """Register the "VNSerif" and "VNSans" families (regular, bold, italic, bold italic). Idempotent.

    The families are mapped with ``registerFontFamily`` so ``<b>`` and ``<i>`` work in Paragraphs.
    Raises FileNotFoundError (naming the file) when a bundled font is missing.
    """
    global _done
    with _lock:
        if _done:
            return
        for family, files in _FILES.items():
            faces = [family + suffix for suffix in _SUFFIXES]
            for face, file_name in zip(faces, files, strict=True):
                path = resource_path(f"fonts/{file_name}")
                if not path.is_file():
                    raise FileNotFoundError(f"Không tìm thấy phông chữ {path}")
                pdfmetrics.registerFont(TTFont(face, str(path)))
            pdfmetrics.registerFontFamily(
                family, normal=faces[0], bold=faces[1], italic=faces[2], boldItalic=faces[3]
            )
        _done = True
