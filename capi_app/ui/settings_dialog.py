"""Settings: language, server address, CA bundle for a server with its own certificate; and,
in a session, who is logged in with Log out and Switch user."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from capi_app.profile import LANGUAGES, Profile
from capi_app.ui import account_switch, file_dialogs, i18n


class SettingsDialog(QDialog):
    """Edit the profile's settings; the language applies at once."""

    def __init__(self, profile: Profile, parent=None, session=None):
        super().__init__(parent)
        self.profile = profile
        self.session = session
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        s = profile.settings
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(s.language))
        self.server = QLineEdit(s.server_url)
        self.ca_bundle = QLineEdit(s.ca_bundle)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("CA bundle (optional)"), ca_row)
        if session is not None:
            self.log_out_button = QPushButton(self.tr("Log out"))
            self.switch_button = QPushButton(self.tr("Switch user"))
            self.log_out_button.setToolTip(
                self.tr("Lock this laptop's data and show the login again")
            )
            self.switch_button.setToolTip(
                self.tr("Another user logs in; each user's data stays their own")
            )
            self.log_out_button.clicked.connect(lambda: self._account(account_switch.LOG_OUT))
            self.switch_button.clicked.connect(lambda: self._account(account_switch.SWITCH_USER))
            account = QHBoxLayout()
            account.addWidget(QLabel(session.username), 1)
            account.addWidget(self.log_out_button)
            account.addWidget(self.switch_button)
            form.addRow(self.tr("Logged in as"), account)
        form.addRow(buttons)

    def _browse(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("CA bundle"), self.tr("Certificates (*.pem *.crt)")
        )
        if path:
            self.ca_bundle.setText(path)

    def save(self) -> None:
        """Keep the settings and switch the language."""
        s = self.profile.settings
        s.language = self.language.currentData()
        s.server_url = self.server.text().strip()
        s.ca_bundle = self.ca_bundle.text().strip()
        self.profile.save()
        i18n.set_language(s.language)
        self.accept()

    def _account(self, kind: str) -> bool:
        """Close this dialog and ask for a log out or a switch of user."""
        self.reject()
        return account_switch.request(kind)
