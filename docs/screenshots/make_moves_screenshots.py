"""Screenshots of the moves between wilayah (pindah wilayah) as the receiving reviewer sees them.

Run under a virtual screen:
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_moves_screenshots.py [--lang en]
Writes moves-<lang>.png (the moves window of a Kab. Garut reviewer) and moves-household-<lang>.png
(a household of Kab. Bandung shown while its move to Garut waits) beside this script (or into
--out). The demo enumerator really moves three households and syncs; a reviewer of Kab. Garut
(32.05) is added to the demo server; everything goes to a temporary directory. Then the Garut
reviewer refuses one move with a note, the enumerator syncs again, and
moves-refused-list-<lang>.png (the enumerator's list, filter "Pindah wilayah ditolak") and
moves-refused-household-<lang>.png (that household's window saying the move was refused)
show what the field is told.
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
OUT = Path(ARGS.out)
LANG = ARGS.lang
GARUT = "3205011001"
"""Desa Kota Kulon, Kab. Garut."""


def move_households(root: Path, url: str, password: str) -> list[str]:
    """The enumerator changes three households' kode wilayah to Garut, verifies them, syncs."""
    from review_scenario import enumerator, verify

    from capi_app.sync.session import run_sync

    one = enumerator(root, url, "enum1", password)
    ids = [h.household_id for h in one.store.list_households(limit=3)]
    for i, hid in enumerate(ids):
        one.store.set_field(hid, "kode_wilayah", GARUT, one.username)
        verify(one, hid, photo="bandung_south_gps.jpg" if i == 0 else None)
    run_sync(one)
    one.close()
    return ids


def add_garut_reviewer(demo_dir: Path, password: str) -> None:
    """A Dinas Sosial reviewer of Kab. Garut, by the server's own CLI."""
    done = subprocess.run(
        [sys.executable, "-m", "sync_server.cli", "add-user", "revgarut", "--role", "reviewer",
         "--scope", "32.05", "--password-stdin", "--data-dir", str(demo_dir / "server-data")],
        input=password + "\n", capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(done.stderr)


def main() -> None:
    from capi_app import account, demo
    from capi_app.profile import Profile
    from capi_app.ui.review_window import ReviewWindow

    tmp = Path(tempfile.mkdtemp(prefix="verivali-moves-shots-"))
    app = start_app(LANG)
    server = demo.start_demo_server(tmp / "demo")
    try:
        ids = move_households(tmp, server.url, demo.DEMO_PASSWORD)
        add_garut_reviewer(tmp / "demo", demo.DEMO_PASSWORD)
        profile = Profile(tmp / "revgarut")
        profile.settings.language = LANG
        profile.save()
        session = account.login_online(profile, server.url, "revgarut", demo.DEMO_PASSWORD)
        queue = ReviewWindow(session)
        queue.show()
        settle(app, 1500)
        window = queue.open_moves()
        settle(app, 1500)
        window.select(next(m.move_id for m in window.model.all_items() if m.household_id == ids[0]))
        shoot(app, window, OUT, f"moves-{LANG}")
        dialog = window.open_current()
        shoot(app, dialog, OUT, f"moves-household-{LANG}", 2000)
        dialog.tabs.setCurrentIndex(2)
        shoot(app, dialog, OUT, f"moves-household-{LANG}", 1500)
        dialog.close()
        refuse(session, ids[1])
        session.close()
        told_in_the_field(app, tmp, server.url, ids[1])
    finally:
        server.stop()


def refuse(session, hid: str) -> None:
    """The Garut reviewer refuses the household's move with a note."""
    (move,) = [m for m in session.api.review_moves()["moves"] if m["household_id"] == hid]
    session.api.decide_move(move["move_id"], "refuse", "Menurut RT keluarga masih di Dayeuhkolot")


def told_in_the_field(app, tmp: Path, url: str, hid: str) -> None:
    """The enumerator's next sync, their list on the refused filter and the household."""
    from PySide6.QtCore import Qt

    from capi_app import account, demo
    from capi_app.profile import Profile
    from capi_app.sync.session import run_sync
    from capi_app.ui.household_list import MOVE_REFUSED
    from capi_app.ui.household_view import HouseholdDialog
    from capi_app.ui.main_window import MainWindow

    profile = Profile(tmp / "profile-enum1")
    profile.settings.language = LANG
    profile.save()
    session = account.login_online(profile, url, "enum1", demo.DEMO_PASSWORD)
    run_sync(session)
    window = MainWindow(session)
    window.show()
    settle(app, 800)
    for i in range(window.filters.count()):
        if window.filters.item(i).data(Qt.ItemDataRole.UserRole) == MOVE_REFUSED:
            window.filters.setCurrentRow(i)
    shoot(app, window, OUT, f"moves-refused-list-{LANG}", 800)
    dialog = HouseholdDialog(session, hid)
    shoot(app, dialog, OUT, f"moves-refused-household-{LANG}", 1500)
    dialog.close()
    window.close()
    session.close()


if __name__ == "__main__":
    main()
