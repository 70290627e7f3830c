"""Screenshots of the supervisor's window after real field work against a demo server.

Run under a virtual screen:
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_supervisor_screenshots.py [--lang en]
Writes supervisor-relay- and supervisor-progress-<lang>.png beside this script (or into
--out). Two enumerators finalize households offline and export bundles to a "USB stick"
folder with a damaged copy of one; the supervisor relays the folder, then looks at the
progress. Everything goes to a temporary directory.
"""

import argparse
import tempfile
from pathlib import Path

from shooting import settle, shoot, start_app

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--lang", choices=["id", "en"], default="id")
parser.add_argument("--out", default=str(Path(__file__).resolve().parent))
ARGS = parser.parse_args()
OUT = Path(ARGS.out)
LANG = ARGS.lang


def field_work(root: Path, url: str, password: str, stick: Path) -> None:
    """enum1 finalizes 6 households (one with a photo), enum2 4; each exports a bundle."""
    from review_scenario import enumerator, verify

    from capi_app.sync.bundles import export_bundle

    one = enumerator(root, url, "enum1", password)
    two = enumerator(root, url, "enum2", password)
    ids = [h.household_id for h in one.store.list_households(limit=10)]
    verify(one, ids[0], photo="bandung_south_gps.jpg")
    for hid in ids[1:6]:
        verify(one, hid)
    for hid in ids[6:10]:
        verify(two, hid)
    export_bundle(one, stick / "enum1-laptop-a.vvb")
    export_bundle(two, stick / "enum2-laptop-b.vvb")
    data = bytearray((stick / "enum1-laptop-a.vvb").read_bytes())
    data[len(data) // 2] ^= 0x01  # a copy that went wrong on the way
    (stick / "enum1-salinan.vvb").write_bytes(bytes(data))
    for s in (one, two):
        s.close()


def main() -> None:
    from capi_app import account, demo
    from capi_app.profile import Profile
    from capi_app.ui.supervisor_window import SupervisorWindow

    tmp = Path(tempfile.mkdtemp(prefix="verivali-supervisor-shots-"))
    stick = tmp / "FLASHDISK"
    stick.mkdir()
    app = start_app(LANG)
    server = demo.start_demo_server(tmp / "demo")
    try:
        field_work(tmp, server.url, demo.DEMO_PASSWORD, stick)
        profile = Profile(tmp / "supervisor")
        profile.settings.language = LANG
        profile.save()
        session = account.login_online(profile, server.url, "super1", demo.DEMO_PASSWORD)
        window = SupervisorWindow(session)
        window.show()
        window.relay.set_folder(stick)
        settle(app, 1000)
        ended = []
        window.relay.finished.connect(lambda: ended.append(True))
        window.relay.relay_all()
        while not ended:
            settle(app, 200)
        shoot(app, window, OUT, f"supervisor-relay-{LANG}")
        panel = window.show_progress()
        settle(app, 1500)
        while panel.progress is None or panel.jobs:
            settle(app, 200)
        shoot(app, window, OUT, f"supervisor-progress-{LANG}")
        window.close()
        session.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
