"""Qt's own standard buttons speak Bahasa Indonesia too (Qt ships no Indonesian catalogue)."""

from PySide6.QtWidgets import QDialogButtonBox

from capi_app.ui import i18n
from capi_app.ui.qt_texts import standard_button_texts


def test_standard_buttons_are_translated(qapp):
    assert i18n.set_language("id")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    assert sorted(b.text() for b in box.buttons()) == ["Batal", "Oke"]
    assert "&Ya" in standard_button_texts()
    assert i18n.set_language("en")
    assert "&Yes" in standard_button_texts()
