"""The anomaly worklist and tasks on the device: what the server found, re-checked locally.

A pulled household brings the server's anomalies and tasks. The device re-runs the same
rules (``dtks.anomalies``) on the household as the enumerator sees it now (server values
with local edits), so an anomaly disappears the moment a save fixes it and a new one shows
at once; only a kind that needs the whole store (a duplicate NIK) is kept from the server,
and only while the field still holds the value it was found on. The household's pulled moves
(``dtks.moves``) are kept beside them: the rules read them as the server does (a confirmed
move settles the wilayah).

    refresh(db, "3204122002000123")      # after a pull or a save, inside write()
    current(db, "3204122002000123")      # [Anomaly(...)]
"""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from capi_app.store.codec import dump, load
from dtks import anomalies as rule
from dtks import moves as move_rule
from dtks.model import Household
from dtks.moves import MoveRecord
from dtks.tasks import Task


def effective(household, server: list[rule.Anomaly], today: date | None = None):
    """The anomalies of a household as it stands (a HouseholdView or a pulled Household):
    the local checks, plus the server's store-wide ones whose value still stands."""
    today = today or date.today()
    found = rule.detect(household, None, today)
    members = {m.member_id: m for m in household.members if m.status == "active"}
    for a in server:
        if a.kind not in rule.NEEDS_THE_STORE:
            continue
        values = (
            household.values
            if a.member_id is None
            else getattr(members.get(a.member_id), "values", None)
        )
        if values is not None and rule.still_holds(a, values):
            found.append(a)
    return found


def store_pulled(db: Database, h: Household, has_pending: bool) -> None:
    """Keep a pulled household's server lists (anomalies, tasks, moves); its effective list
    unless edits are pending (refresh() recomputes those from the view)."""
    _answer_held_move(db, h)
    db.execute(
        "UPDATE households SET server_anomalies = ?, tasks = ?, moves = ? WHERE household_id = ?",
        [
            dump([a.to_json() for a in h.anomalies]),
            dump([t.to_json() for t in h.tasks]),
            dump([m.to_json() for m in h.moves]),
            h.household_id,
        ],
    )
    if has_pending:
        refresh(db, h.household_id)
    else:
        _write(db, h.household_id, effective(h, list(h.anomalies)))


def _answer_held_move(db: Database, h: Household) -> None:
    """The first pull that brings a decision on one of the household's moves answers the push
    reply's message that the move waits (kept with an acknowledged household, no code): drop
    it, the window says the outcome instead. A refused push's message (rejected) stays."""
    known = {m.move_id: m.state for m in moves(db, h.household_id)}
    decided = (move_rule.CONFIRMED, move_rule.REFUSED)
    if any(m.state in decided and known.get(m.move_id) != m.state for m in h.moves):
        db.execute(
            """UPDATE households SET sync_message = NULL WHERE household_id = ? AND rejected = 0
                   AND sync_code IS NULL""",
            [h.household_id],
        )


def refresh(db: Database, household_id: str) -> list[rule.Anomaly]:
    """Recompute and keep the household's effective list (after a save or a pull)."""
    from capi_app.store import households

    view = households.view(db, household_id)
    found = effective(view, server_anomalies(db, household_id))
    _write(db, household_id, found)
    return found


def _write(db: Database, household_id: str, found: list[rule.Anomaly]) -> None:
    db.execute(
        "UPDATE households SET anomalies = ?, anomaly_count = ? WHERE household_id = ?",
        [dump([a.to_json() for a in found]), len(found), household_id],
    )


def server_anomalies(db: Database, household_id: str) -> list[rule.Anomaly]:
    """The anomalies the server sent with the household at the last pull."""
    row = db.execute(
        "SELECT server_anomalies FROM households WHERE household_id = ?", [household_id]
    ).fetchone()
    return [rule.Anomaly.from_json(a) for a in load(row[0] if row else None, [])]


def current(db: Database, household_id: str) -> list[rule.Anomaly]:
    """The household's anomalies as the enumerator sees them now."""
    row = db.execute(
        "SELECT anomalies FROM households WHERE household_id = ?", [household_id]
    ).fetchone()
    return [rule.Anomaly.from_json(a) for a in load(row[0] if row else None, [])]


def moves(db: Database, household_id: str) -> list[MoveRecord]:
    """The household's moves between wilayah, as the server sent them."""
    row = db.execute("SELECT moves FROM households WHERE household_id = ?", [household_id])
    row = row.fetchone()
    return [MoveRecord.from_json(m) for m in load(row[0] if row else None, [])]


def refused_move(db: Database, household_id: str) -> MoveRecord | None:
    """The household's latest move, when the receiving reviewer refused it and the server
    still lists the household where it was (dtks.moves.refused): the family was not moved."""
    row = db.execute(
        """SELECT moves, json_extract(server_values, '$.kode_wilayah') FROM households
           WHERE household_id = ?""",
        [household_id],
    ).fetchone()
    if row is None:
        return None
    return move_rule.refused([MoveRecord.from_json(m) for m in load(row[0], [])], row[1])


def tasks(db: Database, household_id: str) -> list[Task]:
    """The household's tasks, as the server sent them."""
    row = db.execute("SELECT tasks FROM households WHERE household_id = ?", [household_id])
    row = row.fetchone()
    return [Task.from_json(t) for t in load(row[0] if row else None, [])]
