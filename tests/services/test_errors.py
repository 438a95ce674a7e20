"""Messages joined into one sentence read as one sentence."""

from __future__ import annotations

from onestop_desktop.services.errors import ValidationFailed, join_messages


def test_messages_join_without_dot_semicolon() -> None:
    assert join_messages(["Dân số phải là số.", "Số tham gia không được lớn hơn dân số."]) == (
        "Dân số phải là số; Số tham gia không được lớn hơn dân số."
    )
    assert join_messages(["Thiếu tên", "", "  "]) == "Thiếu tên."
    assert join_messages([]) == ""


def test_validation_failed_reads_as_one_sentence() -> None:
    exc = ValidationFailed({"population": "Dân số phải là số.", "insured": "Số tham gia phải là số."})
    assert ".;" not in exc.message and exc.message.endswith(".")
    assert exc.errors["population"] == "Dân số phải là số."  # each field keeps its own sentence
