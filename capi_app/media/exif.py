"""Read where and when a photo was taken from its EXIF (exifread), tolerating damaged EXIF.

>>> meta = read_exif(open("bandung_south_gps.jpg", "rb").read())   # doctest: +SKIP
>>> meta.lat, meta.lon, meta.altitude_m
(-6.98765, 107.62912, 712.0)
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime

import exifread

_TIME_TAGS = ("EXIF DateTimeOriginal", "EXIF DateTimeDigitized", "Image DateTime")


@dataclass(frozen=True)
class PhotoMeta:
    """What the EXIF says: capture time, GPS position and time, orientation, camera."""

    taken_at: str | None = None  # camera's local time, ISO without zone: 2026-11-02T09:41:12
    lat: float | None = None
    lon: float | None = None
    altitude_m: float | None = None
    gps_at: str | None = None  # GPS (UTC) time, ISO with Z offset
    orientation: int = 1
    make: str | None = None
    model: str | None = None
    problems: list[str] = field(default_factory=list)  # EXIF that could not be read, for the log


def _number(value) -> float:
    # exifread gives Ratio (a Fraction); a zero denominator is a damaged value.
    if getattr(value, "denominator", 1) == 0:
        raise ValueError("zero denominator")
    result = float(value)
    if not math.isfinite(result):
        raise ValueError("not a finite number")
    return result


def dms_to_decimal(dms: list, ref: str) -> float:
    """Degrees, minutes, seconds and an N/S/E/W reference as signed decimal degrees."""
    degrees, minutes, seconds = (_number(v) for v in (list(dms) + [0, 0, 0])[:3])
    value = degrees + minutes / 60 + seconds / 3600
    return -value if ref.strip().upper() in ("S", "W") else value


def _text(tags: dict, name: str) -> str | None:
    tag = tags.get(name)
    if tag is None:
        return None
    text = str(tag.values if isinstance(tag.values, str) else tag).strip().strip("\x00").strip()
    return text or None


def _time(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return None


def _taken_at(tags: dict) -> str | None:
    for name in _TIME_TAGS:
        found = _time(_text(tags, name))
        if found:
            return found
    return None


def _position(tags: dict) -> tuple[float, float]:
    lat = dms_to_decimal(tags["GPS GPSLatitude"].values, _text(tags, "GPS GPSLatitudeRef") or "N")
    lon = dms_to_decimal(tags["GPS GPSLongitude"].values, _text(tags, "GPS GPSLongitudeRef") or "E")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"position out of range ({lat}, {lon})")
    if lat == 0 and lon == 0:
        raise ValueError("0,0 is a receiver without a fix, not a place")
    return round(lat, 7), round(lon, 7)


def _altitude(tags: dict) -> float | None:
    tag = tags.get("GPS GPSAltitude")
    if tag is None:
        return None
    altitude = _number(tag.values[0])
    ref = tags.get("GPS GPSAltitudeRef")
    below = ref is not None and ref.values and ref.values[0] in (1, b"\x01", "1")
    return -altitude if below else altitude


def _gps_time(tags: dict) -> str | None:
    date_text, stamp = _text(tags, "GPS GPSDate"), tags.get("GPS GPSTimeStamp")
    if not date_text or stamp is None:
        return None
    h, m, s = (_number(v) for v in stamp.values[:3])
    day = datetime.strptime(date_text[:10], "%Y:%m:%d").replace(tzinfo=UTC)
    micro = round((h * 3600 + m * 60 + s) * 1_000_000)
    return datetime.fromtimestamp(day.timestamp() + micro / 1_000_000, UTC).isoformat()


def _orientation(tags: dict) -> int:
    tag = tags.get("Image Orientation")
    try:
        value = int(tag.values[0]) if tag is not None else 1
    except (TypeError, ValueError, IndexError):
        return 1
    return value if 1 <= value <= 8 else 1


def read_exif(data: bytes) -> PhotoMeta:
    """The photo's EXIF facts; unreadable parts are left empty and named in ``problems``."""
    problems: list[str] = []
    try:
        tags = exifread.process_file(io.BytesIO(data), details=False)
    except Exception as e:  # exifread raises many kinds on damaged files
        return PhotoMeta(problems=[f"EXIF unreadable: {e!r}"])
    lat = lon = altitude = gps_at = None
    if "GPS GPSLatitude" in tags and "GPS GPSLongitude" in tags:
        try:
            lat, lon = _position(tags)
        except (ValueError, TypeError, ZeroDivisionError, IndexError) as e:
            problems.append(f"GPS position unreadable: {e}")
    for name, read in (("altitude", _altitude), ("GPS time", _gps_time)):
        try:
            value = read(tags)
        except (ValueError, TypeError, ZeroDivisionError, IndexError, OverflowError) as e:
            problems.append(f"{name} unreadable: {e}")
            value = None
        if name == "altitude":
            altitude = value
        else:
            gps_at = value
    return PhotoMeta(
        taken_at=_taken_at(tags),
        lat=lat,
        lon=lon,
        altitude_m=altitude if lat is not None else None,
        gps_at=gps_at,
        orientation=_orientation(tags),
        make=_text(tags, "Image Make"),
        model=_text(tags, "Image Model"),
        problems=problems,
    )
