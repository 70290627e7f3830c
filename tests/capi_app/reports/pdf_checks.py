"""PDF inspection with poppler (pdfinfo, pdftotext, pdftoppm) and Pillow, for the document tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pages(pdf: Path) -> int:
    """The page count pdfinfo reads."""
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("Pages:")))


def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The text of the PDF (layout kept), optionally of a page range."""
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def png(pdf: Path, page: int, out: Path) -> Path:
    """Page `page` as a 60 dpi PNG."""
    prefix = out / f"{pdf.stem}-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    return prefix.with_suffix(".png")


def dark_share(image: Path, box: tuple[float, float, float, float]) -> float:
    """Share of dark pixels in the box (fractions of width/height: left, top, right, bottom)."""
    from PIL import Image

    with Image.open(image) as im:
        gray = im.convert("L")
        w, h = gray.size
        crop = gray.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)))
        histogram = crop.histogram()
    return sum(histogram[:128]) / sum(histogram)
