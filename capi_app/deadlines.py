"""Days left per activity of the user's rounds, and which deadlines to warn about.

The windows come from the server (``GET /rounds/{round}``, kept in the store for offline
days); the rule is ``dtks.cycle``. The laptop's clock may be wrong, so the time is the
laptop's corrected by how far it was from the server's at the last sync.

>>> from dtks.cycle import default_calendar
>>> cal = default_calendar("2026-11", "3204")
>>> [n.activity for n in notes([("3204", cal)], datetime(2026, 11, 27, 9, tzinfo=UTC))
...  if n.warn]
['bnba', 'pengesahan']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from dtks import cycle

WARN_DAYS = 3
"""Warn from this many days before a deadline (the last day counts as 1)."""
FIELD_ROLES = {"enumerator", "clerk", "supervisor"}


@dataclass(frozen=True)
class Note:
    """One activity of one round: days left, its last day and the deadline moment."""

    round: str
    scope: str
    activity: str
    days_left: int
    """Local days left including today; 0 once closed."""
    opens: date
    closes: date
    deadline: datetime
    zone: str
    """WIB, WITA or WIT."""
    started: bool
    """False while the window has not opened yet."""

    @property
    def closed(self) -> bool:
        """The deadline has passed."""
        return self.days_left == 0

    @property
    def warn(self) -> bool:
        """Open and closing within WARN_DAYS days."""
        return self.started and 0 < self.days_left <= WARN_DAYS


def activities_for(role: str | None) -> tuple[str, ...]:
    """What a role's work depends on: field roles the field windows, reviewers all."""
    return cycle.FIELD_ACTIVITIES if role in FIELD_ROLES else cycle.ACTIVITIES


def corrected_now(server_time: str | None, fetched_at: str | None, now: datetime | None = None):
    """The laptop's time moved by the gap between the server's clock and the laptop's at fetch."""
    now = now or datetime.now(UTC)
    try:
        gap = datetime.fromisoformat(server_time) - datetime.fromisoformat(fetched_at)
    except (TypeError, ValueError):
        return now
    return now + gap if abs(gap) < timedelta(days=400) else now


def notes(calendars, now: datetime, activities=cycle.ACTIVITIES) -> list[Note]:
    """A note per activity of each (scope, calendar, ...) kept, in calendar order."""
    out = []
    for scope, cal, *_ in calendars:
        for activity in activities:
            if activity not in cal.windows:
                continue
            w = cal.windows[activity]
            out.append(
                Note(
                    cal.round,
                    scope,
                    activity,
                    cal.days_left(activity, now),
                    cal.opening(activity).date(),
                    w.closes,
                    cal.deadline(activity),
                    cal.zone.abbreviation,
                    now >= cal.opening(activity),
                )
            )
    return out


def current(notes_: list[Note]) -> list[Note]:
    """The notes worth showing: of the newest round, plus any older one still open."""
    if not notes_:
        return []
    newest = max(n.round for n in notes_)
    return [n for n in notes_ if n.round == newest or not n.closed]


def now_for(calendars, now: datetime | None = None) -> datetime:
    """The time to count days with: corrected by the newest fetch's server/laptop gap."""
    for _, _, server_time, fetched_at in calendars[:1]:
        return corrected_now(server_time, fetched_at, now)
    return now or datetime.now(UTC)
