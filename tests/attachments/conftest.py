"""Scans made here: JPEG, PNG (with and without transparency), multi-page TIFF, a PDF."""

from __future__ import annotations

import io

from PIL import Image


def jpeg(seed: int = 0, size: tuple[int, int] = (300, 420)) -> bytes:
    img = Image.new("RGB", size, (250 - seed % 50, 250, 245))
    for x in range(0, size[0], 7):
        img.putpixel((x, (x * 3 + seed) % size[1]), (0, 0, 0))
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=85)
    return out.getvalue()


def png(alpha: bool = False) -> bytes:
    img = Image.new("RGBA" if alpha else "RGB", (200, 280), (10, 120, 200, 128) if alpha else (10, 120, 200))
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def tiff(pages: int = 3) -> bytes:
    frames = [Image.new("L", (200, 280), 40 * i) for i in range(pages)]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:], compression="tiff_deflate")
    return out.getvalue()


# The private PostgreSQL server of scripts/run-tests.sh (ONESTOP_TEST_PG_URL): the same fixtures as the
# safety tests, so these fail in CI when the server is missing, and skip on a machine without one.
from tests.safety.conftest import pg_new_database, pg_server_url  # noqa: E402, F401
