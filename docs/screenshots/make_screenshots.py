"""Screenshots of the enumerator's windows against a demo server, for the README and review.

Run under a virtual screen of a laptop's size (the real xcb platform; shooting.py refuses
anything else):
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_screenshots.py [--lang en]
Writes login-, list-, search-, household-, household-data-, household-history-,
photo-dialog-, new-household-, settings- and sync-<lang>.png beside this script (or into
--out). Two enumerators work on the same desa, so the sync meets a real conflict and a real
refusal; the demo server, profiles and a Pictures folder go to a temporary directory.
"""

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from shooting import ROOT, settle, shoot, start_app

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--lang", choices=["id", "en"], default="id")
parser.add_argument("--out", default=str(Path(__file__).resolve().parent))
ARGS = parser.parse_args()
OUT = Path(ARGS.out)
LANG = ARGS.lang
PHOTOS = ROOT / "tests" / "capi_app" / "photos"


def pictures_home(tmp: Path) -> None:
    """A home whose Pictures folder holds a few photos, as a laptop's would."""
    home = tmp / "home"
    pictures = home / "Pictures"
    pictures.mkdir(parents=True)
    for name in ("bandung_south_gps.jpg", "Canon_40D.jpg", "DSCN0010.jpg"):
        shutil.copy(PHOTOS / name, pictures / f"rumah-{name.lower()}")
    os.environ["HOME"] = str(home)
    os.environ.pop("XDG_PICTURES_DIR", None)


def field_work(tmp: Path, url: str, password: str, session) -> None:
    """enum2 changes an address enum1 changes too (a conflict at enum1's sync) and enum1
    sends an RT the server refuses: the sync dialog's outcomes are real ones."""
    from review_scenario import edit_and_push, enumerator, verify

    ids = [h.household_id for h in session.store.list_households(limit=3)]
    two = enumerator(tmp, url, "enum2", password)
    assert edit_and_push(two, ids[0], {"alamat": "Jl. Melati No. 7"}).ok
    two.close()
    session.store.set_field(ids[0], "alamat", "Jl. Mawar No. 5", session.username)
    verify(session, ids[0])
    session.store.set_field(ids[1], "rt", "3", session.username)  # RT has three digits
    verify(session, ids[1])


def main() -> None:
    from capi_app import account, demo
    from capi_app.profile import Profile
    from capi_app.sync.session import run_sync
    from capi_app.ui import file_dialogs
    from capi_app.ui.household_view import HouseholdDialog
    from capi_app.ui.login import LoginDialog
    from capi_app.ui.main_window import MainWindow
    from capi_app.ui.new_household import NewHouseholdDialog
    from capi_app.ui.settings_dialog import SettingsDialog
    from capi_app.ui.sync_dialog import SyncDialog

    tmp = Path(tempfile.mkdtemp(prefix="verivali-shots-"))
    pictures_home(tmp)
    app = start_app(LANG)
    server = demo.start_demo_server(tmp / "demo")
    try:
        profile = Profile(tmp / "profile")
        profile.settings.language = LANG
        profile.settings.server_url = server.url
        profile.settings.username = demo.DEMO_USER
        profile.save()
        login = LoginDialog(profile)
        login.password.setText("••••••••••")
        shoot(app, login, OUT, f"login-{LANG}")
        login.close()
        settings = SettingsDialog(profile)
        shoot(app, settings, OUT, f"settings-{LANG}")
        settings.close()

        session = account.login_online(profile, server.url, demo.DEMO_USER, demo.DEMO_PASSWORD)
        run_sync(session)
        field_work(tmp, server.url, demo.DEMO_PASSWORD, session)
        window = MainWindow(session)
        shoot(app, window, OUT, f"list-{LANG}")
        sync = SyncDialog(session, window)
        sync.show()
        sync.start()
        for _ in range(300):
            if sync.close_button.isEnabled():
                break
            settle(app, 100)
        shoot(app, sync, OUT, f"sync-{LANG}")
        sync.accept()
        window.reload()
        window.search.setText("sit")
        settle(app, 300)
        shoot(app, window, OUT, f"search-{LANG}")
        window.search.clear()
        settle(app, 300)

        household_id = window.model.row_at(3).household_id
        dialog = HouseholdDialog(session, household_id, window)
        answers = dialog.form_view.answers(keep_hidden=True)
        answers.update(status_rt="1", tanggal_kunjungan="2026-11-02")
        dialog.form_view.set_answers(answers)
        dialog.save_draft()  # the history tab gets a step with answers
        answers.update(alamat=str(answers.get("alamat") or "") + " (belakang masjid)")
        dialog.form_view.set_answers(answers)
        dialog.save_draft()
        shoot(app, dialog, OUT, f"household-{LANG}")
        dialog.tabs.setCurrentIndex(1)
        shoot(app, dialog, OUT, f"household-data-{LANG}")
        dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
        shoot(app, dialog, OUT, f"household-history-{LANG}")
        dialog.tabs.setCurrentIndex(0)
        photo = file_dialogs.make_dialog(
            dialog,
            dialog.tr("Choose the house photo"),
            file_dialogs.pictures_folder(),
            dialog.tr("Photos (*.jpg *.jpeg *.png)"),
        )
        shoot(app, photo, OUT, f"photo-dialog-{LANG}", 800)
        photo.reject()
        dialog.close()
        new = NewHouseholdDialog(session, window)
        shoot(app, new, OUT, f"new-household-{LANG}")
        new.close()
        window.close()
        session.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
