"""Merge throughput: pushes of 1,000 and 10,000 households through the server's merge service
against a plain bulk upsert of the same rows in the same run (the ratio is the figure).

Each household change edits two fields and one member and carries a draft verification. A
change-set holds at most 5,000 households (dtks.model.MAX_HOUSEHOLDS), so 10,000 households
are pushed as two change-sets. Run: python bench/bench_server_merge.py [--db URL]
"""

import argparse
import json
import platform
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import bindparam, select, update

from dtks.model import MAX_HOUSEHOLDS
from dtks.sample import write_prelist
from sync_server.db.engine import Sequence, make_engine, write_transaction
from sync_server.db.migrate import upgrade
from sync_server.db.tables import households, members
from sync_server.services.assignments import assign
from sync_server.services.merge import push
from sync_server.services.prelist_import import import_prelist
from sync_server.services.users import create_user


def setup(n: int, tmp: Path, db: str | None):
    """A database with n households and an enumerator assigned to them."""
    write_prelist(tmp / "prelist", n, "32.04", seed=n)
    engine = make_engine(db or f"sqlite:///{tmp / 'verivali.sqlite3'}")
    upgrade(engine)
    import_prelist(engine, tmp / "prelist")
    with engine.begin() as conn:
        user = create_user(conn, "enum1", "enumerator", ["3204"], "password-123")
        assign(conn, "enum1", "3204", "2026-11")
    return engine, user


def changes(engine) -> list[dict]:
    """One change per household: alamat, rt, a member's pekerjaan, a draft verification."""
    out = []
    with engine.connect() as conn:
        first_member = {}
        for m in conn.execute(
            select(members.c.household_id, members.c.member_id, members.c["values"])
        ):
            first_member.setdefault(m.household_id, (m.member_id, json.loads(m.values)))
        for h in conn.execute(select(households.c.household_id, households.c["values"])):
            v = json.loads(h.values)
            if not v["kode_wilayah"].startswith("3204"):
                continue  # a planted wrong_wilayah anomaly: outside the enumerator's scope
            mid, mv = first_member.get(h.household_id, (None, {}))
            out.append(
                {
                    "household_id": h.household_id,
                    "base_version": 1,
                    "fields": {
                        "alamat": {"base": v["alamat"], "value": v["alamat"] + " (baru)"},
                        "rt": {"base": v["rt"], "value": "009" if v["rt"] != "009" else "008"},
                    },
                    "members": [
                        {
                            "op": "change",
                            "member_id": mid,
                            "fields": {"pekerjaan": {"base": mv.get("pekerjaan"), "value": 6}},
                        }
                    ]
                    if mid
                    else [],
                    "verification": {
                        "status": "draft",
                        "result": "ditemukan",
                        "answers": {"status_rt": "1"},
                    },
                }
            )
    return out


def timed_push(engine, user, entries) -> float:
    """Push entries in change-sets of at most MAX_HOUSEHOLDS; return seconds."""
    t0 = time.perf_counter()
    for i in range(0, len(entries), MAX_HOUSEHOLDS):
        body = {
            "changeset_id": str(uuid.uuid4()),
            "device_id": str(uuid.uuid4()),
            "form_id": "verivali_dtks",
            "form_version": "2026110101",
            "mode": "CAPI",
            "created_at": "2026-11-02T09:41:12+07:00",
            "households": entries[i : i + MAX_HOUSEHOLDS],
        }
        reply = push(engine, user, json.dumps(body).encode())
        assert all(h["outcome"] == "applied" for h in reply["households"])
    return time.perf_counter() - t0


def timed_upsert(engine, entries) -> float:
    """The same values written as a plain bulk UPDATE (no merge, audit or conflicts); seconds."""
    t0 = time.perf_counter()
    with write_transaction(engine) as conn:
        seq = Sequence(conn)
        rows = [
            {
                "h_id": e["household_id"],
                "values": json.dumps({k: f["value"] for k, f in e["fields"].items()}),
                "seq": seq.next(),
            }
            for e in entries
        ]
        conn.execute(
            update(households)
            .where(households.c.household_id == bindparam("h_id"))
            .values(
                values=bindparam("values"), version=households.c.version + 1, seq=bindparam("seq")
            ),
            rows,
        )
        seq.save()
    return time.perf_counter() - t0


def main() -> None:
    """Run both sizes and print the figures."""
    p = argparse.ArgumentParser()
    p.add_argument("--db", help="database URL (must be empty; default SQLite in a temp dir)")
    p.add_argument("--sizes", default="1000,10000")
    args = p.parse_args()
    for n in map(int, args.sizes.split(",")):
        tmp = Path(tempfile.mkdtemp(prefix=f"bench-merge-{n}-"))
        engine, user = setup(n, tmp, args.db)
        entries = changes(engine)
        merge_s = timed_push(engine, user, entries)
        upsert_s = timed_upsert(engine, entries)
        print(
            f"{len(entries):>6} households: merge {merge_s:.2f} s ({len(entries) / merge_s:,.0f}/s), "
            f"bulk upsert {upsert_s:.2f} s ({len(entries) / upsert_s:,.0f}/s), ratio {merge_s / upsert_s:.1f}x"
        )
        engine.dispose()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
