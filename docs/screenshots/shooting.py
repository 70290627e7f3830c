"""What the screenshot scripts share: a real X display (xcb under Xvfb), settling and saving.

The pictures are of the windows as a user sees them: the xcb platform with the real fonts of
the X server, each window at the size it takes by itself on a 1366x768 screen
(ui/window_size.py), nothing resized for the picture. Without a DISPLAY the scripts stop and
say how to run them (``xvfb-run -a -s "-screen 0 1366x768x24" python ...``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "capi_app" / "ui"))  # review_scenario: field work
SCREEN = (1366, 768)


def start_app(language: str):
    """The client's QApplication on the X display (xcb), refusing anything else."""
    if not os.environ.get("DISPLAY"):
        raise SystemExit(
            "no DISPLAY: run under Xvfb, e.g. "
            f'xvfb-run -a -s "-screen 0 {SCREEN[0]}x{SCREEN[1]}x24" python {sys.argv[0]}'
        )
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from capi_app.ui.app import make_app

    app = make_app(language)
    if app.platformName() != "xcb":
        raise SystemExit(f"Qt runs on {app.platformName()!r}, not xcb")
    size = app.primaryScreen().size()
    if (size.width(), size.height()) != SCREEN:
        raise SystemExit(f"the screen is {size.width()}x{size.height()}, not 1366x768")
    return app


def settle(app, ms: int = 400) -> None:
    """Let Qt lay out, paint and deliver the workers' results."""
    QTimer.singleShot(ms, app.quit)
    app.exec()


def shoot(app, widget, out: Path, name: str, ms: int = 400) -> None:
    """Show the widget as it sizes itself, let it settle, and save its picture."""
    out.mkdir(parents=True, exist_ok=True)
    widget.show()
    widget.raise_()
    settle(app, ms)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    g = widget.geometry()
    print(f"wrote {path} ({g.width()}x{g.height()} at {g.x()},{g.y()})")
