"""Import a house photo: check it, turn it upright, shrink it, strip EXIF, hash, encrypt, index.

``import_photo(store, household_id, path, user)`` does all of it for a file; the work
without the store is ``process_photo``:

>>> from PIL import Image
>>> exif = Image.Exif()
>>> exif[0x8825] = {1: "S", 2: (6.0, 59.0, 15.54), 3: "E", 4: (107.0, 37.0, 44.832)}
>>> taken = io.BytesIO()
>>> Image.new("RGB", (4000, 3000), "olive").save(taken, "JPEG", exif=exif)
>>> photo = process_photo(taken.getvalue(), "IMG_0412.jpg")
>>> photo.meta.lat < 0      # most of Indonesia lies south of the equator
True
>>> (photo.width, photo.height), len(photo.sha256), b"Exif" in photo.jpeg
((1600, 1200), 64, False)
>>> process_photo(b"<html><script>", "IMG_0413.jpg")
Traceback (most recent call last):
...
capi_app.media.photos.PhotoError: IMG_0413.jpg: ...
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, UnidentifiedImageError

from capi_app.media import crypto
from capi_app.media.exif import PhotoMeta, read_exif
from capi_app.store.photos import PhotoRecord
from dtks import integrity
from dtks.model import Gps
from dtks.private_files import write_private

MAX_SIDE = 1600
MAX_BYTES = 300 * 1024
QUALITIES = (80, 72, 64, 56, 48, 40)
MAX_PIXELS = 64_000_000  # decoded: above any phone camera's normal mode (50 Mpx is 8160 x 6144)
# A JPEG decodes at 1/2, 1/4 or 1/8 scale, so the 108 and 200 Mpx modes of cheap phones
# (a 200 Mpx sensor is 16320 x 12240) decode within MAX_PIXELS; a PNG has no such shortcut.
MAX_JPEG_PIXELS = 210_000_000
MAX_FILE_BYTES = 60 * 1024 * 1024
# MPO is how Pillow names a JPEG carrying a second picture (Samsung, Pixel Ultra HDR gain maps);
# the first picture is the photo.
FORMATS = ("JPEG", "MPO", "PNG")
# Pillow warns above this and refuses at twice it; we make the warning an error too.
Image.MAX_IMAGE_PIXELS = MAX_JPEG_PIXELS
_SRGB = ImageCms.createProfile("sRGB")
# First bytes of the files people mistake for photos, to say what a refused file is.
_KINDS = (
    (b"GIF8", 0, "a GIF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"II*\x00", 0, "a TIFF (or camera RAW) image"),
    (b"MM\x00*", 0, "a TIFF (or camera RAW) image"),
    (b"BM", 0, "a BMP image"),
    (b"ftypavif", 4, "an AVIF image"),
    (b"ftyp", 4, "a HEIC image"),
    (b"%PDF", 0, "a PDF document"),
)

_TRANSPOSE = {
    2: [Image.Transpose.FLIP_LEFT_RIGHT],
    3: [Image.Transpose.ROTATE_180],
    4: [Image.Transpose.FLIP_TOP_BOTTOM],
    5: [Image.Transpose.TRANSPOSE],
    6: [Image.Transpose.ROTATE_270],
    7: [Image.Transpose.TRANSVERSE],
    8: [Image.Transpose.ROTATE_90],
}


class PhotoError(Exception):
    """A file that cannot become a house photo; the message names the file and the problem."""

    def __init__(self, name: str, problem: str):
        self.name = name
        self.problem = problem
        super().__init__(f"{name}: {problem}")


@dataclass(frozen=True)
class ProcessedPhoto:
    """The stored form of a photo: upright JPEG without EXIF, its hash, size and EXIF facts."""

    jpeg: bytes
    sha256: str
    width: int
    height: int
    meta: PhotoMeta
    dhash: str | None = None
    """Perceptual hashes of the stored JPEG (dtks.integrity.image_hashes), made at capture;
    the server makes its own at upload."""
    ahash: str | None = None


def _not_a_photo(data: bytes) -> str:
    found = (name for magic, at, name in _KINDS if data[at : at + len(magic)] == magic)
    kind = next(found, "not an image") if data else "an empty file (0 bytes)"
    hint = " (iPhone: Settings > Camera > Formats > Most Compatible)" if "HEIC" in kind else ""
    return f"{kind}, not a JPEG or PNG photo{hint}"


def _shrink_on_decode(image: Image.Image) -> None:
    # JPEG decodes straight to 1/2, 1/4 or 1/8 size: a 200 Mpx photo then needs 40 MB of
    # memory, not 600. At least twice the stored size is decoded (as Pillow's thumbnail
    # does), so the LANCZOS resize still has the detail it needs.
    scale = max(image.size) / (2 * MAX_SIDE)
    if image.format in ("JPEG", "MPO") and scale >= 2:
        image.draft(None, (max(1, int(image.width / scale)), max(1, int(image.height / scale))))


def _open(data: bytes, name: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Only the JPEG and PNG decoders ever see the bytes.
            image = Image.open(io.BytesIO(data), formats=("JPEG", "PNG"))
            if image.format not in FORMATS:
                raise PhotoError(name, f"a {image.format} image, not a JPEG or PNG photo")
            _shrink_on_decode(image)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PhotoError(name, f"{width}x{height} pixels is too large to be a photo")
            image.load()
    except PhotoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError(name, "too many pixels (a decompression bomb?), refused") from None
    except UnidentifiedImageError:
        raise PhotoError(name, _not_a_photo(data)) from None
    except (OSError, SyntaxError, ValueError) as e:
        raise PhotoError(name, f"damaged or truncated image ({e})") from None
    return image


def _orientation(image: Image.Image, meta: PhotoMeta) -> int:
    # Pillow and exifread parse EXIF each their own way; on damaged EXIF one may read what the
    # other cannot.
    try:
        value = image.getexif().get(0x0112)
    except Exception:  # Pillow's EXIF parse raises many kinds on damaged EXIF
        value = None
    return value if value in range(1, 9) else meta.orientation


def _upright(image: Image.Image, orientation: int) -> Image.Image:
    for step in _TRANSPOSE.get(orientation, []):
        image = image.transpose(step)
    return image


def _srgb(image: Image.Image) -> Image.Image:
    # The stored copy carries no colour profile, so Adobe RGB, Display P3 or CMYK pixels are
    # converted to sRGB here; without it they look dull or wrong in every viewer.
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "CMYK", "L"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a damaged or odd profile: the plain conversion is still a fair picture
    return image.convert("RGB")


def _rgb(image: Image.Image) -> Image.Image:
    """8-bit sRGB: 16-bit grey scaled down, transparency flattened on white, profile applied."""
    if image.mode.startswith("I"):
        # A plain convert clips 16-bit values to 255: the photo would come out all white.
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return _srgb(image)


def _encode(image: Image.Image) -> bytes:
    """JPEG at quality ~80, stepping down (then shrinking) until it fits MAX_BYTES."""
    while True:
        for quality in QUALITIES:
            out = io.BytesIO()
            # No exif= argument: the stored copy carries no EXIF (GPS stays in the database).
            image.save(out, "JPEG", quality=quality, optimize=True)
            if out.tell() <= MAX_BYTES:
                return out.getvalue()
        image = image.resize((max(1, image.width * 4 // 5), max(1, image.height * 4 // 5)))


def process_photo(data: bytes, name: str = "photo") -> ProcessedPhoto:
    """Check, orient, resize, re-encode a photo's bytes; raise ``PhotoError`` if it is no photo."""
    if len(data) > MAX_FILE_BYTES:
        raise PhotoError(name, f"larger than {MAX_FILE_BYTES // 2**20} MB")
    image = _open(data, name)
    meta = read_exif(data)
    image = _upright(_rgb(image), _orientation(image, meta))
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    jpeg = _encode(image)
    with Image.open(io.BytesIO(jpeg)) as stored:
        width, height = stored.size
    dhash, ahash = integrity.image_hashes(jpeg)
    sha = hashlib.sha256(jpeg).hexdigest()
    return ProcessedPhoto(jpeg, sha, width, height, meta, dhash, ahash)


def read_and_process(source: Path) -> ProcessedPhoto:
    """Read a photo file and process it (the slow part: safe to run off the GUI thread)."""
    source = Path(source)
    if source.is_dir():
        raise PhotoError(source.name, "a folder, not a photo file")
    try:
        data = source.read_bytes()
    except OSError as e:
        raise PhotoError(source.name, f"cannot be read ({e.strerror or e})") from None
    return process_photo(data, source.name)


def store_photo(
    store,
    household_id: str,
    photo: ProcessedPhoto,
    user: str | None,
    *,
    revision: int | None = None,
) -> PhotoRecord:
    """Keep a processed photo encrypted in the profile and index it for the household.

    With ``revision`` the index refuses a household saved again since (``StaleSave``).
    """
    relative = f"{store.photo_dir().name}/{photo.sha256}.vvp"
    # The file first, then the index: a crash between leaves an orphan file, never a dangling row.
    write_private(
        store.profile_dir / relative, crypto.encrypt(store.photo_key(), photo.sha256, photo.jpeg)
    )
    meta = photo.meta
    record = PhotoRecord(
        sha256=photo.sha256,
        household_id=household_id,
        path=relative,
        taken_at=meta.taken_at,
        lat=meta.lat,
        lon=meta.lon,
        altitude_m=meta.altitude_m,
        gps_at=meta.gps_at,
        width=photo.width,
        height=photo.height,
        size=len(photo.jpeg),
        dhash=photo.dhash,
        ahash=photo.ahash,
    )
    store.add_photo(record, user, revision=revision)
    return record


def import_photo(store, household_id: str, source: Path, user: str | None) -> PhotoRecord:
    """Process a photo file, store it encrypted in the profile and index it for the household."""
    return store_photo(store, household_id, read_and_process(source), user)


def read_photo(store, sha256: str) -> bytes:
    """The stored JPEG of a photo, decrypted (for upload and for display)."""
    record = store.photo(sha256)
    if record is None:
        raise PhotoError(sha256, "no such photo in this store")
    return read_record(store, record)


def read_record(store, record: PhotoRecord) -> bytes:
    """The stored JPEG of the photo a record in hand describes, decrypted."""
    blob = (store.profile_dir / record.path).read_bytes()
    return crypto.decrypt(store.photo_key(), record.sha256, blob)


def thumbnail(store, sha256: str, size: int = 256) -> bytes:
    """A small JPEG of a stored photo for lists and previews (made in memory, never saved)."""
    with Image.open(io.BytesIO(read_photo(store, sha256))) as image:
        image.thumbnail((size, size))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=75)
    return out.getvalue()


def gps_of(record: PhotoRecord) -> Gps | None:
    """The photo's EXIF position as a verification GPS (source ``exif``), if it has one."""
    if record.lat is None or record.lon is None:
        return None
    return Gps(
        lat=record.lat, lon=record.lon, accuracy_m=None, source="exif", altitude_m=record.altitude_m
    )
