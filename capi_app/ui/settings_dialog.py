"""Settings: language, server address, CA bundle for a server with its own certificate."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
)

from capi_app.profile import LANGUAGES, Profile
from capi_app.ui import file_dialogs, i18n


class SettingsDialog(QDialog):
    """Edit the profile's settings; the language applies at once."""

    def __init__(self, profile: Profile, parent=None):
        super().__init__(parent)
        self.profile = profile
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
