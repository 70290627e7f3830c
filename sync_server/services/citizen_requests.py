"""sync-server import-requests: usul warga, sanggahan and usulan Kemensos from a CSV that
follows a Cek Bansos export (dtks.citizen_requests reads it), kept one per reference number.

A sanggahan names a household (or one of its members) of the store: the household's pull
carries a ``sanggahan`` task with the reason (services/tasks.py), and its sequence number
moves so the desa's enumerator gets it at the next sync. A row naming a household the store
does not hold is refused with its line.

An usul warga or usulan Kemensos makes a proposed household to visit in the request's desa,
as an enumerator's usulan baru is (``proposed``, a UUID id, a permanent DTKS id on approval:
services/proposals.py), prefilled from the request: kode_wilayah, alamat, nama_krt and one
member, the head, with the request's NIK and name (the rest is the enumerator's to fill;
the anomaly worklist says what is missing). It waits in state ``open`` for the visit. When
the request names a household of the store (``sasaran``), or its NIK is held by an active
member of a live household (``member_niks``), no household is made: the task goes to that
household, and the import says so for that line (``ImportResult.attached``), so Dinas Sosial
sees that the family was already listed.

    result = import_requests(engine, path)   # ImportResult(new, known, errors, proposed, attached)
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.sql import bindparam

from dtks import citizen_requests as rule
from dtks import review
from dtks.anomalies import HEAD
from dtks.tasks import PROPOSAL_KINDS, SANGGAHAN
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.bulk import insert_rows
from sync_server.db.engine import Sequence, write_transaction
from sync_server.db.tables import citizen_requests, households, member_niks, members
from sync_server.services import anomalies
from sync_server.services.household_store import chunks

BATCH = 1000


@dataclass
class ImportResult:
    """What an import did: requests new, already known (same reference), rows refused, proposed
    households made, and the lines whose request went to a household the store holds."""

    new: int = 0
    known: int = 0
    errors: list[str] = field(default_factory=list)
    proposed: int = 0
    attached: list[str] = field(default_factory=list)


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


@dataclass
class _Batch:
    """What one batch writes: request rows, proposed households and their heads."""

    requests: list = field(default_factory=list)
    households: list = field(default_factory=list)
    members: list = field(default_factory=list)
    touched: set = field(default_factory=set)
    made: dict = field(default_factory=dict)
    """NIK -> the proposed household this batch made for it (a second request joins it)."""


def _keep(engine: Engine, batch: list[rule.Request], result: ImportResult) -> None:
    with write_transaction(engine) as conn:
        known = _known(conn, [r.reference for r in batch])
        held = _held(conn, {r.target[:16] for r in batch if r.target})
        holders = _holders(conn, {r.nik for r in batch if r.kind in PROPOSAL_KINDS and r.nik})
        now, seq, out = clock.now(), Sequence(conn), _Batch()
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
            member = r.target if hid in held and len(r.target) == 18 else None
            if hid not in held:
                hid = _household_for(r, holders, out, held, result, seq, now)
            else:
                out.touched.add(hid)
            out.requests.append(_request_row(r, hid, held[hid], member, now))
        insert_rows(conn, households, out.households)
        insert_rows(conn, members, out.members)
        if out.requests:
            conn.execute(insert(citizen_requests), out.requests)
            result.new += len(out.requests)
        _move_seq(conn, out.touched, seq)
        seq.save()
        made = [h["household_id"] for h in out.households]
        anomalies.refresh(conn, made, new_members=frozenset(m["member_id"] for m in out.members))


def _household_for(r: rule.Request, holders, out: _Batch, held, result, seq, now) -> str:
    """The household a proposal's task goes to: the one holding its NIK, else a new one."""
    found = holders.get(r.nik) if r.nik else None
    if found is not None:
        out.touched.add(found[0])
        held[found[0]] = found[1]
        result.attached.append(
            f"line {r.line}: NIK {r.nik} is an active member of household {found[0]}; "
            f"the {r.kind} {r.reference} is its task there, no household was made"
        )
        return found[0]
    if r.nik and r.nik in out.made:
        hid = out.made[r.nik]
        result.attached.append(
            f"line {r.line}: NIK {r.nik} was proposed above in this file (household {hid}); "
            f"the {r.kind} {r.reference} is its task there too"
        )
        return hid
    hid = str(uuid.uuid4())
    out.households.append(_proposed_row(r, hid, seq.next(), now))
    out.members.append(_head_row(r, hid))
    held[hid] = r.kode_wilayah
    if r.nik:
        out.made[r.nik] = hid
    result.proposed += 1
    return hid


def proposed_values(r: rule.Request) -> dict:
    """The values a proposed household starts with: what the request says, nothing guessed."""
    values = {"kode_wilayah": r.kode_wilayah, "nama_krt": r.name, "jumlah_art": 1}
    if r.address:
        values["alamat"] = r.address
    return values


def head_values(r: rule.Request) -> dict:
    """The values of the proposed household's head: the request's NIK and name."""
    values = {"nama": r.name, "hubungan": HEAD}
    if r.nik:
        values["nik"] = r.nik
    return values


def _proposed_row(r: rule.Request, hid: str, n: int, now: str) -> dict:
    return {
        "household_id": hid,
        "kode_wilayah": r.kode_wilayah,
        "values": jsontext.dumps(proposed_values(r)),
        "version": 1,
        "seq": n,
        "state": review.OPEN,
        "deleted": False,
        "proposed": True,
        "proposed_by": None,
        "created_at": now,
        "updated_at": now,
    }


def _head_row(r: rule.Request, hid: str) -> dict:
    return {
        "member_id": str(uuid.uuid4()),
        "household_id": hid,
        "values": jsontext.dumps(head_values(r)),
        "status": "active",
        "version": 0,
        "removal_reason": None,
        "removal_date": None,
    }


def _request_row(r: rule.Request, hid: str, kode: str, member: str | None, now: str) -> dict:
    return {
        "reference": r.reference,
        "kind": r.kind,
        "day": r.day.isoformat(),
        "nik": r.nik or None,
        "name": r.name,
        "address": r.address or None,
        "kode_wilayah": kode,
        "household_id": hid,
        "member_id": member,
        "reason": r.reason or None,
        "programme": r.programme or None,
        "imported_at": now,
    }


def _known(conn: Connection, refs: list[str]) -> set[str]:
    known = set()
    for part in chunks(refs):
        q = select(citizen_requests.c.reference).where(citizen_requests.c.reference.in_(part))
        known.update(conn.execute(q).scalars())
    return known


def _held(conn: Connection, ids: set[str]) -> dict[str, str]:
    """{household_id: kode_wilayah} of the live households among ids."""
    held = {}
    for part in chunks(sorted(ids)):
        q = select(households.c.household_id, households.c.kode_wilayah).where(
            households.c.household_id.in_(part), households.c.deleted.is_(False)
        )
        held.update(dict(conn.execute(q).all()))
    return held


def _holders(conn: Connection, niks: set[str]) -> dict[str, tuple[str, str]]:
    """{nik: (household_id, kode_wilayah)}: a live household with an active member of that NIK
    (the lowest id when several hold it: a duplicate the anomaly worklist shows)."""
    found: dict[str, tuple[str, str]] = {}
    for part in chunks(sorted(niks)):
        q = (
            select(member_niks.c.nik, households.c.household_id, households.c.kode_wilayah)
            .join(households, households.c.household_id == member_niks.c.household_id)
            .where(member_niks.c.nik.in_(part), households.c.deleted.is_(False))
            .order_by(member_niks.c.nik, households.c.household_id.desc())
        )
        found.update({nik: (hid, kode) for nik, hid, kode in conn.execute(q)})
    return found


def _move_seq(conn: Connection, ids: set[str], seq: Sequence) -> None:
    """The next pull of each household's desa carries its new task."""
    if not ids:
        return
    conn.execute(
        update(households)
        .where(households.c.household_id == bindparam("h_id"))
        .values(seq=bindparam("seq")),
        [{"h_id": h, "seq": seq.next()} for h in sorted(ids)],
    )


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
