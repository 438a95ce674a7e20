"""The main window: menu, tabs, status bar (user, office, database); geometry remembered."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from onestop_desktop import __version__, prefs
from onestop_desktop.services.roles import Role
from onestop_desktop.ui.bhyt.tab import BhytTab
from onestop_desktop.ui.common.screen import fit_resize, keep_on_screen
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.help import install_help
from onestop_desktop.ui.home import HomePage
from onestop_desktop.ui.intake.tab import IntakeTab
from onestop_desktop.ui.reports.tab import ReportsTab
from onestop_desktop.ui.safety.actions import SafetyMenu
from onestop_desktop.ui.tracking.tab import TrackingTab
from onestop_desktop.ui.users import ChangePasswordDialog, UsersDialog, role_label

log = logging.getLogger(__name__)

# The tabs after the home page; each class takes (ctx, parent) and has tab_title().
TABS: tuple[type[IntakeTab | TrackingTab | BhytTab | ReportsTab], ...] = (
    IntakeTab,
    TrackingTab,
    BhytTab,
    ReportsTab,
)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        for tab_cls in TABS:
            tab = tab_cls(ctx, self)
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
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            keep_on_screen(self)  # saved on a bigger screen, or grown past this one by an old bug
        else:
            fit_resize(self, 1280, 800)
        self.tabs.setCurrentIndex(int(settings.value("main/tab", 0) or 0))

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
