"""The supervisor's home at the district office: relay bundles, watch the progress.

Two tabs: Relay (a folder of bundles from a USB stick, relayed to the server with their
replies written back; relay_panel.py) and Progress (per desa, per field user, who has not
synced for N days, a chart, CSV; progress_view.py). The toolbar opens the PAPI adjudication,
the visit-integrity map and the settings.
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QToolBar, QWidget

from capi_app.ui import window_size
from capi_app.ui.progress_view import ProgressPanel
from capi_app.ui.relay_panel import RelayPanel

RELAY_TAB, PROGRESS_TAB = 0, 1


class SupervisorWindow(QMainWindow):
    """Relay and Progress for a supervisor's scope."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._progress_loaded = False
        self._build()
        self.retranslate()
        window_size.fit(self, 1300, 720)

    def _build(self) -> None:
        bar = QToolBar(movable=False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.refresh_action = QAction(self, shortcut=QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh)
        self.papi_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+K"))
        self.papi_action.triggered.connect(self.open_papi)
        self.integrity_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+I"))
        self.integrity_action.triggered.connect(self.open_integrity)
        self.settings_action = QAction(self)
        self.settings_action.triggered.connect(self.open_settings)
        actions = (self.refresh_action, self.papi_action, self.integrity_action)
        for action in (*actions, self.settings_action):
            bar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred
        )
        bar.addWidget(spacer)
        self.user_label = QLabel()
        bar.addWidget(self.user_label)
        self.tabs = QTabWidget()
        self.relay = RelayPanel(self.session)
        self.progress = ProgressPanel(self.session)
        self.tabs.addTab(self.relay, "")
        self.tabs.addTab(self.progress, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.relay.finished.connect(self._relay_finished)
        self.setCentralWidget(self.tabs)

    def retranslate(self) -> None:
        """Every text in the current language (the panels translate themselves)."""
        self.setWindowTitle(self.tr("Verivali: supervisor"))
        self.tabs.setTabText(RELAY_TAB, self.tr("Relay bundles"))
        self.tabs.setTabText(PROGRESS_TAB, self.tr("Progress"))
        self.refresh_action.setText(self.tr("Refresh (F5)"))
        self.papi_action.setText(self.tr("PAPI double entry (Ctrl+Shift+K)"))
        self.integrity_action.setText(self.tr("Visit integrity (Ctrl+Shift+I)"))
        self.settings_action.setText(self.tr("Settings"))
        mode = self.tr("online") if self.session.online else self.tr("offline")
        role = self.tr("supervisor")
        self.user_label.setText(f"{self.session.username} · {role} · {mode}")

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _tab_changed(self, index: int) -> None:
        if index == PROGRESS_TAB and not self._progress_loaded:
            self._progress_loaded = True
            self.progress.refresh()

    def _relay_finished(self) -> None:
        """The progress changes with what was relayed: load it again when it was shown."""
        if self._progress_loaded:
            self.progress.refresh()

    def show_progress(self) -> ProgressPanel:
        """Switch to the Progress tab (it loads the first time)."""
        self.tabs.setCurrentIndex(PROGRESS_TAB)
        return self.progress

    def refresh(self) -> None:
        """F5: read the folder again, or load the progress again."""
        if self.tabs.currentIndex() == PROGRESS_TAB:
            self.progress.refresh()
        else:
            self.relay.rescan()

    def open_papi(self):
        """The PAPI window: adjudication of double entry and keyer error rates."""
        from capi_app.ui.papi.supervisor_window import PapiSupervisorWindow

        self.papi_window = PapiSupervisorWindow(self.session, self)
        self.papi_window.show()
        return self.papi_window

    def open_integrity(self):
        """The desa map and per-enumerator integrity summary (docs/integrity.md)."""
        from capi_app.ui.integrity_view import IntegrityWindow

        self.integrity_window = IntegrityWindow(self.session, parent=self)
        self.integrity_window.show()
        return self.integrity_window

    def open_settings(self):
        """Language, server address and CA bundle; log out, switch user."""
        from capi_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session.profile, self, self.session)
        dialog.open()
        return dialog

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Closing during a relay asks it to stop after the bundle under way; the LAN relay
        stops listening."""
        self.relay.cancel()
        self.relay.stop_lan()
        super().closeEvent(event)
