"""Pull: the households of an assignment's scope changed since a global sequence number.

Pages are ordered by ``seq``; ``next_since`` is the seq of the last household in the page, so
a client that stores it after saving the page never misses or repeats a change: on
PostgreSQL, where writers run concurrently, a page stops below the sequence numbers that a
running transaction may still commit (``engine.low_watermark``). Households
that left the scope since then (moved to another desa, deleted) come back as tombstones. A
scope also gets the households listed elsewhere whose ids point into it (an open
``wrong_wilayah`` anomaly, table ``household_reach``): someone there can find the family.
Every household carries its open ``anomalies`` and its ``tasks`` (DESIGN.md, "The monthly
cycle"), and its ``moves`` between wilayah (dtks.moves.history: the device settles a moved
household's wilayah by the same rule, and tells the field of a refused move); empty lists on a
tombstone.
"""

from sqlalchemy import Connection, select

from dtks.scope import covers_any
from sync_server.db import jsontext
from sync_server.db.engine import low_watermark
from sync_server.db.tables import household_reach, households, members, tombstones
from sync_server.scopes import scope_range, under_scope
from sync_server.services import citizen_requests, move_history, tasks
from sync_server.services.access import reached_in
from sync_server.services.anomalies import open_anomalies
from sync_server.services.household_store import chunks, review_info


def pull_page(conn: Connection, scope: str, since: int, limit: int) -> dict:
    """Return {households, next_since, more} for a scope (plain kode wilayah prefix)."""
    low, high = scope_range(scope)
    below = low_watermark(conn)
    rows = conn.execute(page_query(scope, since, limit + 1, below)).all()
    rows += conn.execute(reached_query(scope, since, limit + 1, below)).all()
    q = select(tombstones.c.household_id, tombstones.c.seq).where(
        under_scope(tombstones.c.kode_wilayah, scope), tombstones.c.seq > since
    )
    if below is not None:
        q = q.where(tombstones.c.seq < below)
    gone = conn.execute(q.order_by(tombstones.c.seq).limit(limit + 1)).all()
    items = sorted(
        [(r.seq, "h", r) for r in rows] + [(t.seq, "t", t) for t in gone], key=lambda i: i[0]
    )
    more = len(items) > limit
    items = items[:limit]
    page_rows = [r for _, kind, r in items if kind == "h" and not r.deleted]
    page_ids = [r.household_id for r in page_rows]
    member_map = _members(conn, page_ids)
    worklist = open_anomalies(conn, page_ids)
    asked = citizen_requests.of_households(conn, page_ids, open_only=True)
    moved = move_history.of_households(conn, page_ids)
    still_here = _still_in_scope(
        conn, [r.household_id for _, kind, r in items if kind == "t"], scope, low, high
    )
    out = []
    for _, kind, r in items:
        if kind == "h" and not r.deleted:
            found = worklist.get(r.household_id, [])
            out.append(
                _household(r, member_map.get(r.household_id, []))
                | {
                    "anomalies": [a.to_json() for a in found],
                    "tasks": tasks.of(r, found, asked.get(r.household_id, ())),
                    "moves": [m.to_json() for m in moved.get(r.household_id, ())],
                }
            )
        elif kind == "h" or r.household_id not in still_here:
            out.append(_tombstone(r.household_id, getattr(r, "version", 0)))
    next_since = items[-1][0] if items else since
    return {"households": out, "next_since": next_since, "more": more}


def page_query(scope: str, since: int, limit: int, below: int | None = None):
    """The households of a scope after since (and below the watermark), in seq order, at
    most limit."""
    q = select(households).where(
        under_scope(households.c.kode_wilayah, scope), households.c.seq > since
    )
    if below is not None:
        q = q.where(households.c.seq < below)
    return q.order_by(households.c.seq).limit(limit)


def reached_query(scope: str, since: int, limit: int, below: int | None = None):
    """The households listed elsewhere whose ids point into the scope (household_reach: an
    open wrong_wilayah anomaly), after since, in seq order, at most limit.

    Only the reach rows whose household is listed outside the scope are read (``common`` below
    the scope's length, ix_household_reach_common_kode): the cost follows the households that
    come from outside, not every wrong-wilayah household under a wide scope. The household's
    own kode wilayah is still checked."""
    reached = reached_in([scope])
    q = select(households).where(
        households.c.household_id.in_(reached),
        households.c.seq > since,
        ~under_scope(households.c.kode_wilayah, scope),
    )
    if below is not None:
        q = q.where(households.c.seq < below)
    return q.order_by(households.c.seq).limit(limit)


def reaches(conn: Connection, household_ids: list[str], scopes) -> dict[str, str]:
    """Those of the households listed elsewhere whose ids point into one of the scopes, each
    with the region it reaches there."""
    found = {}
    for part in chunks(sorted(set(household_ids))):
        q = select(household_reach).where(household_reach.c.household_id.in_(part))
        for r in conn.execute(q.order_by(household_reach.c.kode.desc())):
            if covers_any(scopes, r.kode):
                found.setdefault(r.household_id, r.kode)
    return found


def _members(conn: Connection, ids: list[str]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for part in chunks(ids):
        q = (
            select(members)
            .where(members.c.household_id.in_(part))
            .order_by(members.c.household_id, members.c.member_id)
        )
        for m in conn.execute(q):
            item = {
                "member_id": m.member_id,
                "status": m.status,
                "values": jsontext.loads(m.values),
                "version": m.version,
            }
            if m.removal_reason is not None:
                item["removal_reason"] = m.removal_reason
            if m.removal_date is not None:
                item["removal_date"] = m.removal_date
            if m.replaces is not None:
                item["replaces"] = m.replaces
            found.setdefault(m.household_id, []).append(item)
    return found


def _still_in_scope(conn: Connection, ids: list[str], scope: str, low: str, high: str) -> set[str]:
    here = set(reaches(conn, ids, [scope]))
    for part in chunks(ids):
        here.update(
            conn.execute(
                select(households.c.household_id).where(
                    households.c.household_id.in_(part),
                    households.c.kode_wilayah >= low,
                    households.c.kode_wilayah < high,
                    households.c.deleted.is_(False),
                )
            ).scalars()
        )
    return here


def _household(row, member_items: list[dict]) -> dict:
    review = review_info(row)
    out = {
        "household_id": row.household_id,
        "version": row.version,
        "deleted": False,
        "values": jsontext.loads(row.values),
        "members": member_items,
        "review": review.to_json() if review else None,
    }
    if row.replaces is not None:
        out["replaces"] = row.replaces
    return out


def _tombstone(household_id: str, version: int) -> dict:
    return {
        "household_id": household_id,
        "version": version,
        "deleted": True,
        "values": {},
        "members": [],
        "review": None,
        "anomalies": [],
        "tasks": [],
        "moves": [],
    }
