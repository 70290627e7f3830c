"""Read a pre-list CSV file row by row, whatever bytes it holds, without stopping at a bad row.

A file that is not CSV text at all (NUL bytes, a ZIP/XLSX workbook, no usable header) is
refused whole with one ``UsageError``. Otherwise every line comes out either as a ``Row``
(its cells by column name) or as a ``BadLine`` that says what is wrong and where: a byte that
is not UTF-8 (which column, which character, which byte), more or fewer cells than the header,
or a CSV syntax error. Reading goes on after a bad line.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "households.csv"
>>> _ = p.write_bytes(b"household_id,alamat\\n1,Jl. Mawar\\n2,Jl. \\xff\\n3,a,b\\n")
>>> with CsvFile(p, ["household_id"]) as f:
...     for item in f.rows():
...         print(item)
Row(line=2, cells={'household_id': '1', 'alamat': 'Jl. Mawar'})
BadLine(line=3, reason='alamat: byte 0xFF at character 5 is not UTF-8 text (save the file as CSV UTF-8)')
BadLine(line=4, reason='the line has 3 cells, the header 2 (a comma inside a value needs quotes)')
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sync_server.errors import UsageError

SNIFF_BYTES = 65536
"""How much of the start of a file is checked for binary content."""


@dataclass(frozen=True)
class Row:
    """A line whose cells all decoded, by header column name."""

    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class BadLine:
    """A line that cannot be read as a row, and why."""

    line: int
    reason: str
    cells: dict[str, str] = field(default_factory=dict, repr=False)
    """The cells as far as they could be read (undecodable bytes as lone surrogates)."""


class CsvFile:
    """A pre-list CSV file opened for reading; use as a context manager."""

    def __init__(self, path: Path, required: list[str]):
        self.path = Path(path)
        if not self.path.is_file():
            raise UsageError(f"{self.path} does not exist")
        _refuse_binary(self.path)
        self._file = open(self.path, encoding="utf-8-sig", errors="surrogateescape", newline="")
        self._reader = csv.reader(self._file)
        self.header = self._read_header(required)

    def __enter__(self) -> "CsvFile":
        return self

    def __exit__(self, *exc) -> None:
        self._file.close()

    @property
    def size(self) -> int:
        """The file's size in bytes."""
        return self.path.stat().st_size

    def position(self) -> int:
        """About how many bytes have been read so far (for progress)."""
        return self._file.buffer.tell()

    def _read_header(self, required: list[str]) -> list[str]:
        name = self.path.name
        try:
            header = [c.strip() for c in next(self._reader)]
        except (StopIteration, csv.Error):
            raise UsageError(f"{name}: the file is empty or has no header line") from None
        bad = next((c for c in header if _bad_char(c) is not None), None)
        if bad is not None:
            raise UsageError(f"{name}: the header is not UTF-8 text (save the file as CSV UTF-8)")
        twice = sorted({c for c in header if c and header.count(c) > 1})
        if twice:
            raise UsageError(f"{name}: the header names {', '.join(twice)} more than once")
        missing = [c for c in required if c not in header]
        if missing:
            raise UsageError(f"{name}: the header lacks required columns {', '.join(missing)}")
        return header

    def rows(self) -> Iterator[Row | BadLine]:
        """Every line after the header, in order, as a Row or a BadLine (blank lines skipped)."""
        header = self.header
        return (to_item(header, *raw) for raw in self.lines())

    def lines(self) -> Iterator[tuple[int, list[str] | None, str | None]]:
        """Every line after the header as read, (line, cells, None) or (line, None, the CSV
        syntax error): what ``to_item`` makes a Row or a BadLine of (in a worker process)."""
        reader = self._reader
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                yield reader.line_num, None, str(e)
                continue
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            yield reader.line_num, cells, None


def to_item(header: list[str], line: int, cells: list[str] | None, error: str | None = None):
    """A line read by ``CsvFile.lines`` as a Row, or as a BadLine saying what is wrong."""
    if cells is None:
        return BadLine(line, f"not readable as CSV: {error}")
    width = len(header)
    if len(cells) > width:
        return BadLine(
            line,
            f"the line has {len(cells)} cells, the header {width} "
            "(a comma inside a value needs quotes)",
            dict(zip(header, cells, strict=False)),
        )
    if len(cells) < width:
        return BadLine(
            line,
            f"the line has {len(cells)} cells, the header {width}",
            dict(zip(header, cells, strict=False)),
        )
    if not "".join(cells).isascii():
        bad = _undecodable(header, line, cells)
        if bad is not None:
            return bad
    return Row(line, dict(zip(header, cells, strict=False)))


def _undecodable(header: list[str], line: int, cells: list[str]) -> BadLine | None:
    for column, text in zip(header, cells, strict=False):
        at = _bad_char(text)
        if at is not None:
            byte = ord(text[at]) - 0xDC00
            return BadLine(
                line,
                f"{column or '(unnamed column)'}: byte 0x{byte:02X} at character {at + 1} "
                "is not UTF-8 text (save the file as CSV UTF-8)",
                dict(zip(header, cells, strict=False)),
            )
    return None


def _bad_char(text: str) -> int | None:
    """The index of the first undecodable byte (a lone surrogate) in text, or None."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        return e.start
    return None


def _refuse_binary(path: Path) -> None:
    with open(path, "rb") as f:
        head = f.read(SNIFF_BYTES)
    if head.startswith(b"PK\x03\x04"):
        raise UsageError(
            f"{path.name}: is a ZIP file (an Excel workbook?), not CSV text: "
            "save the sheet as CSV UTF-8"
        )
    at = head.find(b"\x00")
    if at >= 0:
        raise UsageError(
            f"{path.name}: is not CSV text (a NUL byte at offset {at}): "
            "export the pre-list as CSV UTF-8"
        )
