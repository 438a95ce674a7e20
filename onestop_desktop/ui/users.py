"""Users: an administrator's dialog to add, change and reset accounts; everyone's own password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.services.errors import ServiceError, ValidationFailed
from onestop_desktop.services.roles import Role
from onestop_desktop.services.safety import accounts
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.common.screen import fit_resize
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import say_error


def role_label(role: Role) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        Role.CLERK: QCoreApplication.translate("Roles", "Clerk"),
        Role.LEADER: QCoreApplication.translate("Roles", "Leader"),
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
    }[role]


class NewUserDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New user"))
        form = QFormLayout(self)
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for r in Role:
            self.role.addItem(role_label(r), r.value)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Password:"), self.password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        try:
            with self.ctx.session() as s:
                accounts.create_user(
                    s,
                    self.ctx.actor,
                    self.username.text(),
                    self.full_name.text(),
                    Role(self.role.currentData()),
                    self.password.text(),
                )
        except ValidationFailed as exc:
            self.error.setText("\n".join(exc.errors.values()))
            return
        except ServiceError as exc:
            self.error.setText(say_error(exc))
            return
        self.accept()


class UsersDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Users"))
        fit_resize(self, 720, 420)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Status")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("&Add…"), self.add),
            (self.tr("Change &role…"), self.change_role),
            (self.tr("&Lock / unlock"), self.toggle_active),
            (self.tr("&Reset password…"), self.reset_password),
        ):
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.session() as s:
            self.users = accounts.list_users(s)
        self.table.setRowCount(len(self.users))
        for i, u in enumerate(self.users):
            status = self.tr("active") if u.active else self.tr("locked")
            for j, text in enumerate((u.username, u.full_name, role_label(u.role), status)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _selected(self) -> accounts.UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, self.tr("Users"), self.tr("Select a user first."))
            return None
        return self.users[rows[0].row()]

    def _apply(self, fn: object) -> None:
        try:
            with self.ctx.session() as s:
                fn(s)  # type: ignore[operator]
        except ServiceError as exc:
            show_error(self, exc)
        self.refresh()
        self.ctx.bus.data_changed.emit("users")

    def add(self) -> None:
        if NewUserDialog(self.ctx, self).exec():
            self.refresh()

    def change_role(self) -> None:
        u = self._selected()
        if u is None:
            return
        labels = [role_label(r) for r in Role]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Role"), self.tr("New role:"), labels, list(Role).index(u.role), False
        )
        if ok:
            role = list(Role)[labels.index(choice)]
            self._apply(lambda s: accounts.set_user(s, self.ctx.actor, u.id, role=role))

    def toggle_active(self) -> None:
        u = self._selected()
        if u is not None:
            self._apply(lambda s: accounts.set_user(s, self.ctx.actor, u.id, active=not u.active))

    def reset_password(self) -> None:
        u = self._selected()
        if u is None:
            return
        pw, ok = QInputDialog.getText(
            self,
            self.tr("Reset password"),
            self.tr("New password for {user}:").format(user=u.username),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self._apply(lambda s: accounts.reset_password(s, self.ctx.actor, u.id, pw))


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Change my password"))
        form = QFormLayout(self)
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.new2 = QLineEdit()
        for w in (self.old, self.new, self.new2):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Current password:"), self.old)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("Repeat new password:"), self.new2)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        if self.new.text() != self.new2.text():
            self.error.setText(self.tr("The two new passwords differ."))
            return
        try:
            with self.ctx.session() as s:
                accounts.change_own_password(s, self.ctx.actor, self.old.text(), self.new.text())
        except ValidationFailed as exc:
            self.error.setText("\n".join(exc.errors.values()))
            return
        self.accept()
