"""area() and distance() of geopoints, geotraces and geoshapes, on a sphere as JavaRosa does.

JavaRosa (GeoUtils) and Enketo both use a sphere of the Earth's equatorial radius, 6378100 m,
great-circle distances, and the spherical-excess polygon area; we do the same so a form's
numbers match what ODK Collect shows.
"""

import math

from dtks.forms.errors import ExprEvalError

EARTH_RADIUS_M = 6_378_100.0
# Not dtks.integrity.distance_m (the mean radius, 6,371,008.8 m, used for every other distance
# of the project): a form's distance() and area() must give the numbers ODK Collect shows for
# the same form, so they keep JavaRosa's sphere on purpose.


def points(values) -> list[tuple[float, float]]:
    """(lat, lon) pairs out of 'lat lon [alt acc];lat lon...' strings; ValueError if malformed."""
    out = []
    for value in values:
        for part in value.split(";"):
            if not part.strip():
                continue
            numbers = [float(x) for x in part.split()]
            if len(numbers) < 2 or not (-90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180):
                raise ValueError(f"{part.strip()!r} is not a geopoint")
            out.append((numbers[0], numbers[1]))
    return out


def distance(values: list[str]) -> float:
    """The length in metres of the path through the points (a shape's perimeter); NaN if bad."""
    try:
        pts = points(values)
    except ValueError:
        return math.nan
    if len(pts) < 2:
        return math.nan if not pts else 0.0
    return math.fsum(_great_circle(a, b) for a, b in zip(pts, pts[1:], strict=False))


def area(values: list[str]) -> float:
    """The area in square metres enclosed by the points (closed if it is not); NaN if bad."""
    try:
        pts = points(values)
    except ValueError:
        return math.nan
    if not pts:
        return math.nan
    if len(pts) < 3:
        return 0.0
    if pts[0] != pts[-1]:
        pts = pts + [pts[0]]
    total = 0.0
    for (lat1, lon1), (lat2, lon2) in zip(pts, pts[1:], strict=False):
        t1 = math.tan((math.pi / 2 - math.radians(lat1)) / 2)
        t2 = math.tan((math.pi / 2 - math.radians(lat2)) / 2)
        d = math.radians(lon2 - lon1)
        total += 2 * math.atan2(t1 * t2 * math.sin(d), 1 + t1 * t2 * math.cos(d))
    return abs(total) * EARTH_RADIUS_M**2


def _great_circle(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def check_points(values: list[str]) -> None:
    """Raise ExprEvalError unless every value reads as geopoints (for error messages)."""
    try:
        points(values)
    except ValueError as e:
        raise ExprEvalError(str(e)) from None
