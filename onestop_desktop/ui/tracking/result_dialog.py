"""The return dialog: a note, and how the result was issued (with its file).

Three choices: not recorded (the default: a result given on paper with no scan kept), issued
electronically (the result's own PDF is attached), on paper with its scan (the scan of the paper result
is attached). `pick_files` is module-level so tests can replace the file picker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.ui.tracking.dialogs import _Base

ELECTRONIC, PAPER = "electronic", "paper"


def pick_files(parent: QWidget, title: str, pattern: str) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, "", pattern)
    return [Path(n) for n in names]


def form_label(form: str) -> str:
    """The result's form in words (the details panel uses it too)."""
    if form == ELECTRONIC:
        return QCoreApplication.translate("ResultDialog", "Issued electronically (PDF of the result)")
    if form == PAPER:
        return QCoreApplication.translate("ResultDialog", "Issued on paper (scan kept)")
    return QCoreApplication.translate("ResultDialog", "Not recorded")


class ReturnDialog(_Base):
    """Return the result: the note, the result's form and its file."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.files: list[Path] = []
        self._last_form = ""
        self.text = QPlainTextEdit()
        self.text.setObjectName("note")
        self.text.setMinimumHeight(70)
        self.text.setTabChangesFocus(True)
        self.form.addRow(self.tr("Note (optional)"), self.text)

        self.choice = QButtonGroup(self)
        self.none_radio = QRadioButton(self.tr("Not recorded"))
        self.electronic_radio = QRadioButton(self.tr("Issued electronically: attach the result's PDF"))
        self.paper_radio = QRadioButton(self.tr("Issued on paper: attach the scan of the paper result"))
        box = QVBoxLayout()
        for name, r in (
            ("", self.none_radio),
            (ELECTRONIC, self.electronic_radio),
            (PAPER, self.paper_radio),
        ):
            r.setObjectName(f"form_{name or 'none'}")
            r.setProperty("form", name)
            self.choice.addButton(r)
            box.addWidget(r)
        self.none_radio.setChecked(True)
        self.choice.buttonToggled.connect(lambda *_a: self._update())
        self.form.addRow(self.tr("The result"), box)

        self.pick = QPushButton(self.tr("Choose the file…"))
        self.pick.setObjectName("pickResult")
        self.pick.clicked.connect(self.choose_files)
        self.chosen = QLabel()
        self.chosen.setObjectName("chosenFiles")
        self.chosen.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.pick)
        row.addWidget(self.chosen, 1)
        self.form.addRow("", row)
        self._finish_layout()
        self.setMinimumWidth(560)
        self._update()

    def result_form(self) -> str:
        checked = self.choice.checkedButton()
        return str(checked.property("form") or "") if checked is not None else ""

    def _update(self) -> None:
        form = self.result_form()
        if form != self._last_form:  # a PDF chosen as the result is not the paper's scan
            self.files = []
            self._last_form = form
        self.pick.setEnabled(bool(form))
        if form == ELECTRONIC:
            self.pick.setText(self.tr("Choose the result's PDF…"))
        elif form == PAPER:
            self.pick.setText(self.tr("Choose the scan…"))
        names = ", ".join(p.name for p in self.files)
        self.chosen.setText(names if form else "")
        self.error.setText("")

    def choose_files(self) -> None:
        if self.result_form() == ELECTRONIC:
            title = self.tr("The result's PDF")
            pattern = self.tr("PDF files (*.pdf)")
        else:
            title = self.tr("The scan of the paper result")
            pattern = self.tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)")
        files = pick_files(self, title, pattern)
        if files:
            self.files = files
        self._update()

    def problem(self) -> str:
        form = self.result_form()
        if form and not self.files:
            if form == ELECTRONIC:
                return self.tr("Choose the result's PDF, or pick \u201cNot recorded\u201d.")
            return self.tr("Choose the scan of the paper result, or pick \u201cNot recorded\u201d.")
        if form == ELECTRONIC and any(p.suffix.lower() != ".pdf" for p in self.files):
            return self.tr("A result issued electronically is a PDF file.")
        return ""

    def values(self) -> dict[str, object]:
        form = self.result_form()
        return {
            "note": self.text.toPlainText().strip(),
            "form": form,
            "files": list(self.files) if form else [],
        }
