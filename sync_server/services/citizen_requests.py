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

from sqlalchemy import Connection, Engine, and_, func, insert, or_, select, update
from sqlalchemy.sql import bindparam

from dtks import citizen_requests as rule
from dtks import findings as findings_rule
from dtks import review
from dtks.anomalies import HEAD
from dtks.tasks import PROPOSAL_KINDS, SANGGAHAN
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.bulk import insert_rows
from sync_server.db.engine import Sequence, write_transaction
from sync_server.db.tables import (
    citizen_requests,
    households,
    member_niks,
    members,
    users,
    verifications,
)
from sync_server.scopes import scope_range
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
        fresh = [r for r in batch if r.reference not in known]
        result.known += len(batch) - len(fresh)
        if not fresh:
            return
        held = _held(conn, {r.target[:16] for r in fresh if r.target})
        holders = _holders(conn, {r.nik for r in fresh if r.kind in PROPOSAL_KINDS and r.nik})
        now, seq, out = clock.now(), Sequence(conn), _Batch()
        for r in fresh:
            if r.reference in known:  # twice in this file: the first is kept
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
                if r.kind in PROPOSAL_KINDS:
                    result.attached.append(
                        f"line {r.line}: sasaran {r.target} is household {hid} of the store; "
                        f"the {r.kind} {r.reference} is its task there, no household was made"
                    )
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


def of_households(conn: Connection, ids: Iterable[str], open_only: bool = False) -> dict[str, list]:
    """{household_id: its requests (rows), oldest first}; open_only: those whose household's
    approval has not closed them (the tasks of the pull)."""
    found: dict[str, list] = {}
    for part in chunks(sorted(set(ids))):
        q = select(citizen_requests).where(citizen_requests.c.household_id.in_(part))
        if open_only:
            q = q.where(citizen_requests.c.closed_at.is_(None))
        q = q.order_by(citizen_requests.c.day, citizen_requests.c.reference)
        for r in conn.execute(q):
            found.setdefault(r.household_id, []).append(r)
    return found


@dataclass(frozen=True)
class PushedFinding:
    """A finding a push brought for a household with open requests (services/merge.py)."""

    household_id: str
    changeset_id: str
    finding: findings_rule.Finding
    collected_at: str


def record_findings(conn: Connection, pushed: list[PushedFinding], user_id: int) -> None:
    """Write each finding on every open request of its household, with the verification that
    brought it (the newest of the change-set for that household) and its collector."""
    for f in pushed:
        vid = conn.execute(
            select(func.max(verifications.c.id)).where(
                verifications.c.household_id == f.household_id,
                verifications.c.changeset_id == f.changeset_id,
            )
        ).scalar()
        conn.execute(
            update(citizen_requests)
            .where(
                citizen_requests.c.household_id == f.household_id,
                citizen_requests.c.closed_at.is_(None),
            )
            .values(
                finding_result=f.finding.result,
                finding_reason=f.finding.reason,
                finding_verification_id=vid,
                finding_by=user_id,
                finding_at=f.collected_at,
            )
        )


def close(conn: Connection, household_id: str, at: str) -> None:
    """The household's approval closes its open requests that have a finding: their tasks
    leave the pull. One without a finding stays open: the field has not verified it yet."""
    conn.execute(
        update(citizen_requests)
        .where(
            citizen_requests.c.household_id == household_id,
            citizen_requests.c.closed_at.is_(None),
            citizen_requests.c.finding_result.is_not(None),
        )
        .values(closed_at=at)
    )


PENDING, FOUND, APPROVED = findings_rule.PENDING, findings_rule.FOUND, findings_rule.APPROVED
STATUSES = findings_rule.STATUSES


def status(row) -> str:
    """The status of one citizen_requests row."""
    if row.closed_at is not None:
        return APPROVED
    return FOUND if row.finding_result is not None else PENDING


def to_json(row, collector: str | None) -> dict:
    """A request as review shows it (docs/review-api.md); collector: finding_by's username."""
    finding = None
    if row.finding_result is not None:
        finding = {
            "result": row.finding_result,
            "reason": row.finding_reason,
            "collected_by": collector,
            "collected_at": row.finding_at,
        }
    return {
        "kind": row.kind,
        "reference": row.reference,
        "date": row.day,
        "nik": row.nik,
        "name": row.name,
        "address": row.address,
        "reason": row.reason,
        "programme": row.programme,
        "finding": finding,
    }


def shown(conn: Connection, household_id: str) -> list[dict]:
    """Every request of one household (open and closed), as review shows them."""
    q = (
        select(citizen_requests, users.c.username)
        .outerjoin(users, users.c.id == citizen_requests.c.finding_by)
        .where(citizen_requests.c.household_id == household_id)
        .order_by(citizen_requests.c.day, citizen_requests.c.reference)
    )
    return [to_json(r, r.username) for r in conn.execute(q)]


def listed(
    conn: Connection,
    scopes: list[str],
    round_: str | None = None,
    kind: str | None = None,
    state: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> dict:
    """{requests, total}: the requests under the scopes (review_queue.reviewer_scopes),
    oldest first, each with its household, status and finding (GET /requests). A request
    lies where its household lies now (a request with none: its own kode wilayah); round:
    the month of its date (tanggal); state: one of STATUSES."""
    kode, inside = _where(scopes)
    where = [inside]
    if round_:
        where.append(citizen_requests.c.day.startswith(round_ + "-"))
    if kind:
        where.append(citizen_requests.c.kind == kind)
    if state:
        where.append(_state_condition(state))
    base = (
        select(citizen_requests, kode.label("at_kode"), users.c.username)
        .select_from(_with_household.outerjoin(users, users.c.id == citizen_requests.c.finding_by))
        .where(*where)
    )
    total = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    q = base.order_by(citizen_requests.c.day, citizen_requests.c.reference)
    rows = conn.execute(q.limit(limit).offset(offset)).all()
    return {
        "requests": [
            to_json(r, r.username)
            | {"household_id": r.household_id, "kode_wilayah": r.at_kode, "status": status(r)}
            for r in rows
        ],
        "total": total,
    }


def _state_condition(state: str):
    c = citizen_requests.c
    if state == APPROVED:
        return c.closed_at.is_not(None)
    found = c.finding_result.is_not(None) if state == FOUND else c.finding_result.is_(None)
    return and_(c.closed_at.is_(None), found)


_with_household = citizen_requests.outerjoin(
    households, households.c.household_id == citizen_requests.c.household_id
)


def _where(scopes: list[str]):
    """(where a request lies: its household's kode wilayah, else its own; that under scopes)."""
    kode = func.coalesce(households.c.kode_wilayah, citizen_requests.c.kode_wilayah)
    return kode, or_(*[and_(kode >= lo, kode < hi) for lo, hi in map(scope_range, scopes)])


def counts(conn: Connection, scopes: list[str], round_: str) -> dict[str, dict[str, int]]:
    """Requests under the scopes per kind (dtks.findings.tally): found layak / tidak layak by a
    verification of the round, and those still open without a finding (not visited yet)."""
    _, inside = _where(scopes)
    q = (
        select(citizen_requests.c.kind, citizen_requests.c.finding_result)
        .select_from(
            _with_household.outerjoin(
                verifications, verifications.c.id == citizen_requests.c.finding_verification_id
            )
        )
        .where(
            inside,
            or_(
                verifications.c.round == round_,
                and_(
                    citizen_requests.c.finding_result.is_(None),
                    citizen_requests.c.closed_at.is_(None),
                ),
            ),
        )
    )
    return findings_rule.tally(conn.execute(q).all())


def export_columns(conn: Connection, ids: list[str]) -> dict[str, dict[str, str]]:
    """{household_id: its requests as 'kind:reference ...', and the newest finding on them as
    temuan_hasil and temuan_alasan} for the ids with a request (exports, the BNBA)."""
    out = {}
    for hid, rows in of_households(conn, ids).items():
        found = [r for r in rows if r.finding_result is not None]
        newest = max(found, key=lambda r: (r.finding_at or "", r.reference)) if found else None
        out[hid] = {
            "requests": " ".join(f"{r.kind}:{r.reference}" for r in rows),
            "temuan_hasil": newest.finding_result if newest else "",
            "temuan_alasan": (newest.finding_reason or "") if newest else "",
        }
    return out


NO_REQUEST = {"requests": "", "temuan_hasil": "", "temuan_alasan": ""}
"""The export columns of a household no request names."""
