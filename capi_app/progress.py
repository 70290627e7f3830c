"""Progress of the field work (GET /progress) as typed rows, who has not synced, and its CSV.

The supervisor's and the reviewer's progress view read the server's answer through
``Progress.from_json``; ``not_synced`` picks the field users to highlight (no sync for N days,
or none at all); ``write_csv`` writes both tables in one file, 0600 like every file of
household data.

>>> import tempfile
>>> body = {"now": "2026-11-02T02:00:00Z", "desa": [{"kode_wilayah": "32.04.12.2002",
...     "name": "DAYEUHKOLOT", "households": 60, "visited": 12, "finalized": 10, "synced": 10,
...     "approved": 2, "returned": 1, "anomalies_open": 3}],
...     "users": [{"username": "enum1", "role": "enumerator", "last_sync": None,
...     "last_device_id": None, "days_since_sync": None, "households_assigned": 60,
...     "finalized": 0}]}
>>> progress = Progress.from_json(body)
>>> [u.username for u in progress.not_synced(3)]
['enum1']
>>> path = write_csv(progress, Path(tempfile.mkdtemp()) / "progress.csv")
>>> path.read_text().splitlines()[1]
'desa,32.04.12.2002,DAYEUHKOLOT,60,12,10,10,2,1,3,0,,,,,,'
>>> oct(path.stat().st_mode & 0o777)
'0o600'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, fields
from pathlib import Path

from dtks.private_files import open_private

DESA_COUNTS = (
    "households",
    "visited",
    "finalized",
    "synced",
    "approved",
    "returned",
    "anomalies_open",
    "requests_pending",
)
"""The counts per desa, in the order the tables, the chart and the CSV show them."""

USER_COLUMNS = (
    "username",
    "role",
    "last_sync",
    "days_since_sync",
    "last_device_id",
    "households_assigned",
    "finalized",
)

DEFAULT_STALE_DAYS = 3
"""A field user not synced for this many days is highlighted (the supervisor can change it)."""


@dataclass(frozen=True)
class DesaProgress:
    """The counts of one desa (docs/bundles.md "Progress" defines each)."""

    kode_wilayah: str
    name: str
    households: int = 0
    visited: int = 0
    finalized: int = 0
    synced: int = 0
    approved: int = 0
    returned: int = 0
    anomalies_open: int = 0
    requests_pending: int = 0
    """Requests (usul warga, sanggahan, usulan Kemensos) still open without a finding."""

    def count(self, name: str) -> int:
        """One of DESA_COUNTS by name."""
        return int(getattr(self, name))


@dataclass(frozen=True)
class UserProgress:
    """A field user assigned within the scope: their last sync, its device, their work."""

    username: str
    role: str = ""
    last_sync: str | None = None
    last_device_id: str | None = None
    days_since_sync: int | None = None
    households_assigned: int = 0
    finalized: int = 0

    def not_synced_for(self, days: int) -> bool:
        """True when the user has not synced for ``days`` days or more, or never has."""
        return self.days_since_sync is None or self.days_since_sync >= days


@dataclass(frozen=True)
class Progress:
    """GET /progress of a scope and round: desa counts and field users."""

    desa: list[DesaProgress] = field(default_factory=list)
    users: list[UserProgress] = field(default_factory=list)
    scope: str | None = None
    round: str | None = None
    now: str | None = None

    @classmethod
    def from_json(cls, body: dict) -> Progress:
        """Read the server's answer (keys it adds later are ignored)."""
        return cls(
            desa=[_take(DesaProgress, d) for d in body.get("desa", [])],
            users=[_take(UserProgress, u) for u in body.get("users", [])],
            scope=body.get("scope"),
            round=body.get("round"),
            now=body.get("now"),
        )

    def not_synced(self, days: int) -> list[UserProgress]:
        """The field users to highlight: no sync for ``days`` days or more, or none yet."""
        return [u for u in self.users if u.not_synced_for(days)]

    def totals(self) -> dict[str, int]:
        """Each desa count summed over the scope."""
        return {name: sum(d.count(name) for d in self.desa) for name in DESA_COUNTS}


def _take(cls, data: dict):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def write_csv(progress: Progress, path: str | Path) -> Path:
    """Both tables in one CSV: a ``table`` column (desa or user), the desa columns, then the
    user columns; a user's finalized households go in the one ``finalized`` column."""
    path = Path(path)
    user_only = [c for c in USER_COLUMNS if c != "finalized"]
    header = ["table", "kode_wilayah", "name", *DESA_COUNTS, *user_only]
    with open_private(path, "w", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, header, restval="")
        out.writeheader()
        for d in progress.desa:
            row = {"table": "desa", "kode_wilayah": d.kode_wilayah, "name": d.name}
            out.writerow(row | {c: d.count(c) for c in DESA_COUNTS})
        for u in progress.users:
            values = {c: getattr(u, c) for c in USER_COLUMNS}
            out.writerow({"table": "user"} | {k: "" if v is None else v for k, v in values.items()})
    return path
