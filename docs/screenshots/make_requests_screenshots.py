"""Screenshots of the requests (usul warga, sanggahan) from the list to the reviewer's window.

Run under a virtual screen:
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_requests_screenshots.py [--lang en]
Writes, beside this script (or into --out): requests-list-<lang>.png (the enumerator's list
after `sync-server import-requests`: a sanggahan on a listed household and an usul warga, a
proposed household, first by the column Permintaan), requests-form-<lang>.png (the usul
warga's form at section 8, the request's note and the finding) and
requests-review-<lang>.png (the reviewer's tab Permintaan: the sanggahan beside its finding).
A real server process with a 20-household pre-list runs in a temporary directory; the
enumerator really verifies both and syncs.
"""

import argparse
import sys
import tempfile
from pathlib import Path

from shooting import ROOT, settle, shoot, start_app

sys.path.insert(0, str(ROOT / "tests" / "e2e"))  # the e2e server process and its steps

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--lang", choices=["id", "en"], default="id")
parser.add_argument("--out", default=str(Path(__file__).resolve().parent))
ARGS = parser.parse_args()
OUT = Path(ARGS.out)
LANG = ARGS.lang


def requests_rows(target: str, desa: str, nik: str) -> list[str]:
    """A sanggahan on ``target`` and an usul warga, as a Cek Bansos export has them."""
    return [
        f"sanggahan,SGH-2026-000123,2026-11-01,3204124508900003,Ani,Jl. Kenanga 2,{desa},"
        f"{target},penerima dinilai mampu: punya mobil,PKH",
        f"usul_warga,USW-2026-000045,2026-11-01,{nik},Dadang Suryana,Kp. Cipeujeuh,{desa},,"
        "belum terdaftar padahal tidak mampu,BPNT",
    ]


def main() -> None:
    app = start_app(LANG)
    from e2e_helpers import PHOTOS, import_photo, login
    from PySide6.QtCore import Qt
    from server_process import DESA, SyncServer
    from test_citizen_requests import (
        USUL_NIK,
        found,
        import_requests,
        not_found,
        request_households,
    )

    from capi_app.profile import Profile
    from capi_app.sync.session import run_sync
    from capi_app.ui.main_window import MainWindow
    from capi_app.ui.review_household import ReviewHouseholdDialog

    root = Path(tempfile.mkdtemp(prefix="requests-shots-"))
    server = SyncServer(root / "server", households=20)
    server.add_user("enum1")
    server.add_user("rev1", role="reviewer")
    server.start()
    try:
        enum1 = login(Profile(root / "enum1"), server.url)
        enum1.profile.settings.language = LANG
        run_sync(enum1)
        rows = enum1.store.list_households(limit=100)
        target = next(h.household_id for h in rows if not enum1.store.anomalies(h.household_id))
        import_requests(server, requests_rows(target, DESA, USUL_NIK))
        run_sync(enum1)
        (usul,) = request_households(enum1.store, "usul_warga")

        window = MainWindow(enum1)
        window.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # the requests first
        shoot(app, window, OUT, f"requests-list-{LANG}")

        photo = import_photo(enum1.store, usul, PHOTOS / "Canon_40D.jpg", "enum1").sha256
        dialog = window.open_household(usul)
        settle(app)
        view = dialog.form_view
        view.set_answers(found(photo)(view.answers(keep_hidden=True)))
        view.editor("temuan_hasil").buttons["layak"].click()
        dialog.show()  # laid out with the answers: section 8 is shown now
        settle(app)
        view.go_to_section("verifikasi_permintaan")
        shoot(app, dialog, OUT, f"requests-form-{LANG}")
        reason = {"temuan_alasan": "Rumah bambu, lantai tanah, buruh harian"}
        view.set_answers({**view.answers(keep_hidden=True), **reason})
        assert dialog.finalize(), view.problems()
        dialog.close()

        dialog = window.open_household(target)
        settle(app)
        finding = {"temuan_hasil": "tidak_layak", "temuan_alasan": "Sudah pindah sejak Agustus"}
        dialog.form_view.set_answers({**not_found(dialog.form_view.answers(True)), **finding})
        assert dialog.finalize(), dialog.form_view.problems()
        dialog.close()
        run_sync(enum1)

        rev = login(Profile(root / "rev1"), server.url, "rev1")
        rev.profile.settings.language = LANG
        review = ReviewHouseholdDialog(rev, target)
        settle(app, 1500)
        shoot(app, review, OUT, f"requests-review-{LANG}", 800)
        review.close()
        for s in (enum1, rev):
            s.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
