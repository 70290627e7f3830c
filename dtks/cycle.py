"""The DTKS monthly cycle (siklus bulanan): activities, their windows, and local time.

A round ``YYYY-MM`` is one month of the cycle. Its activities have windows of calendar dates,
inclusive, in the local time of the kabupaten/kota, whose zone follows from its province:

- ``pbi``: PBI-JK verification, the 1st to the 11th;
- ``bnba``: eligibility (BNBA) verification, the 14th to the day before the month's last;
- ``usulan``: proposals, any time until 5 days before the month's last day;
- ``pengesahan``: the signed approval of the proposals, until the day before the last;
- anomaly fixes have no window: they are welcome at any time.

A window "closes" on its last date: its deadline is the following midnight, local time. So a
WITA deadline falls an hour before the WIB deadline of the same date.

>>> cal = default_calendar("2026-12", "7371")          # Kota Makassar: WITA
>>> cal.timezone, cal.windows["usulan"].closes.isoformat()
('Asia/Makassar', '2026-12-26')
>>> cal.deadline("pbi").isoformat()
'2026-12-12T00:00:00+08:00'
>>> default_calendar("2026-12", "3204").deadline("pbi") - cal.deadline("pbi")
datetime.timedelta(seconds=3600)
"""

from __future__ import annotations

import calendar as _months
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, timezone

from dtks import tasks

PBI = "pbi"
BNBA = "bnba"
USULAN = "usulan"
PENGESAHAN = "pengesahan"
ACTIVITIES = (PBI, BNBA, USULAN, PENGESAHAN)
"""Activities with a window, in the order of the month."""

FIELD_ACTIVITIES = (PBI, BNBA, USULAN)
"""Activities whose work is field data: never refused for lateness, marked late instead."""
DESK_ACTIVITIES = (USULAN, PENGESAHAN)
"""Activities whose administrative step (a submission, a pengesahan) a deadline refuses."""


@dataclass(frozen=True)
class Zone:
    """One of Indonesia's three time zones."""

    abbreviation: str
    """WIB, WITA or WIT."""
    iana: str
    """The IANA name, e.g. 'Asia/Makassar'."""
    hours: int
    """Offset from UTC; Indonesia keeps no daylight saving time."""

    @property
    def tzinfo(self) -> timezone:
        """A fixed-offset tzinfo (no tz database needed on the laptop)."""
        return timezone(timedelta(hours=self.hours), self.abbreviation)


WIB = Zone("WIB", "Asia/Jakarta", 7)
WITA = Zone("WITA", "Asia/Makassar", 8)
WIT = Zone("WIT", "Asia/Jayapura", 9)
ZONES = {z.iana: z for z in (WIB, WITA, WIT)}

PROVINCE_ZONES = {
    **dict.fromkeys(("11", "12", "13", "14", "15", "16", "17", "18", "19", "21"), WIB),
    **dict.fromkeys(("31", "32", "33", "34", "35", "36"), WIB),
    **dict.fromkeys(("61", "62"), WIB),  # Kalimantan Barat, Kalimantan Tengah
    **dict.fromkeys(("51", "52", "53"), WITA),  # Bali, NTB, NTT
    **dict.fromkeys(("63", "64", "65"), WITA),  # Kalimantan Selatan, Timur, Utara
    **dict.fromkeys(("71", "72", "73", "74", "75", "76"), WITA),  # Sulawesi
    **dict.fromkeys(("81", "82"), WIT),  # Maluku, Maluku Utara
    **dict.fromkeys(("91", "92", "93", "94", "95", "96"), WIT),  # Papua
}
"""The time zone of each province (Keppres 41/1987 and the provinces formed since)."""
NATIONAL_ZONE = WIB
"""The zone of a national scope (Kemensos, in Jakarta) and of an unknown province."""

TASK_ACTIVITIES: dict[str, str | None] = {
    tasks.VERIVALI: BNBA,
    tasks.PBI: PBI,
    tasks.ANOMALI: None,
    tasks.SANGGAHAN: BNBA,
    tasks.USUL_WARGA: USULAN,
    tasks.USULAN_KEMENSOS: USULAN,
}
"""The window a task's field work falls in (None: any time). A sanggahan questions a listed
recipient's eligibility, so it is verified with the BNBA; usul warga and usulan Kemensos are
proposals."""


def field_activity(new: bool, task_kinds=()) -> str | None:
    """The window of a household's field work: a new household is a proposal (usulan); else
    the first windowed activity of its tasks (pbi before bnba before usulan); else bnba.

    >>> field_activity(True), field_activity(False), field_activity(False, ["anomali", "pbi"])
    ('usulan', 'bnba', 'pbi')
    """
    if new:
        return USULAN
    found = {TASK_ACTIVITIES.get(k) for k in task_kinds} - {None}
    return next((a for a in FIELD_ACTIVITIES if a in found), BNBA)


ROUND_PATTERN = r"^(20\d\d)-(0[1-9]|1[0-2])$"
"""A round is a month YYYY-MM of this century (year 0000 or 9999 has no calendar to run)."""
_ROUND = re.compile(ROUND_PATTERN)
LAST_ROUND = (2099, 12)
"""The last round ROUND_PATTERN accepts: next_round refuses to go past it."""


class InvalidRound(ValueError):
    """A round that is not written YYYY-MM, or a window that makes no sense."""


def zone_of(kode_wilayah: str) -> Zone:
    """The time zone of a region, from its province (the first two digits).

    >>> zone_of("9471").abbreviation, zone_of("").iana
    ('WIT', 'Asia/Jakarta')
    """
    return PROVINCE_ZONES.get(kode_wilayah.replace(".", "")[:2], NATIONAL_ZONE)


def parse_round(text: str) -> tuple[int, int]:
    """(year, month) of a round written YYYY-MM."""
    m = _ROUND.match(text or "")
    if not m:
        raise InvalidRound(f"round {text!r}: write it YYYY-MM, e.g. 2026-11")
    return int(m.group(1)), int(m.group(2))


def next_round(round_: str) -> str:
    """The following month's round.

    >>> next_round("2026-12")
    '2027-01'
    """
    year, month = parse_round(round_)
    if (year, month) == LAST_ROUND:
        raise InvalidRound(f"round {round_} is the last round of the calendar (2000-01 to 2099-12)")
    return f"{year + month // 12}-{month % 12 + 1:02d}"


def round_of(day: date) -> str:
    """The round of a calendar date."""
    return f"{day.year}-{day.month:02d}"


@dataclass(frozen=True)
class Window:
    """The first and last day of an activity, inclusive; opens None: from the round's start."""

    closes: date
    opens: date | None = None

    def __post_init__(self):
        if self.opens is not None and self.opens > self.closes:
            raise InvalidRound(
                f"a window cannot open ({self.opens}) after it closes ({self.closes})"
            )

    def to_json(self) -> dict:
        """{"opens", "closes"} as YYYY-MM-DD ("opens" left out when it is the round's start)."""
        out = {"closes": self.closes.isoformat()}
        return {"opens": self.opens.isoformat(), **out} if self.opens else out

    @classmethod
    def from_json(cls, data: dict) -> Window:
        """Read {"opens"?, "closes"}."""
        opens = data.get("opens")
        return cls(date.fromisoformat(data["closes"]), date.fromisoformat(opens) if opens else None)


def default_windows(round_: str) -> dict[str, Window]:
    """The DTKS calendar's windows of a round.

    >>> {k: w.to_json() for k, w in default_windows("2026-02").items()}["bnba"]
    {'opens': '2026-02-14', 'closes': '2026-02-27'}
    """
    year, month = parse_round(round_)
    last = date(year, month, _months.monthrange(year, month)[1])
    first = date(year, month, 1)
    return {
        PBI: Window(date(year, month, 11), first),
        BNBA: Window(last - timedelta(days=1), date(year, month, 14)),
        USULAN: Window(last - timedelta(days=5), first),
        PENGESAHAN: Window(last - timedelta(days=1), first),
    }


@dataclass(frozen=True)
class RoundCalendar:
    """A round's windows in one region's local time: what GET /rounds/{round} answers."""

    round: str
    zone: Zone
    windows: dict[str, Window] = field(default_factory=dict)

    @property
    def timezone(self) -> str:
        """The IANA name of the zone."""
        return self.zone.iana

    def with_window(self, activity: str, window: Window) -> RoundCalendar:
        """A copy with one activity's window replaced (an admin's change)."""
        check_activity(activity)
        return replace(self, windows={**self.windows, activity: window})

    def deadline(self, activity: str) -> datetime:
        """The moment the activity's window closes: midnight after its last day, local time."""
        w = self.windows[check_activity(activity)]
        return datetime.combine(w.closes + timedelta(days=1), time(0), self.zone.tzinfo)

    def opening(self, activity: str) -> datetime:
        """The moment the window opens: midnight before its first day, local time."""
        w = self.windows[check_activity(activity)]
        first = w.opens or date(*parse_round(self.round), 1)
        return datetime.combine(first, time(0), self.zone.tzinfo)

    def is_closed(self, activity: str, moment: datetime) -> bool:
        """True once the deadline has passed."""
        return moment >= self.deadline(activity)

    def is_open(self, activity: str, moment: datetime) -> bool:
        """True between the opening and the deadline."""
        return self.opening(activity) <= moment < self.deadline(activity)

    def days_left(self, activity: str, moment: datetime) -> int:
        """Whole local days left including today: 1 on the last day, 0 once closed.

        >>> cal = default_calendar("2026-12", "3204")
        >>> cal.days_left("pbi", datetime(2026, 12, 11, 9, 0, tzinfo=WIB.tzinfo))
        1
        """
        if self.is_closed(activity, moment):
            return 0
        today = moment.astimezone(self.zone.tzinfo).date()
        return (self.windows[activity].closes - today).days + 1

    def to_json(self) -> dict:
        """The shape of GET /rounds/{round} (DESIGN.md, "The monthly cycle")."""
        return {
            "round": self.round,
            "timezone": self.timezone,
            "windows": {k: self.windows[k].to_json() for k in ACTIVITIES if k in self.windows},
            "deadlines": {k: self.deadline(k).isoformat() for k in ACTIVITIES if k in self.windows},
        }

    @classmethod
    def from_json(cls, data: dict) -> RoundCalendar:
        """Read a GET /rounds/{round} reply (unknown activities are ignored)."""
        parse_round(data["round"])
        zone = ZONES.get(data.get("timezone"), NATIONAL_ZONE)
        windows = {
            k: Window.from_json(v)
            for k, v in (data.get("windows") or {}).items()
            if k in ACTIVITIES
        }
        return cls(data["round"], zone, windows)


def default_calendar(round_: str, kode_wilayah: str) -> RoundCalendar:
    """The DTKS default windows of a round in the region's local time."""
    return RoundCalendar(round_, zone_of(kode_wilayah), default_windows(round_))


def check_activity(activity: str) -> str:
    """The activity when it has a window; InvalidRound naming the known ones otherwise."""
    if activity not in ACTIVITIES:
        raise InvalidRound(f"activity {activity!r} is not one of {', '.join(ACTIVITIES)}")
    return activity


def counting_round(calendars, round_: str, activity: str, moment: datetime, limit: int = 24) -> str:
    """The round field data of ``activity`` counts toward when it arrives at ``moment``:
    ``round_`` while its window has not closed, else the first later round whose window has not
    (after ``limit`` rounds, the search goes on from the moment's own month). Rounds end at
    2099-12 (ROUND_PATTERN): a moment after its windows is an InvalidRound.

    ``calendars`` is a function round -> RoundCalendar (defaults overlaid with an admin's).

    >>> cals = lambda r: default_calendar(r, "3204")
    >>> counting_round(cals, "2026-11", "bnba", datetime(2026, 12, 2, tzinfo=UTC))
    '2026-12'
    """
    current = round_
    for _ in range(limit):
        if not calendars(current).is_closed(activity, moment):
            return current
        current = next_round(current)
    # Long after the round: start again from the month of the moment (never a closed round).
    current = max(current, round_of(moment.astimezone(calendars(current).zone.tzinfo).date()))
    while calendars(current).is_closed(activity, moment):
        current = next_round(current)
    return current


def deadline_text(activity: str, round_: str, deadline: datetime, zone: Zone) -> str:
    """How a refusal names the deadline: 'the pengesahan window of round 2026-12 closed at
    2026-12-31 00:00 WITA (2026-12-30 16:00 UTC)'."""
    local = deadline.astimezone(zone.tzinfo).strftime("%Y-%m-%d %H:%M")
    utc = deadline.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    return (
        f"the {activity} window of round {round_} closed at {local} {zone.abbreviation} ({utc} UTC)"
    )
