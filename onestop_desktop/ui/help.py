"""The Help menu: the user guide (F1, in the interface language) and the list of keyboard shortcuts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain.text import fold
from onestop_desktop.paths import resource_path
from onestop_desktop.ui.common.screen import fit_resize
from onestop_desktop.ui.i18n import language
from onestop_desktop.ui.shortcut_texts import (
    DESCRIPTIONS,
    NOT_A_TAB,
    OTHER_KEYS,
    TAB_KEY,
    WINDOW,
    S,
)

GUIDE_FILES = {"vi": "huong-dan-su-dung.md", "en": "user-guide.md"}


def _tr(text: object) -> str:
    return QCoreApplication.translate("ShortcutList", str(text))


def help_dir() -> Path:
    return resource_path("help")


def guide_path(lang: str | None = None) -> Path:
    """The guide's Markdown in `lang` (the interface language by default)."""
    return help_dir() / GUIDE_FILES.get(lang or language(), GUIDE_FILES["en"])


def slug(text: str) -> str:
    """The anchor of a heading: accents folded, words joined by "-" ("Đăng nhập" -> "dang-nhap")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def mark_headings(doc: QTextDocument) -> list[tuple[int, str, str]]:
    """Give every heading its anchor (Qt's Markdown reader names none); returns (level, text, anchor)."""
    found: list[tuple[int, str, str]] = []
    used: set[str] = set()
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level > 0 and block.text().strip():
            name = base = slug(block.text()) or "muc"
            n = 2
            while name in used:
                name, n = f"{base}-{n}", n + 1
            used.add(name)
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorNames([name])
            cursor.mergeCharFormat(fmt)
            found.append((level, block.text().strip(), name))
        block = block.next()
    return found


class GuideDialog(QDialog):
    """The guide with its table of contents on the left; non-modal, Esc closes it."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide – OneStop Desktop"))
        self.setModal(False)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(help_dir() / "images"), str(help_dir())])
        path = guide_path(lang)
        try:
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText(self.tr("The user guide is missing: {path}").format(path=path))
        self.headings = mark_headings(self.browser.document())
        self.contents = QTreeWidget()
        self.contents.setObjectName("guideContents")
        self.contents.setHeaderLabel(self.tr("Contents"))
        parent_item: QTreeWidgetItem | None = None
        for level, text, anchor in self.headings:
            if level == 1:
                continue  # the title
            item = QTreeWidgetItem([text])
            item.setData(0, Qt.ItemDataRole.UserRole, anchor)
            if level == 2 or parent_item is None:
                self.contents.addTopLevelItem(item)
                parent_item = item
            else:
                parent_item.addChild(item)
        self.contents.itemActivated.connect(self._go)
        self.contents.itemClicked.connect(self._go)
        split = QSplitter()
        split.addWidget(self.contents)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([270, 900])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        fit_resize(self, 1240, 860)

    def _go(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.browser.scrollToAnchor(str(item.data(0, Qt.ItemDataRole.UserRole)))

    def image(self, name: str) -> object:
        """The image the document shows for `name` (tests: a null image means a broken picture)."""
        return self.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))


@dataclass(frozen=True)
class ShortcutRow:
    where: str
    key: str  # as the user reads it; alternatives joined: "Ctrl+C, Ctrl+Ins"
    description: str | None  # None: some key of it missing from DESCRIPTIONS (a test fails on it)
    keys: tuple[str, ...] = ()  # portable texts, one per key


def _portable(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.PortableText)


def _described() -> dict[tuple[str, str], object]:
    out: dict[tuple[str, str], object] = {}
    for scope, key, text in DESCRIPTIONS:
        seqs = QKeySequence.keyBindings(key) if isinstance(key, S) else [QKeySequence(key)]
        for seq in seqs:
            out[(scope, _portable(seq))] = text
    return out


def _scope(window: QMainWindow, obj: QObject) -> tuple[str, str, int]:
    """(scope, where, tab index) of a shortcut: the tab it lives in, or the whole window."""
    tabs = getattr(window, "tabs", None)
    owner = obj.parent()
    while tabs is not None and owner is not None and owner is not window:
        if isinstance(owner, QWidget) and (i := tabs.indexOf(owner)) >= 0:
            return type(owner).__name__, _tab_title(tabs, i), i
        owner = owner.parent()
    return WINDOW, _tr("Everywhere"), NOT_A_TAB


def _describe(
    window: QMainWindow, scope: str, key: str, described: dict[tuple[str, str], object]
) -> str | None:
    if (scope, key) in described:
        return _tr(described[(scope, key)])
    tabs = getattr(window, "tabs", None)
    if scope == WINDOW and (m := TAB_KEY.match(key)) and tabs is not None:
        n = int(m.group(1))
        if title := _tab_title(tabs, n - 1):
            return QCoreApplication.translate("ShortcutList", "Go to tab {n}: {title}").format(
                n=n, title=title
            )
    return None


def window_shortcuts(window: QMainWindow) -> list[ShortcutRow]:
    """Every QShortcut and QAction shortcut on the window and its tabs, with its description."""
    described = _described()
    found: dict[tuple[int, tuple[str, ...]], ShortcutRow] = {}
    owners: list[tuple[QObject, list[QKeySequence]]] = [(s, s.keys()) for s in window.findChildren(QShortcut)]
    owners += [(a, a.shortcuts()) for a in window.findChildren(QAction)]
    for obj, seqs in owners:
        seqs = [q for q in seqs if _portable(q)]
        if not seqs:
            continue
        scope, where, index = _scope(window, obj)
        keys = tuple(_portable(q) for q in seqs)
        texts = [_describe(window, scope, k, described) for k in keys]
        shown = ", ".join(_pressable(q.toString(QKeySequence.SequenceFormat.NativeText) for q in seqs))
        row = ShortcutRow(where, shown, texts[0] if all(texts) else None, keys)
        found.setdefault((index, keys), row)
    # the window's keys first, then tab by tab in the order the tab made them (its keyboard path)
    return [found[k] for k in sorted(found, key=lambda k: -1 if k[0] == NOT_A_TAB else k[0])]


_SINGLE_KEYS = {"Esc", "Del", "Delete", "Ins", "Insert", "Enter", "Return", "Space", "Tab", "Backspace"}


def _pressable(texts: Iterable[str], most: int = 2) -> list[str]:
    """The bindings a clerk's keyboard has, at most `most`: no F13-F35 or dedicated "Copy" keys (the
    list showed "Ctrl+C, Ctrl+Ins, F16, Copy")."""
    out = []
    for text in texts:
        if re.search(r"\bF(1[3-9]|[23]\d)\b", text):
            continue
        if "+" not in text and not re.fullmatch(r"F\d{1,2}", text) and text not in _SINGLE_KEYS:
            continue
        out.append(text)
    return out[:most]


def _tab_title(tabs: QTabWidget, i: int) -> str:
    """The tab's own title, without the count some tabs add ("Theo dõi hồ sơ (24)")."""
    if not 0 <= i < tabs.count():
        return ""
    title = getattr(tabs.widget(i), "tab_title", None)
    return str(title()) if callable(title) else tabs.tabText(i).replace("&", "")


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, read from the window itself, then the keys handled inside widgets."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setModal(False)
        rows = [(r.where, r.key, r.description or "") for r in window_shortcuts(window)]
        rows += [(_tr(w), k, _tr(d)) for w, k, d in OTHER_KEYS]
        places = list(dict.fromkeys(r[0] for r in rows))
        rows.sort(key=lambda r: places.index(r[0]))  # stable: each place's keys together, in order
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Key"), self.tr("What it does")])
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_resize(self, 820, 640)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as the user reads it (where, key, what it does)."""

        def text(r: int, c: int) -> str:
            item = self.table.item(r, c)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount())]


class HelpController(QObject):
    """Owns the help dialogs of one window (one of each, raised again when already open)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("helpController")
        self.window = window
        self.guide: GuideDialog | None = None
        self.shortcuts: ShortcutsDialog | None = None

    def show_guide(self) -> GuideDialog:
        if self.guide is None:
            self.guide = GuideDialog(self.window)
        _present(self.guide)
        return self.guide

    def show_shortcuts(self) -> ShortcutsDialog:
        if self.shortcuts is None:
            self.shortcuts = ShortcutsDialog(self.window)
        _present(self.shortcuts)
        return self.shortcuts


def _present(dialog: QDialog) -> None:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def install_help(window: QMainWindow) -> HelpController:
    """Add "User guide" (F1) and "Keyboard shortcuts" at the top of the window's Help menu (once: the
    main window installs them itself; a second F1 would make the key ambiguous and open nothing)."""
    known = window.findChild(HelpController, "helpController")
    if known is not None:
        return known
    controller = HelpController(window)
    menu = window.menu_help  # type: ignore[attr-defined]
    first = menu.actions()[0] if menu.actions() else None
    guide = QAction(QCoreApplication.translate("HelpMenu", "&User guide"), window)
    guide.setObjectName("helpGuideAction")
    guide.setShortcut(QKeySequence.StandardKey.HelpContents)
    guide.triggered.connect(controller.show_guide)
    keys = QAction(QCoreApplication.translate("HelpMenu", "&Keyboard shortcuts"), window)
    keys.setObjectName("helpShortcutsAction")
    keys.triggered.connect(controller.show_shortcuts)
    menu.insertActions(first, [guide, keys])
    if first is not None:
        menu.insertSeparator(first)
    window.addAction(guide)  # F1 works even while the menu bar is hidden
    return controller
