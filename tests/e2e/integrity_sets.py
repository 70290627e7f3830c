"""Field work for the integrity tests and screenshots, done through the client's own code: an
honest enumerator's day drawn from the dtks.sample pre-list (realistic times, houses along a
lane), and a desk's fabricated set (10 households finalized 40 s apart at one point, one photo
used again after resizing, EXIF times from the day before)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from pathlib import Path
from random import Random

from PIL import Image, ImageDraw

from capi_app.forms import form_for
from capi_app.media import import_photo
from capi_app.visit import Visit, save_visit
from dtks import integrity
from dtks.integrity import Point
from dtks.model import Gps

WIB = timezone(timedelta(hours=7))
CENTRE = Point(-6.98765, 107.62912)
EXIF_IFD, DATETIME_ORIGINAL = 0x8769, 0x9003


def house_photo(path: Path, seed: int, taken: datetime, size=(1200, 900), quality=88) -> Path:
    """A photo-like JPEG (shapes on a colour, different by seed) with its EXIF capture time."""
    rng = Random(seed)
    image = Image.new("RGB", (1200, 900), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(24):
        x, y = rng.randrange(1200), rng.randrange(900)
        w, h = rng.randrange(100, 600), rng.randrange(80, 450)
        draw.rectangle((x, y, x + w, y + h), fill=tuple(rng.randrange(256) for _ in range(3)))
    exif = Image.Exif()
    exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = taken.strftime("%Y:%m:%d %H:%M:%S")
    image.resize(size).save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def answers(values: dict, point: Point) -> dict:
    """A finalized verivali answer set the form accepts (household not found at the address)."""
    return {
        "tanggal_kunjungan": "2026-11-02",
        "kode_wilayah": values["kode_wilayah"],
        "alamat": values["alamat"],
        "rt": values["rt"],
        "rw": values["rw"],
        "gps": f"{point.lat:.7f} {point.lon:.7f} 700 6",
        "status_rt": 2,
        "hasil": 2,
        "alasan": 2,
    }


def interview(session, hid: str, started: datetime, finished: datetime, point: Point,
              photo: Path | None) -> None:  # fmt: skip
    """One visit as the household window makes it: paradata recorded as it goes (an answer
    about every 40 s, the photo and the GPS early on), then a finalize at ``finished``."""
    store = session.store
    form = form_for(store, hid)
    view = store.household(hid)
    given = answers(view.values, point)
    visit = Visit(hid, given, view, started)
    took = (finished - started).total_seconds()
    names = list(given) + [f"catatan_{i}" for i in range(int(took // 40))]
    for i, name in enumerate(names):
        visit.record_answer(name, started + timedelta(seconds=min(took - 1, 5 + i * 40)))
    if photo is not None:
        record = import_photo(store, hid, photo, session.username)
        visit.record_photo(record, started + timedelta(seconds=min(took - 1, 20)))
    visit.record_gps(integrity_gps(point), started + timedelta(seconds=min(took - 1, 25)))
    result = save_visit(
        store, form, hid, given, session.username, revision=None, finalize=True,
        gps_source="device", started_at=started, paradata=visit.paradata, now=finished,
    )  # fmt: skip
    assert result.finalized, result.problems


def integrity_gps(point: Point) -> Gps:
    """The point as the device's GPS fix."""
    return Gps(point.lat, point.lon, 6.0, "device")


def _offset(point: Point, north_m: float, east_m: float) -> Point:
    return Point(
        point.lat + north_m / 111_320,
        point.lon + east_m / (111_320 * math.cos(math.radians(point.lat))),
    )


def honest_day(session, ids: list[str], photos: Path, seed: int = 3) -> dict[str, Point]:
    """An enumerator's honest visits, one after another from 08:00: walking 10-25 minutes
    between houses 25-45 m apart, each interview two to four times its minimum, the photo
    taken during it."""
    rng = Random(seed)
    clock = datetime(2026, 11, 2, 8, 0, tzinfo=WIB)
    along, points = 0.0, {}
    for i, hid in enumerate(ids):
        members = sum(1 for m in session.store.household(hid).members if m.status == "active")
        need = integrity.minimum_seconds(members, 9)
        started = clock + timedelta(minutes=rng.randint(10, 25))
        if started.hour >= 16:
            started = started.replace(hour=8) + timedelta(days=1)
        finished = started + timedelta(seconds=int(need * rng.uniform(2.0, 4.0)))
        along += rng.uniform(25, 45)
        point = _offset(CENTRE, along, rng.uniform(-8, 8))
        photo = house_photo(photos / f"honest-{i}.jpg", 500 + i, started + timedelta(minutes=3))
        interview(session, hid, started, finished, point, photo)
        points[hid] = point
        clock = finished
    return points


def fabricated_set(session, ids: list[str], photos: Path) -> Point:
    """A desk's work: finalized 40 s apart at one point, the first photo used again (resized)
    on the second household, every photo's EXIF time from the day before."""
    desk = datetime(2026, 11, 3, 19, 30, tzinfo=WIB)
    point = _offset(CENTRE, 150, 120)
    day_before = desk - timedelta(days=1)
    original = house_photo(photos / "desk-0.jpg", 9000, day_before)
    resized = photos / "desk-0-resized.jpg"
    with Image.open(original) as image:
        exif = image.info.get("exif")
        image.resize((600, 450)).save(resized, "JPEG", quality=70, exif=exif)
    for i, hid in enumerate(ids):
        finished = desk + timedelta(seconds=40 * i)
        started = finished - timedelta(seconds=35)
        photo = original if i == 0 else resized if i == 1 else None
        if photo is None:
            photo = house_photo(
                photos / f"desk-{i}.jpg", 9000 + i, day_before + timedelta(minutes=i)
            )
        interview(session, hid, started, finished, point, photo)
    return point
