"""Screenshots of the main windows against a demo server, for the README and for review.

Run under a virtual screen:
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_screenshots.py [--lang en]
Writes login-, list-, search-, household- and household-data-<lang>.png beside this script (or
into --out). The demo server and client profile go to a temporary directory.
"""

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--lang", choices=["id", "en"], default="id")
parser.add_argument("--out", default=str(Path(__file__).resolve().parent))
ARGS = parser.parse_args()
OUT = Path(ARGS.out)
LANG = ARGS.lang


def settle(app, ms: int = 300) -> None:
    """Let Qt lay out and paint."""
    QTimer.singleShot(ms, app.quit)
    app.exec()


def shoot(app, widget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    widget.show()
    settle(app)
    widget.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png")


def main() -> None:
    from capi_app import account, demo
    from capi_app.profile import Profile
    from capi_app.sync.session import run_sync
    from capi_app.ui.app import make_app
    from capi_app.ui.household_view import HouseholdDialog
    from capi_app.ui.login import LoginDialog
    from capi_app.ui.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp(prefix="verivali-shots-"))
    server = demo.start_demo_server(tmp / "demo")
    try:
        profile = Profile(tmp / "profile")
        profile.settings.language = LANG
        profile.settings.server_url = server.url
        profile.settings.username = demo.DEMO_USER
        profile.save()
        app = make_app(LANG)
        login = LoginDialog(profile)
        login.password.setText("••••••••••")
        login.resize(520, 330)
        shoot(app, login, f"login-{LANG}")
        login.close()

        session = account.login_online(profile, server.url, demo.DEMO_USER, demo.DEMO_PASSWORD)
        run_sync(session)
        window = MainWindow(session)
        window.resize(1366, 768)
        shoot(app, window, f"list-{LANG}")
        window.search.setText("sit")
        settle(app, 200)
        shoot(app, window, f"search-{LANG}")
        household_id = window.model.row_at(0).household_id
        dialog = HouseholdDialog(session, household_id, window)
        dialog.resize(1366, 768)
        shoot(app, dialog, f"household-{LANG}")
        dialog.tabs.setCurrentIndex(1)
        shoot(app, dialog, f"household-data-{LANG}")
        dialog.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
