"""The words of the keyboard-shortcut list (Help → Keyboard shortcuts): what each key of the window does.

Kept apart from ui/help.py (the dialogs that show them) so the table can grow with the program.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence

WINDOW = "MainWindow"  # the scope of shortcuts that work on every tab
S = QKeySequence.StandardKey

# What each shortcut of the main window does, by (scope, key): the scope is the class of the tab the
# shortcut lives in, or WINDOW. test_help.py fails on a shortcut of the window missing from this table.
# (QT_TRANSLATE_NOOP is typed as returning object: the texts are str at run time)
DESCRIPTIONS: tuple[tuple[str, str | QKeySequence.StandardKey, object], ...] = (
    (WINDOW, "Ctrl+Tab", QT_TRANSLATE_NOOP("ShortcutList", "Next tab")),
    (WINDOW, "Ctrl+Shift+Tab", QT_TRANSLATE_NOOP("ShortcutList", "Previous tab")),
    (WINDOW, S.Quit, QT_TRANSLATE_NOOP("ShortcutList", "Quit the program")),
    (WINDOW, S.HelpContents, QT_TRANSLATE_NOOP("ShortcutList", "Open this user guide")),
    (
        "IntakeTab",
        "F3",
        QT_TRANSLATE_NOOP("ShortcutList", "Look up a dossier (code, part of a code, phone, ID)"),
    ),
    ("IntakeTab", "Ctrl+S", QT_TRANSLATE_NOOP("ShortcutList", "Save the dossier and print the receipt")),
    ("IntakeTab", "Ctrl+P", QT_TRANSLATE_NOOP("ShortcutList", "Print the last receipt again")),
    ("IntakeTab", "Ctrl+N", QT_TRANSLATE_NOOP("ShortcutList", "New dossier (empty form)")),
    ("IntakeTab", "Ctrl+Shift+N", QT_TRANSLATE_NOOP("ShortcutList", "New dossier for the same applicant")),
    ("IntakeTab", "Ctrl+D", QT_TRANSLATE_NOOP("ShortcutList", "Fill in the applicant of the last dossier")),
    ("IntakeTab", "Esc", QT_TRANSLATE_NOOP("ShortcutList", "Clear the form (asks first)")),
    (
        "IntakeTab",
        "F4",
        QT_TRANSLATE_NOOP("ShortcutList", "Put the scanner's file on the current document line"),
    ),
    ("IntakeTab", "Ctrl+O", QT_TRANSLATE_NOOP("ShortcutList", "Add scan files to the current document line")),
    (
        "IntakeTab",
        "F8",
        QT_TRANSLATE_NOOP("ShortcutList", "Check the pages of the line's scan (reorder, drop)"),
    ),
    (
        "IntakeTab",
        "Ctrl+Shift+A",
        QT_TRANSLATE_NOOP("ShortcutList", "Attach scans to the saved dossier (or one found)"),
    ),
    ("ReportsTab", S.Copy, QT_TRANSLATE_NOOP("ShortcutList", "Copy the selected rows of a table")),
)
NOT_A_TAB = 999
TAB_KEY = re.compile(r"^Alt\+([1-9])$")  # Alt+1 … Alt+9: the tab of that number (its title is read live)

# Keys handled inside widgets or in dialogs that are not open yet: they cannot be found on the window.
OTHER_KEYS: tuple[tuple[object, str, object], ...] = (
    (
        QT_TRANSLATE_NOOP("ShortcutList", "Everywhere"),
        "Tab / Shift+Tab",
        QT_TRANSLATE_NOOP("ShortcutList", "Next / previous field"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutList", "Everywhere"),
        "Alt+…",
        QT_TRANSLATE_NOOP("ShortcutList", "The underlined letter of a menu, label or button"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutList", "Intake"),
        "Enter",
        QT_TRANSLATE_NOOP("ShortcutList", "Procedure box: take the highlighted procedure"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutList", "Intake"),
        "Enter / Delete",
        QT_TRANSLATE_NOOP("ShortcutList", "Drafts list: resume / discard the draft"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutList", "Reports"),
        "Enter",
        QT_TRANSLATE_NOOP("ShortcutList", "Build the report of the chosen period"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutList", "Health insurance"),
        "F2",
        QT_TRANSLATE_NOOP("ShortcutList", "Edit the selected figure (or just type over it)"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutList", "Print preview"),
        "Ctrl+P",
        QT_TRANSLATE_NOOP("ShortcutList", "Print the form"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutList", "Print preview"),
        "Ctrl+S",
        QT_TRANSLATE_NOOP("ShortcutList", "Save a copy of the PDF"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutList", "Dialogs"),
        "Esc",
        QT_TRANSLATE_NOOP("ShortcutList", "Close the dialog (this list and the guide too)"),
    ),
)
