"""Paradata size per verification, and the cost of the integrity indicators.

Run: python bench/bench_paradata.py [--members 9] [--households 1000]

A 9-member household's interview is recorded through the client's own Visit (every answer of
the verivali form's questions outside the roster, every roster question for each member, the
seven sections, the photo and the GPS fix, the form reopened once, finalized); a second,
harder case has every answer changed three times (more than 5 s apart, so none is merged).
Prints events, compact JSON bytes and gzip bytes of each, encode + decode time, the time of
dtks.integrity.analyse over a desa of --households honest visits (dtks.sample_visits), and
(with --server) what a push adds on the server: a refresh of a desa whose --households
households all hold a finalized verification with paradata, GPS and a photo (SQLite in a
temporary directory, or --db URL).
"""

import argparse
import gzip
import platform
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench")]

from bench_sync_wire import cpu_model  # noqa: E402

from capi_app.store.photos import PhotoRecord  # noqa: E402
from capi_app.store.views import HouseholdView  # noqa: E402
from capi_app.visit import Visit  # noqa: E402
from dtks import integrity, sample_visits  # noqa: E402
from dtks.forms import load_form  # noqa: E402
from dtks.model import Gps  # noqa: E402

WIB = timezone(timedelta(hours=7))
SKIP = {"group", "repeat", "calculate", "note"}


def answer_paths(form, members: int) -> tuple[list[str], list[str]]:
    """The answer paths of the form (roster questions once per member) and its sections."""
    household, roster, sections = [], [], []
    for f in form.iter_fields():
        if f.type == "group" and not f.repeats:
            sections.append(f.name)
        if f.type in SKIP:
            continue
        (roster if f.repeats else household).append(f.name)
    paths = household + [f"members[{m}].{name}" for m in range(members) for name in roster]
    return paths, sections


def record(paths, sections, rounds: int) -> integrity.Paradata:
    """An interview as the Visit records it: each answer ``rounds`` times, 8 s apart."""
    t0 = datetime(2026, 11, 2, 9, 0, tzinfo=WIB)
    view = HouseholdView.__new__(HouseholdView)  # the recorder reads nothing of it
    visit = Visit("3204122002000123", {}, view, t0)
    at = t0
    per_section = max(1, len(paths) // len(sections))
    for r in range(rounds):
        for i, path in enumerate(paths):
            if r == 0 and i % per_section == 0 and i // per_section < len(sections):
                visit.record_section(sections[i // per_section], at)
            at += timedelta(seconds=8)
            visit.record_answer(path, at)
            if r == 0 and i == 6:
                photo = PhotoRecord("ab" * 32, "h", "p", taken_at="2026-11-02T09:01:00",
                                    dhash="0f0f0f0f0f0f0f0f", ahash="00ff00ff00ff00ff")  # fmt: skip
                visit.record_photo(photo, at)
                visit.record_gps(Gps(-6.98765, 107.62912, 8.0, "device"), at)
    visit.record(integrity.OPENED, at + timedelta(hours=2))  # reopened to check a value
    visit.record(integrity.FINALIZED, at + timedelta(hours=2, minutes=3))
    return visit.paradata


def sizes(p: integrity.Paradata) -> tuple[int, int, int, float]:
    """(events, compact bytes, gzip bytes, encode+decode microseconds)."""
    data = integrity.encode(p)
    n, start = 200, time.perf_counter()
    for _ in range(n):
        integrity.decode(integrity.encode(p))
    micro = (time.perf_counter() - start) / n * 1e6
    return len(p.events), len(data), len(gzip.compress(data)), micro


def main(argv=None) -> int:
    """Print the figures of one run."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--members", type=int, default=9)
    ap.add_argument("--households", type=int, default=1000)
    ap.add_argument("--server", action="store_true", help="also time a server refresh")
    ap.add_argument("--db", default=None, help="database URL (default: SQLite in a temp dir)")
    args = ap.parse_args(argv)
    form = load_form(ROOT / "forms" / "verivali-dtks.xlsx")
    paths, sections = answer_paths(form, args.members)
    print(f"machine: {cpu_model()}, Python {platform.python_version()}")
    print(f"{args.members}-member household: {len(paths)} answer paths, {len(sections)} sections")
    for label, rounds in (("every answer once", 1), ("every answer changed 3 times", 3)):
        events, raw, packed, micro = sizes(record(paths, sections, rounds))
        print(
            f"{label}: {events} events, {raw:,} bytes compact JSON, {packed:,} bytes gzip "
            f"({packed / 1024:.2f} KB; limit 5 KB: {'ok' if packed < 5000 else 'OVER'}), "
            f"encode+decode {micro:.0f} µs"
        )
    visits = sample_visits.honest_visits(args.households, seed=1)
    planted = sample_visits.fabricated_visits(10)
    start = time.perf_counter()
    found = integrity.analyse(visits + planted)
    took = time.perf_counter() - start
    wrong = {f.household_id for f in found} - {v.household_id for v in planted}
    print(
        f"analyse: {len(visits)} honest + {len(planted)} planted visits in {took * 1000:.0f} ms "
        f"({took / (len(visits) + 10) * 1e6:.0f} µs a visit); {len(found)} findings, "
        f"{len(wrong)} on honest households"
    )
    if args.server:
        server_refresh(args.households, args.db)
    return 0


def server_refresh(n: int, db: str | None) -> None:
    """Time sync_server.services.integrity.refresh_desas over a desa of n verified households."""
    import tempfile

    from sqlalchemy import func, insert, select

    from dtks.sample import write_prelist
    from sync_server.db import jsontext
    from sync_server.db.engine import make_engine, write_transaction
    from sync_server.db.migrate import upgrade
    from sync_server.db.tables import integrity_findings, photos, verifications
    from sync_server.services import integrity as service
    from sync_server.services.prelist_import import import_prelist
    from sync_server.services.users import create_user

    tmp = Path(tempfile.mkdtemp())
    engine = make_engine(db or f"sqlite:///{tmp / 'bench.sqlite3'}")
    upgrade(engine)
    desa = sample_visits.DESA
    write_prelist(tmp / "prelist", n, desa, seed=1)
    import_prelist(engine, tmp / "prelist")
    visits = sample_visits.honest_visits(n, desa, seed=1)
    with engine.begin() as conn:
        names = sorted({v.enumerator for v in visits})
        ids = {n: create_user(conn, n, "enumerator", [desa], "password-123").id for n in names}
        vrows, prows = [], []
        for v in visits:
            photo, user_id = v.photos[0], ids[v.enumerator]
            prows.append({"sha256": photo.sha256, "size": 1, "path": "p", "uploaded_by": user_id,
                          "uploaded_at": "2026-11-02T00:00:00Z", "dhash": photo.dhash,
                          "ahash": photo.ahash})  # fmt: skip
            vrows.append({
                "household_id": v.household_id, "round": "2026-11", "changeset_id": "c",
                "user_id": user_id, "device_id": "d", "mode": "CAPI", "status": "finalized",
                "answers": jsontext.dumps({"hasil": 1, "status_rt": 1}),
                "gps": jsontext.dumps({"lat": v.point.lat, "lon": v.point.lon}),
                "photos": jsontext.dumps([photo.sha256]),
                "started_at": v.started_at.isoformat(), "finished_at": v.finished_at.isoformat(),
                "received_at": "2026-11-02T00:00:00Z",
                "paradata": jsontext.dumps(integrity.to_json(v.paradata)),
            })  # fmt: skip
        conn.execute(insert(photos), prows)
        conn.execute(insert(verifications), vrows)
    plain = desa.replace(".", "")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        with write_transaction(engine, shared=True) as conn:
            result = service.refresh_desas(conn, [plain])
        times.append(time.perf_counter() - start)
    with engine.connect() as conn:
        kinds = dict(
            conn.execute(
                select(integrity_findings.c.indicator, func.count()).group_by(
                    integrity_findings.c.indicator
                )
            ).all()
        )
    print(
        f"server refresh of a desa of {n} verified households ({engine.dialect.name}): "
        f"best of 3 {min(times):.2f} s, {result}, findings {kinds or 'none'}"
    )
    engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
