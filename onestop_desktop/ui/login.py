"""Sign-in, and the first start's administrator account."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.bootstrap import Database
from onestop_desktop.services.errors import ValidationFailed
from onestop_desktop.services.roles import Actor
from onestop_desktop.services.safety import accounts
from onestop_desktop.ui.context import open_session
from onestop_desktop.ui.i18n import say, say_field


class LoginDialog(QDialog):
    """Asks for a user name and password; on a demo database it lists the demo accounts."""

    def __init__(
        self,
        db: Database,
        office_name: str,
        demo_accounts: list[tuple[str, str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in - OneStop Desktop"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{office_name}</b>")
        heading.setObjectName("officeName")  # the office's own name: user data in either language
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        if demo_accounts:
            layout.addWidget(QLabel(self.tr("Demo accounts (double-click to fill in):")))
            self.accounts = QListWidget()
            self.accounts.setObjectName("demoAccounts")
            labels = {
                "clerk": self.tr("clerk"),
                "leader": self.tr("leader"),
                "admin": self.tr("administrator"),
            }
            for user, pw, role in demo_accounts:
                item = QListWidgetItem(
                    self.tr("{user} / {password} ({role})").format(
                        user=user, password=pw, role=labels.get(role, role)
                    )
                )
                item.setData(Qt.ItemDataRole.UserRole, (user, pw))
                self.accounts.addItem(item)
            self.accounts.setMaximumHeight(90)
            self.accounts.itemActivated.connect(self._fill)
            self.accounts.itemDoubleClicked.connect(self._fill)
            layout.addWidget(self.accounts)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.username.setFocus()

    def _fill(self, item: QListWidgetItem) -> None:
        user, pw = item.data(Qt.ItemDataRole.UserRole)
        self.username.setText(user)
        self.password.setText(pw)
        self.password.setFocus()

    def try_login(self) -> None:
        with open_session(self.db) as s:
            result = accounts.authenticate(s, self.username.text(), self.password.text())
        if result.actor is None:
            self.error.setText(say(result.error))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.actor = result.actor
        self.accept()


class FirstAdminDialog(QDialog):
    """The very first start: create the administrator account."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("First start: administrator account"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This database has no users yet. Create the administrator account; "
                "the administrator then adds the clerks and leaders."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.password2)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def create(self) -> None:
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        try:
            with open_session(self.db) as s:
                accounts.create_first_admin(
                    s, self.username.text(), self.full_name.text(), self.password.text()
                )
        except ValidationFailed as exc:
            self.error.setText("\n".join(say_field(exc, field) for field in exc.errors))
            return
        self.accept()
