"""Apply the staged rows of an import run to households and members, a batch of households at
a time, in household id order; each batch is one write transaction that also deletes its
staged rows, records its problems and moves the run's ``applied_through`` past it.

A household's version and sequence number move only when its values or its members' values
changed, and every changed field of an existing row is written to the audit log. The second
line of a household id or member id is rejected ("appears twice"); members of a household that
is neither in the file nor in the database are rejected.
"""

from collections import defaultdict
from dataclasses import replace
from datetime import date
from itertools import groupby
from typing import NamedTuple

from sqlalchemy import Connection, Engine, and_, delete, select, update
from sqlalchemy.sql import bindparam

from dtks.model import Household, Member
from dtks.review import FLAG_VALIDATION_WARNING, OPEN
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.bulk import insert_rows
from sync_server.db.engine import Sequence, write_transaction
from sync_server.db.tables import (
    audit,
    flags,
    households,
    import_problems,
    import_rows,
    members,
    tombstones,
)
from sync_server.services import anomalies, move_history
from sync_server.services.household_store import chunks
from sync_server.services.prelist_stage import HOUSEHOLDS_FILE, MEMBERS_FILE, claim, problem
from sync_server.services.prelist_workers import IN_PROCESS

APPLY_BATCH = 25_000
"""Staged rows (households and members) per apply transaction, about 5,000 households."""
IMPORT_DEVICE = "prelist-import"


def apply_run(engine: Engine, run: dict, counts: dict, progress=None, runner=IN_PROCESS) -> None:
    """Apply every staged row of the run after its applied_through."""
    while True:
        with write_transaction(engine) as conn:
            rows = _next_batch(conn, run)
            if not rows:
                return
            through = rows[-1].household_id
            groups = [(hid, list(g)) for hid, g in groupby(rows, key=lambda r: r.household_id)]
            old_h, old_m = _existing(conn, [hid for hid, _ in groups])
            # The worker works out each household as the batch leaves it and what the rules
            # find in it while this process compares and writes.
            moved = move_history.of_households(conn, old_h)  # a new household has none
            job = runner.submit(found_alone, clock.current(), *_plain(rows, old_h, old_m), moved)
            writes = _Batch(run["id"], clock.now(), Sequence(conn), counts)
            for hid, group in groups:
                writes.household(hid, group)
            writes.finish(conn, old_h, old_m)
            created = frozenset(m["member_id"] for m in writes.new_m)
            anomalies.refresh(
                conn,
                writes.applied(),
                new_members=created,
                found_alone=job.result(),
                new_households=frozenset(h["household_id"] for h in writes.new_h),
            )
            conn.execute(
                delete(import_rows).where(
                    import_rows.c.run_id == run["id"],
                    import_rows.c.household_id > run["applied_through"],
                    import_rows.c.household_id <= through,
                )
            )
            claim(conn, run, {"applied_through": through, "counts": jsontext.dumps(counts)})
        run["applied_through"] = through
        if progress:
            progress("importing households", counts["households_done"], counts["households_read"])


STAGED = ("household_id", "kind", "line", "row_id", "kode_wilayah", "values", "warnings")
"""The columns of import_rows the apply step reads, in this order."""
OLD_MEMBER = (
    "member_id",
    "household_id",
    "values",
    "status",
    "version",
    "removal_reason",
    "removal_date",
)
"""The columns of members the apply step compares with (and the anomaly rules read)."""


def _next_batch(conn: Connection, run: dict) -> list:
    """Staged rows of the next batch of whole households, ordered by household, kind, line:
    at most APPLY_BATCH rows (all of one household that alone has more)."""
    after = and_(
        import_rows.c.run_id == run["id"], import_rows.c.household_id > run["applied_through"]
    )
    order = (import_rows.c.household_id, import_rows.c.kind, import_rows.c.line)
    q = select(*(import_rows.c[c] for c in STAGED)).order_by(*order)
    rows = conn.execute(q.where(after).limit(APPLY_BATCH + 1)).all()
    if len(rows) <= APPLY_BATCH:
        return rows  # the rest of the run
    cut = rows[-1].household_id  # may have more rows: it goes to the next batch
    rows = [r for r in rows if r.household_id != cut]
    return rows or conn.execute(q.where(after, import_rows.c.household_id == cut)).all()


class _Batch:
    """The rows one apply transaction writes, collected household by household."""

    def __init__(self, run_id: int, now: str, seq: Sequence, counts: dict):
        self.run_id, self.now, self.seq, self.counts = run_id, now, seq, counts
        self.staged: dict[str, list] = {}
        self.new_h, self.upd_h, self.new_m, self.upd_m = [], [], [], []
        self.audits, self.moves, self.problems = [], [], []
        self.warned: dict[str, list[str]] = {}
        self.orphans: set[str] = set()

    def household(self, hid: str, group: list) -> None:
        """Queue one household's staged rows (read against the database in finish)."""
        self.staged[hid] = group

    def applied(self) -> list[str]:
        """The households of the batch that are in the store now (in the file or not)."""
        return [hid for hid, group in self.staged.items() if hid not in self.orphans]

    def finish(self, conn: Connection, old_h: dict, old_m: dict) -> None:
        """Compare every queued household with the database (old_h, old_m: _existing) and
        write the batch."""
        for hid, group in self.staged.items():
            self._one(hid, group, old_h.get(hid), old_m.get(hid, {}))
        self._write(conn)
        self._flag(conn)
        self.seq.save()

    def _one(self, hid: str, group: list, prev, prev_members: dict) -> None:
        heads = [r for r in group if r.kind == "h"]
        for dup in heads[1:]:
            self._reject(HOUSEHOLDS_FILE, dup, "household_id: appears twice")
        head = heads[0] if heads else None
        rows = [r for r in group if r.kind == "m"]
        if head is None and prev is None:
            for r in rows:
                self._reject(MEMBERS_FILE, r, f"household_id: {hid} is not a (valid) household")
            self.orphans.add(hid)
            return
        kept = self._unique_members(rows)
        changed = self._members(hid, kept, prev, prev_members)
        if head is not None:
            self.counts["households_done"] += 1
        if self._household(hid, head, prev, changed):  # an unchanged row's defect was seen
            self._warnings(hid, [*heads[:1], *kept])

    def _unique_members(self, rows: list) -> list:
        kept, twice = _unique(rows)
        for r in twice:
            self._reject(MEMBERS_FILE, r, "member_id: appears twice")
        return kept

    def _members(self, hid: str, rows: list, prev, prev_members: dict) -> bool:
        """Queue new and changed members; True when any member is new or changed."""
        changed = False
        for r in rows:
            old = prev_members.get(r.row_id)
            if old is None:
                self.new_m.append(
                    {
                        "member_id": r.row_id,
                        "household_id": hid,
                        "values": r.values,
                        "status": "active",
                        "version": 0,
                    }
                )
                self.counts["members_new"] += 1
                changed = True
            elif old.values != r.values:
                self.upd_m.append(
                    {"m_id": r.row_id, "values": r.values, "version": prev.version + 1}
                )
                self.audits += _field_audits(hid, r.row_id, old.values, r.values, self.now)
                self.counts["members_updated"] += 1
                changed = True
        return changed

    def _household(self, hid: str, head, prev, members_changed: bool) -> bool:
        """Queue a new or changed household; False when nothing of it changed."""
        if prev is None:
            self.new_h.append(_new_household(hid, head, self.seq.next(), self.now))
            self.counts["households_new"] += 1
            return True
        values = head.values if head is not None else prev.values
        if values == prev.values and not members_changed:
            self.counts["households_unchanged"] += 1
            return False
        n = self.seq.next()
        kode = head.kode_wilayah if head is not None else prev.kode_wilayah
        self.upd_h.append(
            {"h_id": hid, "values": values, "kode": kode, "version": prev.version + 1, "seq": n}
        )
        if values != prev.values:
            self.audits += _field_audits(hid, None, prev.values, values, self.now)
        if kode != prev.kode_wilayah:
            self.moves.append({"household_id": hid, "kode_wilayah": prev.kode_wilayah, "seq": n})
        self.counts["households_updated"] += 1
        return True

    def _warnings(self, hid: str, rows: list) -> None:
        for r in rows:
            file = HOUSEHOLDS_FILE if r.kind == "h" else MEMBERS_FILE
            for reason in (r.warnings or "").splitlines():
                self.problems.append(problem(file, r.line, r.row_id, reason, "flagged"))
                self.warned.setdefault(hid, []).append(f"{r.row_id}: {reason}")
                self.counts["flagged"] += 1

    def _reject(self, file: str, r, reason: str) -> None:
        self.problems.append(problem(file, r.line, r.row_id, reason))
        self.counts["rejected"] += 1

    def _write(self, conn: Connection) -> None:
        insert_rows(conn, households, self.new_h)
        if self.upd_h:
            conn.execute(
                update(households)
                .where(households.c.household_id == bindparam("h_id"))
                .values(
                    values=bindparam("values"),
                    kode_wilayah=bindparam("kode"),
                    version=bindparam("version"),
                    seq=bindparam("seq"),
                    updated_at=self.now,
                ),
                self.upd_h,
            )
        insert_rows(conn, members, self.new_m)
        if self.upd_m:
            conn.execute(
                update(members)
                .where(members.c.member_id == bindparam("m_id"))
                .values(values=bindparam("values"), version=bindparam("version")),
                self.upd_m,
            )
        insert_rows(conn, audit, self.audits)
        insert_rows(conn, tombstones, self.moves)
        insert_rows(conn, import_problems, [{"run_id": self.run_id, **p} for p in self.problems])

    def _flag(self, conn: Connection) -> None:
        """Raise validation_warning on households imported with soft defects (once while open)."""
        if not self.warned:
            return
        already = set()
        for part in chunks(list(self.warned)):
            already.update(
                conn.execute(
                    select(flags.c.household_id).where(
                        flags.c.household_id.in_(part),
                        flags.c.kind == FLAG_VALIDATION_WARNING,
                        flags.c.cleared_at.is_(None),
                    )
                ).scalars()
            )
        rows = [
            {
                "household_id": hid,
                "kind": FLAG_VALIDATION_WARNING,
                "detail": "; ".join(reasons)[:2000],
                "created_at": self.now,
            }
            for hid, reasons in self.warned.items()
            if hid not in already
        ]
        insert_rows(conn, flags, rows)


def _existing(conn: Connection, hids: list[str]) -> tuple[dict, dict]:
    """Households rows by id, and members rows by household id then member id."""
    old_h, old_m = {}, defaultdict(dict)
    for part in chunks(hids):
        for r in conn.execute(
            select(
                households.c.household_id,
                households.c["values"],
                households.c.version,
                households.c.kode_wilayah,
                households.c.deleted,
            ).where(households.c.household_id.in_(part))
        ):
            old_h[r.household_id] = r
    # members only of households that exist (members rows need theirs: a foreign key)
    for part in chunks([h for h in hids if h in old_h]):
        q = select(*(members.c[c] for c in OLD_MEMBER)).where(members.c.household_id.in_(part))
        for m in conn.execute(q):
            old_m[m.household_id][m.member_id] = m
    return old_h, old_m


def _unique(rows: list) -> tuple[list, list]:
    """The member rows of a household, each member id once (its first line: rows are in
    line order, _next_batch), and the later lines of an id."""
    seen, kept, twice = set(), [], []
    for r in rows:
        if r.row_id in seen:
            twice.append(r)
            continue
        seen.add(r.row_id)
        kept.append(r)
    return kept, twice


class _Staged(NamedTuple):
    """A staged row (STAGED) as the worker gets it."""

    household_id: str
    kind: str
    line: int
    row_id: str
    kode_wilayah: str | None
    values: str
    warnings: str | None


class _OldHousehold(NamedTuple):
    """A stored household row (_existing) as the worker gets it."""

    household_id: str
    values: str
    version: int
    kode_wilayah: str
    deleted: bool


class _OldMember(NamedTuple):
    """A stored member row (OLD_MEMBER) as the worker gets it."""

    member_id: str
    household_id: str
    values: str
    status: str
    version: int
    removal_reason: str | None
    removal_date: str | None


def _plain(rows: list, old_h: dict, old_m: dict) -> tuple[list, list, list]:
    """The batch's staged rows and stored rows as plain tuples (quick to send a worker)."""
    return (
        [tuple(r) for r in rows],
        [tuple(r) for r in old_h.values()],
        [tuple(m) for by_id in old_m.values() for m in by_id.values()],
    )


def found_alone(
    moment, rows: list, old_h: list, old_m: list, moved: dict | None = None
) -> dict[str, anomalies.Alone]:
    """anomalies.alone of each household of a batch (_plain) as the batch leaves it in the
    store, with its moves (moved, services/move_history), on the day of moment in its region
    (runs in a worker); households neither in the file nor in the store are left out."""
    moved = moved or {}
    days = anomalies.Today(moment)
    prev_h = {r[0]: _OldHousehold._make(r) for r in old_h}
    prev_m = defaultdict(list)
    for m in old_m:
        prev_m[m[1]].append(_OldMember._make(m))
    out = {}
    for hid, group in groupby(map(_Staged._make, rows), key=lambda r: r.household_id):
        group = list(group)
        head = next((r for r in group if r.kind == "h"), None)
        prev = prev_h.get(hid)
        if head is None and prev is None:
            continue
        kept, _ = _unique([r for r in group if r.kind == "m"])
        household = _stored(hid, head, prev, prev_m.get(hid, []), kept)
        if hid in moved:
            household = replace(household, moves=moved[hid])
        out[hid] = anomalies.alone(household, days.of(household.values["kode_wilayah"]))
    return out


def _stored(hid: str, head, prev, prev_members: list, kept: list) -> Household:
    """The household as the batch leaves it: the file's values over the stored ones, the
    stored members (members the file does not name stay as they are) and the new ones."""
    if prev is None:
        found = [Member(r.row_id, values=jsontext.loads(r.values)) for r in kept]
        found.sort(key=lambda m: m.member_id)
        return Household(hid, 1, values=jsontext.loads(head.values), members=found)
    in_file = {r.row_id: jsontext.loads(r.values) for r in kept}
    old = {m.member_id: _member(m, in_file.get(m.member_id)) for m in prev_members}
    for mid, values in in_file.items():
        if mid not in old:
            old[mid] = Member(mid, values=values)
    return Household(
        hid,
        prev.version,
        deleted=bool(prev.deleted),
        values=jsontext.loads(head.values if head is not None else prev.values),
        members=[old[mid] for mid in sorted(old)],
    )


def _member(m: _OldMember, values: dict | None) -> Member:
    """A stored member (values: the file's instead of its own), as member_from_row makes it."""
    return Member(
        member_id=m.member_id,
        status=m.status,
        values=jsontext.loads(m.values) if values is None else values,
        removal_reason=m.removal_reason,
        removal_date=date.fromisoformat(m.removal_date) if m.removal_date else None,
        version=m.version,
    )


def _new_household(hid: str, head, n: int, now: str) -> dict:
    return {
        "household_id": hid,
        "kode_wilayah": head.kode_wilayah,
        "values": head.values,
        "version": 1,
        "seq": n,
        "state": OPEN,
        "deleted": False,
        "proposed": False,
        "created_at": now,
        "updated_at": now,
    }


def _field_audits(hid, mid, old_text: str, new_text: str, now) -> list[dict]:
    old, new = jsontext.loads(old_text), jsontext.loads(new_text)
    return [
        {
            "at": now,
            "user_id": None,
            "device_id": IMPORT_DEVICE,
            "changeset_id": None,
            "household_id": hid,
            "member_id": mid,
            "field": name,
            "old": jsontext.dumps(old.get(name)),
            "new": jsontext.dumps(new.get(name)),
        }
        for name in sorted(set(old) | set(new))
        if old.get(name) != new.get(name)
    ]
