"""Screenshot of the review queue on its anomaly filter, with the households listed in
another kabupaten whose household id names the reviewer's desa (docs/cycle.md, "Listed in the
wrong wilayah"): their Desa in amber, read only for this reviewer.

Run under a virtual screen:
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_reached_screenshot.py [--lang en]
Writes review-reached-<lang>.png beside this script (or into --out). Two of the demo desa's
households are listed in a desa of Kab. Garut first, as a pre-list with a wrong kode wilayah
would have them (written into the demo server's database, the worklist re-checked);
everything goes to a temporary directory.
"""

import argparse
import tempfile
from pathlib import Path

from shooting import settle, shoot, start_app

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--lang", choices=["id", "en"], default="id")
parser.add_argument("--out", default=str(Path(__file__).resolve().parent))
ARGS = parser.parse_args()


GARUT = "3205011001"


def list_in_garut(data_dir: Path, count: int = 2) -> list[str]:
    """List the first households of the demo desa in Garut; return their ids."""
    import json

    from sqlalchemy import text

    from sync_server.db.engine import make_engine
    from sync_server.services import anomalies
    from sync_server.settings import Settings

    engine = make_engine(Settings.resolve(data_dir=data_dir).db_url)
    with engine.begin() as conn:
        rows = conn.execute(
            text('SELECT household_id, "values" FROM households WHERE kode_wilayah = :k '
                 "ORDER BY household_id LIMIT :n"),
            {"k": "3204122002", "n": count},
        ).all()  # fmt: skip
        for hid, values in rows:
            moved = {**json.loads(values), "kode_wilayah": GARUT}
            conn.execute(
                text('UPDATE households SET kode_wilayah = :k, "values" = :v WHERE household_id = :h'),
                {"k": GARUT, "v": json.dumps(moved), "h": hid},
            )  # fmt: skip
        anomalies.refresh(conn, [hid for hid, _ in rows])
    engine.dispose()
    return [hid for hid, _ in rows]


def main() -> None:
    from capi_app import account, demo
    from capi_app.profile import Profile
    from capi_app.ui.review_window import ReviewWindow
    from dtks.review import FLAG_ANOMALY

    tmp = Path(tempfile.mkdtemp(prefix="verivali-reached-shots-"))
    app = start_app(ARGS.lang)
    server = demo.start_demo_server(tmp / "demo")
    try:
        list_in_garut(tmp / "demo" / "server-data")
        profile = Profile(tmp / "reviewer")
        profile.settings.language = ARGS.lang
        profile.save()
        session = account.login_online(profile, server.url, "reviewer1", demo.DEMO_PASSWORD)
        window = ReviewWindow(session)
        window.show()
        settle(app, 1500)
        button = next(
            b for b in window.flag_buttons.buttons() if b.property("flag") == FLAG_ANOMALY
        )
        button.click()
        settle(app, 2000)
        reached = [i for i, item in enumerate(window.model.all_items()) if item.reached]
        print(f"{len(reached)} reached of {len(window.model.all_items())} on the anomaly filter")
        window.table.sortByColumn(
            window.model.COLUMNS.index("desa"), window.table.horizontalHeader().sortIndicatorOrder()
        )
        shoot(app, window, Path(ARGS.out), f"review-reached-{ARGS.lang}", 800)
        session.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
