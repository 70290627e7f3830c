"""Login / unlock: online login against the server, or offline unlock of this laptop's data."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from capi_app import account
from capi_app.profile import LANGUAGES, Profile
from capi_app.sync.errors import LoginFailed, LoginThrottled, ServerUnreachable, SyncError
from capi_app.ui import i18n, worker
from capi_app.ui.sync_texts import error_text, unreachable_reason


class LoginDialog(QDialog):
    """Asks for server, user and password; emits logged_in(Session) when the store is open."""

    logged_in = Signal(object)

    def __init__(self, profile: Profile, parent=None, *, switch_user: bool = False):
        super().__init__(parent)
        self.profile = profile
        self.session = None
        self._worker = None
        self.setMinimumWidth(460)
        self._build()
        self.retranslate()
        s = profile.settings
        self.server.setText(s.server_url)
        # Switch user: another person logs in; their data is a store of its own on the profile.
        self.user.setText("" if switch_user else s.username)
        self.offline.setChecked(False)
        self._user_changed()
        self.user.textChanged.connect(self._user_changed)
        (self.password if self.user.text() else self.user).setFocus()

    def _build(self) -> None:
        self.heading = QLabel(objectName="title")
        self.subheading = QLabel(objectName="subtitle")
        self.server = QLineEdit(placeholderText="https://verivali.dinsos.example.go.id")
        self.user = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        # Asked only after the server took a new password this laptop's data does not know yet.
        self.old_password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.offline = QCheckBox()
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(objectName="primary", default=True)
        self.offline_button = QPushButton(visible=False)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(self.profile.settings.language))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.button.clicked.connect(self._submit)
        self.offline_button.clicked.connect(self._go_offline)
        self.password.returnPressed.connect(self._submit)
        self.old_password.returnPressed.connect(self._submit)

        self.form = QFormLayout()
        self.server_label, self.user_label, self.password_label = QLabel(), QLabel(), QLabel()
        self.old_password_label = QLabel()
        self.form.addRow(self.server_label, self.server)
        self.form.addRow(self.user_label, self.user)
        self.form.addRow(self.password_label, self.password)
        self.form.addRow(self.old_password_label, self.old_password)
        self.form.setRowVisible(self.old_password, False)
        self.form.addRow("", self.offline)
        buttons = QHBoxLayout()
        buttons.addWidget(self.language)
        buttons.addStretch()
        buttons.addWidget(self.offline_button)
        buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addSpacing(6)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Verivali: log in"))
        self.heading.setText("Verivali DTKS")
        self.subheading.setText(self.tr("Verification and validation of DTKS households"))
        self.server_label.setText(self.tr("Server address"))
        self.user_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.old_password_label.setText(self.tr("Previous password"))
        self.offline.setText(self.tr("Work offline with the data on this laptop"))
        self.button.setText(self.tr("Log in"))
        self.offline_button.setText(self.tr("Work offline"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def asks_old_password(self) -> bool:
        """True while the window asks for the previous password (after PasswordOutOfDate)."""
        return self.form.isRowVisible(self.old_password)

    def _user_changed(self) -> None:
        """Offline work is offered for a user who has data on this laptop."""
        self.form.setRowVisible(self.old_password, False)
        self.old_password.clear()
        name = self.user.text().strip()
        self.offline.setVisible(bool(name) and self.profile.is_set_up(name))
        if not self.offline.isVisible():
            self.offline.setChecked(False)

    def _language_changed(self) -> None:
        code = self.language.currentData()
        self.profile.settings.language = code
        self.profile.save()
        i18n.set_language(code)

    def _submit(self) -> None:
        password = self.password.text()
        if not password:
            self._fail(self.tr("Enter your password."))
            return
        server, user = self.server.text().strip(), self.user.text().strip()
        if self.offline.isChecked():
            self._run(lambda progress, cancel: account.unlock_offline(self.profile, password, user))
            return
        if not server or not user:
            self._fail(self.tr("Enter the server address and your user name."))
            return
        old = self.old_password.text() if self.asks_old_password() else ""
        if self.asks_old_password() and not old:
            self._fail(self.tr("Enter your previous password."))
            return
        self._run(
            lambda progress, cancel: account.login_online(
                self.profile, server, user, password, old_password=old or None
            )
        )

    def _go_offline(self) -> None:
        self.offline.setChecked(True)
        self._submit()

    def _run(self, fn) -> None:
        self.error.clear()
        self.button.setEnabled(False)
        self.button.setText(self.tr("Please wait…"))
        self._worker = worker.start(fn, self._done, self._failed)

    def _done(self, session) -> None:
        self.session = session
        self.button.setEnabled(True)
        self.retranslate()
        self.logged_in.emit(session)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.button.setEnabled(True)
        self.retranslate()
        self.offline_button.setVisible(False)
        if isinstance(error, account.WrongPassword) and self.asks_old_password():
            self._fail(self.tr("The previous password is wrong too. Nothing was changed."))
            self.old_password.selectAll()
            self.old_password.setFocus()
            return
        if isinstance(error, account.WrongPassword):
            self._fail(self.tr("Wrong password. Nothing was changed; try again."))
        elif isinstance(error, account.PasswordOutOfDate):
            self.form.setRowVisible(self.old_password, True)
            self._fail(
                self.tr(
                    "The server accepted this password, but the data on this laptop is still "
                    "locked with your previous password. Enter the previous password once: "
                    "the data moves to the new one."
                )
            )
            self.old_password.setFocus()
            return
        elif isinstance(error, account.NotSetUp):
            self._fail(
                self.tr(
                    "This laptop has no data for {0} yet: the first login needs the server."
                ).format(self.user.text().strip() or self.profile.settings.username or "?")
            )
        elif isinstance(error, LoginFailed):
            self._fail(self.tr("The server did not accept this user name and password."))
        elif isinstance(error, LoginThrottled):
            self._fail(self.tr("Too many failed attempts. Wait a minute and try again."))
        elif isinstance(error, ServerUnreachable):
            message = self.tr("The server cannot be reached.")
            if self.profile.is_set_up(self.user.text().strip()):
                message += " " + self.tr("You can work offline with the data on this laptop.")
                self.offline_button.setVisible(True)
            self._fail(message + "\n" + unreachable_reason(error))
        elif isinstance(error, SyncError) and error.code is not None:
            self._fail(error_text(error))
        elif isinstance(error, SyncError):
            self._fail(self.tr("The server answered: {0}").format(error))
        else:
            self._fail(self.tr("Login failed: {0}").format(error))
        self.password.selectAll()
        self.password.setFocus()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
