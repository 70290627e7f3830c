"""The integrity evidence as the reviewer's and supervisor's windows show it: findings, the
interview timeline, the households a finding names, a desa's points on its own extent, and
the per-enumerator summary (docs/integrity.md). No Qt here.

>>> extent = MapExtent(-6.99, 107.62, -6.98, 107.63)
>>> x, y = extent.project(-6.985, 107.625, 200, 200, margin=10)
>>> round(x), round(y)
(100, 100)
>>> round(extent.project(-6.98, 107.62, 200, 200, margin=10)[1], 6)   # north is up
10.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from dtks import integrity


@dataclass(frozen=True)
class FindingRow:
    """One sign with its evidence, and the other households it names."""

    indicator: str
    message: str
    evidence: dict
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineRow:
    """One paradata event: when, seconds since the first, its kind and what it names."""

    at: str
    offset_s: int
    kind: str
    what: str


@dataclass
class Evidence:
    """GET /integrity/households/{id} as rows."""

    household_id: str
    kode_wilayah: str = ""
    findings: list[FindingRow] = field(default_factory=list)
    timeline: list[TimelineRow] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    visit: dict | None = None

    @classmethod
    def from_json(cls, data: dict) -> Evidence:
        """Read the evidence body (findings in the order of dtks.integrity.INDICATORS)."""
        order = {name: i for i, name in enumerate(integrity.INDICATORS)}
        findings = [
            FindingRow(
                str(f["indicator"]),
                str(f.get("message") or ""),
                dict(f.get("evidence") or {}),
                tuple(related_households(f.get("evidence") or {})),
            )
            for f in data.get("findings") or []
        ]
        findings.sort(key=lambda f: order.get(f.indicator, len(order)))
        timeline = [
            TimelineRow(
                str(e.get("at") or ""),
                int(e.get("offset_s") or 0),
                str(e.get("kind") or ""),
                str(e.get("what") or ""),
            )
            for e in data.get("timeline") or []
        ]
        hid = str(data["household_id"])
        return cls(
            hid,
            str(data.get("kode_wilayah") or ""),
            findings,
            timeline,
            [str(h) for h in data.get("related") or [] if str(h) != hid],
            data.get("visit"),
        )

    def distances(self) -> list[tuple[str, float]]:
        """(other household, metres) named by the findings, nearest first."""
        out: dict[str, float] = {}
        for f in self.findings:
            e = f.evidence
            if "distance_m" in e and e.get("other_household_id"):
                out[e["other_household_id"]] = float(e["distance_m"])
            for other in e.get("others") or []:
                out.setdefault(other["household_id"], float(other["distance_m"]))
        return sorted(out.items(), key=lambda x: (x[1], x[0]))


def related_households(evidence: dict) -> list[str]:
    """The other households one finding's evidence names."""
    out = []
    if evidence.get("other_household_id"):
        out.append(str(evidence["other_household_id"]))
    out += [str(o["household_id"]) for o in evidence.get("others") or []]
    out += [str(h) for h in evidence.get("households") or []]
    return list(dict.fromkeys(out))


def clock(offset_s: int) -> str:
    """Seconds since the start as +m:ss or +h:mm:ss.

    >>> clock(75), clock(3725)
    ('+1:15', '+1:02:05')
    """
    sign = "-" if offset_s < 0 else "+"
    h, rest = divmod(abs(offset_s), 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m}:{s:02d}"


# --- the desa map ------------------------------------------------------------------------


@dataclass(frozen=True)
class MapPoint:
    """A household's point on the desa map."""

    household_id: str
    nama_krt: str
    lat: float
    lon: float
    flagged: bool
    detail: str = ""
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class MapExtent:
    """The box the map draws: the desa's points, a little padded."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: list[MapPoint], pad: float = 0.08) -> MapExtent | None:
        """The box of points, padded by ``pad`` of its size (at least ~50 m)."""
        if not points:
            return None
        south, north = min(p.lat for p in points), max(p.lat for p in points)
        west, east = min(p.lon for p in points), max(p.lon for p in points)
        dlat = max(north - south, 0.0005) * pad + 0.0002
        dlon = max(east - west, 0.0005) * pad + 0.0002
        return cls(south - dlat, west - dlon, north + dlat, east + dlon)

    def width_m(self) -> float:
        """East-west size in metres at the box's middle latitude."""
        middle = (self.north + self.south) / 2
        return integrity.distance_m(
            integrity.Point(middle, self.west), integrity.Point(middle, self.east)
        )

    def project(
        self, lat: float, lon: float, width: int, height: int, margin: int = 16
    ) -> tuple[float, float]:
        """Pixel (x, y) of a point: equirectangular, metres equal both ways, north up, centred."""
        scale = self.scale(width, height, margin)
        k = math.cos(math.radians((self.north + self.south) / 2))
        x_span = (self.east - self.west) * k * scale
        y_span = (self.north - self.south) * scale
        x0 = (width - x_span) / 2
        y0 = (height - y_span) / 2
        return x0 + (lon - self.west) * k * scale, y0 + (self.north - lat) * scale

    def scale(self, width: int, height: int, margin: int = 16) -> float:
        """Pixels per degree of latitude that fit the box in width x height less margins."""
        k = math.cos(math.radians((self.north + self.south) / 2))
        span_x = max((self.east - self.west) * k, 1e-9)
        span_y = max(self.north - self.south, 1e-9)
        return min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y)

    def metres_per_pixel(self, width: int, height: int, margin: int = 16) -> float:
        """Ground metres one pixel covers."""
        return 111_320 / self.scale(width, height, margin)


def map_points(data: dict) -> list[MapPoint]:
    """GET /integrity/points as MapPoints."""
    return [
        MapPoint(
            str(p["household_id"]),
            str(p.get("nama_krt") or ""),
            float(p["lat"]),
            float(p["lon"]),
            bool(p.get("flagged")),
            str(p.get("detail") or ""),
            tuple(str(i) for i in p.get("indicators") or ()),
        )
        for p in data.get("points") or []
    ]


def nearest(points: list[MapPoint], positions: list[tuple[float, float]], x, y, within=10.0):
    """The point drawn nearest to (x, y), if within ``within`` pixels, else None."""
    best, best_d = None, within
    for p, (px, py) in zip(points, positions, strict=True):
        d = math.hypot(px - x, py - y)
        if d <= best_d:
            best, best_d = p, d
    return best


def scale_bar(metres_per_pixel: float, max_pixels: int = 120) -> tuple[int, float]:
    """(metres, pixels) of a round-numbered scale bar no longer than max_pixels.

    >>> scale_bar(2.0)
    (200, 100.0)
    """
    for metres in (5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5):
        pixels = metres / metres_per_pixel
        if pixels <= max_pixels:
            return metres, pixels
    return 5, 5 / metres_per_pixel


@dataclass(frozen=True)
class EnumeratorRow:
    """An enumerator's verifications and the households flagged among them."""

    username: str
    verifications: int
    flagged: int
    share: float
    by_indicator: dict[str, int]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EnumeratorRow:
        """Read one row of GET /integrity/enumerators."""
        return cls(
            str(data["username"]),
            int(data.get("verifications") or 0),
            int(data.get("flagged_households") or 0),
            float(data.get("flagged_share") or 0.0),
            dict(data.get("by_indicator") or {}),
        )
