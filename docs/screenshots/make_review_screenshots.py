"""Screenshots of the reviewer's windows after real field work against a demo server.

Run under a virtual screen:
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_review_screenshots.py [--lang en]
Writes review-queue-, review-household-, review-verifications-, review-photos-,
review-history- and review-approved-<lang>.png
beside this script (or into --out). Two enumerators edit the same households and sync, so the
queue holds real conflicts; everything goes to a temporary directory.
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


def field_work(root: Path, url: str, password: str) -> list[str]:
    """Conflicts on address and a member's job, a plain verification; returns household ids."""
    from review_scenario import POINT_TWO, edit_and_push, enumerator, verify

    from capi_app.sync.session import run_sync

    one = enumerator(root, url, "enum1", password)
    two = enumerator(root, url, "enum2", password)
    ids = [h.household_id for h in one.store.list_households(limit=8)]
    first = ids[0]
    member = [m for m in one.store.household(first).members if m.status == "active"][1]
    for session, job in ((one, 12), (two, 7)):
        session.store.change_member(first, member.member_id, {"pekerjaan": job}, session.username)
    edit_and_push(
        one, first, {"alamat": "Jl. Mawar No. 5", "rt": "003"}, photo="bandung_south_gps.jpg"
    )
    edit_and_push(
        two, first, {"alamat": "Jl. Melati No. 7", "rt": "003"}, gps=POINT_TWO, minutes=25
    )
    for i, hid in enumerate(ids[1:4]):
        edit_and_push(one, hid, {"alamat": f"Gg. Sukamaju {i + 1}"})
        edit_and_push(two, hid, {"alamat": f"Jl. Sukamaju {i + 1}"}, gps=POINT_TWO)
    for hid in ids[4:7]:
        verify(two, hid)
    run_sync(two)
    for s in (one, two):
        s.close()
    return ids


def main() -> None:
    from capi_app import account, demo
    from capi_app.profile import Profile
    from capi_app.ui.review_window import ReviewWindow

    tmp = Path(tempfile.mkdtemp(prefix="verivali-review-shots-"))
    app = start_app(LANG)
    server = demo.start_demo_server(tmp / "demo")
    try:
        ids = field_work(tmp, server.url, demo.DEMO_PASSWORD)
        profile = Profile(tmp / "reviewer")
        profile.settings.language = LANG
        profile.save()
        session = account.login_online(profile, server.url, "reviewer1", demo.DEMO_PASSWORD)
        window = ReviewWindow(session)
        window.show()
        settle(app, 1500)
        window.wilayah.setCurrentIndex(window.wilayah.findData("3204122002"))
        settle(app, 1500)
        window.table.selectRow(0)
        shoot(app, window, OUT, f"review-queue-{LANG}")
        dialog = window.open_household(ids[0])
        shoot(app, dialog, OUT, f"review-household-{LANG}", 1500)
        dialog.choices[0].client.setChecked(True)
        dialog.choices[-1].server.setChecked(True)
        shoot(app, dialog, OUT, f"review-household-{LANG}")
        dialog.tabs.setCurrentIndex(1)
        shoot(app, dialog, OUT, f"review-verifications-{LANG}")
        dialog.tabs.setCurrentIndex(2)
        shoot(app, dialog, OUT, f"review-photos-{LANG}", 1500)
        dialog.tabs.setCurrentIndex(3)
        shoot(app, dialog, OUT, f"review-history-{LANG}")
        dialog.close()
        approved = window.open_household(ids[4])  # verified, no flag: waiting for approval
        settle(app, 1500)
        approved.approve()
        for _ in range(100):
            if approved.detail is not None and approved.detail.state == "approved":
                break
            settle(app, 100)
        shoot(app, approved, OUT, f"review-approved-{LANG}", 800)
        approved.close()
        session.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
