"""The windows of the rounds the user works in, as the server last sent them (offline too).

save(db, calendar, "32.04.12.2002", server_now)
calendars(db)          # [(scope, RoundCalendar, server time or None)]
"""

from __future__ import annotations

from sqlite_utils import Database

from capi_app.store.codec import dump, load, now_iso
from capi_app.store.db import write
from dtks.cycle import RoundCalendar


def save(db: Database, calendar: RoundCalendar, scope: str, server_time: str | None) -> None:
    """Keep a round's calendar for a scope (replacing the one fetched before)."""
    with write(db):
        db.execute(
            """INSERT INTO round_calendars (round, scope, body, server_time, fetched_at)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (round, scope) DO UPDATE SET body = excluded.body,
                   server_time = excluded.server_time, fetched_at = excluded.fetched_at""",
            [calendar.round, scope, dump(calendar.to_json()), server_time, now_iso()],
        )


def calendars(db: Database) -> list[tuple[str, RoundCalendar, str | None, str]]:
    """(scope, calendar, the server's time and the laptop's when fetched) of every kept
    round, newest first."""
    rows = db.execute(
        "SELECT scope, body, server_time, fetched_at FROM round_calendars "
        "ORDER BY round DESC, scope"
    ).fetchall()
    return [(scope, RoundCalendar.from_json(load(b)), t, at) for scope, b, t, at in rows]
