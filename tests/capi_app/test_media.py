"""capi_app.media: real camera photos in, upright small EXIF-free encrypted JPEGs out."""

from __future__ import annotations

import hashlib
import io
import random
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from store_samples import make_household

from capi_app.media import (
    PhotoError,
    crypto,
    gps_of,
    import_photo,
    process_photo,
    read_photo,
    thumbnail,
)
from capi_app.media.exif import dms_to_decimal, read_exif

PHOTOS = Path(__file__).parent / "photos"
HID = "3204122002000001"


def _photo(name: str):
    return process_photo((PHOTOS / name).read_bytes(), name)


def test_southern_hemisphere_gps_is_negative_latitude():
    meta = read_exif((PHOTOS / "bandung_south_gps.jpg").read_bytes())
    assert meta.lat == pytest.approx(-6.98765, abs=1e-6)
    assert meta.lon == pytest.approx(107.62912, abs=1e-6)
    assert meta.altitude_m == pytest.approx(712)
    assert meta.taken_at == "2026-11-02T09:41:12"
    assert (meta.make, meta.model) == ("Samsung", "Galaxy A14")


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("DSCN0010.jpg", 43.4674483, 11.8851267),
        ("DSCN0012.jpg", 43.4671567, 11.8853950),
        ("DSCN0021.jpg", 43.4670817, 11.8845383),
        ("87_OSError.jpg", 43.7855944, 11.2346194),  # seconds as large rationals
    ],
)
def test_nikon_gps_in_decimal_degrees(name, lat, lon):
    meta = read_exif((PHOTOS / name).read_bytes())
    assert meta.lat == pytest.approx(lat, abs=1e-6) and meta.lon == pytest.approx(lon, abs=1e-6)
    assert meta.make.startswith("NIKON") and not meta.problems


def test_gps_timestamp_and_altitude():
    meta = read_exif((PHOTOS / "DSCN0010.jpg").read_bytes())
    assert meta.gps_at == "2008-10-23T14:27:07.240000+00:00"
    assert meta.taken_at == "2008-10-22T16:28:39"
    assert read_exif((PHOTOS / "87_OSError.jpg").read_bytes()).altitude_m == pytest.approx(42.123)


def test_dms_references_give_the_sign():
    assert dms_to_decimal([6, 59, 15.54], "S") == pytest.approx(-6.98765)
    assert dms_to_decimal([107, 37, 44.832], "E") == pytest.approx(107.62912)
    assert dms_to_decimal([74, 0, 36], "W") == pytest.approx(-74.01)


@pytest.mark.parametrize("name", ["Canon_40D.jpg", "Nikon_D70.jpg", "jolla.jpg", "no_exif.jpg"])
def test_photos_without_gps_import_without_position(name):
    photo = _photo(name)
    assert photo.meta.lat is None and photo.meta.lon is None
    assert photo.width <= 1600 and photo.height <= 1600


def test_makers_capture_time():
    assert _photo("Canon_40D.jpg").meta.taken_at == "2008-05-30T15:56:01"
    assert _photo("jolla.jpg").meta.taken_at == "2014-09-21T16:00:56"
    assert _photo("no_exif.jpg").meta.taken_at is None


@pytest.mark.parametrize(
    ("name", "landscape"),
    [("landscape_6.jpg", True), ("portrait_6.jpg", False), ("portrait_8.jpg", False)],
)
def test_rotated_photos_end_up_upright(name, landscape):
    with Image.open(PHOTOS / name) as raw:
        raw_w, raw_h = raw.size
    photo = _photo(name)
    assert (photo.width, photo.height) == (raw_h, raw_w)  # orientation 6/8: a quarter turn
    assert (photo.width > photo.height) == landscape


def test_orientation_8_turns_the_other_way_than_6():
    six, eight = _photo("portrait_6.jpg"), _photo("portrait_8.jpg")
    with Image.open(io.BytesIO(six.jpeg)) as a, Image.open(io.BytesIO(eight.jpeg)) as b:
        # The two samples are the same picture stored turned each way: upright they agree
        # (a wrong turn or a mirror gives a mean difference of 28 or more).
        small_a = a.convert("L").resize((30, 40)).tobytes()
        small_b = b.convert("L").resize((30, 40)).tobytes()
    diff = sum(abs(x - y) for x, y in zip(small_a, small_b, strict=True)) / len(small_a)
    assert diff < 5


def test_stored_copy_is_small_jpeg_without_exif_and_hash_matches():
    for name in ("87_OSError.jpg", "bandung_south_gps.jpg", "jolla.jpg", "corrupted.jpg"):
        photo = _photo(name)
        assert max(photo.width, photo.height) == 1600
        assert len(photo.jpeg) <= 300 * 1024
        assert photo.jpeg[:2] == b"\xff\xd8"
        assert hashlib.sha256(photo.jpeg).hexdigest() == photo.sha256
        assert b"Exif" not in photo.jpeg[:4096]
        with Image.open(io.BytesIO(photo.jpeg)) as stored:
            assert not stored.getexif()
        assert read_exif(photo.jpeg).lat is None


def test_corrupted_exif_still_imports_when_the_image_is_fine():
    photo = _photo("corrupted.jpg")
    assert photo.meta.taken_at == "2015-09-08T11:02:17"
    assert (photo.width, photo.height) == (1600, 1200)


def test_noisy_photo_steps_quality_down_to_fit():
    rng = random.Random(1)
    image = Image.frombytes(
        "RGB", (2000, 1500), bytes(rng.getrandbits(8) for _ in range(9_000_000))
    )
    out = io.BytesIO()
    image.save(out, "PNG")
    photo = process_photo(out.getvalue(), "noise.png")
    assert len(photo.jpeg) <= 300 * 1024


def test_png_with_transparency_becomes_a_jpeg():
    image = Image.new("RGBA", (400, 300), (200, 10, 10, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    photo = process_photo(out.getvalue(), "logo.png")
    with Image.open(io.BytesIO(photo.jpeg)) as stored:
        assert stored.format == "JPEG" and stored.getpixel((5, 5))[0] > 240  # white, not black


def test_text_file_named_jpg_is_a_clear_error(tmp_path):
    with pytest.raises(PhotoError, match=r"notes\.jpg: not an image"):
        process_photo(b"Daftar rumah tangga desa Dayeuhkolot\n" * 20, "notes.jpg")


def test_truncated_jpeg_is_a_clear_error():
    data = (PHOTOS / "DSCN0010.jpg").read_bytes()
    with pytest.raises(PhotoError, match=r"cut\.jpg: damaged or truncated"):
        process_photo(data[: len(data) // 2], "cut.jpg")


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit grey
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("side", [9000, 20000, 100000])
def test_decompression_bomb_is_refused(side):
    with pytest.raises(PhotoError, match=r"bomb\.png: .*(too large|too many pixels)"):
        process_photo(_png_header_only(side, side), "bomb.png")


def test_gif_is_not_a_house_photo():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    with pytest.raises(PhotoError, match=r"anim\.gif: a GIF image, not a JPEG or PNG photo"):
        process_photo(out.getvalue(), "anim.gif")


def test_import_stores_an_encrypted_file_and_indexes_gps(pulled):
    pulled.upsert_pulled([make_household(1)])
    record = import_photo(pulled, HID, PHOTOS / "bandung_south_gps.jpg", user="siti")
    assert record.lat == pytest.approx(-6.98765) and record.altitude_m == pytest.approx(712)
    blob = (pulled.profile_dir / record.path).read_bytes()
    assert blob.startswith(crypto.MAGIC) and b"\xff\xd8\xff" not in blob[:64]
    jpeg = read_photo(pulled, record.sha256)
    assert hashlib.sha256(jpeg).hexdigest() == record.sha256
    assert pulled.household(HID).photos == [record.sha256]
    assert pulled.household_state(HID) == "draft"
    assert pulled.photos_to_upload() == []  # a draft's photo waits until the visit is finalized
    pulled.save_verification(HID, {"status_rt": 2}, "finalized", "siti")
    assert [p.sha256 for p in pulled.photos_to_upload()] == [record.sha256]
    pulled.mark_photo_uploaded(record.sha256)
    assert pulled.photos_to_upload() == []
    gps = gps_of(record)
    assert gps.source == "exif" and gps.lat < 0
    with Image.open(io.BytesIO(thumbnail(pulled, record.sha256, 128))) as small:
        assert max(small.size) == 128


def test_importing_the_same_photo_twice_is_one_photo(pulled):
    a = import_photo(pulled, HID, PHOTOS / "DSCN0010.jpg", user="siti")
    b = import_photo(pulled, HID, PHOTOS / "DSCN0010.jpg", user="siti")
    assert a.sha256 == b.sha256 and len(pulled.photos(HID)) == 1


def test_photo_file_does_not_decrypt_under_another_key_or_name(pulled):
    record = import_photo(pulled, HID, PHOTOS / "DSCN0012.jpg", user="siti")
    blob = (pulled.profile_dir / record.path).read_bytes()
    with pytest.raises(crypto.PhotoDecryptError):
        crypto.decrypt(bytes(32), record.sha256, blob)
    with pytest.raises(crypto.PhotoDecryptError):
        crypto.decrypt(pulled.photo_key(), "0" * 64, blob)


def test_import_of_a_bad_file_names_it_and_stores_nothing(pulled, tmp_path):
    bad = tmp_path / "rumah.jpg"
    bad.write_text("bukan foto")
    with pytest.raises(PhotoError, match="rumah.jpg"):
        import_photo(pulled, HID, bad, user="siti")
    assert pulled.photos() == [] and pulled.household_state(HID) == "not_visited"
