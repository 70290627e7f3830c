"""Visit integrity: the paradata encoding and each indicator with its evidence."""

import gzip
import io
import json
from datetime import datetime, timedelta, timezone
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from dtks import integrity, review, sample_visits
from dtks.integrity import (
    ANSWER,
    FINALIZED,
    GPS,
    PHOTO,
    SECTION,
    Event,
    Paradata,
    ParadataError,
    PhotoFacts,
    Point,
    VisitFacts,
)

WIB = timezone(timedelta(hours=7))
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=WIB)
HEX16 = st.text("0123456789abcdef", min_size=16, max_size=16)
NAMES = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=64)  # fmt: skip
OFFSETS = st.integers(-integrity.MAX_OFFSET_S, integrity.MAX_OFFSET_S)
COORD = st.floats(-90, 90, allow_nan=False)

events = st.one_of(
    st.builds(Event, OFFSETS, st.sampled_from([integrity.OPENED, FINALIZED])),
    st.builds(Event, OFFSETS, st.sampled_from([ANSWER, SECTION]), name=NAMES),
    st.builds(
        Event,
        OFFSETS,
        st.just(PHOTO),
        sha256=st.text("0123456789abcdef", min_size=64, max_size=64),
        dhash=st.none() | HEX16,
        ahash=st.none() | HEX16,
        exif_at=st.none() | OFFSETS,
    ),
    st.builds(
        Event,
        OFFSETS,
        st.just(GPS),
        lat=COORD,
        lon=st.floats(-180, 180, allow_nan=False),
        accuracy_m=st.none() | st.floats(0, 1e6, allow_nan=False),
    ),
)


@given(st.lists(events, max_size=60), st.integers(0, 1000))
def test_paradata_round_trips_through_its_compact_encoding(evs, dropped):
    p = Paradata(T0, tuple(evs), dropped)
    assert integrity.decode(integrity.encode(p)) == p


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300)
@given(json_values, st.lists(json_values, max_size=5))
def test_any_json_is_paradata_or_a_paradata_error(value, evs):
    for candidate in (value, {"v": 1, "t0": "2026-11-02T09:00:00+07:00", "e": evs}):
        try:
            integrity.from_json(candidate)
        except ParadataError as e:
            assert e.path.startswith("paradata")


def test_paradata_over_its_caps_is_refused_as_too_large():
    many = {"v": 1, "t0": T0.isoformat(), "e": [[i, "o"] for i in range(integrity.MAX_EVENTS + 1)]}
    with pytest.raises(ParadataError) as e:
        integrity.from_json(many)
    assert e.value.too_large and "2,001 events" in e.value.problem
    wide = {"v": 1, "t0": T0.isoformat(), "e": [[i, "a", "€" * 64] for i in range(1500)]}
    with pytest.raises(ParadataError) as e:
        integrity.from_json(wide)
    assert e.value.too_large and "bytes of paradata" in e.value.problem


def test_the_recorder_merges_typing_and_stops_at_the_cap_keeping_finalize():
    p = Paradata.start(T0)
    for at in (10, 12, 14):
        p = p.add(Event(at, ANSWER, name="nama"))
    assert [(e.at, e.kind) for e in p.events] == [(0, "o"), (14, "a")]
    # A point typed digit by digit: answer and GPS events alternate, each kind merged.
    for at in (20, 21, 22):
        p = p.add(Event(at, ANSWER, name="gps")).add(Event(at, GPS, lat=-6.9, lon=107.0 + at))
    assert [(e.at, e.kind) for e in p.events] == [(0, "o"), (14, "a"), (22, "a"), (22, "g")]
    assert p.events[-1].lon == 129.0
    for i in range(integrity.MAX_EVENTS + 10):
        p = p.add(Event(100 + i * 10, ANSWER, name=f"q{i % 7}"))
    assert len(p.events) == integrity.MAX_EVENTS - 1 and p.dropped > 0
    p = p.add(Event(99_999, FINALIZED))
    assert len(p.events) == integrity.MAX_EVENTS and p.events[-1].kind == FINALIZED


def test_a_nine_member_interview_is_under_5_kb_gzipped():
    p = sample_visits.interview_paradata(T0, 1800, 9, None, Point(-6.9, 107.6), Random(1))
    size = len(gzip.compress(integrity.encode(p)))
    assert size < 5000, size


def test_active_time_ignores_a_form_left_open():
    p = Paradata.start(T0).add(Event(60, ANSWER, name="a")).add(Event(7200, FINALIZED))
    assert integrity.active_seconds(p) == 60 + integrity.IDLE_GAP_S


# --- perceptual hashes on real images ----------------------------------------------------


def house(seed: int, size=(1600, 1200)) -> Image.Image:
    """A picture with shapes and texture that differ by seed."""
    rng = Random(seed)
    image = Image.new("RGB", size, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(25):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        w, h = rng.randrange(100, 700), rng.randrange(100, 600)
        draw.rectangle((x, y, x + w, y + h), fill=tuple(rng.randrange(256) for _ in range(3)))
    return image


def jpeg(image: Image.Image, quality=85) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def facts(data: bytes, name: str) -> PhotoFacts:
    d, a = integrity.image_hashes(data)
    return PhotoFacts(name * 64, d, a)


@pytest.mark.parametrize("seed", range(6))
def test_a_resized_and_resaved_copy_is_the_same_picture(seed):
    original = house(seed)
    copy = original.resize((800, 600), Image.Resampling.LANCZOS)
    a, b = facts(jpeg(original), "a"), facts(jpeg(copy, quality=55), "b")
    assert integrity.same_picture(a, b) == "perceptual"
    assert integrity.hamming(a.dhash, b.dhash) <= 4


def test_pictures_of_different_houses_are_not_the_same():
    hashes = [facts(jpeg(house(seed)), "c") for seed in range(12)]
    for i, a in enumerate(hashes):
        for b in hashes[i + 1 :]:
            assert integrity.same_picture(a, PhotoFacts("d" * 64, b.dhash, b.ahash)) is None


def test_flat_pictures_are_not_compared_perceptually():
    a = facts(jpeg(Image.new("RGB", (300, 200), "white")), "e")
    b = facts(jpeg(Image.new("RGB", (300, 200), "black")), "f")
    assert integrity.same_picture(a, b) is None


# --- the indicators ----------------------------------------------------------------------


def visit(hid="h1", user="enum1", start=T0, minutes=30.0, members=4, point=None, photos=(), **kw):
    return VisitFacts(
        hid,
        user,
        "3204122002",
        start,
        start + timedelta(minutes=minutes),
        members,
        kw.pop("answers", 100),
        point,
        tuple(photos),
        **kw,
    )


def test_short_interview_names_its_time_and_the_minimum():
    (f,) = integrity.short_interview(visit(minutes=2, members=9, answers=176))
    assert f.indicator == integrity.SHORT_INTERVIEW
    assert f.evidence["seconds"] == 120 and f.evidence["minimum_seconds"] == 654
    assert integrity.short_interview(visit(minutes=12, members=9, answers=176)) == []


def test_short_interview_reads_active_paradata_time_over_the_clock():
    p = Paradata.start(T0).add(Event(90, ANSWER, name="a")).add(Event(3600, FINALIZED))
    (f,) = integrity.short_interview(visit(minutes=60, members=9, paradata=p))
    assert f.evidence["seconds"] == 90 + integrity.IDLE_GAP_S


def test_photo_taken_the_day_before_the_visit():
    photo = PhotoFacts("a" * 64, taken_at=T0 - timedelta(days=1))
    (f,) = integrity.photo_time(visit(photos=[photo]))
    assert f.evidence["off_seconds"] == 86400 and "before the visit started" in f.message
    near = PhotoFacts("b" * 64, taken_at=T0 + timedelta(minutes=50))
    assert integrity.photo_time(visit(photos=[near])) == []


def test_the_same_photo_on_two_households_names_the_other():
    p = PhotoFacts("a" * 64, "0f0f0f0f0f0f0f0f", "00ff00ff00ff00ff")
    found = integrity.shared_photos([visit("h1", photos=[p]), visit("h2", photos=[p])])
    assert [
        (f.household_id, f.evidence["other_household_id"], f.evidence["match"]) for f in found
    ] == [
        ("h1", "h2", "sha256"),
        ("h2", "h1", "sha256"),
    ]


def test_gps_points_within_a_few_metres_for_many_households():
    base = Point(-6.98765, 107.62912)
    near = [visit(f"h{i}", point=Point(base.lat + i * 0.00001, base.lon)) for i in range(4)]
    found = integrity.clustered_points(near)
    assert {f.household_id for f in found} == {"h0", "h1", "h2", "h3"}
    assert all(f.evidence["count"] == 3 for f in found)
    three = near[:3]
    assert integrity.clustered_points(three) == []


def test_consecutive_visits_faster_than_travel_allows():
    a = visit("h1", point=Point(-6.98, 107.62))
    b = visit("h2", start=a.finished_at + timedelta(minutes=2), point=Point(-6.98, 107.66))
    found = integrity.fast_travel([a, b])
    assert {(f.household_id, f.evidence["other_household_id"]) for f in found} == {
        ("h1", "h2"),
        ("h2", "h1"),
    }
    assert found[0].evidence["distance_m"] > 4000 and found[0].evidence["gap_seconds"] == 120
    slow = visit("h2", start=a.finished_at + timedelta(minutes=30), point=Point(-6.98, 107.66))
    assert integrity.fast_travel([a, slow]) == []
    other_user = visit("h2", user="enum2", start=b.started_at, point=b.point)
    assert integrity.fast_travel([a, other_user]) == []


def test_a_point_far_from_the_desa():
    lane = [visit(f"h{i}", point=Point(-6.98 + i * 0.0003, 107.62)) for i in range(8)]
    far = visit("far", point=Point(-6.90, 107.62))
    found = integrity.far_from_desa(lane + [far], integrity.extents_from_visits(lane + [far]))
    assert [f.household_id for f in found] == ["far"]
    assert (
        found[0].evidence["distance_m"] > 8000
        and found[0].evidence["extent_source"] == "households"
    )


def test_many_households_finalized_in_one_sitting():
    spot = Point(-6.98, 107.62)
    run = [
        visit(f"h{i}", start=T0 + timedelta(seconds=40 * i), minutes=0.5, point=spot)
        for i in range(5)
    ]
    found = integrity.one_sitting(run)
    assert len(found) == 5 and found[0].evidence["households"] == [f"h{i}" for i in range(5)]
    assert integrity.one_sitting(run[:4]) == []


def test_papi_keying_raises_no_field_indicator():
    keyed = [visit(f"h{i}", minutes=0.5, mode="PAPI", point=Point(-6.98, 107.62)) for i in range(6)]
    assert integrity.analyse(keyed) == []


@pytest.mark.parametrize("seed", range(1, 5))
def test_an_honest_desa_raises_none_and_a_planted_set_raises_each_sign(seed):
    honest = sample_visits.honest_visits(250, seed=seed)
    planted = sample_visits.fabricated_visits(10)
    found = integrity.analyse(honest + planted)
    assert {f.household_id for f in found} <= {v.household_id for v in planted}
    kinds = {f.indicator for f in found}
    assert kinds == {
        "short_interview",
        "photo_time",
        "shared_photo",
        "clustered_gps",
        "one_sitting",
    }
    json.dumps([integrity.finding_json(f) for f in found])  # evidence is JSON


def test_an_integrity_flag_never_blocks_or_holds_by_itself():
    kind = review.flag_kind(review.FLAG_INTEGRITY)
    assert review.blocking({review.FLAG_INTEGRITY}) == set()
    assert not review.holds_review({review.FLAG_INTEGRITY})
    assert review.state_after_resolve({review.FLAG_INTEGRITY}) == review.OPEN
    assert not kind.bulk_ok  # bulk approval leaves it for a reviewer's look


@settings(max_examples=60)
@given(st.lists(st.tuples(st.integers(0, 2**64 - 1), st.integers(0, 2**64 - 1)), min_size=2, max_size=25), st.lists(st.tuples(st.integers(0, 24), st.integers(0, 63)), max_size=40))  # fmt: skip
def test_the_banded_photo_search_finds_every_pair_the_full_comparison_finds(hashes, flips):
    """Near copies (a few bits flipped) of random hashes: the bands miss none of them."""
    items = list(hashes)
    for index, bit in flips:
        d, a = items[index % len(items)]
        items.append((d ^ (1 << bit), a ^ (1 << (63 - bit))))
    photos = [PhotoFacts(f"{i:064x}", f"{d:016x}", f"{a:016x}") for i, (d, a) in enumerate(items)]
    visits = [visit(f"h{i}", photos=[p]) for i, p in enumerate(photos)]
    expected = {
        (f"h{i}", f"h{j}")
        for i, a in enumerate(photos)
        for j, b in enumerate(photos)
        if i != j and integrity.same_picture(a, b)
    }
    found = {
        (f.household_id, f.evidence["other_household_id"]) for f in integrity.shared_photos(visits)
    }
    assert found == expected


@given(st.lists(events, max_size=60))
def test_the_summary_reads_stored_paradata_as_the_whole_reading_does(evs):
    p = Paradata(T0, tuple(evs))
    summary = integrity.summarise(json.loads(integrity.encode(p)))
    assert summary.active_s == integrity.active_seconds(p)
    done = p.kinds(FINALIZED)
    assert summary.finalized_at == (T0 + timedelta(seconds=done[-1].at) if done else None)
    assert summary.photos == {e.sha256: e for e in p.kinds(PHOTO)}
