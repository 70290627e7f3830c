"""Qt's own dialogs speak Bahasa Indonesia too: Qt ships no Indonesian catalogue, so
resources/i18n/qtbase_id.ts holds the Qt strings our windows show."""

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit

from capi_app.ui import file_dialogs, i18n


def test_standard_buttons_are_translated(qapp):
    assert i18n.set_language("id")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    assert sorted(b.text() for b in box.buttons()) == ["Batal", "Oke"]
    assert i18n.set_language("en")
    again = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes)
    assert again.buttons()[0].text().replace("&", "") == "Yes"


def test_the_photo_file_dialog_is_qts_own_in_indonesian_and_opens_in_pictures(qapp, tmp_path):
    assert i18n.set_language("id")
    dialog = file_dialogs.make_dialog(None, "Pilih foto", str(tmp_path), "Foto (*.jpg)")
    texts = {w.text() for w in dialog.findChildren(QLabel)}
    assert "&Cari di:" in texts and "&Nama berkas:" in texts and "&Jenis berkas:" in texts
    assert dialog.directory().absolutePath() == str(tmp_path)
    assert dialog.findChildren(QLineEdit)  # a Qt dialog, not the desktop's
    assert file_dialogs.pictures_folder()
