"""The anomaly worklist on the server: run dtks.anomalies on households and keep the result.

``refresh(conn, household_ids)`` is called inside the writing transaction by the pre-list
import (after each batch) and by every push. It re-detects the households given and the
households that share a NIK with them (before or after the change, so a fixed duplicate
clears on both sides), opens new anomalies, clears the ones no longer found, keeps the
``anomaly`` flag open exactly while a household has one, and moves the sequence number of
every household whose list changed, so the next pull delivers it. Each household is checked
with its record of moves (services/move_history.py): a reviewer's confirmed move into where it
is listed settles its wilayah (dtks.moves.settled), on the server as on the device.

    changed = refresh(conn, ["3204122002000001"])
    by_household = open_anomalies(conn, ids)          # {household_id: [Anomaly]}
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import NamedTuple

from sqlalchemy import Connection, delete, func, insert, select, text, update
from sqlalchemy.sql import bindparam

from dtks import anomalies as rule
from dtks import cycle
from dtks.model import Household, Member
from dtks.review import FLAG_ANOMALY
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.bulk import insert_rows
from sync_server.db.engine import Sequence
from sync_server.db.tables import (
    anomalies,
    flags,
    household_reach,
    households,
    member_niks,
    tombstones,
)
from sync_server.services import move_history
from sync_server.services.household_store import chunks, household_from_rows, load_rows

MAX_FLAG_DETAIL = 2000


class Alone(NamedTuple):
    """What the rules find in one household by itself (every kind but the duplicate NIK) and
    its active members' NIK values, which the store is asked about (the index, duplicates)."""

    anomalies: list[rule.Anomaly]
    niks: tuple[tuple[str, object], ...]
    """(member_id, the member's nik value) of each active member."""


def alone(household: Household, today, rules=None) -> Alone:
    """The household's Alone on the day today (a deleted household has nothing); the
    household carries its moves (a confirmed move settles its wilayah)."""
    if household.deleted:
        return Alone([], ())
    active = tuple(
        (m.member_id, m.values.get("nik")) for m in household.members if m.status == "active"
    )
    return Alone(rule.detect(household, None, today, rules), active)


def refresh(
    conn: Connection,
    household_ids: Iterable[str],
    known: Mapping[str, Household] | None = None,
    new_members: frozenset[str] = frozenset(),
    rules=None,
    found_alone: Mapping[str, Alone] | None = None,
    new_households: frozenset[str] = frozenset(),
) -> set[str]:
    """Re-detect the households (and their NIK partners); return the ids whose list changed.

    known: some of these households as the store holds them now, already in hand (the import
    passes those it just wrote), so they are not read back; the others are read.
    new_members: ids of members this transaction created, which have no NIK index row anywhere
    (the import's new members), so none is looked for under another household.
    rules: a dtks.anomalies.MemberRules the caller already checked some members with.
    found_alone: ``alone`` of some of these households as the store holds them now, their
    moves included, worked out already (by the import's worker process): neither read nor
    detected again.
    new_households: ids of households this transaction created (households are never
    deleted, so nothing is stored of them yet: no NIK index row, no anomaly is read)."""
    ids = sorted(set(household_ids))
    if not ids:
        return set()
    before = _niks_of(conn, [h for h in ids if h not in new_households])
    days = Today(clock.current())
    held: dict[str, Alone] = {}
    here: dict[str, tuple[Household, str]] = {}
    for h in ids:
        if found_alone and h in found_alone:
            held[h] = found_alone[h]
        elif known and h in known:
            here[h] = (known[h], known[h].values["kode_wilayah"])
    here.update(_load(conn, [h for h in ids if h not in held and h not in here]))
    held.update(_alone_here(conn, here, days, rules))
    dropped, indexed = _index_niks(conn, held, before, new_members)
    niks = dropped | _shared(conn, ids, indexed)
    holders = _holders(conn, niks)
    partners = {h for hs in holders.values() for _, h in hs} - set(ids)
    held.update(_alone_here(conn, _load(conn, sorted(partners)), days, rules))
    by_nik = {nik: [m for m, _ in hs] for nik, hs in holders.items()}
    found = {hid: a.anomalies + _duplicates(a.niks, by_nik) for hid, a in held.items()}
    for hid in set(ids) - set(held):
        found[hid] = []  # gone from the store: nothing stays open
    return _store(conn, found, new_households)


def _alone_here(conn: Connection, here: dict, days: "Today", rules=None) -> dict[str, Alone]:
    """alone of households (and their kode wilayah) read or in hand, with their moves."""
    moved = move_history.of_households(conn, here) if here else {}
    out = {}
    for hid, (h, kode) in here.items():
        if hid in moved:
            h = replace(h, moves=moved[hid])
        out[hid] = alone(h, days.of(kode), rules)
    return out


def _duplicates(niks, by_nik: Mapping[str, list[str]]) -> list[rule.Anomaly]:
    """The duplicate NIK anomalies of the members niks names (rule.duplicate_niks, asked only
    about the members whose NIK the store holds more than once)."""
    if not by_nik:
        return []
    members = [
        Member(mid, values={"nik": nik})
        for mid, nik in niks
        if ("" if nik is None else str(nik).strip()) in by_nik
    ]
    return rule.duplicate_niks(members, by_nik) if members else []


def _load(conn: Connection, ids: list[str]) -> dict[str, tuple[Household, str]]:
    """The households among ids that exist, read with their members, and their kode wilayah."""
    if not ids:
        return {}
    rows, member_rows = load_rows(conn, ids)
    return {
        hid: (household_from_rows(row, member_rows[hid]), row.kode_wilayah)
        for hid, row in rows.items()
    }


class Today:
    """The date of one moment in each region's time zone (worked out once per zone)."""

    def __init__(self, moment):
        self.moment, self.by_zone = moment, {}

    def of(self, kode: str):
        """The date in the time zone of the region kode."""
        zone = cycle.zone_of(kode).tzinfo
        day = self.by_zone.get(zone)
        if day is None:
            day = self.by_zone[zone] = self.moment.astimezone(zone).date()
        return day


def _niks_of(conn: Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
    """{member_id: (nik, household_id)} of the indexed members of these households."""
    out = {}
    for part in chunks(ids):
        q = select(member_niks).where(member_niks.c.household_id.in_(part))
        out.update({r.member_id: (r.nik, r.household_id) for r in conn.execute(q)})
    return out


def _index_niks(
    conn: Connection,
    held: Mapping[str, Alone],
    before: dict,
    new_members: frozenset[str] = frozenset(),
) -> tuple[set[str], set[str]]:
    """Bring the NIK index rows of these households to their active members (before: the
    rows they have now, from _niks_of); return the NIKs of the rows dropped or changed (a
    partner holding one may have lost its duplicate), and the NIKs these households' rows
    hold now. Only rows that differ are deleted and written (an unchanged re-import writes
    none)."""
    wanted = {}
    for hid, found in held.items():
        for mid, value in found.niks:
            nik = str(value or "").strip()[:64]
            if nik:
                wanted[mid] = (nik, hid)
    stale = [mid for mid, row in before.items() if wanted.get(mid) != row]
    for part in chunks(stale):
        conn.execute(delete(member_niks).where(member_niks.c.member_id.in_(part)))
    write = [
        {"member_id": mid, "nik": nik, "household_id": hid}
        for mid, (nik, hid) in wanted.items()
        if before.get(mid) != (nik, hid)
    ]
    # A member moved between households in one transaction: its old row, under a household
    # not among these, goes first.
    moved = [f["member_id"] for f in write if f["member_id"] not in before]
    for part in chunks([mid for mid in moved if mid not in new_members]):
        conn.execute(delete(member_niks).where(member_niks.c.member_id.in_(part)))
    insert_rows(conn, member_niks, write)
    return {before[mid][0] for mid in stale}, {nik for nik, _ in wanted.values()}


SHARED_BATCH = 5000
"""NIKs per query of _shared on PostgreSQL (one array parameter)."""


def _shared(conn: Connection, ids: list[str], niks: set[str]) -> set[str]:
    """The NIKs of these households' index rows (niks: all of them) that more than one member
    holds in the store (the others have no partner). PostgreSQL looks the NIKs up in the NIK
    index (an array of them per query: by household, it hashed the whole index for each 500
    households); SQLite by household, 500 households a query."""
    out = set()
    if conn.dialect.name == "postgresql":
        q = text(
            "SELECT nik FROM member_niks WHERE nik = ANY(:niks) GROUP BY nik HAVING count(*) > 1"
        )
        for part in chunks(sorted(niks), SHARED_BATCH):
            out.update(conn.execute(q, {"niks": part}).scalars())
        return out
    for part in chunks(ids):
        theirs = select(member_niks.c.nik).where(member_niks.c.household_id.in_(part))
        q = (
            select(member_niks.c.nik)
            .where(member_niks.c.nik.in_(theirs))
            .group_by(member_niks.c.nik)
            .having(func.count() > 1)
        )
        out.update(conn.execute(q).scalars())
    return out


def _holders(conn: Connection, niks: set[str]) -> dict[str, list[tuple[str, str]]]:
    """{nik: [(member_id, household_id)]} over the whole store."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for part in chunks(sorted(niks)):
        q = select(member_niks.c.nik, member_niks.c.member_id, member_niks.c.household_id)
        for nik, member_id, household_id in conn.execute(q.where(member_niks.c.nik.in_(part))):
            out[nik].append((member_id, household_id))
    return out


def open_anomalies(conn: Connection, ids: Iterable[str]) -> dict[str, list[rule.Anomaly]]:
    """{household_id: its open anomalies, in detection order} for the ids that have any."""
    out: dict[str, list[rule.Anomaly]] = defaultdict(list)
    for part in chunks(sorted(set(ids))):
        q = (
            select(anomalies)
            .where(anomalies.c.household_id.in_(part), anomalies.c.cleared_at.is_(None))
            .order_by(anomalies.c.id)
        )
        for r in conn.execute(q):
            out[r.household_id].append(_anomaly(r))
    return dict(out)


def _anomaly(r) -> rule.Anomaly:
    return rule.Anomaly(
        kind=r.kind,
        field=r.field,
        message=r.message,
        member_id=r.member_id,
        value=jsontext.loads(r.value),
        related=tuple(jsontext.loads(r.related) or ()),
    )


def _store(conn: Connection, found: dict[str, list[rule.Anomaly]], new=frozenset()) -> set[str]:
    """Open new anomalies, clear vanished ones, update changed messages; return changed ids
    (new: households created in this transaction, which have none stored)."""
    now = clock.now()
    stored = defaultdict(dict)
    for part in chunks(sorted(h for h in found if h not in new)):
        q = select(anomalies).where(
            anomalies.c.household_id.in_(part), anomalies.c.cleared_at.is_(None)
        )
        for r in conn.execute(q):
            stored[r.household_id][(r.kind, r.member_id, r.field)] = r
    new, cleared, changed_rows, changed = [], [], [], set()
    for hid, items in found.items():
        have = stored.get(hid, {})
        keys = {a.key for a in items}
        for a in items:
            old = have.get(a.key)
            if old is None:
                new.append(_row(hid, a, now))
                changed.add(hid)
            elif _anomaly(old) != a:
                changed_rows.append(_row(hid, a, now) | {"a_id": old.id})
                changed.add(hid)
        gone = [r.id for key, r in have.items() if key not in keys]
        if gone:
            cleared += gone
            changed.add(hid)
    _write(conn, new, cleared, changed_rows, now)
    _flag(conn, {h: found[h] for h in changed}, now)
    left = _reach(conn, {h: found[h] for h in changed})
    _move_seq(conn, changed, left)
    return changed


def reach_of(items: Iterable[rule.Anomaly]) -> dict[str, int]:
    """The regions a household's open anomalies say it also belongs to (where its ids point
    when it is listed in the wrong wilayah), each with the number of leading digits it shares
    with the kode wilayah the household is listed in (household_reach.common).

    >>> a = rule.Anomaly(rule.WRONG_WILAYAH, "kode_wilayah", "m", value="3204052002",
    ...                  related=("3204061001", "320105"))
    >>> reach_of([a])
    {'3204061001': 5, '320105': 3}
    """
    out = {}
    for a in items:
        if a.kind == rule.WRONG_WILAYAH:
            listed = str(a.value or "")
            for c in a.related:
                out[c[:10]] = shared_digits(c[:10], listed)
    return out


def shared_digits(a: str, b: str) -> int:
    """How many leading characters two kode wilayah share.

    >>> shared_digits("3204052002", "320405"), shared_digits("32", "33")
    (6, 1)
    """
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _reach(conn: Connection, lists: dict[str, list[rule.Anomaly]]) -> list[tuple[str, str]]:
    """Keep household_reach as the changed households' anomalies say; return the
    (household, region) pairs dropped (a pull of that region gets a tombstone)."""
    if not lists:
        return []
    have: dict[str, dict[str, int]] = defaultdict(dict)
    for part in chunks(sorted(lists)):
        q = select(household_reach).where(household_reach.c.household_id.in_(part))
        for r in conn.execute(q):
            have[r.household_id][r.kode] = r.common
    wants = {hid: reach_of(items) for hid, items in lists.items()}
    add, drop, moved = [], [], []
    for hid in lists:
        want, had = wants[hid], have[hid]
        add += [
            {"household_id": hid, "kode": k, "common": want[k]}
            for k in sorted(want.keys() - had.keys())
        ]
        drop += [(hid, k) for k in sorted(had.keys() - want.keys())]
        moved += [
            {"r_hid": hid, "r_kode": k, "common": want[k]}
            for k in sorted(want.keys() & had.keys())
            if want[k] != had[k]
        ]
    if add:
        conn.execute(insert(household_reach), add)
    if moved:  # listed elsewhere now: the same regions, another shared prefix
        conn.execute(
            update(household_reach)
            .where(
                household_reach.c.household_id == bindparam("r_hid"),
                household_reach.c.kode == bindparam("r_kode"),
            )
            .values(common=bindparam("common")),
            moved,
        )
    for hid, kode in drop:
        conn.execute(
            delete(household_reach).where(
                household_reach.c.household_id == hid, household_reach.c.kode == kode
            )
        )
    return drop


def _row(hid: str, a: rule.Anomaly, now: str) -> dict:
    return {
        "household_id": hid,
        "member_id": a.member_id,
        "kind": a.kind,
        "field": a.field,
        "message": a.message[:2000],
        "value": jsontext.dumps(a.value),
        "related": jsontext.dumps(list(a.related)),
        "detected_at": now,
    }


def _write(conn: Connection, new, cleared, changed_rows, now) -> None:
    if new:
        conn.execute(insert(anomalies), new)
    for part in chunks(cleared):
        conn.execute(update(anomalies).where(anomalies.c.id.in_(part)).values(cleared_at=now))
    if changed_rows:
        conn.execute(
            update(anomalies)
            .where(anomalies.c.id == bindparam("a_id"))
            .values(
                message=bindparam("message"),
                value=bindparam("value"),
                related=bindparam("related"),
            ),
            [{k: r[k] for k in ("a_id", "message", "value", "related")} for r in changed_rows],
        )


def _flag(conn: Connection, lists: dict[str, list[rule.Anomaly]], now: str) -> None:
    """Keep the anomaly flag open exactly while a household has an open anomaly."""
    if not lists:
        return
    ids = sorted(lists)
    flagged = set()
    for part in chunks(ids):
        q = select(flags.c.household_id).where(
            flags.c.household_id.in_(part),
            flags.c.kind == FLAG_ANOMALY,
            flags.c.cleared_at.is_(None),
        )
        flagged.update(conn.execute(q).scalars())
    clear = [h for h in ids if not lists[h] and h in flagged]
    for part in chunks(clear):
        conn.execute(
            update(flags)
            .where(
                flags.c.household_id.in_(part),
                flags.c.kind == FLAG_ANOMALY,
                flags.c.cleared_at.is_(None),
            )
            .values(cleared_at=now)
        )
    raise_ = [
        {
            "household_id": h,
            "kind": FLAG_ANOMALY,
            "detail": summary(lists[h]),
            "created_at": now,
        }
        for h in ids
        if lists[h] and h not in flagged
    ]
    if raise_:
        conn.execute(insert(flags), raise_)


def summary(items: list[rule.Anomaly]) -> str:
    """One line for a flag or an export cell: 'kind (member): message; ...'."""
    parts = [f"{a.kind} ({a.member_id or 'household'}, {a.field}): {a.message}" for a in items]
    return "; ".join(parts)[:MAX_FLAG_DETAIL]


def _move_seq(conn: Connection, ids: set[str], left=()) -> None:
    """Give each changed household a new sequence number: the next pull carries its list;
    a region the household no longer reaches gets a tombstone."""
    if not ids:
        return
    seq = Sequence(conn)
    conn.execute(
        update(households)
        .where(households.c.household_id == bindparam("h_id"))
        .values(seq=bindparam("seq")),
        [{"h_id": h, "seq": seq.next()} for h in sorted(ids)],
    )
    if left:
        conn.execute(
            insert(tombstones),
            [{"household_id": h, "kode_wilayah": k, "seq": seq.next()} for h, k in left],
        )
    seq.save()
