"""The Relay tab's LAN switch: take the laptops' bundles over the office Wi-Fi.

Switched on, the supervisor's client listens (sync.lan_relay.LanRelay) on the address given
(all of the laptop's addresses, port 8765, by default) and keeps what laptops send in the
folder the tab lists; the enumerators run ``capi lan-sync --relay URL`` with the address it
shows. Switched off (or the window closed), it stops listening.
"""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from capi_app.sync.lan_relay import LanRelay

DEFAULT_ADDRESS = "0.0.0.0:8765"


def office_address() -> str:
    """This laptop's address on the network it would reach others by ('' when none)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET: no packet is sent, the route is chosen
            return s.getsockname()[0]
    except OSError:
        return ""


def parse_address(text: str) -> tuple[str, int]:
    """'host:port' (or ':port', or 'port') -> (host, port); ValueError when it is neither."""
    host, _, port = text.strip().rpartition(":")
    number = int(port)
    if not 0 <= number <= 65535:
        raise ValueError(port)
    return host or "0.0.0.0", number


class LanRelayBar(QWidget):
    """A switch, the address to listen on, and where laptops send to."""

    started = Signal(object)
    """The folder bundles arrive in (a Path)."""
    stopped = Signal()

    def __init__(self, folder_for, parent=None):
        super().__init__(parent)
        self.folder_for = folder_for  # () -> Path: the folder the tab lists, or a default
        self.relay: LanRelay | None = None
        self.switch = QPushButton(checkable=True)
        self.switch.toggled.connect(self.set_on)
        self.address = QLineEdit(DEFAULT_ADDRESS, maximumWidth=170)
        self.where = QLabel(wordWrap=True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.switch)
        row.addWidget(self.address)
        row.addWidget(self.where, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.switch.setText(
            self.tr("Stop taking bundles from the LAN")
            if self.relay
            else self.tr("Take bundles from laptops on the LAN")
        )
        self.address.setToolTip(self.tr("Address and port to listen on"))
        if self.relay is None and not self.where.property("error"):
            self.where.setText(self.tr("Off: laptops cannot send to this computer."))
        elif self.relay is not None:
            self.where.setText(
                self.tr("Laptops send with: capi lan-sync --relay %1").replace("%1", self.url())
            )

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def url(self) -> str:
        """The address laptops send to: the office address when listening on all of them."""
        if self.relay is None:
            return ""
        url = self.relay.url
        if "//0.0.0.0:" in url and office_address():
            url = url.replace("0.0.0.0", office_address())
        return url

    def set_on(self, on: bool) -> None:
        """Start or stop listening."""
        if on and self.relay is None:
            self._start()
        elif not on and self.relay is not None:
            self.relay.stop()
            self.relay = None
            self.address.setEnabled(True)
            self.stopped.emit()
        self.retranslate()

    def _start(self) -> None:
        self.where.setProperty("error", False)
        try:
            host, port = parse_address(self.address.text())
            self.relay = LanRelay(Path(self.folder_for()), host, port).start()
        except (ValueError, OSError) as e:
            self.where.setProperty("error", True)
            self.where.setText(
                self.tr("Cannot listen on %1: %2")
                .replace("%1", self.address.text())
                .replace("%2", getattr(e, "strerror", None) or str(e))  # fmt: skip
            )
            self.switch.blockSignals(True)
            self.switch.setChecked(False)
            self.switch.blockSignals(False)
            return
        self.address.setEnabled(False)
        self.started.emit(self.relay.folder)
