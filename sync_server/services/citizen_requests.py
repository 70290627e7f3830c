"""sync-server import-requests: usul warga, sanggahan and usulan Kemensos from a CSV that
follows a Cek Bansos export (dtks.citizen_requests reads it), kept one per reference number.

A sanggahan names a household (or one of its members) of the store: the household's pull
carries a ``sanggahan`` task with the reason (services/tasks.py), and its sequence number
moves so the desa's enumerator gets it at the next sync. A row naming a household the store
does not hold is refused with its line. Usul warga and usulan Kemensos are kept; making the
proposed household to visit from them is not done yet (docs/cycle.md).

    result = import_requests(engine, path)   # ImportResult(new, known, errors)
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.sql import bindparam

from dtks import citizen_requests as rule
from dtks.tasks import SANGGAHAN
from sync_server import clock
from sync_server.db.engine import Sequence, write_transaction
from sync_server.db.tables import citizen_requests, households
from sync_server.services.household_store import chunks

BATCH = 1000


@dataclass
class ImportResult:
    """What an import did: requests new, already known (same reference), rows refused."""

    new: int = 0
    known: int = 0
    errors: list[str] = field(default_factory=list)


def import_requests(engine: Engine, path: Path) -> ImportResult:
    """Read the CSV in batches and keep its requests; bad rows are reported, not kept."""
    result = ImportResult()
    with open(path, encoding="utf-8-sig", newline="") as f:
        batch = []
        for item in rule.read(f):
            if isinstance(item, rule.RowError):
                result.errors.append(str(item))
                continue
            batch.append(item)
            if len(batch) >= BATCH:
                _keep(engine, batch, result)
                batch = []
        if batch:
            _keep(engine, batch, result)
    return result


def _keep(engine: Engine, batch: list[rule.Request], result: ImportResult) -> None:
    with write_transaction(engine) as conn:
        refs = [r.reference for r in batch]
        known = set()
        for part in chunks(refs):
            q = select(citizen_requests.c.reference).where(citizen_requests.c.reference.in_(part))
            known.update(conn.execute(q).scalars())
        targets = {r.target[:16] for r in batch if r.target}
        held = {}
        for part in chunks(sorted(targets)):
            q = select(households.c.household_id, households.c.kode_wilayah).where(
                households.c.household_id.in_(part), households.c.deleted.is_(False)
            )
            held.update(dict(conn.execute(q).all()))
        now, rows, touched = clock.now(), [], set()
        for r in batch:
            if r.reference in known:
                result.known += 1
                continue
            hid = r.target[:16] if r.target else None
            if r.kind == SANGGAHAN and hid not in held:
                result.errors.append(
                    f"line {r.line}, column sasaran: the store holds no household {r.target}"
                )
                continue
            known.add(r.reference)
            rows.append(
                {
                    "reference": r.reference,
                    "kind": r.kind,
                    "day": r.day.isoformat(),
                    "nik": r.nik or None,
                    "name": r.name,
                    "address": r.address or None,
                    "kode_wilayah": held.get(hid, r.kode_wilayah) if hid else r.kode_wilayah,
                    "household_id": hid if hid in held else None,
                    "member_id": r.target if len(r.target) == 18 else None,
                    "reason": r.reason or None,
                    "programme": r.programme or None,
                    "imported_at": now,
                }
            )
            if hid in held:
                touched.add(hid)
        if rows:
            conn.execute(insert(citizen_requests), rows)
            result.new += len(rows)
        _move_seq(conn, touched)


def _move_seq(conn: Connection, ids: set[str]) -> None:
    """The next pull of each household's desa carries its new task."""
    if not ids:
        return
    seq = Sequence(conn)
    conn.execute(
        update(households)
        .where(households.c.household_id == bindparam("h_id"))
        .values(seq=bindparam("seq")),
        [{"h_id": h, "seq": seq.next()} for h in sorted(ids)],
    )
    seq.save()


def of_households(conn: Connection, ids: Iterable[str]) -> dict[str, list]:
    """{household_id: its requests (rows), oldest first}."""
    found: dict[str, list] = {}
    for part in chunks(sorted(set(ids))):
        q = (
            select(citizen_requests)
            .where(citizen_requests.c.household_id.in_(part))
            .order_by(citizen_requests.c.day, citizen_requests.c.reference)
        )
        for r in conn.execute(q):
            found.setdefault(r.household_id, []).append(r)
    return found
