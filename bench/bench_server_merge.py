"""Merge cost against a fair floor: pushes of 1,000 and 10,000 households through the server's
merge service, and the same database work done with nothing but raw DB-API calls.

Each household change edits two fields and one member and carries a draft verification. A
change-set holds at most 5,000 households (dtks.model.MAX_HOUSEHOLDS), so 10,000 households
are pushed as two change-sets.

The floor runs on a second database set up identically (same pre-list, user, assignment). It
writes exactly the rows the merge wrote, found by comparing every table of the first database
before and after the merge: each inserted row is INSERTed with all its columns, each changed
row UPDATEd (only its changed columns, by primary key), each removed row DELETEd, with the
driver's executemany, one statement per table and set of columns (inserts by COPY on
PostgreSQL, as the merge writes them: executemany there would make the floor slower than the
merge's own writes). Before writing it makes the
merge's reads with plain SELECTs of the same keys (in IN-lists of 500): the households, their
members, verifications, open flags, open anomalies, NIK index rows, open citizen requests and
moves, and the change-set id.
It also makes the merge's other reads: the NIKs of those households held more than once (the
duplicate-NIK query of the anomaly worklist, per IN-list) and, once, the user's scopes and
assignments, the round's windows and the sequence counter. It parses no body, validates
nothing and decides nothing: merge time / floor time is the cost of the merge's logic on top
of its I/O. A blind bulk UPDATE of the two edited fields per
household (no member, verification or audit row) is printed as context only.

Run: python bench/bench_server_merge.py [--db URL] [--sizes 1000,10000] [--profile N]
(--db postgresql+psycopg://...: the bench creates and drops its own two databases there;
--profile N prints a pyinstrument profile of the merge of N households instead.)
"""

import argparse
import json
import os
import platform
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import bindparam, create_engine, select, text, update
from sqlalchemy.engine import make_url

from dtks.model import MAX_HOUSEHOLDS
from dtks.sample import write_prelist
from sync_server.db.engine import Sequence, make_engine, write_transaction
from sync_server.db.migrate import upgrade
from sync_server.db.tables import households, members, metadata
from sync_server.services.assignments import assign
from sync_server.services.merge import push
from sync_server.services.prelist_import import import_prelist
from sync_server.services.users import create_user

IN_LIST = 500
READS = (
    ("households", "*", ""),
    ("members", "*", ""),
    ("verifications", "*", ""),
    ("flags", "household_id, kind", " AND cleared_at IS NULL"),
    ("anomalies", "*", " AND cleared_at IS NULL"),
    ("member_niks", "*", ""),
    ("citizen_requests", "*", " AND closed_at IS NULL"),
    ("household_moves", "*", " AND state != 'superseded'"),
)
"""(table, columns, extra condition) of the floor's reads, each by household_id IN (...)."""
SHARED_NIKS = (
    "SELECT nik FROM member_niks WHERE nik IN "
    "(SELECT nik FROM member_niks WHERE household_id IN ({marks})) GROUP BY nik HAVING count(*) > 1"
)
"""The NIKs of these households held more than once in the store: the duplicate-NIK read the
anomaly worklist makes for every IN-list (services/anomalies._shared)."""
ONCE = (
    "SELECT scope FROM assignments WHERE user_id = {user_id}",
    "SELECT * FROM assignments WHERE user_id = {user_id} ORDER BY round DESC",
    "SELECT * FROM round_windows WHERE round = '2026-11'",
    "SELECT value FROM counters WHERE name = 'seq'",
)
"""Reads the merge makes once per change-set: the user's scopes and assignments (rounds),
the round's windows, the sequence counter."""


def setup(n: int, prelist: Path, url: str):
    """A database at url with n households and an enumerator assigned to them."""
    engine = make_engine(url)
    upgrade(engine)
    import_prelist(engine, prelist)
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
        q = select(households.c.household_id, households.c["values"])
        for h in conn.execute(q.order_by(households.c.household_id)):
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


def bodies(entries: list[dict]) -> list[bytes]:
    """The change-set bodies of entries, at most MAX_HOUSEHOLDS households each."""
    return [
        json.dumps(
            {
                "changeset_id": str(uuid.uuid4()),
                "device_id": str(uuid.uuid4()),
                "form_id": "verivali_dtks",
                "form_version": "2026110101",
                "mode": "CAPI",
                "created_at": "2026-11-02T09:41:12+07:00",
                "households": entries[i : i + MAX_HOUSEHOLDS],
            }
        ).encode()
        for i in range(0, len(entries), MAX_HOUSEHOLDS)
    ]


def timed_push(engine, user, payloads: list[bytes]) -> tuple[float, float]:
    """Push the bodies through the merge service; return (seconds, CPU seconds here)."""
    t0, c0 = time.perf_counter(), time.process_time()
    for body in payloads:
        reply = push(engine, user, body)
        assert all(h["outcome"] == "applied" for h in reply["households"])
    return time.perf_counter() - t0, time.process_time() - c0


def snapshot(engine) -> dict[str, dict[tuple, dict]]:
    """Every row of every table, by primary key."""
    out = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            pk = [c.name for c in table.primary_key.columns]
            out[table.name] = {
                tuple(r[k] for k in pk): r
                for r in (row._asdict() for row in conn.execute(select(table)))
            }
    return out


def written(before: dict, after: dict) -> list[tuple]:
    """(table, kind, rows) of what changed: kind insert (whole rows), update (primary key
    and changed columns) or delete (primary key), in the tables' dependency order."""
    out = []
    for table in metadata.sorted_tables:
        pk = [c.name for c in table.primary_key.columns]
        old, new = before[table.name], after[table.name]
        inserts = [new[k] for k in new if k not in old]
        updates = [
            ({c: new[k][c] for c in pk}, {c: v for c, v in new[k].items() if old[k][c] != v})
            for k in new
            if k in old and new[k] != old[k]
        ]
        deletes = [dict(zip(pk, k, strict=True)) for k in old if k not in new]
        for kind, rows in (("delete", deletes), ("update", updates), ("insert", inserts)):
            if rows:
                out.append((table.name, kind, rows))
    return out


def describe(writes: list[tuple]) -> str:
    """What the floor writes, e.g. 'audit: 29,769 inserted; households: 9,923 updated'."""
    done = {"insert": "inserted", "update": "updated", "delete": "deleted"}
    return "; ".join(f"{t}: {len(rows):,} {done[k]}" for t, k, rows in writes)


def timed_floor(
    engine, user_id: int, ids: list[str], changeset_ids: list[str], writes: list[tuple]
) -> tuple[float, float]:
    """The merge's reads and exactly its writes with raw DB-API calls in one transaction;
    (seconds, CPU seconds here)."""
    mark = "?" if engine.dialect.name == "sqlite" else "%s"
    raw = engine.raw_connection()
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        cur = raw.cursor()
        if engine.dialect.name == "sqlite":
            cur.execute("BEGIN IMMEDIATE")
        for cs in changeset_ids:
            cur.execute(f"SELECT fingerprint FROM changesets WHERE changeset_id = {mark}", [cs])
            cur.fetchall()
            for sql in ONCE:
                cur.execute(sql.format(user_id=int(user_id)))
                cur.fetchall()
        for i in range(0, len(ids), IN_LIST):
            part = ids[i : i + IN_LIST]
            marks = ", ".join([mark] * len(part))
            for table, columns, extra in READS:
                cur.execute(
                    f"SELECT {columns} FROM {table} WHERE household_id IN ({marks}){extra}", part
                )
                cur.fetchall()
            cur.execute(SHARED_NIKS.format(marks=marks), part)
            cur.fetchall()
        copy = engine.dialect.name == "postgresql"
        for table, kind, rows in writes:
            _write(cur, mark, table, kind, rows, copy)
        raw.commit()
        return time.perf_counter() - t0, time.process_time() - c0
    finally:
        raw.close()


def _write(cur, mark: str, table: str, kind: str, rows: list, copy: bool = False) -> None:
    """Write one table's rows of one kind; copy: inserts by COPY (PostgreSQL, as the merge)."""
    groups: dict[tuple, list] = {}
    for r in rows:
        if kind == "update":
            key, changed = r
            groups.setdefault((tuple(changed), tuple(key)), []).append(
                [*changed.values(), *key.values()]
            )
        else:
            groups.setdefault((tuple(r),), []).append(list(r.values()))
    for names, params in groups.items():
        if kind == "insert" and copy:
            cols = ", ".join(f'"{c}"' for c in names[0])
            with cur.copy(f'COPY "{table}" ({cols}) FROM STDIN') as out:
                for p in params:
                    out.write_row(p)
            continue
        if kind == "insert":
            cols = ", ".join(f'"{c}"' for c in names[0])
            sql = f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join([mark] * len(names[0]))})'
        elif kind == "update":
            sets = ", ".join(f'"{c}" = {mark}' for c in names[0])
            where = " AND ".join(f'"{c}" = {mark}' for c in names[1])
            sql = f'UPDATE "{table}" SET {sets} WHERE {where}'
        else:
            sql = f'DELETE FROM "{table}" WHERE ' + " AND ".join(
                f'"{c}" = {mark}' for c in names[0]
            )
        cur.executemany(sql, params)


def timed_upsert(engine, entries) -> float:
    """Context only: the two edited values written as a blind bulk UPDATE; seconds."""
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


class Databases:
    """Fresh databases for one size: SQLite files in a temp dir, or PostgreSQL databases made
    (and dropped) on the server of --db."""

    def __init__(self, db: str | None, tmp: Path):
        self.db, self.tmp, self.made = db, tmp, []

    def url(self, name: str) -> str:
        """The URL of a new empty database called name."""
        if not self.db:
            return f"sqlite:///{self.tmp / (name + '.sqlite3')}"
        admin = create_engine(self.db, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            c.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        self.made.append(name)
        return make_url(self.db).set(database=name).render_as_string(hide_password=False)

    def drop(self) -> None:
        """Drop the PostgreSQL databases made."""
        if not self.made:
            return
        admin = create_engine(self.db, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            for name in self.made:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(n: int, db: str | None, profile: bool = False) -> None:
    """Set up two databases of n households, merge on one, floor on the other; print."""
    tmp = Path(tempfile.mkdtemp(prefix=f"bench-merge-{n}-"))
    write_prelist(tmp / "prelist", n, "32.04", seed=n)
    dbs = Databases(db, tmp)
    try:
        engine, user = setup(n, tmp / "prelist", dbs.url(f"bench_merge_{n}_a"))
        floor_engine, floor_user = setup(n, tmp / "prelist", dbs.url(f"bench_merge_{n}_b"))
        entries = changes(engine)
        payloads = bodies(entries)
        before = snapshot(engine)
        if profile:
            from pyinstrument import Profiler

            p = Profiler(interval=0.0005)
            p.start()
        merge_s, merge_cpu = timed_push(engine, user, payloads)
        if profile:
            p.stop()
            print(p.output_text(unicode=False, color=False))
        writes = written(before, snapshot(engine))
        ids = [e["household_id"] for e in entries]
        cs_ids = [json.loads(b)["changeset_id"] for b in payloads]
        floor_s, floor_cpu = timed_floor(floor_engine, floor_user.id, ids, cs_ids, writes)
        upsert_s = timed_upsert(floor_engine, entries)
        k = len(entries)
        print(
            f"{k:>6} households in {len(payloads)} change-set(s): merge {merge_s:.2f} s "
            f"({k / merge_s:,.0f}/s), fair floor {floor_s:.2f} s ({k / floor_s:,.0f}/s): "
            f"ratio {merge_s / floor_s:.1f}x; blind upsert (context) {upsert_s:.2f} s"
        )
        print(
            f"        CPU seconds in this process: merge {merge_cpu:.2f}, floor {floor_cpu:.2f}"
            + (f": ratio {merge_cpu / floor_cpu:.1f}x" if engine.dialect.name == "sqlite" else "")
            + " (SQLite runs inside this process; PostgreSQL's own CPU is not counted)"
        )
        print(f"        the floor wrote: {describe(writes)}")
        engine.dispose()
        floor_engine.dispose()
    finally:
        dbs.drop()


def main() -> None:
    """Run each size and print the figures."""
    p = argparse.ArgumentParser()
    p.add_argument("--db", help="PostgreSQL URL to make the bench databases on (default SQLite)")
    p.add_argument("--sizes", default="1000,10000")
    p.add_argument("--profile", type=int, help="profile the merge of this many households")
    args = p.parse_args()
    if args.profile:
        run(args.profile, args.db, profile=True)
        return
    for n in map(int, args.sizes.split(",")):
        run(n, args.db)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, load average "
        f"{os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d %H:%M')}"
    )


if __name__ == "__main__":
    main()
