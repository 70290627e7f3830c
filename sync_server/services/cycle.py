"""The monthly cycle on the server: a round's windows for a region, deadlines, late field data.

The rule (activities, default windows, time zones) is ``dtks.cycle``; this module overlays an
admin's changes from the ``round_windows`` table (the most specific scope covering the region
wins) and gives the two checks the API needs:

    cal = calendar(conn, "2026-12", "7371011001")            # WITA, admin changes applied
    check_deadline(conn, "2026-12", "pengesahan", "7371")    # raises DeadlinePassed (409)
    counts_in, late_for = lateness(conn, "2026-11", "3204122002", "bnba")
"""

from datetime import date, datetime

from sqlalchemy import Connection, delete, insert, select

from dtks import cycle, scope
from sync_server import clock
from sync_server.db.tables import round_windows
from sync_server.errors import DeadlinePassed, InvalidContent

NATIONAL = ""
"""The scope of a window that holds for the whole country."""


def calendar(conn: Connection, round_: str, kode_wilayah: str, rows_of=None) -> cycle.RoundCalendar:
    """The round's windows in the region's local time: DTKS defaults, then admin changes
    (rows_of: a window_rows function shared by several regions)."""
    _round(round_)
    cal = cycle.default_calendar(round_, kode_wilayah)
    rows = (rows_of or window_rows(conn))(round_)
    for row in sorted(rows, key=lambda r: len(r.scope)):  # wider first, the narrowest wins
        if scope.covers(row.scope, kode_wilayah):
            opens = date.fromisoformat(row.opens) if row.opens else None
            cal = cal.with_window(row.activity, cycle.Window(date.fromisoformat(row.closes), opens))
    return cal


def calendars(conn: Connection, kode_wilayah: str, rows_of=None):
    """A function round -> calendar of one region, remembering what it read (rows_of: a
    window_rows function shared by several regions)."""
    seen: dict[str, cycle.RoundCalendar] = {}
    rows_of = rows_of or window_rows(conn)

    def of(round_: str) -> cycle.RoundCalendar:
        if round_ not in seen:
            seen[round_] = calendar(conn, round_, kode_wilayah, rows_of)
        return seen[round_]

    return of


def window_rows(conn: Connection):
    """A function round -> the admin's window rows of that round, each round read once."""
    read: dict[str, list] = {}

    def of(round_: str) -> list:
        if round_ not in read:
            q = select(round_windows).where(round_windows.c.round == round_)
            read[round_] = conn.execute(q).all()
        return read[round_]

    return of


def check_deadline(
    conn: Connection, round_: str, activity: str, scope_: str, moment: datetime | None = None
) -> None:
    """Raise DeadlinePassed (409, naming the deadline) once the activity's window has closed
    in the scope's local time; the step a deadline guards (a submission, a pengesahan) calls it."""
    cal = calendar(conn, round_, scope_)
    moment = moment or clock.current()
    if cal.is_closed(activity, moment):
        deadline = cal.deadline(activity)
        raise DeadlinePassed(
            f"round {round_}, {scope.plain(scope_) or 'national'}: "
            + cycle.deadline_text(activity, round_, deadline, cal.zone),
            activity,
            round_,
            deadline.isoformat(),
        )


def lateness(
    conn: Connection, round_: str, kode_wilayah: str, activity: str | None, cals=None
) -> tuple[str, str | None]:
    """(the round field data counts toward, the round it missed or None) for data arriving now."""
    if activity is None:
        return round_, None
    of = cals or calendars(conn, kode_wilayah)
    counts_in = cycle.counting_round(of, round_, activity, clock.current())
    return counts_in, (round_ if counts_in != round_ else None)


def set_window(
    conn: Connection,
    round_: str,
    activity: str,
    scope_: str,
    closes: date,
    opens: date | None = None,
    user_id: int | None = None,
) -> cycle.RoundCalendar:
    """An admin changes one window for every region under scope_ ('' national); returns the
    calendar of scope_ as it now stands."""
    _round(round_)
    try:
        cycle.check_activity(activity)
        window = cycle.Window(closes, opens)
    except cycle.InvalidRound as e:
        raise InvalidContent(str(e), field=activity) from None
    key = (
        round_windows.c.round == round_,
        round_windows.c.scope == scope_,
        round_windows.c.activity == activity,
    )
    conn.execute(delete(round_windows).where(*key))
    conn.execute(
        insert(round_windows).values(
            round=round_,
            scope=scope_,
            activity=activity,
            opens=window.opens.isoformat() if window.opens else None,
            closes=window.closes.isoformat(),
            set_by=user_id,
            set_at=clock.now(),
        )
    )
    return calendar(conn, round_, scope_)


def reset_window(conn: Connection, round_: str, activity: str, scope_: str) -> bool:
    """Drop an admin's change: the scope falls back to a wider change or the default."""
    done = conn.execute(
        delete(round_windows).where(
            round_windows.c.round == round_,
            round_windows.c.scope == scope_,
            round_windows.c.activity == activity,
        )
    )
    return done.rowcount > 0


def _round(round_: str) -> None:
    try:
        cycle.parse_round(round_)
    except cycle.InvalidRound as e:
        raise InvalidContent(str(e), field="round") from None
