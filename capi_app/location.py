"""Plausibility of a house's GPS point: inside Indonesia, and near the other houses of its desa.

Most of Indonesia lies south of the equator, so a lost minus sign puts a house in another
hemisphere; and a point typed by hand with swapped digits lands kilometres away. The desa's
reference point is the median of the points this laptop already knows in that desa (pre-list
coordinates, other visits, photos): no boundary data is needed, and the check starts to work
as soon as a few houses are visited.

>>> distance_m(-6.98765, 107.62912, -6.98765, 107.63912) // 1
1103.0
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass

from sqlite_utils import Database

from dtks import indonesia, integrity

FAR_FROM_DESA_M = 5_000
MIN_POINTS = 3


@dataclass(frozen=True)
class GpsWarning:
    """Why a point looks wrong: 'outside_indonesia', or 'far_from_desa' with the distance."""

    kind: str
    distance_m: float | None = None


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres: dtks.integrity.distance_m, the one statement of it
    (the visit-integrity checks and the reviewer's distances use the same)."""
    return integrity.distance_m(integrity.Point(lat1, lon1), integrity.Point(lat2, lon2))


def desa_points(db: Database, household_id: str) -> list[tuple[float, float]]:
    """Known points of the other households in the same desa as household_id."""
    row = db.execute(
        "SELECT kode_wilayah FROM households WHERE household_id = ?", [household_id]
    ).fetchone()
    if not row or not row[0]:
        return []
    points = []
    others = db.execute(
        """SELECT h.server_values, v.lat, v.lon FROM households h
           LEFT JOIN verifications v USING (household_id)
           WHERE h.kode_wilayah = ? AND h.household_id != ?""",
        [row[0], household_id],
    )
    for server_values, lat, lon in others:
        values = json.loads(server_values or "{}")
        if lat is None and values.get("lat") is not None:
            lat, lon = values.get("lat"), values.get("lon")
        if isinstance(lat, int | float) and isinstance(lon, int | float):
            points.append((float(lat), float(lon)))
    return points


def desa_center(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The median point, robust to a few wrong ones; None with too few points to judge."""
    if len(points) < MIN_POINTS:
        return None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def check_point(lat: float, lon: float, center: tuple[float, float] | None) -> GpsWarning | None:
    """A warning for an implausible point, or None when it looks right."""
    if not indonesia.inside(lat, lon):
        return GpsWarning("outside_indonesia")
    if center is not None:
        d = distance_m(lat, lon, *center)
        if d > FAR_FROM_DESA_M:
            return GpsWarning("far_from_desa", d)
    return None
