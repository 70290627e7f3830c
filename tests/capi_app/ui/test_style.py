"""The style sheet: a disabled button looks disabled, the main action's too."""

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from capi_app.ui.app import make_app
from capi_app.ui.style import ACCENT


def fill_colour(button: QPushButton) -> str:
    """The colour most of the button's pixels have (its background, not its text)."""
    image = button.grab().toImage()
    counts: dict[str, int] = {}
    for x in range(2, image.width() - 2, 3):
        for y in range(2, image.height() - 2, 3):
            name = QColor(image.pixel(x, y)).name()
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get)


def test_a_disabled_primary_button_does_not_look_like_the_enabled_one(qapp):
    make_app("en")
    button = QPushButton("Resolve chosen conflicts (Ctrl+Enter)", objectName="primary")
    button.resize(button.sizeHint())
    button.ensurePolished()
    assert fill_colour(button) == ACCENT
    button.setEnabled(False)
    assert fill_colour(button) != ACCENT
