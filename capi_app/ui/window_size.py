"""Window sizes from the screen the window is on, so every window fits a 1366×768 laptop.

A window asks for the size it would like; it gets that or what the available screen geometry
(the screen less its taskbar and panels) leaves after room for the window manager's title bar
and borders. Content that may be taller than that scrolls.

>>> from PySide6.QtWidgets import QApplication, QDialog
>>> app = QApplication.instance() or QApplication([])
>>> dialog = QDialog()
>>> fit(dialog, 1280, 200000)
>>> dialog.height() <= available(dialog).height() and dialog.width() <= 1280
True
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 40)
"""Room left for a window manager's borders and title bar around the window's content."""


def available(widget: QWidget) -> QRect:
    """The available geometry of the screen the widget is (or will be) on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room(widget: QWidget) -> QSize:
    """The largest content size that fits the available screen with the window's frame."""
    area = available(widget)
    return QSize(max(area.width() - FRAME.width(), 200), max(area.height() - FRAME.height(), 200))


def fit(window: QWidget, width: int, height: int) -> None:
    """Size a top-level window to width × height, or smaller to fit its screen.

    Where it goes stays Qt's choice: a dialog is centred on its parent and kept on the screen.
    """
    most = room(window)
    window.resize(min(width, most.width()), min(height, most.height()))


def at_most(widget: QWidget, share: float) -> int:
    """A height of at most this share of the available screen (for a growing message)."""
    return int(room(widget).height() * share)
