"""The window's error box names the real cause of a database error, not "an unexpected error"."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from onestop_desktop.ui.common.messages import show_error


def _shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: texts.append(text))
    return texts


def _full_database_error(tmp_path: Path) -> sqlite3.Error:
    """A real SQLITE_FULL: the database may not grow past its page limit."""
    conn = sqlite3.connect(tmp_path / "full.sqlite3")
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.commit()
    conn.execute("PRAGMA max_page_count = 3")
    try:
        conn.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("the insert should have failed")


def _read_only_error(tmp_path: Path) -> sqlite3.Error:
    path = tmp_path / "ro.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("INSERT INTO t VALUES (1)")
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("the insert should have failed")


def _damaged_error(tmp_path: Path) -> sqlite3.Error:
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(os.urandom(8192))
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("the read should have failed")


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_full_database_error, "đã đầy"),
        (_read_only_error, "chỉ cho đọc"),
        (_damaged_error, "bị hỏng"),
    ],
    ids=["full", "read-only", "damaged"],
)
def test_the_error_box_names_the_cause(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: Any, words: str
) -> None:
    from onestop_desktop.ui.i18n import install_translators

    install_translators("vi")
    texts = _shown(monkeypatch)
    show_error(None, make(tmp_path))
    assert len(texts) == 1 and words in texts[0], texts
    assert "không lường trước" not in texts[0]  # "Đã xảy ra lỗi không lường trước" was all it said
