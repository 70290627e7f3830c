"""The moves each household carries (dtks.moves.history), read from household_moves for the
anomaly worklist (a confirmed move settles a household's wilayah) and for the pull (the
device applies the same rule and tells the field of a refused move).

    records = of_households(conn, ["3204122002000001"])   # {household_id: (MoveRecord, ...)}
"""

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, select

from dtks import moves
from sync_server.db.tables import household_moves, users
from sync_server.services.household_store import chunks


def of_households(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[moves.MoveRecord, ...]]:
    """{household_id: its moves as it carries them} for those of the ids that have any."""
    found: dict[str, list[moves.MoveRecord]] = defaultdict(list)
    decider = users.alias("decider")
    for part in chunks(sorted(set(ids))):
        q = (
            select(household_moves, decider.c.username.label("decided_by_name"))
            .outerjoin(decider, decider.c.id == household_moves.c.decided_by)
            .where(
                household_moves.c.household_id.in_(part),
                household_moves.c.state != moves.SUPERSEDED,
            )
        )
        for r in conn.execute(q):
            found[r.household_id].append(
                moves.MoveRecord(
                    move_id=r.id,
                    from_kode=r.from_kode,
                    to_kode=r.to_kode,
                    state=r.state,
                    at=r.decided_at or r.proposed_at,
                    note=r.decision_note,
                    decided_by=r.decided_by_name,
                )
            )
    return {hid: moves.history(items) for hid, items in found.items()}
