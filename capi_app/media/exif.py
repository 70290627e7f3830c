"""Read where and when a photo was taken from its EXIF (exifread), tolerating damaged EXIF.

A photo with the GPS block a phone writes (6°59'15.54" S, 107°37'44.832" E, 712 m):

>>> import io
>>> from PIL import Image
>>> exif = Image.Exif()
>>> exif[0x8825] = {1: "S", 2: (6.0, 59.0, 15.54), 3: "E", 4: (107.0, 37.0, 44.832), 6: 712.0}
>>> jpeg = io.BytesIO()
>>> Image.new("RGB", (8, 8)).save(jpeg, "JPEG", exif=exif)
>>> meta = read_exif(jpeg.getvalue())
>>> meta.lat, meta.lon, meta.altitude_m
(-6.98765, 107.62912, 712.0)
>>> read_exif(b"not a photo").lat is None
True
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import exifread

# Each capture time with the tag that holds its UTC offset (EXIF 2.31, most phones since 2018).
_TIME_TAGS = (
    ("EXIF DateTimeOriginal", "EXIF OffsetTimeOriginal"),
    ("EXIF DateTimeDigitized", "EXIF OffsetTimeDigitized"),
    ("Image DateTime", "EXIF OffsetTime"),
)
_OFFSET = re.compile(r"[+-](0\d|1[0-4]):[0-5]\d")


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
    # exifread gives Ratio (a Fraction) for rationals and a 1-tuple for FLOAT and DOUBLE.
    if isinstance(value, tuple):
        (value,) = value
    if getattr(value, "denominator", 1) == 0:
        raise ValueError("zero denominator")
    result = float(value)
    if not math.isfinite(result):
        raise ValueError("not a finite number")
    return result


def _dms_part(value, index: int) -> float:
    # GPS chips that give decimal minutes (DDMM.mmmm) may write the seconds as 0/0: that is 0.
    empty = getattr(value, "numerator", None) == 0 and getattr(value, "denominator", 1) == 0
    return 0.0 if index > 0 and empty else _number(value)


def dms_to_decimal(dms: list, ref: str) -> float:
    """Degrees, minutes, seconds and an N/S/E/W reference as signed decimal degrees.

    >>> dms_to_decimal([6, 59, 15.54], "S")
    -6.98765
    """
    parts = [_dms_part(v, i) for i, v in enumerate(list(dms)[:3])]
    if not parts:
        raise ValueError("no degrees")
    degrees, minutes, seconds = (parts + [0.0, 0.0])[:3]
    if min(parts) < 0 or minutes >= 60 or seconds >= 60:
        raise ValueError(f"not degrees, minutes, seconds: {parts}")
    hemisphere = ref.strip("\x00 ").upper()[:1]
    if hemisphere not in ("N", "S", "E", "W"):
        raise ValueError(f"reference {ref!r} is not N, S, E or W")
    value = degrees + minutes / 60 + seconds / 3600
    return -value if hemisphere in ("S", "W") else value


def _text(tags: dict, name: str) -> str | None:
    tag = tags.get(name)
    if tag is None:
        return None
    values = tag.values
    if isinstance(values, list) and all(isinstance(v, int) for v in values):
        # Text written as BYTE or UNDEFINED (seen in GPS references) arrives as character codes.
        values = bytes(v for v in values if 0 < v < 128).decode("ascii")
    text = str(values if isinstance(values, str) else tag).strip().strip("\x00").strip()
    return text or None


def _ref(tags: dict, name: str, allowed: str) -> str:
    # A value without its hemisphere is ambiguous (Indonesia lies on both sides of the equator):
    # guessing N or E would put a house in the wrong place, so the position is dropped instead.
    ref = (_text(tags, name) or "").upper()[:1]
    if not ref or ref not in allowed:
        raise ValueError(f"{name.removeprefix('GPS ')} is {ref or 'missing'}, hemisphere unknown")
    return ref


def _time(text: str | None, offset: str | None) -> str | None:
    if not text or len(text) < 19:
        return None
    # The standard is 2026:11:02 09:41:12; some apps write 2026-11-02 09:41:12 or a T.
    try:
        taken = datetime.strptime(
            f"{text[:10].replace('-', ':')} {text[11:19]}", "%Y:%m:%d %H:%M:%S"
        )
    except ValueError:
        return None
    zone = offset if offset and _OFFSET.fullmatch(offset) else ""
    return taken.isoformat() + zone


def _taken_at(tags: dict) -> str | None:
    for name, offset in _TIME_TAGS:
        found = _time(_text(tags, name), _text(tags, offset))
        if found:
            return found
    return None


def _position(tags: dict) -> tuple[float, float] | None:
    if "GPS GPSLatitude" not in tags and "GPS GPSLongitude" not in tags:
        return None
    lat = dms_to_decimal(tags["GPS GPSLatitude"].values, _ref(tags, "GPS GPSLatitudeRef", "NS"))
    lon = dms_to_decimal(tags["GPS GPSLongitude"].values, _ref(tags, "GPS GPSLongitudeRef", "EW"))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"position out of range ({lat}, {lon})")
    if lat == 0 and lon == 0:
        raise ValueError("0,0 is a receiver without a fix, not a place")
    if (_text(tags, "GPS GPSStatus") or "").upper() == "V":
        raise ValueError("GPS status V: the receiver had no fix, the position is stale")
    return round(lat, 7), round(lon, 7)


def _altitude(tags: dict) -> float | None:
    tag = tags.get("GPS GPSAltitude")
    if tag is None:
        return None
    altitude = _number(tag.values[0])
    if abs(altitude) > 100_000:  # huge rationals in damaged EXIF; no house is 100 km up
        raise ValueError(f"altitude {altitude} m")
    ref = tags.get("GPS GPSAltitudeRef")
    below = ref is not None and ref.values and ref.values[0] in (1, b"\x01", "1")
    return -altitude if below else altitude


def _gps_time(tags: dict) -> str | None:
    date_text, stamp = _text(tags, "GPS GPSDate"), tags.get("GPS GPSTimeStamp")
    if not date_text or stamp is None:
        return None
    h, m, s = (_number(v) for v in stamp.values[:3])
    if not (0 <= h < 24 and 0 <= m < 60 and 0 <= s < 61):
        raise ValueError(f"time of day {h}:{m}:{s}")
    day = datetime.strptime(date_text[:10].replace("-", ":"), "%Y:%m:%d").replace(tzinfo=UTC)
    return (day + timedelta(hours=h, minutes=m, seconds=s)).isoformat()


def _orientation(tags: dict) -> int:
    tag = tags.get("Image Orientation")
    try:
        value = int(tag.values[0]) if tag is not None else 1
    except (TypeError, ValueError, IndexError):
        return 1
    return value if 1 <= value <= 8 else 1


def _read(tags: dict, what: str, read, problems: list[str]):
    """``read(tags)``, or None with the reason added to ``problems``."""
    try:
        return read(tags)
    except Exception as e:  # damaged EXIF comes in endless shapes; it must never stop an import
        problems.append(f"{what} unreadable: {e}")
        return None


def read_exif(data: bytes) -> PhotoMeta:
    """The photo's EXIF facts; unreadable parts are left empty and named in ``problems``."""
    problems: list[str] = []
    try:
        tags = exifread.process_file(io.BytesIO(data), details=False)
    except Exception as e:  # exifread raises many kinds on damaged files
        return PhotoMeta(problems=[f"EXIF unreadable: {e!r}"])
    lat, lon = _read(tags, "GPS position", _position, problems) or (None, None)
    return PhotoMeta(
        taken_at=_read(tags, "capture time", _taken_at, problems),
        lat=lat,
        lon=lon,
        altitude_m=_read(tags, "altitude", _altitude, problems) if lat is not None else None,
        gps_at=_read(tags, "GPS time", _gps_time, problems),
        orientation=_read(tags, "orientation", _orientation, problems) or 1,
        make=_read(tags, "make", lambda t: _text(t, "Image Make"), problems),
        model=_read(tags, "model", lambda t: _text(t, "Image Model"), problems),
        problems=problems,
    )
