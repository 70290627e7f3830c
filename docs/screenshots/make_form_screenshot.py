"""Take docs/screenshots/form.png: the form view at 1366x768 with a household half filled.

Run under Xvfb (real fonts and rendering, the xcb platform; shooting.py refuses others):
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_form_screenshot.py
"""

import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from capi_app.ui.form import FormView  # noqa: E402
from dtks.forms import load_form  # noqa: E402
from dtks.forms.prefill import prefill  # noqa: E402
from dtks.sample import generate  # noqa: E402


def photo_bytes() -> bytes:
    """A drawn stand-in for a house photo (the screenshot must not need a real one)."""
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#9cc3e6"))
    p = QPainter(image)
    p.fillRect(0, 330, 640, 150, QColor("#7a9a5a"))
    p.fillRect(170, 200, 300, 170, QColor("#e8d8b0"))
    p.setBrush(QColor("#b4553a"))
    p.setPen(Qt.PenStyle.NoPen)
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPolygon

    p.drawPolygon(QPolygon([QPoint(140, 210), QPoint(320, 100), QPoint(500, 210)]))
    p.fillRect(290, 270, 60, 100, QColor("#6b4226"))
    p.fillRect(200, 240, 60, 50, QColor("#cfe8ff"))
    p.fillRect(380, 240, 60, 50, QColor("#cfe8ff"))
    p.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG")
    return bytes(data)


def main(out: Path = ROOT / "docs" / "screenshots" / "form.png") -> Path:
    """Render the view with a household from the sample pre-list and save the PNG."""
    from shooting import start_app

    app = start_app("id")  # xcb, the app's style and its Indonesian texts (hints, messages)
    form = load_form(ROOT / "forms" / "verivali-dtks.xlsx")
    households, members = generate(30, "32.04.12.2002", seed=7)
    household = households[2]
    mine = [m for m in members if m["household_id"] == household["household_id"]]
    answers = prefill(form, household, mine)
    answers.update(status_rt="1")
    gps = {"lat": -6.98765, "lon": 107.62912, "accuracy_m": 8}
    view = FormView(
        form,
        answers,
        language="id",
        photo_importer=lambda name: ("3f2a9c0e1b7d4a55e0c1", photo_bytes(), gps),
    )
    view.resize(1366, 768)
    view.show()
    view.activateWindow()
    QTest.qWaitForWindowActive(view, 2000)
    view._import_photo(view.editor("foto_rumah"))
    view.set_photo("foto_rumah", photo_bytes(), gps)
    for i in range(len(mine)):
        view.editor(f"members[{i}].status_art").pick_code("1")
    view.editor("members[1].disabilitas").pick_code("2")
    for panel in view._panels:
        panel.set_expanded(panel is view._panels[1])
    app.processEvents()
    nik = view.editor("members[1].nik").focus_target()
    nik.setFocus()
    nik.end(False)
    QTest.keyClick(nik, Qt.Key.Key_Backspace)  # a digit short: the NIK's message shows
    QTest.keyClick(nik, Qt.Key.Key_Return)  # ...and Enter moves on to the relationship
    app.processEvents()
    view.go_to_section("art")  # the section from its title...
    view.editor("members[1].hubungan").focus_target().setFocus()  # ...cursor where Enter put it
    app.processEvents()
    view.grab().save(str(out))
    view.close()
    view.deleteLater()
    app.processEvents()
    return out


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs/screenshots/form.png"))
