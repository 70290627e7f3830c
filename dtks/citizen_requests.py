"""Requests from citizens and Kemensos (usul warga, sanggahan, usulan Kemensos): the rows of a
CSV that follows a Cek Bansos export, read one at a time, each bad row named by line and column.

Columns (header row, in any order): ``jenis`` (sanggahan, usul_warga, usulan_kemensos),
``nomor`` (the reference number, unique), ``tanggal`` (YYYY-MM-DD), ``nik``, ``nama``,
``alamat``, ``kode_wilayah`` (the desa, 10 digits, dots allowed), ``sasaran`` (the household
id or member id concerned: required for a sanggahan), ``alasan`` (the reason), ``program``
(PKH, BPNT, PBI-JK, ...).

>>> rows = ["jenis,nomor,tanggal,nik,nama,alamat,kode_wilayah,sasaran,alasan,program",
...         "sanggahan,SGH-1,2026-11-03,3204124508900003,Ani,Jl. A,32.04.12.2002,"
...         "3204122002000001,dinilai mampu,PKH",
...         "usul_warga,USL-1,2026-11-40,3204124508900003,Ani,Jl. A,3204122002,,,BPNT"]
>>> [type(r).__name__ for r in read(rows)]
['Request', 'RowError']
>>> str(list(read(rows))[1])
'line 3, column tanggal: 2026-11-40 is not a date written YYYY-MM-DD'
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from dtks import ids, wilayah
from dtks.tasks import REQUEST_KINDS, SANGGAHAN

COLUMNS = (
    "jenis",
    "nomor",
    "tanggal",
    "nik",
    "nama",
    "alamat",
    "kode_wilayah",
    "sasaran",
    "alasan",
    "program",
)
REQUIRED = ("jenis", "nomor", "tanggal", "nama", "kode_wilayah")
MAX_TEXT = 500
"""Longest text of a cell (a reason, an address)."""


@dataclass(frozen=True)
class Request:
    """One request, as read: where it came from (line) and what it asks."""

    line: int
    kind: str
    reference: str
    day: date
    nik: str
    name: str
    address: str
    kode_wilayah: str
    target: str
    reason: str
    programme: str


@dataclass(frozen=True)
class RowError:
    """A row that cannot be taken, named by its line (the header is line 1) and column."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


class HeaderError(ValueError):
    """The header misses a column, or names one twice."""


def read(lines: Iterable[str]) -> Iterator[Request | RowError]:
    """Read a request CSV (lines of text, e.g. an open file), one row at a time."""
    reader = csv.reader(lines)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing or len(set(header)) != len(header):
        raise HeaderError(
            f"line 1: the header needs the columns {', '.join(COLUMNS)} once each"
            + (f"; missing {', '.join(missing)}" if missing else "")
        )
    at = {c: header.index(c) for c in COLUMNS}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = {c: (row[i].strip() if i < len(row) else "") for c, i in at.items()}
        yield _request(line, cells)


def _request(line: int, c: dict[str, str]) -> Request | RowError:
    for name in COLUMNS:
        if len(c[name]) > MAX_TEXT:
            return RowError(line, name, f"longer than {MAX_TEXT} characters")
    for name in REQUIRED:
        if not c[name]:
            return RowError(line, name, "is empty")
    kind = c["jenis"].lower()
    if kind not in REQUEST_KINDS:
        return RowError(line, "jenis", f"{c['jenis']!r} is not one of {', '.join(REQUEST_KINDS)}")
    try:
        day = date.fromisoformat(c["tanggal"])
    except ValueError:
        return RowError(line, "tanggal", f"{c['tanggal']} is not a date written YYYY-MM-DD")
    if c["nik"] and not ids.is_valid_nik(c["nik"]):
        return RowError(line, "nik", f"{c['nik']} is not a valid NIK")
    kode = c["kode_wilayah"].replace(".", "")
    if not (len(kode) == 10 and kode.isdigit() and wilayah.lookup(kode)):
        return RowError(line, "kode_wilayah", f"{c['kode_wilayah']} is not a desa/kelurahan")
    target = c["sasaran"]
    if kind == SANGGAHAN and not target:
        return RowError(line, "sasaran", "a sanggahan names the household or member it objects to")
    if target and not (target.isdigit() and len(target) in (16, 18)):
        return RowError(line, "sasaran", f"{target} is not a household id (16) or member id (18)")
    return Request(
        line,
        kind,
        c["nomor"],
        day,
        c["nik"],
        c["nama"],
        c["alamat"],
        kode,
        target,
        c["alasan"],
        c["program"],
    )
