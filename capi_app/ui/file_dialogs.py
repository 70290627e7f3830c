"""Choosing a file: Qt's own file dialog, in the window's language, starting where the file is.

Qt's dialog is used rather than the desktop's: it speaks Bahasa Indonesia whatever language the
laptop's desktop is set to (its texts come from resources/i18n/qtbase_id.ts), and it looks the
same on every laptop. Photos start in the user's Pictures folder, where phones and cameras put
them when plugged in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView, QWidget

from capi_app.ui import window_size


def pictures_folder() -> str:
    """The user's Pictures folder, or the home folder when there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return found if found and Path(found).is_dir() else str(Path.home())


def make_dialog(parent: QWidget | None, title: str, folder: str, pattern: str) -> QFileDialog:
    """A Qt file dialog (not the desktop's) sized to the screen, showing ``folder``."""
    dialog = QFileDialog(parent, title, folder, pattern)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    window_size.fit(dialog, 900, 560)
    _columns_fit_their_text(dialog)
    return dialog


def _columns_fit_their_text(dialog: QFileDialog) -> None:
    """Size, kind and date as wide as their text, the name taking the rest: Qt's defaults cut
    them ('18…iB') in a dialog of a laptop's size."""
    for view in dialog.findChildren(QTreeView):
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def open_file(parent: QWidget | None, title: str, pattern: str, folder: str | None = None) -> str:
    """Ask for an existing file; '' when cancelled."""
    dialog = make_dialog(parent, title, folder or str(Path.home()), pattern)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def save_file(parent: QWidget | None, title: str, suggested: str, pattern: str) -> str:
    """Ask where to save, suggesting a path; '' when cancelled."""
    dialog = make_dialog(parent, title, str(Path(suggested).parent), pattern)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(Path(suggested).name)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def choose_folder(parent: QWidget | None, title: str, folder: str | None = None) -> str:
    """Ask for an existing folder (a USB stick's); '' when cancelled."""
    dialog = make_dialog(parent, title, folder or str(Path.home()), "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
