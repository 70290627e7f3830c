"""Deterministic synthetic field visits, honest and fabricated, for tests, demo and benchmarks.

An honest day's work is drawn from :func:`dtks.sample.generate`: each household of a desa is
visited by one of a few enumerators, one after the other, walking between houses 15-60 m
apart, each interview taking two to four times :func:`dtks.integrity.minimum_seconds`, the
house photo taken during it; its paradata lists the answers as an enumerator keys them. A
fabricated set is what a desk makes: households finalized 40 s apart at one point, a photo
used again (resized), EXIF times from the day before. The same arguments give the same sets.

>>> honest = honest_visits(30, seed=1)
>>> len(honest), integrity.analyse(honest)
(30, [])
>>> faked = fabricated_visits(10)
>>> sorted({f.indicator for f in integrity.analyse(faked)})
['clustered_gps', 'one_sitting', 'photo_time', 'shared_photo', 'short_interview']
"""

from __future__ import annotations

import hashlib
import math
from datetime import datetime, timedelta, timezone
from random import Random

from dtks import integrity
from dtks.integrity import ANSWER, FINALIZED, GPS, PHOTO, SECTION, Event, Paradata, Point
from dtks.sample import generate

WIB = timezone(timedelta(hours=7))
DESA = "32.04.12.2002"
CENTRE = Point(-6.98765, 107.62912)
"""Dayeuhkolot, Kabupaten Bandung: where the synthetic desa lies."""
HOUSEHOLD_FIELDS = 50
"""Answers of the verivali form outside the member roster (forms/verivali-dtks.md)."""
MEMBER_FIELDS = ("nama", "status_art", "nik", "hubungan", "jenis_kelamin", "tanggal_lahir",
                 "status_kawin", "nama_ibu", "pekerjaan", "pendidikan", "disabilitas", "hamil",
                 "penyakit_kronis", "id_art")  # fmt: skip
SECTIONS = ("lokasi", "status", "perumahan", "aset", "art", "program_bantuan", "hasil_verivali")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _bits(rng: Random) -> str:
    return f"{rng.getrandbits(64):016x}"


def _offset(point: Point, north_m: float, east_m: float) -> Point:
    lat = point.lat + north_m / 111_320
    lon = point.lon + east_m / (111_320 * math.cos(math.radians(point.lat)))
    return Point(round(lat, 7), round(lon, 7), 6.0)


def answer_names(members: int) -> list[str]:
    """The answer paths of a household's interview, in keying order."""
    names = [f"q{i:02d}" for i in range(HOUSEHOLD_FIELDS)]
    names += [f"members[{m}].{f}" for m in range(members) for f in MEMBER_FIELDS]
    return names


def interview_paradata(
    started: datetime, seconds: int, members: int, photo: integrity.PhotoFacts | None,
    point: Point | None, rng: Random,
) -> Paradata:  # fmt: skip
    """Paradata of an interview of ``seconds``: sections, every answer, the photo and GPS."""
    p = Paradata.start(started)
    names = answer_names(members)
    step = max(1, (seconds - 60) // (len(names) + len(SECTIONS)))
    at, section = 5, 0
    for i, name in enumerate(names):
        if i % max(1, len(names) // len(SECTIONS)) == 0 and section < len(SECTIONS):
            p = p.add(Event(at, SECTION, name=SECTIONS[section]))
            section += 1
        at += rng.randint(max(1, step // 2), step + step // 2)
        p = p.add(Event(at, ANSWER, name=name))
        if i == 3 and photo is not None:
            exif = None if photo.taken_at is None else p.offset(photo.taken_at)
            p = p.add(Event(at, PHOTO, sha256=photo.sha256, dhash=photo.dhash,
                            ahash=photo.ahash, exif_at=exif))  # fmt: skip
        if i == 4 and point is not None:
            p = p.add(Event(at, GPS, lat=point.lat, lon=point.lon, accuracy_m=point.accuracy_m))
    return p.add(Event(max(at + 5, seconds), FINALIZED))


def honest_visits(
    households: int = 60, desa: str = DESA, seed: int = 1, enumerators: int = 3
) -> list[integrity.VisitFacts]:
    """A desa's households visited honestly by a few enumerators over working days."""
    rng = Random(seed)
    rows, members = generate(households, desa, seed=seed)
    count = {}
    for m in members:
        count[m["household_id"]] = count.get(m["household_id"], 0) + 1
    out = []
    clocks, along = {}, {}
    for i, row in enumerate(rows):
        hid = row["household_id"]
        user = f"enum{i % enumerators + 1}"
        n = count.get(hid, 1)
        answers = HOUSEHOLD_FIELDS + n * len(MEMBER_FIELDS)
        # Houses along lanes 15-45 m apart, each enumerator working their own lane, 400 m
        # from the next; a lane bends a little east and west.
        along[user] = along.get(user, 0.0) + rng.uniform(15, 45)
        point = _offset(CENTRE, along[user], (i % enumerators) * 400 + rng.uniform(-10, 10))
        day_start = datetime(2026, 11, 2, 8, 0, tzinfo=WIB)
        started = clocks.get(user, day_start) + timedelta(minutes=rng.randint(5, 20))
        if started.hour >= 16:  # the next working day
            started = started.replace(hour=8) + timedelta(days=1)
        seconds = int(integrity.minimum_seconds(n, answers) * rng.uniform(2.0, 4.0))
        finished = started + timedelta(seconds=seconds)
        clocks[user] = finished
        photo = integrity.PhotoFacts(
            _sha(f"{hid}.jpg"), _bits(rng), _bits(rng), started + timedelta(minutes=3)
        )
        paradata = interview_paradata(started, seconds, n, photo, point, rng)
        out.append(
            integrity.VisitFacts(
                hid,
                user,
                row["kode_wilayah"],
                started,
                finished,
                n,
                answers,
                point,
                (photo,),
                paradata,
            )  # fmt: skip
        )
    return out


def fabricated_visits(
    households: int = 10, desa: str = DESA, seed: int = 7, user: str = "enum9"
) -> list[integrity.VisitFacts]:
    """A desk's work: finalized 40 s apart at one point, the first photo used again on the
    second household (a resized copy: a few bits of its hashes differ), EXIF times from the
    day before."""
    rng = Random(seed)
    rows, members = generate(households, desa, seed=seed)
    count = {}
    for m in members:
        count[m["household_id"]] = count.get(m["household_id"], 0) + 1
    point = _offset(CENTRE, 120, 80)
    base = datetime(2026, 11, 3, 19, 30, tzinfo=WIB)
    first_photo = None
    out = []
    for i, row in enumerate(rows):
        hid = row["household_id"]
        n = count.get(hid, 1)
        answers = HOUSEHOLD_FIELDS + n * len(MEMBER_FIELDS)
        finished = base + timedelta(seconds=40 * i)
        started = finished - timedelta(seconds=35)
        taken = started - timedelta(days=1, hours=rng.randint(0, 3))
        photo = integrity.PhotoFacts(_sha(f"desk-{hid}.jpg"), _bits(rng), _bits(rng), taken)
        if i == 0:
            first_photo = photo
        elif i == 1:
            photo = integrity.PhotoFacts(
                _sha(f"resized-{hid}.jpg"),
                _flip(first_photo.dhash, 2),
                _flip(first_photo.ahash, 1),
                taken,
            )
        paradata = interview_paradata(started, 35, n, photo, point, rng)
        out.append(
            integrity.VisitFacts(
                hid,
                user,
                row["kode_wilayah"],
                started,
                finished,
                n,
                answers,
                point,
                (photo,),
                paradata,
            )  # fmt: skip
        )
    return out


def _flip(h: str, bits: int) -> str:
    value = int(h, 16)
    for b in range(bits):
        value ^= 1 << (b * 7)
    return f"{value:016x}"
