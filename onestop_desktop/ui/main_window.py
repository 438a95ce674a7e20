"""The main window: menu, tabs, status bar (user, office, database); geometry remembered.

With `lazy=True` (the program) the window shows the tab it opens on at once and builds the other tabs
right after its first paint, one per turn of the event loop (a tab asked for sooner is built then): the
clerk gets a window to type in without waiting for every tab's code to load (issue 15's cold start).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from onestop_desktop import __version__, prefs
from onestop_desktop.services.roles import Role
from onestop_desktop.ui.common.screen import fit_resize, keep_on_screen
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.help import install_help
from onestop_desktop.ui.home import HomePage
from onestop_desktop.ui.safety.actions import SafetyMenu
from onestop_desktop.ui.users import ChangePasswordDialog, UsersDialog, role_label

log = logging.getLogger(__name__)


# The tabs after the home page: (module, class, title as its class translates it). Each class takes
# (ctx, parent) and has tab_title(); its module is imported when the tab is first built.
TABS: tuple[tuple[str, str, object], ...] = (
    ("onestop_desktop.ui.intake.tab", "IntakeTab", QT_TRANSLATE_NOOP("IntakeTab", "Intake")),
    ("onestop_desktop.ui.tracking.tab", "TrackingTab", QT_TRANSLATE_NOOP("TrackingTab", "Tracking")),
    ("onestop_desktop.ui.bhyt.tab", "BhytTab", QT_TRANSLATE_NOOP("BhytTab", "Health insurance")),
    ("onestop_desktop.ui.reports.tab", "ReportsTab", QT_TRANSLATE_NOOP("ReportsTab", "Reports")),
)


BUILD_AFTER_MS = 150  # the first paint of a window takes a few event-loop turns; build the tabs after it


class _TabSlot(QWidget):
    """Where a tab stands until it is built: its title, and a request to build it when it is shown."""

    def __init__(self, title: str, build: Callable[[], None]) -> None:
        super().__init__()
        self._title, self._build = title, build

    def tab_title(self) -> str:
        return self._title

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self._build)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, lazy: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._unbuilt: dict[str, int] = {}  # class name -> index of its slot
        office = ctx.office()
        title = self.tr("OneStop Desktop – {office}").format(office=office.name)
        if ctx.demo:
            title += " " + self.tr("(demo data)")
        self.setWindowTitle(title)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.setCentralWidget(self.tabs)
        self.home = HomePage(ctx)
        self.tabs.addTab(self.home, self.tr("Home"))
        settings = QSettings()
        first = int(settings.value("main/tab", 0) or 0)
        for i, (_module, name, title) in enumerate(TABS, start=1):
            if lazy and i != first:
                shown = QCoreApplication.translate(name, str(title))
                self.tabs.addTab(_TabSlot(shown, lambda name=name: self.build_tab(name)), shown)
                self._unbuilt[name] = i
            else:
                tab = self._make(name)
                self.tabs.addTab(tab, tab.tab_title())
        self._menus()
        install_help(self)  # Help: the user guide (F1) and the keyboard shortcuts
        self._tab_shortcuts()
        self.tabs.currentChanged.connect(self._focus_tab)
        bar = self.statusBar()
        self.user_label = QLabel(
            self.tr("User: {name} ({role})").format(name=ctx.actor.full_name, role=role_label(ctx.actor.role))
        )
        self.office_label = QLabel(office.name)
        # the file's name, the full address in the tooltip: "sqlite:////tmp/…/demo.sqlite3" took the
        # status bar's room and cut the start-up backup message short
        where = ctx.db.describe()
        short = where.rsplit("/", 1)[-1] if where.startswith("sqlite:") else where.split("@")[-1]
        self.db_label = QLabel(self.tr("Database: {db}").format(db=short))
        self.db_label.setToolTip(where)
        for w in (self.user_label, self.office_label, self.db_label):
            bar.addPermanentWidget(w)
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            keep_on_screen(self)  # saved on a bigger screen, or grown past this one by an old bug
        else:
            fit_resize(self, 1280, 800)
        self.tabs.setCurrentIndex(first)
        if self._unbuilt:  # after the window has painted and settled
            QTimer.singleShot(BUILD_AFTER_MS, self._build_next)

    def _make(self, name: str) -> QWidget:
        module = next(m for m, n, _t in TABS if n == name)
        cls = getattr(importlib.import_module(module), name)
        return cls(self.ctx, self)  # type: ignore[no-any-return]

    def build_tab(self, name: str) -> QWidget:
        """The tab of class `name`, built now if it was still waiting."""
        i = self._unbuilt.pop(name, None)
        if i is None:
            return next(
                self.tabs.widget(j)
                for j in range(self.tabs.count())
                if type(self.tabs.widget(j)).__name__ == name
            )
        tab = self._make(name)
        slot = self.tabs.widget(i)
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)  # the same tab stays current: nothing to announce
        self.tabs.removeTab(i)
        self.tabs.insertTab(i, tab, tab.tab_title())
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(blocked)
        slot.deleteLater()
        if current == i:
            self._focus_tab(i)
        return tab

    def _build_next(self) -> None:
        """Build one waiting tab, then let the event loop breathe (keys typed meanwhile come first)."""
        if self._unbuilt:
            self.build_tab(next(iter(self._unbuilt)))
        if self._unbuilt:
            QTimer.singleShot(0, self._build_next)

    def _menus(self) -> None:
        m = self.menuBar()
        file_menu = m.addMenu(self.tr("&File"))
        lang = file_menu.addMenu(self.tr("Interface &language"))
        for code, label in (("vi", "Tiếng Việt"), ("en", "English")):
            act = QAction(label, self)
            act.setCheckable(True)
            act.setChecked(prefs.load().language == code)
            act.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            lang.addAction(act)
        file_menu.addSeparator()
        self.safety = SafetyMenu(self.ctx, self, file_menu)  # backups, restore, check, audit view
        file_menu.addSeparator()
        quit_act = QAction(self.tr("&Quit"), self)
        quit_act.setShortcut(QKeySequence.StandardKey.Quit)
        quit_act.triggered.connect(self.close)
        file_menu.addAction(quit_act)
        users = m.addMenu(self.tr("&Users"))
        if self.ctx.is_role(Role.ADMIN):
            manage = QAction(self.tr("&Manage users…"), self)
            manage.triggered.connect(lambda: UsersDialog(self.ctx, self).exec())
            users.addAction(manage)
        own = QAction(self.tr("&Change my password…"), self)
        own.triggered.connect(lambda: ChangePasswordDialog(self.ctx, self).exec())
        users.addAction(own)
        self.menu_users = users
        help_menu = m.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About OneStop Desktop"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        self.menu_file = file_menu
        self.menu_help = help_menu

    def _tab_shortcuts(self) -> None:
        """Alt+1 … Alt+5 open a tab, Ctrl+Tab / Ctrl+Shift+Tab cycle: the counter works without a mouse."""
        for i in range(min(self.tabs.count(), 9)):
            QShortcut(QKeySequence(f"Alt+{i + 1}"), self, lambda i=i: self.tabs.setCurrentIndex(i))
        n = self.tabs.count()
        QShortcut(
            QKeySequence("Ctrl+Tab"),
            self,
            lambda: self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % n),
        )
        QShortcut(
            QKeySequence("Ctrl+Shift+Tab"),
            self,
            lambda: self.tabs.setCurrentIndex((self.tabs.currentIndex() - 1) % n),
        )

    def _focus_tab(self, index: int) -> None:
        """Put the keyboard where the clerk starts typing on that tab (its `focus_default`, if any)."""
        focus = getattr(self.tabs.widget(index), "focus_default", None)
        if callable(focus):
            focus()

    def set_language(self, code: str) -> None:
        p = prefs.load()
        p.language = code
        prefs.save(p)
        QMessageBox.information(
            self,
            self.tr("Interface language"),
            self.tr("The new language applies the next time the program starts."),
        )

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About OneStop Desktop"),
            self.tr(
                "OneStop Desktop {version}\nSoftware for the one-stop-shop office: dossier intake, "
                "deadline tracking, health insurance tallies and reports.\nDatabase: {db}"
            ).format(version=__version__, db=self.ctx.db.describe()),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.tasks.wait_all(10000)
        self.safety.close()
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/tab", self.tabs.currentIndex())
        super().closeEvent(event)
