"""capi_app.media against the photos phones and cameras really write, built here byte by byte.

EXIF is written with a small TIFF writer below (Pillow's own writer tidies values up, and the
point is to write what careless firmware writes: zero denominators, FLOAT degrees, BYTE refs).
"""

from __future__ import annotations

import hashlib
import io
import random
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageFile

from capi_app.media import PhotoError, process_photo, read_and_process, read_exif
from capi_app.media import photos as media_photos

PHOTOS = Path(__file__).parent / "photos"
REAL = sorted(p.name for p in PHOTOS.glob("*.jpg"))

# --- writing EXIF -------------------------------------------------------------------------

ASCII, BYTE, SHORT, LONG, RATIONAL, UNDEFINED, SRATIONAL, FLOAT, DOUBLE = (
    2,
    1,
    3,
    4,
    5,
    7,
    10,
    11,
    12,
)
_PACK = {BYTE: "B", SHORT: "H", LONG: "I", RATIONAL: "II", SRATIONAL: "ii", FLOAT: "f", DOUBLE: "d"}


def _value_bytes(kind: int, values) -> tuple[int, bytes]:
    if kind in (ASCII, UNDEFINED):
        raw = values if isinstance(values, bytes) else values.encode("latin-1") + b"\0"
        return len(raw), raw
    return len(values), b"".join(
        struct.pack("<" + _PACK[kind], *(v if isinstance(v, tuple) else (v,))) for v in values
    )


def _ifd(entries: dict, start: int) -> bytes:
    """One little-endian IFD at offset ``start``, its out-of-line values right after it."""
    head, data = struct.pack("<H", len(entries)), b""
    data_at = start + 2 + 12 * len(entries) + 4
    for tag, (kind, values) in sorted(entries.items()):
        count, raw = _value_bytes(kind, values)
        if len(raw) <= 4:
            head += struct.pack("<HHI", tag, kind, count) + raw.ljust(4, b"\0")
        else:
            head += struct.pack("<HHII", tag, kind, count, data_at + len(data))
            data += raw + b"\0" * (len(raw) % 2)
    return head + struct.pack("<I", 0) + data


def exif_bytes(
    ifd0: dict | None = None, exif: dict | None = None, gps: dict | None = None
) -> bytes:
    """An APP1/eXIf payload: IFD0, then the Exif and GPS IFDs it points to."""
    ifd0 = dict(ifd0 or {})
    subs = [(tag, sub) for tag, sub in ((0x8769, exif), (0x8825, gps)) if sub is not None]
    for tag, _ in subs:
        ifd0[tag] = (LONG, [0])
    body = _ifd(ifd0, 8)
    for tag, sub in subs:
        ifd0[tag] = (LONG, [8 + len(body)])
        body = _ifd(ifd0, 8) + body[len(_ifd(ifd0, 8)) :] + _ifd(sub, 8 + len(body))
    return b"Exif\0\0II*\0" + struct.pack("<I", 8) + body


def r(*values) -> list:
    """Rationals: ints as n/1, tuples as written."""
    return [v if isinstance(v, tuple) else (v, 1) for v in values]


def save(image: Image.Image, fmt: str = "JPEG", **params) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def jpeg_with(**exif) -> bytes:
    return save(Image.new("RGB", (32, 24), (90, 120, 60)), exif=exif_bytes(**exif))


# --- orientation --------------------------------------------------------------------------

T = Image.Transpose
# How a camera stores an upright scene for each orientation tag (the inverse of the fix).
STORED_AS = {
    1: [],
    2: [T.FLIP_LEFT_RIGHT],
    3: [T.ROTATE_180],
    4: [T.FLIP_TOP_BOTTOM],
    5: [T.TRANSPOSE],
    6: [T.ROTATE_90],
    7: [T.TRANSVERSE],
    8: [T.ROTATE_270],
}
COLOURS = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)]  # TL, TR, BL, BR


def _scene() -> Image.Image:
    """A landscape picture whose four quarters differ: any turn or mirror shows."""
    scene = Image.new("RGB", (120, 80))
    for (x, y), colour in zip([(0, 0), (60, 0), (0, 40), (60, 40)], COLOURS, strict=True):
        scene.paste(colour, (x, y, x + 60, y + 40))
    return scene


def _quarters(image: Image.Image) -> list[tuple[int, ...]]:
    w, h = image.size
    points = [
        (w // 4, h // 4),
        (3 * w // 4, h // 4),
        (w // 4, 3 * h // 4),
        (3 * w // 4, 3 * h // 4),
    ]
    return [tuple(round(c / 255) * 255 for c in image.getpixel(p)) for p in points]


def _stored(orientation: int) -> Image.Image:
    image = _scene()
    for step in STORED_AS[orientation]:
        image = image.transpose(step)
    return image


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_ends_upright_and_not_mirrored(orientation, fmt):
    raw = _stored(orientation)
    data = save(raw, fmt, exif=exif_bytes({0x0112: (SHORT, [orientation])}), quality=95)
    photo = process_photo(data, f"o{orientation}.{fmt.lower()}")
    assert photo.meta.orientation == orientation
    with Image.open(io.BytesIO(photo.jpeg)) as stored:
        assert stored.size == (120, 80)
        assert _quarters(stored) == COLOURS


def test_orientation_from_exifread_when_pillow_cannot_read_the_exif(monkeypatch):
    def broken(self):
        raise SyntaxError("damaged EXIF")

    monkeypatch.setattr(Image.Image, "getexif", broken)
    data = save(_stored(6), exif=exif_bytes({0x0112: (SHORT, [6])}), quality=95)
    with Image.open(io.BytesIO(process_photo(data, "o6.jpg").jpeg)) as stored:
        assert _quarters(stored) == COLOURS


@pytest.mark.parametrize("value", [0, 9, 65535])
def test_orientation_out_of_range_leaves_the_picture_as_stored(value):
    data = save(_scene(), exif=exif_bytes({0x0112: (SHORT, [value])}), quality=95)
    photo = process_photo(data, "odd.jpg")
    with Image.open(io.BytesIO(photo.jpeg)) as stored:
        assert photo.meta.orientation == 1 and _quarters(stored) == COLOURS


# --- GPS ----------------------------------------------------------------------------------

SOUTH = {1: (ASCII, "S"), 2: (RATIONAL, r(6, 59, (1554, 100)))}
EAST = {3: (ASCII, "E"), 4: (RATIONAL, r(107, 37, (44832, 1000)))}
BANDUNG = (-6.98765, 107.62912)


@pytest.mark.parametrize(
    ("gps", "position"),
    [
        pytest.param({**SOUTH, **EAST}, BANDUNG, id="phone"),
        pytest.param({**SOUTH, **EAST, 1: (ASCII, "s"), 3: (ASCII, "e")}, BANDUNG, id="lowercase"),
        pytest.param({**SOUTH, **EAST, 1: (ASCII, "South")}, BANDUNG, id="word"),
        pytest.param({**SOUTH, **EAST, 1: (UNDEFINED, b"S\0")}, BANDUNG, id="ref-as-bytes"),
        pytest.param({**SOUTH, **EAST, 3: (BYTE, [ord("E")])}, BANDUNG, id="ref-as-byte"),
        pytest.param(
            {**SOUTH, **EAST, 2: (FLOAT, [6.0, 59.0, 15.54]), 4: (DOUBLE, [107.0, 37.0, 44.832])},
            BANDUNG,
            id="float-and-double",
        ),
        pytest.param(
            {**SOUTH, **EAST, 2: (SRATIONAL, r(6, 59, (1554, 100)))}, BANDUNG, id="signed"
        ),
        pytest.param(
            {**SOUTH, **EAST, 2: (RATIONAL, r(6, (5925900, 100000), 0))}, BANDUNG, id="ddmm.mmmm"
        ),
        pytest.param(
            {**SOUTH, **EAST, 2: (RATIONAL, r(6, (5925900, 100000), (0, 0)))},
            BANDUNG,
            id="seconds-0/0",
        ),
        pytest.param({**SOUTH, **EAST, 2: (RATIONAL, r((698765, 100000)))}, BANDUNG, id="degrees"),
        pytest.param(
            {**SOUTH, **EAST, 2: (RATIONAL, r((698765, 100000), 0, 0))}, BANDUNG, id="decimal-deg"
        ),
        pytest.param(
            {1: (ASCII, "N"), 2: (RATIONAL, r(0, 0, 0)), **EAST}, (0.0, 107.62912), id="equator"
        ),
        pytest.param({**SOUTH, **EAST, 9: (ASCII, "A")}, BANDUNG, id="status-active"),
    ],
)
def test_gps_variants_phones_write_are_read(gps, position):
    meta = read_exif(jpeg_with(gps=gps))
    assert (meta.lat, meta.lon) == pytest.approx(position, abs=1e-6)
    assert meta.problems == []


@pytest.mark.parametrize(
    ("gps", "problem"),
    [
        pytest.param({2: SOUTH[2], **EAST}, "GPSLatitudeRef is missing", id="no-lat-ref"),
        pytest.param({**SOUTH, 4: EAST[4]}, "GPSLongitudeRef is missing", id="no-lon-ref"),
        pytest.param({**SOUTH, **EAST, 1: (ASCII, "X")}, "GPSLatitudeRef is X", id="bad-ref"),
        pytest.param({**SOUTH, **EAST, 1: (ASCII, "E")}, "GPSLatitudeRef is E", id="swapped-ref"),
        pytest.param({**SOUTH, **EAST, 2: (RATIONAL, r((6, 0), 59, 0))}, "zero denom", id="deg/0"),
        pytest.param(
            {**SOUTH, **EAST, 2: (RATIONAL, r(6, 59, (5, 0)))}, "zero denom", id="sec 5/0"
        ),
        pytest.param({**SOUTH, **EAST, 2: (RATIONAL, r(6, 75, 0))}, "not degrees", id="minutes-75"),
        pytest.param({**SOUTH, **EAST, 2: (SRATIONAL, r(-6, 59, 0))}, "not degrees", id="negative"),
        pytest.param({**SOUTH, **EAST, 2: (RATIONAL, [])}, "no degrees", id="empty"),
        pytest.param({**SOUTH, **EAST, 4: (RATIONAL, r(200, 0, 0))}, "out of range", id="lon>180"),
        pytest.param({**SOUTH, **EAST, 2: (RATIONAL, r(95, 0, 0))}, "out of range", id="lat>90"),
        pytest.param(
            {**SOUTH, **EAST, 2: (RATIONAL, r(659, (1234, 100), 0))}, "out of range", id="nmea-raw"
        ),
        pytest.param(
            {**SOUTH, **EAST, 2: (RATIONAL, r(0, 0, 0)), 4: (RATIONAL, r(0, 0, 0))},
            "without a fix",
            id="0/0/0",
        ),
        pytest.param({**SOUTH, **EAST, 9: (ASCII, "V")}, "no fix", id="status-void"),
        pytest.param({**SOUTH}, "GPSLongitude", id="latitude-only"),
    ],
)
def test_gps_that_cannot_be_trusted_is_dropped_with_a_reason_and_the_photo_kept(gps, problem):
    data = jpeg_with(gps={**gps, 5: (BYTE, [0]), 6: (RATIONAL, r(712))})
    photo = process_photo(data, "rumah.jpg")
    assert (photo.meta.lat, photo.meta.lon, photo.meta.altitude_m) == (None, None, None)
    assert any(problem in p for p in photo.meta.problems), photo.meta.problems


def test_altitude_below_sea_level_is_negative():
    below = read_exif(jpeg_with(gps={**SOUTH, **EAST, 5: (BYTE, [1]), 6: (RATIONAL, r(3))}))
    above = read_exif(jpeg_with(gps={**SOUTH, **EAST, 5: (BYTE, [0]), 6: (RATIONAL, r(712))}))
    as_ascii = read_exif(jpeg_with(gps={**SOUTH, **EAST, 6: (RATIONAL, r((7125, 10)))}))
    assert (below.altitude_m, above.altitude_m, as_ascii.altitude_m) == (-3, 712, 712.5)


def test_absurd_altitude_is_dropped_but_the_position_kept():
    meta = read_exif(jpeg_with(gps={**SOUTH, **EAST, 6: (RATIONAL, [(4_000_000_000, 1)])}))
    assert meta.lat == pytest.approx(BANDUNG[0]) and meta.altitude_m is None
    assert any("altitude" in p for p in meta.problems)


@pytest.mark.parametrize(
    ("stamp", "date", "expected"),
    [
        (r(2, 41, 12), "2026:11:02", "2026-11-02T02:41:12+00:00"),
        (r(23, 59, (5999, 100)), "2026:11:02", "2026-11-02T23:59:59.990000+00:00"),
        (r(2, 41, 12), "2026-11-02", "2026-11-02T02:41:12+00:00"),
        (r(25, 0, 0), "2026:11:02", None),
        (r(2, (41, 0), 0), "2026:11:02", None),
        (r(2, 41, 12), "0000:00:00", None),
        (r(2, 41), "2026:11:02", None),
    ],
)
def test_gps_date_and_time_become_utc(stamp, date, expected):
    meta = read_exif(jpeg_with(gps={**SOUTH, **EAST, 7: (RATIONAL, stamp), 29: (ASCII, date)}))
    assert meta.gps_at == expected
    assert meta.lat is not None  # a bad GPS time never costs the position


# --- capture time -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exif", "expected"),
    [
        ({0x9003: (ASCII, "2026:11:02 09:41:12")}, "2026-11-02T09:41:12"),
        (
            {0x9003: (ASCII, "2026:11:02 09:41:12"), 0x9011: (ASCII, "+07:00")},
            "2026-11-02T09:41:12+07:00",
        ),
        (
            {0x9003: (ASCII, "2026:11:02 09:41:12"), 0x9011: (ASCII, "+09:00\0")},
            "2026-11-02T09:41:12+09:00",
        ),
        (
            {0x9003: (ASCII, "2026:11:02 09:41:12"), 0x9011: (ASCII, "   :  ")},
            "2026-11-02T09:41:12",
        ),
        ({0x9003: (ASCII, "2026:11:02 09:41:12"), 0x9011: (ASCII, "WIB")}, "2026-11-02T09:41:12"),
        ({0x9003: (ASCII, "2026-11-02 09:41:12")}, "2026-11-02T09:41:12"),
        ({0x9003: (ASCII, "0000:00:00 00:00:00")}, None),
        ({0x9003: (ASCII, "    :  :     :  :  ")}, None),
        ({0x9003: (ASCII, "2026:13:45 99:99:99")}, None),
        ({0x9003: (ASCII, "\xff\xfe kemarin sore")}, None),
        ({0x9003: (ASCII, "2026")}, None),
        ({0x9003: (UNDEFINED, b"\x00\x01\x02")}, None),
        ({0x9003: (SHORT, [2026, 11])}, None),
        (
            {0x9003: (ASCII, "0000:00:00 00:00:00"), 0x9004: (ASCII, "2026:11:02 09:41:13")},
            "2026-11-02T09:41:13",
        ),
    ],
)
def test_capture_time_variants_never_raise(exif, expected):
    assert read_exif(jpeg_with(exif=exif)).taken_at == expected


def test_capture_time_falls_back_to_image_datetime_with_its_offset():
    meta = read_exif(
        jpeg_with(ifd0={0x0132: (ASCII, "2026:11:02 09:41:12")}, exif={0x9010: (ASCII, "+08:00")})
    )
    assert meta.taken_at == "2026-11-02T09:41:12+08:00"


@pytest.mark.filterwarnings("ignore:.*:UserWarning")  # Pillow says what it skipped
def test_damaged_exif_never_raises_and_the_photo_still_imports():
    good = exif_bytes(
        {0x0112: (SHORT, [6]), 0x010F: (ASCII, "Samsung")},
        exif={0x9003: (ASCII, "2026:11:02 09:41:12"), 0x9011: (ASCII, "+07:00")},
        gps={**SOUTH, **EAST, 7: (RATIONAL, r(2, 41, 12)), 29: (ASCII, "2026:11:02")},
    )
    rng = random.Random(7)
    image = Image.new("RGB", (40, 30), (90, 120, 60))
    for _ in range(300):
        damaged = bytearray(good)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(10, len(damaged))] = rng.randrange(256)
        data = save(image, exif=bytes(damaged))
        read_exif(data)  # never raises
        photo = process_photo(data, "rusak.jpg")
        assert max(photo.width, photo.height) == 40


# --- image modes and shapes -----------------------------------------------------------------


def _rgb_at(photo, xy=(5, 5)) -> tuple[int, int, int]:
    with Image.open(io.BytesIO(photo.jpeg)) as stored:
        assert stored.format == "JPEG" and stored.mode == "RGB"
        return stored.getpixel(xy)


def _close(actual, expected, tolerance=6) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True))


def _png_16bit(color_type: int, width: int, height: int, sample: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    grey_or_rgb = struct.pack(">H", sample) * (3 if color_type in (2, 6) else 1)
    opaque = struct.pack(">H", 65535) if color_type in (4, 6) else b""
    row = b"\0" + (grey_or_rgb + opaque) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 16, color_type, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def _palette_with_transparency() -> bytes:
    image = Image.new("P", (40, 30), 0)
    image.putpalette([10, 200, 10, 200, 10, 10] + [0] * 762)
    image.paste(1, (20, 0, 40, 30))
    return save(image, "PNG", transparency=0)


MODES = [
    ("cmyk.jpg", save(Image.new("CMYK", (40, 30), (0, 255, 255, 0))), (255, 0, 0)),
    ("grey.jpg", save(Image.new("L", (40, 30), 90)), (90, 90, 90)),
    ("grey.png", save(Image.new("L", (40, 30), 90), "PNG"), (90, 90, 90)),
    ("bw.png", save(Image.new("1", (40, 30), 1), "PNG"), (255, 255, 255)),
    ("palette.png", _palette_with_transparency(), (255, 255, 255)),
    ("rgba.png", save(Image.new("RGBA", (40, 30), (0, 0, 0, 0)), "PNG"), (255, 255, 255)),
    ("half.png", save(Image.new("RGBA", (40, 30), (0, 0, 0, 128)), "PNG"), (127, 127, 127)),
    ("la.png", save(Image.new("LA", (40, 30), (0, 0)), "PNG"), (255, 255, 255)),
    ("grey16.png", _png_16bit(0, 40, 30, 40000), (156, 156, 156)),
    ("rgb16.png", _png_16bit(2, 40, 30, 40000), (156, 156, 156)),
    ("rgba16.png", _png_16bit(6, 40, 30, 40000), (156, 156, 156)),
    ("la16.png", _png_16bit(4, 40, 30, 40000), (156, 156, 156)),
    (
        "progressive.jpg",
        save(Image.new("RGB", (40, 30), (200, 30, 60)), progressive=True),
        (200, 30, 60),
    ),
    ("dot.jpg", save(Image.new("RGB", (1, 1), (200, 30, 60))), (200, 30, 60)),
]


@pytest.mark.parametrize(("name", "data", "pixel"), MODES, ids=[m[0] for m in MODES])
def test_image_modes_become_an_rgb_jpeg_of_the_same_colour(name, data, pixel):
    photo = process_photo(data, name)
    with Image.open(io.BytesIO(data)) as raw:
        assert (photo.width, photo.height) == raw.size
    xy = (0, 0) if name == "dot.jpg" else (5, 5)
    assert _close(_rgb_at(photo, xy), pixel), (_rgb_at(photo, xy), pixel)


def test_transparent_palette_entry_is_white_and_opaque_entry_keeps_its_colour():
    photo = process_photo(_palette_with_transparency(), "palette.png")
    assert _close(_rgb_at(photo, (5, 5)), (255, 255, 255))
    assert _close(_rgb_at(photo, (35, 5)), (200, 10, 10))


def test_colour_profile_is_applied_and_a_damaged_one_ignored():
    red = Image.new("RGB", (40, 30), (200, 30, 60))
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    assert _close(_rgb_at(process_photo(save(red, icc_profile=srgb), "srgb.jpg")), (200, 30, 60))
    assert _close(
        _rgb_at(process_photo(save(red, icc_profile=b"junk" * 40), "bad.jpg")), (200, 30, 60)
    )


def test_samsung_style_mpo_jpeg_keeps_its_first_picture():
    first, second = (
        Image.new("RGB", (300, 200), (200, 0, 0)),
        Image.new("RGB", (300, 200), (0, 0, 200)),
    )
    data = save(first, "MPO", save_all=True, append_images=[second])
    with Image.open(io.BytesIO(data)) as raw:
        assert raw.format == "MPO"
    photo = process_photo(data, "20261102_094112.jpg")
    assert (photo.width, photo.height) == (300, 200) and _close(_rgb_at(photo), (200, 0, 0))


@pytest.mark.parametrize(
    ("size", "stored"),
    [
        ((8000, 500), (1600, 100)),
        ((500, 8000), (100, 1600)),
        ((60000, 3), (1600, 1)),
        ((1600, 1600), (1600, 1600)),
    ],
)
def test_panoramas_and_strips_keep_their_shape_with_long_side_1600(size, stored):
    data = save(Image.new("RGB", size, (90, 120, 60)), "PNG" if size[1] < 8 else "JPEG")
    photo = process_photo(data, "pano.jpg")
    assert (photo.width, photo.height) == stored


def test_108_megapixel_phone_photo_is_decoded_at_reduced_scale():
    data = save(Image.linear_gradient("L").resize((12000, 9000)), quality=50)
    photo = process_photo(data, "IMG_108MP.jpg")
    assert (photo.width, photo.height) == (1600, 1200)
    with Image.open(io.BytesIO(photo.jpeg)) as stored:
        top, bottom = stored.getpixel((800, 10))[0], stored.getpixel((800, 1190))[0]
    assert top < 10 and bottom > 245  # the gradient survived the scaled decode


def _png_1bit(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    compressor = zlib.compressobj(9)
    row = b"\0" + b"\x55" * ((width + 7) // 8)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_image_exactly_at_the_pixel_limit_imports_and_one_row_more_is_refused():
    assert 8000 * 8000 == media_photos.MAX_PIXELS
    assert process_photo(_png_1bit(8000, 8000), "scan.png").width == 1600
    with pytest.raises(PhotoError, match=r"scan\.png: 8000x8001 pixels is too large"):
        process_photo(_png_1bit(8000, 8001), "scan.png")


def test_jpeg_declaring_more_than_a_200_megapixel_sensor_is_refused_before_decoding():
    data = bytearray(save(Image.new("RGB", (16, 16))))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 13000, 16400)  # height, width: 213 Mpx
    with pytest.raises(PhotoError, match=r"huge\.jpg: .*(too large|too many pixels)"):
        process_photo(bytes(data), "huge.jpg")


def test_jpeg_with_trailing_garbage_imports():
    data = save(Image.new("RGB", (40, 30), (200, 30, 60))) + b"\0\0ANDROID-TRAILER" * 200
    assert _close(_rgb_at(process_photo(data, "trailer.jpg")), (200, 30, 60))


@pytest.mark.parametrize("cut", [2, 50, 1000])
def test_truncated_jpeg_is_refused_even_if_only_the_end_marker_is_missing(cut):
    assert not ImageFile.LOAD_TRUNCATED_IMAGES  # a half-grey photo is never stored
    data = (PHOTOS / "DSCN0012.jpg").read_bytes()
    with pytest.raises(PhotoError, match=r"copy\.jpg: damaged or truncated"):
        process_photo(data[:-cut], "copy.jpg")


def _other_format(fmt: str) -> bytes:
    return save(Image.new("RGB", (20, 10), (200, 30, 60)), fmt)


OTHERS = [
    (_other_format("GIF"), "a GIF image"),
    (_other_format("WEBP"), "a WebP image"),
    (_other_format("TIFF"), "a TIFF"),
    (_other_format("BMP"), "a BMP image"),
    (b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 200, "a HEIC image"),
    (b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf" + b"\0" * 200, "an AVIF image"),
    (b"%PDF-1.7\n" + b"\0" * 200, "a PDF document"),
    (b"", "an empty file"),
    (b"\xff\xd8", "not an image"),
]


@pytest.mark.parametrize(("data", "kind"), OTHERS, ids=[kind for _, kind in OTHERS])
def test_other_formats_are_a_clear_error_naming_the_file(data, kind):
    with pytest.raises(PhotoError, match=rf"^IMG_0412\.jpg: {kind}.*, not a JPEG or PNG photo"):
        process_photo(data, "IMG_0412.jpg")


def test_a_folder_a_missing_file_and_an_unreadable_file_are_clear_errors(tmp_path, monkeypatch):
    (tmp_path / "DCIM").mkdir()
    with pytest.raises(PhotoError, match=r"^DCIM: a folder, not a photo file"):
        read_and_process(tmp_path / "DCIM")
    with pytest.raises(PhotoError, match=r"^gone\.jpg: cannot be read \(No such file"):
        read_and_process(tmp_path / "gone.jpg")
    locked = tmp_path / "locked.jpg"
    locked.write_bytes(b"\xff\xd8\xff")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)  # root reads a chmod 000 file anyway
    with pytest.raises(PhotoError, match=r"^locked\.jpg: cannot be read \(Permission denied\)"):
        read_and_process(locked)


def test_noise_that_no_quality_step_fits_is_shrunk_to_300_kb_but_stays_a_usable_photo():
    noise = Image.frombytes("RGB", (1600, 1200), random.Random(3).randbytes(1600 * 1200 * 3))
    photo = process_photo(save(noise, quality=95), "noise.jpg")
    assert 200 * 1024 <= len(photo.jpeg) <= 300 * 1024
    assert max(photo.width, photo.height) >= 1024


# --- determinism: the server dedups photos by hash ------------------------------------------


@pytest.mark.parametrize("name", REAL)
def test_real_photos_process_to_the_same_bytes_twice(name):
    data = (PHOTOS / name).read_bytes()
    first, second = process_photo(data, name), process_photo(data, name)
    assert first.sha256 == second.sha256 == hashlib.sha256(first.jpeg).hexdigest()
    assert len(first.jpeg) <= 300 * 1024 and max(first.width, first.height) <= 1600


def test_same_bytes_give_the_same_hash_in_another_process():
    name = "bandung_south_gps.jpg"
    code = (
        "import sys; from pathlib import Path; from capi_app.media import process_photo; "
        f"print(process_photo(Path(sys.argv[1]).read_bytes(), {name!r}).sha256)"
    )
    other = subprocess.run(
        [sys.executable, "-c", code, str(PHOTOS / name)], capture_output=True, text=True, check=True
    )
    assert other.stdout.strip() == process_photo((PHOTOS / name).read_bytes(), name).sha256
