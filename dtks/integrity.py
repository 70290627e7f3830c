"""Visit integrity: paradata of an interview, and the signs of a verification that did not
happen in the field, each returned with its evidence.

**Paradata** is what the client records while a verification is made: the form opened, each
answer changed (with its time), a section changed, a photo taken, a GPS fix taken, the
verification finalized. It travels inside the verification record as ``paradata`` in a
compact encoding: a start time ``t0`` and events as short arrays of seconds since ``t0``::

    {"v": 1, "t0": "2026-11-02T09:41:12+07:00", "dropped": 0,
     "e": [[0, "o"], [14, "a", "nama_krt"], [40, "s", "art"],
           [95, "p", "<sha256>", "<dhash>", "<ahash>", -30], [96, "g", -6.98765, 107.62912, 8],
           [1320, "f"]]}

A photo event carries the photo's sha256, its perceptual hashes (16 hex digits each) and the
EXIF capture time as seconds since ``t0`` (null when the camera wrote none). The size is
bounded: at most ``MAX_EVENTS`` events and ``MAX_PARADATA_BYTES`` of compact JSON (a 9-member
household's interview is about 250 events, under 2 KB gzipped: bench/bench_paradata.py). The
recorder on the client stops adding at the cap and counts what it left out in ``dropped``.

>>> from datetime import timezone
>>> p = Paradata.start(datetime(2026, 11, 2, 9, 41, 12, tzinfo=timezone(timedelta(hours=7))))
>>> p = p.add(Event(14, ANSWER, name="nama_krt")).add(Event(600, FINALIZED))
>>> decode(encode(p)) == p, active_seconds(p)
(True, 314)

**Indicators** are pure functions over :class:`VisitFacts` (one finalized verification with
what the server knows of it). Each returns :class:`Finding` values naming the household, the
indicator, a message and the evidence a reviewer is shown. A finding raises an ``integrity``
flag (``dtks.review``) and never blocks anything by itself: the reviewer judges. Every
threshold is a named constant below with the reason for its value.
"""

from __future__ import annotations

import io
import json
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

# --- paradata ------------------------------------------------------------------------------

PARADATA_VERSION = 1
OPENED, ANSWER, SECTION, PHOTO, GPS, FINALIZED = "o", "a", "s", "p", "g", "f"
EVENT_KINDS = (OPENED, ANSWER, SECTION, PHOTO, GPS, FINALIZED)
"""opened, answer changed, section changed, photo taken, GPS taken, finalized."""
MAX_EVENTS = 2_000
"""Events kept per verification. A 9-member household answers about 250 questions; a form
reopened many times and answers typed again stay well inside. Past it the recorder drops
answer events and counts them in ``dropped`` (opened, photo, GPS and finalize are kept while
the room for them lasts)."""
MAX_PARADATA_BYTES = 256 * 1024
"""The compact JSON of one verification's paradata; a push with more is refused (422,
``paradata_too_large``). MAX_EVENTS events of the widest kind (a photo event, ~120 bytes)
fit; a real interview is a few KB."""
MAX_OFFSET_S = 400 * 86_400
"""An event at most ~13 months after t0 (a verification stays open at most a round or so)."""
MAX_NAME = 64
ANSWER_COALESCE_S = 5
"""The same answer changed again within this many seconds is one event (typing a name)."""
IDLE_GAP_S = 300
"""Active interview time counts a gap between two events up to this long: a form left open
over lunch does not make a short interview look long."""


class ParadataError(ValueError):
    """Paradata that does not fit its encoding; ``path`` says where, ``too_large`` why."""

    def __init__(self, path: str, problem: str, too_large: bool = False):
        self.path, self.problem, self.too_large = path, problem, too_large
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class Event:
    """One paradata event, ``at`` seconds after the paradata's t0."""

    at: int
    kind: str
    name: str | None = None
    """The answer's field name, or the section's name."""
    sha256: str | None = None
    dhash: str | None = None
    ahash: str | None = None
    exif_at: int | None = None
    """The photo's EXIF capture time, seconds after t0 (negative: before it)."""
    lat: float | None = None
    lon: float | None = None
    accuracy_m: float | None = None


@dataclass(frozen=True)
class Paradata:
    """The events of one verification (CAPI interview or PAPI keying session)."""

    t0: datetime
    events: tuple[Event, ...] = ()
    dropped: int = 0

    @classmethod
    def start(cls, t0: datetime) -> Paradata:
        """Paradata opened at t0 (an aware datetime), with its ``opened`` event."""
        if t0.tzinfo is None:
            raise ParadataError("t0", "needs a UTC offset")
        return cls(t0.replace(microsecond=0), (Event(0, OPENED),))

    def offset(self, when: datetime) -> int:
        """Seconds from t0 to when (clamped to the encodable range)."""
        return max(-MAX_OFFSET_S, min(MAX_OFFSET_S, round((when - self.t0).total_seconds())))

    def add(self, event: Event) -> Paradata:
        """The paradata with event added: a quick repeat of an answer (or of a GPS fix, as a
        point is typed) among the last two events is merged into it, and past MAX_EVENTS an
        event is counted in ``dropped`` instead (the last slot is kept for ``finalized``)."""
        for back in (1, 2):
            if len(self.events) >= back and _merges(self.events[-back], event):
                kept = self.events[:-back] + self.events[len(self.events) - back + 1 :]
                return replace(self, events=kept + (event,))
        room = MAX_EVENTS - len(self.events) - (0 if event.kind == FINALIZED else 1)
        if room <= 0:
            return replace(self, dropped=self.dropped + 1)
        return replace(self, events=self.events + (event,))

    def kinds(self, kind: str) -> list[Event]:
        """The events of one kind, in order."""
        return [e for e in self.events if e.kind == kind]


def _merges(old: Event, new: Event) -> bool:
    """Whether new repeats old closely enough to replace it: the same answer (or a GPS fix)
    again within ANSWER_COALESCE_S."""
    if old.kind != new.kind or not 0 <= new.at - old.at <= ANSWER_COALESCE_S:
        return False
    return new.kind == GPS or (new.kind == ANSWER and old.name == new.name)


def _event_json(e: Event) -> list:
    if e.kind in (ANSWER, SECTION):
        return [e.at, e.kind, e.name]
    if e.kind == PHOTO:
        return [e.at, e.kind, e.sha256, e.dhash, e.ahash, e.exif_at]
    if e.kind == GPS:
        return [e.at, e.kind, e.lat, e.lon, e.accuracy_m]
    return [e.at, e.kind]


def to_json(p: Paradata) -> dict:
    """The compact JSON object of paradata."""
    return {
        "v": PARADATA_VERSION,
        "t0": p.t0.isoformat(),
        "dropped": p.dropped,
        "e": [_event_json(e) for e in p.events],
    }


def encode(p: Paradata) -> bytes:
    """Compact JSON bytes of paradata (what is sent and stored)."""
    return json.dumps(to_json(p), separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def decode(data: bytes | str) -> Paradata:
    """Paradata from its JSON bytes; ParadataError for anything that does not fit."""
    if len(data) > MAX_PARADATA_BYTES:
        raise ParadataError("paradata", _too_large(len(data)), too_large=True)
    try:
        obj = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise ParadataError("paradata", "not JSON") from None
    return from_json(obj)


def _too_large(size: int) -> str:
    return f"{size:,} bytes of paradata, the limit is {MAX_PARADATA_BYTES:,}"


def from_json(obj: Any, path: str = "paradata") -> Paradata:
    """Paradata from its JSON object (as parsed); ParadataError for anything that does not fit.

    >>> from_json({"v": 1, "t0": "2026-11-02T09:41:12+07:00", "e": [[0, "x"]]}).events
    Traceback (most recent call last):
    ...
    dtks.integrity.ParadataError: paradata.e[0][1]: an event kind is one of o, a, s, p, g, f
    """
    if not isinstance(obj, dict):
        raise ParadataError(path, "expected an object")
    if obj.get("v") != PARADATA_VERSION:
        raise ParadataError(f"{path}.v", f"must be {PARADATA_VERSION}")
    t0 = _time(obj.get("t0"), f"{path}.t0")
    dropped = obj.get("dropped", 0)
    if not _is_int(dropped) or not 0 <= dropped <= 10**9:
        raise ParadataError(f"{path}.dropped", "must be a count")
    events = obj.get("e")
    if not isinstance(events, list):
        raise ParadataError(f"{path}.e", "expected an array of events")
    if len(events) > MAX_EVENTS:
        raise ParadataError(
            f"{path}.e", f"{len(events):,} events, the limit is {MAX_EVENTS:,}", too_large=True
        )
    size = len(json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
    if size > MAX_PARADATA_BYTES:
        raise ParadataError(path, _too_large(size), too_large=True)
    return Paradata(t0, tuple(_event(e, f"{path}.e[{i}]") for i, e in enumerate(events)), dropped)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _time(v: Any, path: str) -> datetime:
    try:
        t = datetime.fromisoformat(v) if isinstance(v, str) and len(v) <= 40 else None
    except ValueError:
        t = None
    if t is None or t.tzinfo is None:
        raise ParadataError(path, "must be an ISO-8601 date-time with a UTC offset")
    return t


def _offset(v: Any, path: str, nullable: bool = False) -> int | None:
    if v is None and nullable:
        return None
    if not _is_int(v) or not -MAX_OFFSET_S <= v <= MAX_OFFSET_S:
        raise ParadataError(path, f"must be whole seconds within ±{MAX_OFFSET_S}")
    return v


def _text(v: Any, path: str, nullable: bool = False, hexlen: int | None = None) -> str | None:
    if v is None and nullable:
        return None
    ok = isinstance(v, str) and 0 < len(v) <= MAX_NAME and "\x00" not in v
    if ok and hexlen is not None:
        ok = len(v) == hexlen and all(c in "0123456789abcdef" for c in v)
    if not ok:
        what = f"{hexlen} lowercase hex digits" if hexlen else f"a name of 1-{MAX_NAME} characters"
        raise ParadataError(path, f"must be {what}")
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        raise ParadataError(path, "is not valid Unicode") from None
    return v


def _coordinate(v: Any, path: str, limit: float, nullable: bool = False) -> float | None:
    if v is None and nullable:
        return None
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise ParadataError(path, "must be a finite number")
    if not -limit <= v <= limit:
        raise ParadataError(path, f"must be within ±{limit:g}")
    return float(v)


_ARITY = {OPENED: 2, FINALIZED: 2, ANSWER: 3, SECTION: 3, PHOTO: 6, GPS: 5}


def _event(item: Any, path: str) -> Event:
    if not isinstance(item, list) or len(item) < 2:
        raise ParadataError(path, "an event is [seconds, kind, ...]")
    at, kind = _offset(item[0], f"{path}[0]"), item[1]
    if not isinstance(kind, str) or kind not in _ARITY:
        raise ParadataError(f"{path}[1]", "an event kind is one of " + ", ".join(EVENT_KINDS))
    if len(item) != _ARITY[kind]:
        raise ParadataError(path, f"a {kind!r} event has {_ARITY[kind]} items")
    if kind in (ANSWER, SECTION):
        return Event(at, kind, name=_text(item[2], f"{path}[2]"))
    if kind == PHOTO:
        return Event(
            at,
            kind,
            sha256=_text(item[2], f"{path}[2]", hexlen=64),
            dhash=_text(item[3], f"{path}[3]", nullable=True, hexlen=16),
            ahash=_text(item[4], f"{path}[4]", nullable=True, hexlen=16),
            exif_at=_offset(item[5], f"{path}[5]", nullable=True),
        )
    if kind == GPS:
        return Event(
            at,
            kind,
            lat=_coordinate(item[2], f"{path}[2]", 90),
            lon=_coordinate(item[3], f"{path}[3]", 180),
            accuracy_m=_coordinate(item[4], f"{path}[4]", 1e6, nullable=True),
        )
    return Event(at, kind)


def active_seconds(p: Paradata) -> int:
    """Seconds of work in the paradata: gaps between events counted up to IDLE_GAP_S each."""
    times = sorted(e.at for e in p.events)
    return sum(min(b - a, IDLE_GAP_S) for a, b in zip(times, times[1:], strict=False))


@dataclass(frozen=True)
class ParadataSummary:
    """What the indicators read of paradata: active seconds, when it was last finalized, and
    its photo events by sha256 (the server reads a desa's worth of stored paradata)."""

    t0: datetime
    active_s: int
    finalized_at: datetime | None
    photos: dict[str, Event]
    events: int


def summarise(obj: dict) -> ParadataSummary:
    """The summary of paradata JSON that was checked when it arrived (``from_json``), in one
    pass and ~10x faster than reading it whole; KeyError/TypeError/ValueError if it is not.

    >>> s = summarise({"v": 1, "t0": "2026-11-02T09:00:00+07:00", "e": [[0, "o"], [90, "f"]]})
    >>> s.active_s, s.finalized_at.isoformat()
    (90, '2026-11-02T09:01:30+07:00')
    """
    t0 = datetime.fromisoformat(obj["t0"])
    times, done, photos = [], None, {}
    for item in obj["e"]:
        at = item[0]
        times.append(at)
        if item[1] == FINALIZED:
            done = at
        elif item[1] == PHOTO:
            photos[item[2]] = Event(at, PHOTO, sha256=item[2], dhash=item[3], ahash=item[4],
                                    exif_at=item[5])  # fmt: skip
    times.sort()
    active = sum(min(b - a, IDLE_GAP_S) for a, b in zip(times, times[1:], strict=False))
    finalized = None if done is None else t0 + timedelta(seconds=done)
    return ParadataSummary(t0, active, finalized, photos, len(times))


def timeline(p: Paradata) -> list[dict]:
    """The events as rows for a reviewer, in time order: time, seconds since t0, kind and
    what it names."""
    out = []
    for e in sorted(p.events, key=lambda e: e.at):
        when = p.t0 + timedelta(seconds=e.at)
        what = e.name or (e.sha256[:12] if e.sha256 else None)
        if e.kind == GPS:
            what = f"{e.lat:.6f}, {e.lon:.6f}"
        out.append({"at": when.isoformat(), "offset_s": e.at, "kind": e.kind, "what": what})
    return out


# --- perceptual hashes of photos ----------------------------------------------------------

HASH_SIDE = 8
DHASH_MAX_DISTANCE = 8
"""Bits (of 64) two dHashes may differ by and still be one picture: a resize and re-save
changes 0-4 bits (tests/dtks/test_integrity.py), two photos of different houses ~20-40."""
AHASH_MAX_DISTANCE = 8
"""Likewise for aHash; a pair is the same picture only when both hashes agree."""
FLAT_BITS = 4
"""A hash with fewer than this many bits set (or unset) is of a flat picture (all one colour,
a lens cap): it would match any other flat one, so it is not compared perceptually."""


def image_hashes(jpeg: bytes) -> tuple[str, str]:
    """(dHash, aHash) of an image's bytes, 16 hex digits each (Pillow decodes it).

    >>> from PIL import Image
    >>> out = io.BytesIO()
    >>> Image.linear_gradient("L").resize((64, 48)).save(out, "JPEG")
    >>> [len(h) for h in image_hashes(out.getvalue())]
    [16, 16]
    """
    from PIL import Image  # Pillow: the one image decoder both sides already use

    with Image.open(io.BytesIO(jpeg)) as image:
        image.draft("L", (HASH_SIDE * 8, HASH_SIDE * 8))
        grey = image.convert("L")
        wide = grey.resize((HASH_SIDE + 1, HASH_SIDE), Image.Resampling.BILINEAR).tobytes()
        square = grey.resize((HASH_SIDE, HASH_SIDE), Image.Resampling.BILINEAR).tobytes()
    return dhash_of(wide), ahash_of(square)


def dhash_of(pixels: Sequence[int]) -> str:
    """The difference hash of a 9 x 8 grey grid (row by row): a bit per left<right pair."""
    bits = 0
    w = HASH_SIDE + 1
    for row in range(HASH_SIDE):
        for col in range(HASH_SIDE):
            bits = bits << 1 | (pixels[row * w + col] < pixels[row * w + col + 1])
    return f"{bits:016x}"


def ahash_of(pixels: Sequence[int]) -> str:
    """The average hash of an 8 x 8 grey grid: a bit per pixel above the mean."""
    mean = sum(pixels) / len(pixels)
    bits = 0
    for p in pixels:
        bits = bits << 1 | (p > mean)
    return f"{bits:016x}"


def hamming(a: str, b: str) -> int:
    """Bits that differ between two hex hashes of equal length.

    >>> hamming("00ff", "01fe")
    2
    """
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def _flat(h: str) -> bool:
    ones = bin(int(h, 16)).count("1")
    return ones < FLAT_BITS or ones > 64 - FLAT_BITS


def same_picture(a: PhotoFacts, b: PhotoFacts) -> str | None:
    """'sha256' when the bytes are equal, 'perceptual' when both hashes are close, else None."""
    if a.sha256 == b.sha256:
        return "sha256"
    if not (a.dhash and a.ahash and b.dhash and b.ahash) or _flat(a.dhash) or _flat(b.dhash):
        return None
    if hamming(a.dhash, b.dhash) <= DHASH_MAX_DISTANCE and (
        hamming(a.ahash, b.ahash) <= AHASH_MAX_DISTANCE
    ):
        return "perceptual"
    return None


# --- what the indicators read -------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """A GPS position in degrees, with its accuracy in metres when known."""

    lat: float
    lon: float
    accuracy_m: float | None = None


@dataclass(frozen=True)
class PhotoFacts:
    """A photo of a verification: its hashes and EXIF capture time (aware) when known."""

    sha256: str
    dhash: str | None = None
    ahash: str | None = None
    taken_at: datetime | None = None


@dataclass(frozen=True)
class VisitFacts:
    """One finalized verification as the indicators see it."""

    household_id: str
    enumerator: str
    kode_wilayah: str
    started_at: datetime | None
    finished_at: datetime | None
    members: int
    answers: int
    point: Point | None = None
    photos: tuple[PhotoFacts, ...] = ()
    paradata: Paradata | None = None
    mode: str = "CAPI"
    summary: ParadataSummary | None = None
    """The paradata summarised (``summarise``), read instead of ``paradata`` when that is None."""


@dataclass(frozen=True)
class Finding:
    """A sign that a verification may not have happened in the field, with its evidence."""

    household_id: str
    indicator: str
    message: str
    evidence: dict = field(default_factory=dict)


SHORT_INTERVIEW = "short_interview"
PHOTO_TIME = "photo_time"
SHARED_PHOTO = "shared_photo"
CLUSTERED_GPS = "clustered_gps"
FAST_TRAVEL = "fast_travel"
FAR_FROM_DESA = "far_from_desa"
ONE_SITTING = "one_sitting"
INDICATORS = (
    SHORT_INTERVIEW,
    PHOTO_TIME,
    SHARED_PHOTO,
    CLUSTERED_GPS,
    FAST_TRAVEL,
    FAR_FROM_DESA,
    ONE_SITTING,
)
"""Every indicator, in the order a reviewer reads them."""


def count_answers(answers: Any) -> int:
    """Answered leaves of an answer set (repeats and groups counted through).

    >>> count_answers({"a": 1, "b": "", "art": [{"nama": "X", "nik": None}, {"nama": "Y"}]})
    3
    """
    if isinstance(answers, dict):
        return sum(count_answers(v) for v in answers.values())
    if isinstance(answers, list):
        return sum(count_answers(v) for v in answers)
    return 0 if answers in (None, "") else 1


EARTH_RADIUS_M = 6_371_008.8


def distance_m(a: Point, b: Point) -> float:
    """Great-circle distance in metres (haversine on a sphere of the mean Earth radius): the
    one statement of it, for the integrity checks, the client's GPS plausibility and the
    reviewer's distances (dtks.forms.expr.geo keeps JavaRosa's radius for form expressions).

    >>> round(distance_m(Point(-6.98765, 107.62912), Point(-6.98765, 107.63912)))
    1104
    """
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dla, dlo = la2 - la1, math.radians(b.lon - a.lon)
    h = math.sin(dla / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlo / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _field_visits(visits: Iterable[VisitFacts]) -> list[VisitFacts]:
    # A PAPI keying session is office work: none of the field indicators applies to it.
    return [v for v in visits if v.mode != "PAPI"]


# --- interview too short ------------------------------------------------------------------

MIN_BASE_S = 120
"""Greeting, consent and the household's own questions take two minutes at the least."""
MIN_PER_MEMBER_S = 30
"""Confirming one member's name, NIK, relation and status: half a minute at the least."""
MIN_PER_ANSWER_S = 1.5
"""Each answered question, most of them prefilled and confirmed: a second and a half."""


def minimum_seconds(members: int, answers: int) -> int:
    """The shortest believable interview for a household's members and answers.

    >>> minimum_seconds(9, 150)
    615
    """
    return round(MIN_BASE_S + MIN_PER_MEMBER_S * members + MIN_PER_ANSWER_S * answers)


def interview_seconds(v: VisitFacts) -> int | None:
    """How long the interview took: active paradata time, else finished minus started."""
    if v.paradata is not None and len(v.paradata.events) > 1:
        return active_seconds(v.paradata)
    if v.paradata is None and v.summary is not None and v.summary.events > 1:
        return v.summary.active_s
    if v.started_at and v.finished_at:
        return round((v.finished_at - v.started_at).total_seconds())
    return None


def short_interview(v: VisitFacts) -> list[Finding]:
    """An interview shorter than minimum_seconds for its members and answers."""
    took, need = interview_seconds(v), minimum_seconds(v.members, v.answers)
    if took is None or took >= need:
        return []
    evidence = {
        "seconds": took,
        "minimum_seconds": need,
        "members": v.members,
        "answers": v.answers,
        "started_at": _iso(v.started_at),
        "finished_at": _iso(v.finished_at),
    }
    message = (
        f"interview took {took} s; {v.members} members and {v.answers} answers need "
        f"at least {need} s"
    )
    return [Finding(v.household_id, SHORT_INTERVIEW, message, evidence)]


def _iso(t: datetime | None) -> str | None:
    return None if t is None else t.isoformat()


# --- photo taken long before or after the visit -------------------------------------------

PHOTO_SLACK_S = 3_600
"""A photo taken more than an hour before the visit started or after it finished was not
taken during it (a camera clock a few minutes off stays well inside)."""


def photo_time(v: VisitFacts) -> list[Finding]:
    """Photos whose EXIF capture time lies over PHOTO_SLACK_S outside started..finished."""
    if v.started_at is None or v.finished_at is None:
        return []
    out = []
    for photo in v.photos:
        if photo.taken_at is None:
            continue
        before = (v.started_at - photo.taken_at).total_seconds()
        after = (photo.taken_at - v.finished_at).total_seconds()
        off = max(before, after)
        if off <= PHOTO_SLACK_S:
            continue
        side = "before the visit started" if before > after else "after the visit finished"
        evidence = {
            "sha256": photo.sha256,
            "taken_at": photo.taken_at.isoformat(),
            "started_at": v.started_at.isoformat(),
            "finished_at": v.finished_at.isoformat(),
            "off_seconds": round(off),
        }
        message = f"photo {photo.sha256[:12]} taken {_hours(off)} {side}"
        out.append(Finding(v.household_id, PHOTO_TIME, message, evidence))
    return out


def _hours(seconds: float) -> str:
    return f"{seconds / 3600:.1f} h" if seconds >= 3600 else f"{seconds / 60:.0f} min"


# --- the same photo on two households -----------------------------------------------------


BANDS = tuple((shift, 7) for shift in range(0, 56, 7)) + ((56, 8),)
"""dHash cut into DHASH_MAX_DISTANCE + 1 bands: two hashes at most that many bits apart agree
whole on at least one band (pigeonhole), so only photos sharing a band are compared; a desa
of 3,000 photos is ~300,000 comparisons instead of 4.5 million."""


def _candidates(photos: list[tuple[str, PhotoFacts]]) -> set[tuple[int, int]]:
    """Index pairs that may be one picture: the same sha256, or a dHash band in common."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, (_, p) in enumerate(photos):
        groups[("sha", p.sha256)].append(i)
        if p.dhash and p.ahash and not _flat(p.dhash):
            value = int(p.dhash, 16)
            for band, (shift, width) in enumerate(BANDS):
                groups[(band, value >> shift & (1 << width) - 1)].append(i)
    return {(a, b) for members in groups.values() for i, a in enumerate(members) for b in members[i + 1 :]}  # fmt: skip


def _bits(p: PhotoFacts) -> tuple[int, int] | None:
    """(dHash, aHash) as integers, None for a photo not compared perceptually (as same_picture)."""
    if not (p.dhash and p.ahash) or _flat(p.dhash):
        return None
    return int(p.dhash, 16), int(p.ahash, 16)


def _close(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return (a[0] ^ b[0]).bit_count() <= DHASH_MAX_DISTANCE and (
        a[1] ^ b[1]
    ).bit_count() <= AHASH_MAX_DISTANCE


def shared_photos(visits: Iterable[VisitFacts]) -> list[Finding]:
    """Each household whose photo is another household's too, by sha256 or perceptual hash."""
    photos = [(v.household_id, p) for v in _field_visits(visits) for p in v.photos]
    bits = [_bits(p) for _, p in photos]
    pairs: dict[tuple[str, str, str], dict] = {}
    for i, j in sorted(_candidates(photos)):
        (hid_a, a), (hid_b, b) = photos[i], photos[j]
        if hid_a == hid_b:
            continue
        if a.sha256 == b.sha256:
            how = "sha256"
        elif bits[i] and bits[j] and _close(bits[i], bits[j]):
            how = "perceptual"
        else:
            continue
        distance = {"dhash": _distance(a.dhash, b.dhash), "ahash": _distance(a.ahash, b.ahash)}
        for me, mine, other, theirs in ((hid_a, a, hid_b, b), (hid_b, b, hid_a, a)):
            pairs.setdefault(
                (me, mine.sha256, other),
                {"sha256": mine.sha256, "other_household_id": other,
                 "other_sha256": theirs.sha256, "match": how, "distance": distance},
            )  # fmt: skip
    out = []
    for (hid, sha, other), evidence in sorted(pairs.items()):
        how = "the same file" if evidence["match"] == "sha256" else "a resized or re-saved copy"
        message = f"photo {sha[:12]} is {how} of a photo of household {other}"
        out.append(Finding(hid, SHARED_PHOTO, message, evidence))
    return out


def _distance(a: str | None, b: str | None) -> int | None:
    return hamming(a, b) if a and b else None


# --- GPS points identical or within a few metres ------------------------------------------

CLUSTER_RADIUS_M = 5.0
"""Two houses' doors are rarely under 5 m apart, and a phone's fix of each is taken in front
of its own door: points closer than this for many households were taken on one spot."""
CLUSTER_MIN_HOUSEHOLDS = 4
"""Two or three close points happen (a shared yard, row houses); four or more do not."""


def _cells(points: dict[str, Point], size_m: float) -> dict[tuple[int, int], list[str]]:
    cells: dict[tuple[int, int], list[str]] = defaultdict(list)
    for hid, p in points.items():
        cells[_cell(p, size_m)].append(hid)
    return cells


def _cell(p: Point, size_m: float) -> tuple[int, int]:
    deg = size_m / 111_320
    return int(math.floor(p.lat / deg)), int(math.floor(p.lon / deg))


def _near(points, cells, hid: str, radius_m: float) -> list[tuple[str, float]]:
    p = points[hid]
    row, col = _cell(p, radius_m)
    # A degree of longitude shrinks with latitude; Indonesia lies within 11° of the equator,
    # so the neighbouring cells (and one more east and west) hold every point within radius.
    out = []
    for dr in (-1, 0, 1):
        for dc in (-2, -1, 0, 1, 2):
            for other in cells.get((row + dr, col + dc), ()):
                if other != hid:
                    d = distance_m(p, points[other])
                    if d <= radius_m:
                        out.append((other, d))
    return sorted(out, key=lambda x: (x[1], x[0]))


def clustered_points(visits: Iterable[VisitFacts]) -> list[Finding]:
    """Households whose GPS point has CLUSTER_MIN_HOUSEHOLDS - 1 others within CLUSTER_RADIUS_M."""
    points = {v.household_id: v.point for v in _field_visits(visits) if v.point is not None}
    cells = _cells(points, CLUSTER_RADIUS_M)
    out = []
    for hid in sorted(points):
        near = _near(points, cells, hid, CLUSTER_RADIUS_M)
        if len(near) + 1 < CLUSTER_MIN_HOUSEHOLDS:
            continue
        identical = sum(1 for _, d in near if d < 0.5)
        evidence = {
            "lat": points[hid].lat,
            "lon": points[hid].lon,
            "radius_m": CLUSTER_RADIUS_M,
            "others": [{"household_id": o, "distance_m": round(d, 1)} for o, d in near[:50]],
            "count": len(near),
            "identical": identical,
        }
        message = (
            f"{len(near)} other households within {CLUSTER_RADIUS_M:g} m of this GPS point "
            f"({identical} identical)"
        )
        out.append(Finding(hid, CLUSTERED_GPS, message, evidence))
    return out


# --- consecutive visits faster than travel allows -----------------------------------------

MAX_TRAVEL_MPS = 40 / 3.6
"""40 km/h: a motorbike on village roads, door to door, is not faster on average."""
TRAVEL_MIN_DISTANCE_M = 300.0
"""Below this the distance is neighbours and GPS error: not judged."""


def fast_travel(visits: Iterable[VisitFacts]) -> list[Finding]:
    """Consecutive visits by one enumerator whose distance needs longer than the gap between
    one visit's finish and the next one's start (at MAX_TRAVEL_MPS)."""
    by_user: dict[str, list[VisitFacts]] = defaultdict(list)
    for v in _field_visits(visits):
        if v.point and v.started_at and v.finished_at:
            by_user[v.enumerator].append(v)
    out = []
    for user, mine in sorted(by_user.items()):
        mine.sort(key=lambda v: (v.started_at, v.household_id))
        for prev, nxt in zip(mine, mine[1:], strict=False):
            gap = (nxt.started_at - prev.finished_at).total_seconds()
            d = distance_m(prev.point, nxt.point)
            need = d / MAX_TRAVEL_MPS
            if d < TRAVEL_MIN_DISTANCE_M or gap < 0 or gap >= need:
                continue
            speed = d / max(gap, 1.0) * 3.6
            for me, other in ((nxt, prev), (prev, nxt)):
                evidence = {
                    "enumerator": user,
                    "other_household_id": other.household_id,
                    "distance_m": round(d),
                    "gap_seconds": round(gap),
                    "minimum_seconds": round(need),
                    "speed_kmh": round(speed, 1),
                    "previous_finished_at": prev.finished_at.isoformat(),
                    "next_started_at": nxt.started_at.isoformat(),
                }
                message = (
                    f"{round(d)} m from household {other.household_id} in {round(gap)} s "
                    f"({speed:.0f} km/h; at most {MAX_TRAVEL_MPS * 3.6:.0f} km/h is believable)"
                )
                out.append(Finding(me.household_id, FAST_TRAVEL, message, evidence))
    return out


# --- a point far from the desa ------------------------------------------------------------

FAR_MIN_M = 3_000.0
"""A desa's houses lie within a few km of each other; nearer than 3 km is never judged far."""
FAR_FACTOR = 3.0
"""Far is also more than three times the distance within which 75% of the desa's points lie
(a quartile, so that a few far points do not stretch the extent they are judged by)."""
FAR_MIN_POINTS = 5
"""An extent made from the households' own points needs at least this many."""


@dataclass(frozen=True)
class DesaExtent:
    """Where a desa lies: a centre and the radius within which its houses are."""

    kode_wilayah: str
    centre: Point
    radius_m: float
    source: str
    """'wilayah' (from boundary data) or 'households' (from the desa's own points)."""
    south: float = 0.0
    west: float = 0.0
    north: float = 0.0
    east: float = 0.0

    @classmethod
    def from_points(cls, kode: str, points: Sequence[Point]) -> DesaExtent | None:
        """The extent of a desa from its households' points (median centre, 75% radius)."""
        if len(points) < FAR_MIN_POINTS:
            return None
        centre = Point(
            statistics.median(p.lat for p in points), statistics.median(p.lon for p in points)
        )
        distances = sorted(distance_m(centre, p) for p in points)
        radius = distances[min(len(distances) - 1, math.ceil(0.75 * len(distances)) - 1)]
        return cls(
            kode,
            centre,
            radius,
            "households",
            min(p.lat for p in points),
            min(p.lon for p in points),
            max(p.lat for p in points),
            max(p.lon for p in points),
        )

    def far_limit_m(self) -> float:
        """Beyond this distance from the centre a point is far from the desa."""
        return max(FAR_MIN_M, FAR_FACTOR * self.radius_m)


def far_from_desa(visits: Iterable[VisitFacts], extents: dict[str, DesaExtent]) -> list[Finding]:
    """Households whose GPS point lies farther than far_limit_m from their desa's centre."""
    out = []
    for v in _field_visits(visits):
        extent = extents.get(v.kode_wilayah)
        if v.point is None or extent is None:
            continue
        d = distance_m(extent.centre, v.point)
        if d <= extent.far_limit_m():
            continue
        evidence = {
            "lat": v.point.lat,
            "lon": v.point.lon,
            "kode_wilayah": v.kode_wilayah,
            "centre": {"lat": extent.centre.lat, "lon": extent.centre.lon},
            "distance_m": round(d),
            "limit_m": round(extent.far_limit_m()),
            "extent_source": extent.source,
        }
        message = f"GPS point {d / 1000:.1f} km from the centre of desa {v.kode_wilayah}"
        out.append(Finding(v.household_id, FAR_FROM_DESA, message, evidence))
    return out


def extents_from_visits(visits: Iterable[VisitFacts], more: dict | None = None) -> dict:
    """Each desa's extent from its households' points (verification GPS, plus ``more``:
    {kode_wilayah: [Point]} such as pre-list coordinates)."""
    points: dict[str, list[Point]] = defaultdict(list)
    for v in _field_visits(visits):
        if v.point is not None:
            points[v.kode_wilayah].append(v.point)
    for kode, extra in (more or {}).items():
        points[kode].extend(extra)
    out = {}
    for kode, pts in points.items():
        extent = DesaExtent.from_points(kode, pts)
        if extent is not None:
            out[kode] = extent
    return out


# --- many households finalized in one sitting at one place --------------------------------

SITTING_GAP_S = 300
"""Walking to the next house and interviewing it takes far more than 5 minutes: finalizing
again within 5 minutes is the same sitting."""
SITTING_RADIUS_M = 50.0
"""...at one place: the finalize points within 50 m of the sitting's first."""
SITTING_MIN_HOUSEHOLDS = 5
"""Finishing two or three drafts together happens; five or more in one sitting does not."""


def _finalized_at(v: VisitFacts) -> datetime | None:
    if v.paradata is not None:
        done = v.paradata.kinds(FINALIZED)
        if done:
            return v.paradata.t0 + timedelta(seconds=done[-1].at)
    elif v.summary is not None and v.summary.finalized_at is not None:
        return v.summary.finalized_at
    return v.finished_at


def one_sitting(visits: Iterable[VisitFacts]) -> list[Finding]:
    """Runs of SITTING_MIN_HOUSEHOLDS or more finalizations by one enumerator, each within
    SITTING_GAP_S of the last, at points within SITTING_RADIUS_M of the run's first."""
    by_user: dict[str, list[tuple[datetime, VisitFacts]]] = defaultdict(list)
    for v in _field_visits(visits):
        at = _finalized_at(v)
        if at is not None and v.point is not None:
            by_user[v.enumerator].append((at, v))
    out = []
    for user, mine in sorted(by_user.items()):
        mine.sort(key=lambda x: (x[0], x[1].household_id))
        run: list[tuple[datetime, VisitFacts]] = []
        for item in mine + [None]:
            if item is not None and run and _same_sitting(run, item):
                run.append(item)
                continue
            if len(run) >= SITTING_MIN_HOUSEHOLDS:
                out += _sitting_findings(user, run)
            run = [item] if item is not None else []
    return out


def _same_sitting(run, item) -> bool:
    gap = (item[0] - run[-1][0]).total_seconds()
    return gap <= SITTING_GAP_S and distance_m(run[0][1].point, item[1].point) <= SITTING_RADIUS_M


def _sitting_findings(user: str, run) -> list[Finding]:
    first, last = run[0][0], run[-1][0]
    households = [v.household_id for _, v in run]
    span = round((last - first).total_seconds())
    out = []
    for _, v in run:
        evidence = {
            "enumerator": user,
            "households": households,
            "finalized_at": [t.isoformat() for t, _ in run],
            "span_seconds": span,
            "lat": run[0][1].point.lat,
            "lon": run[0][1].point.lon,
            "radius_m": SITTING_RADIUS_M,
        }
        message = (
            f"one of {len(run)} households {user} finalized within {span} s "
            f"at one place (within {SITTING_RADIUS_M:g} m)"
        )
        out.append(Finding(v.household_id, ONE_SITTING, message, evidence))
    return out


# --- all of them --------------------------------------------------------------------------


def analyse(
    visits: Sequence[VisitFacts], extents: dict[str, DesaExtent] | None = None
) -> list[Finding]:
    """Every indicator over a set of finalized verifications (a desa's, an enumerator's);
    extents default to those made from the visits' own points."""
    field_visits = _field_visits(visits)
    if extents is None:
        extents = extents_from_visits(field_visits)
    out: list[Finding] = []
    for v in field_visits:
        out += short_interview(v) + photo_time(v)
    out += shared_photos(field_visits)
    out += clustered_points(field_visits)
    out += fast_travel(field_visits)
    out += far_from_desa(field_visits, extents)
    out += one_sitting(field_visits)
    order = {name: i for i, name in enumerate(INDICATORS)}
    return sorted(out, key=lambda f: (f.household_id, order[f.indicator], f.message))


def finding_json(f: Finding) -> dict:
    """A finding as JSON (what the server stores and the evidence route returns)."""
    return {"indicator": f.indicator, "message": f.message, "evidence": f.evidence}


def summary(findings: Iterable[Finding]) -> str:
    """One line for a flag's detail: the indicators found and their first messages."""
    items = list(findings)
    return "; ".join(f"{f.indicator}: {f.message}" for f in items)[:2000]
