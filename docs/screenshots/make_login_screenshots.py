"""Screenshot of the login window asking for the previous password: an admin reset the
user's password, the server takes the new one, and this laptop's data is still locked with the
old one (capi_app.account.PasswordOutOfDate).

Run under a virtual screen:
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_login_screenshots.py [--lang en]
Writes login-old-password-<lang>.png beside this script (or into --out); a demo server in a
temporary directory, the password reset by the server's own CLI.
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from shooting import settle, shoot, start_app

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--lang", choices=["id", "en"], default="id")
parser.add_argument("--out", default=str(Path(__file__).resolve().parent))
ARGS = parser.parse_args()
NEW_PASSWORD = "sandi-baru-2026"


def main() -> None:
    from capi_app import account, demo
    from capi_app.profile import Profile
    from capi_app.ui.login import LoginDialog

    app = start_app(ARGS.lang)
    tmp = Path(tempfile.mkdtemp(prefix="verivali-login-shots-"))
    server = demo.start_demo_server(tmp / "demo")
    try:
        profile = Profile(tmp / "profile")
        profile.settings.language = ARGS.lang
        account.login_online(profile, server.url, demo.DEMO_USER, demo.DEMO_PASSWORD).close()
        subprocess.run(
            [sys.executable, "-m", "sync_server.cli", "passwd", demo.DEMO_USER,
             "--password-stdin", "--data-dir", str(tmp / "demo" / "server-data")],
            input=NEW_PASSWORD + "\n", capture_output=True, text=True, check=True,
        )  # fmt: skip
        dialog = LoginDialog(profile)
        dialog.show()
        dialog.password.setText(NEW_PASSWORD)
        dialog._submit()
        for _ in range(100):
            settle(app, 100)
            if dialog.error.text():
                break
        shoot(app, dialog, Path(ARGS.out), f"login-old-password-{ARGS.lang}", 600)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
