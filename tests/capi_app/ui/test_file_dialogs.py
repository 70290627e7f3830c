"""The photo file dialog: Qt's own, in the Pictures folder, its columns not cut."""

import shutil
from pathlib import Path

from PySide6.QtWidgets import QTreeView

from capi_app.ui import file_dialogs
from capi_app.ui.app import make_app

PHOTOS = Path(__file__).resolve().parents[1] / "photos"


def test_the_photo_dialog_lists_the_pictures_folder_with_whole_columns(
    qtbot, tmp_path, monkeypatch
):
    # A laptop whose file dialog never opened: no column widths kept from an earlier use.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    pictures = tmp_path / "home" / "Pictures"
    pictures.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    make_app("id")  # the style sheet's font and header padding, Indonesian column titles
    for name in ("bandung_south_gps.jpg", "Canon_40D.jpg"):
        shutil.copy(PHOTOS / name, pictures / name)
    assert file_dialogs.pictures_folder() == str(pictures)
    dialog = file_dialogs.make_dialog(None, "Photo", file_dialogs.pictures_folder(), "*.jpg")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.findChild(QTreeView).model().rowCount(
        dialog.findChild(QTreeView).rootIndex()) == 2, timeout=5000)  # fmt: skip
    view = dialog.findChild(QTreeView)
    header = view.header()
    for column in range(1, header.count()):  # size, kind, date modified
        if header.isSectionHidden(column):
            continue
        needed = max(view.sizeHintForColumn(column), header.sectionSizeFromContents(column).width())
        assert header.sectionSize(column) >= needed, (column, header.sectionSize(column), needed)
