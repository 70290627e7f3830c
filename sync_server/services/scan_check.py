"""Is an uploaded pengesahan scan what it says: a whole PDF, JPEG or PNG?

First bytes prove nothing (``%PDF-<html><script>`` starts like a PDF). Images are decoded
whole with Pillow (format from the magic bytes only, at most ``MAX_PIXELS``, every pixel
loaded, PNG chunk checksums verified, a JPEG ending in its end marker). A PDF is not rendered
(no PDF library on the server): its structure is checked, as a reader finds its way in:
the header ``%PDF-1.x``/``%PDF-2.0``, ``%%EOF`` in its last 1,024 bytes, and either the
cross-reference that ``startxref`` points to (a table ``xref`` with well-formed entries and a
``trailer`` naming ``/Root``, or an ``/XRef`` stream object naming ``/Root``), or, as readers
repair a wrong offset, a trailer naming a ``/Root`` object the file holds.

>>> scan_problem(b"%PDF-1.4 <html><script>alert(1)</script>")
'a PDF without %%EOF in its last 1,024 bytes (cut short, or not a PDF)'
>>> scan_problem(b"\\xff\\xd8\\xff<html>")
'not a whole JPEG image (cannot identify image file)'
>>> scan_problem(b"GIF89a")
'not a PDF, JPEG or PNG file'
>>> pdf = b"%PDF-1.4\\n1 0 obj << /Type /Catalog >> endobj\\ntrailer << /Root 1 0 R >>\\n%%EOF\\n"
>>> scan_problem(pdf) is None
True

A PDF 1.5 with a cross-reference stream and no trailer keyword is found through startxref:

>>> body = b"%PDF-1.5\\n1 0 obj << /Type /Catalog >> endobj\\n"
>>> xref = b"2 0 obj << /Type /XRef /Root 1 0 R /Size 3 >> stream\\nendstream endobj\\n"
>>> scan_problem(body + xref + b"startxref\\n%d\\n%%%%EOF\\n" % len(body)) is None
True
>>> scan_problem(body + xref + b"startxref\\n9\\n%%EOF\\n")
'a PDF whose startxref 9 leads to no cross-reference table'
"""

from __future__ import annotations

import io
import re
import warnings

from PIL import Image, UnidentifiedImageError

MAX_PIXELS = 60_000_000
"""An A4 page scanned at 600 dpi is 35 Mpx; beyond this a scan is refused undecoded."""

KINDS = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
)
"""Magic bytes, content type and file extension of the accepted scans."""

_HEADER = re.compile(rb"%PDF-(1\.[0-7]|2\.0)\s")
_STARTXREF = re.compile(rb"startxref\s+(\d{1,10})\s+%%EOF")
_XREF_ENTRY = re.compile(rb"\d{10} \d{5} [nf]\s\s?")
_SUBSECTION = re.compile(rb"(\d{1,10}) (\d{1,10})\s+")
_ROOT = re.compile(rb"/Root\s+(\d{1,10})\s+(\d{1,5})\s+R")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>", re.S)
_OBJECT = re.compile(rb"\s*(\d{1,10})\s+(\d{1,5})\s+obj\s*<<(.*?)>>", re.S)
TAIL = 1024


def kind_of(data: bytes) -> tuple[str, str] | None:
    """(content type, extension) by the magic bytes, or None."""
    for magic, content_type, ext in KINDS:
        if data.startswith(magic):
            return content_type, ext
    return None


def scan_problem(data: bytes) -> str | None:
    """What is wrong with the scan, in words for the uploader; None when it is whole."""
    kind = kind_of(data)
    if kind is None:
        return "not a PDF, JPEG or PNG file"
    if kind[1] == "pdf":
        return pdf_problem(data)
    return image_problem(data, "JPEG" if kind[1] == "jpg" else "PNG")


def image_problem(data: bytes, fmt: str) -> str | None:
    """Decode the whole image as ``fmt``; what is wrong, or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=(fmt,)) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return f"{width} x {height} pixels, more than {MAX_PIXELS:,} (not decoded)"
                image.verify()  # PNG: every chunk's checksum
            with Image.open(io.BytesIO(data), formats=(fmt,)) as image:
                image.load()
    except (UnidentifiedImageError, Image.DecompressionBombWarning) as e:
        return f"not a whole {fmt} image ({_reason(e)})"
    except (OSError, SyntaxError, ValueError) as e:
        return f"a damaged {fmt} image ({_reason(e)})"
    if fmt == "JPEG" and not data.rstrip(b"\0\r\n").endswith(b"\xff\xd9"):
        return "a JPEG image with data after its end"
    return None


def pdf_problem(data: bytes) -> str | None:
    """Check a PDF's header, end and cross-reference (or trailer); what is wrong, or None."""
    if not _HEADER.match(data):
        return "a PDF whose header is not %PDF-1.0 to %PDF-2.0"
    tail = data[-TAIL:]
    if b"%%EOF" not in tail:
        return "a PDF without %%EOF in its last 1,024 bytes (cut short, or not a PDF)"
    found = list(_STARTXREF.finditer(tail))
    start = found[-1] if found else None
    if start and _xref_names_root(data, int(start.group(1))):
        return None
    if _trailer_root_exists(data):
        return None
    if start:
        return f"a PDF whose startxref {int(start.group(1))} leads to no cross-reference table"
    return "a PDF with neither startxref nor a trailer naming its /Root"


def _xref_names_root(data: bytes, offset: int) -> bool:
    """The cross-reference at offset is a table with entries and a /Root trailer, or a stream."""
    if offset >= len(data):
        return False
    if data.startswith(b"xref", offset):
        at = offset + 4
        while at < len(data) and data[at : at + 1] in b" \r\n":
            at += 1
        section = _SUBSECTION.match(data, at)
        if not section or int(section.group(2)) == 0:
            return False
        if not _XREF_ENTRY.match(data, section.end()):
            return False
        trailer = _TRAILER.search(data, section.end())
        return bool(trailer and _ROOT.search(trailer.group(1)))
    stream = _OBJECT.match(data, offset)
    return bool(
        stream and re.search(rb"/Type\s*/XRef", stream.group(3)) and _ROOT.search(stream.group(3))
    )


def _trailer_root_exists(data: bytes) -> bool:
    """The last trailer names a /Root object that the file defines."""
    trailers = list(_TRAILER.finditer(data))
    root = trailers and _ROOT.search(trailers[-1].group(1))
    if not root:
        return False
    number, generation = root.group(1).decode(), root.group(2).decode()
    return re.search(rb"(?<!\d)" + f"{number}\\s+{generation}\\s+obj".encode(), data) is not None


def _reason(e: Exception) -> str:
    text = str(e).split(";")[0].strip()
    return re.sub(r" <_io\.BytesIO object at 0x[0-9a-f]+>", "", text) or type(e).__name__
