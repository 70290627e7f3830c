"""The verivali interview record of a household: answers, status, timestamps, GPS."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from capi_app.store import audit_actions as actions
from capi_app.store.codec import dump, now_iso
from capi_app.store.db import write
from capi_app.store.edits import audit, editable, touched
from capi_app.store.errors import InvalidEdit
from dtks import integrity
from dtks.integrity import Paradata
from dtks.model import Gps, Papi

STATUSES = ("draft", "finalized")


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise InvalidEdit("timestamps need a time zone (WIB, WITA or WIT), e.g. .astimezone()")
    return value.isoformat()


def save_verification(
    db: Database,
    household_id: str,
    answers: dict[str, Any],
    status: str,
    user: str | None,
    *,
    result: str | None = None,
    gps: Gps | None = None,
    started_at: datetime | None = None,
    finished_at: datetime | None = None,
    papi: Papi | None = None,
    paradata: Paradata | None = None,
) -> str:
    """Save (create or replace) the household's verification in one transaction; return the
    state. ``paradata`` (what was recorded while it was made) is kept beside it, replaced."""
    if status not in STATUSES:
        raise InvalidEdit(f"household {household_id}: status must be draft or finalized")
    if status == "finalized" and finished_at is None:
        finished_at = datetime.now().astimezone()
    answers_json = dump(answers)
    with write(db):
        editable(db, household_id)
        db.execute(
            """INSERT INTO verifications (household_id, status, result, answers, started_at,
                   finished_at, lat, lon, accuracy_m, altitude_m, gps_source, user, sent, updated_at, papi)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
               ON CONFLICT (household_id) DO UPDATE SET status = excluded.status,
                   result = excluded.result, answers = excluded.answers,
                   started_at = coalesce(excluded.started_at, started_at),
                   finished_at = excluded.finished_at, lat = excluded.lat, lon = excluded.lon,
                   accuracy_m = excluded.accuracy_m, altitude_m = excluded.altitude_m,
                   gps_source = excluded.gps_source, user = excluded.user, sent = 0,
                   updated_at = excluded.updated_at, papi = excluded.papi""",
            [
                household_id,
                status,
                result,
                answers_json,
                _iso(started_at),
                _iso(finished_at),
                gps.lat if gps else None,
                gps.lon if gps else None,
                gps.accuracy_m if gps else None,
                gps.altitude_m if gps else None,
                gps.source if gps else None,
                user,
                now_iso(),
                dump(papi.to_json()) if papi else None,
            ],
        )
        if paradata is not None:
            save_paradata(db, household_id, paradata)
        audit(db, user, household_id, actions.VERIFICATION, field=status, new=answers)
        return touched(db, household_id)


def save_paradata(db: Database, household_id: str, paradata: Paradata) -> None:
    """Keep the household's paradata (compact JSON inside the encrypted database)."""
    db.execute(
        """INSERT INTO paradata (household_id, body, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (household_id) DO UPDATE SET body = excluded.body,
               updated_at = excluded.updated_at""",
        [household_id, integrity.encode(paradata).decode("utf-8"), now_iso()],
    )
