"""The kode wilayah table of Indonesia (Kemendagri): load once, look up codes and names.

>>> lookup("3204122002")
'Dayeuhkolot'
>>> lookup("99") is None
True
"""

import bisect
import gzip
import threading
from collections.abc import Iterator

from dtks.resources import resource_path

LEVELS = {2: 1, 4: 2, 6: 3, 10: 4}
"""Length of a plain code -> level (1 province, 2 regency/city, 3 district, 4 village)."""
LEVEL_NAMES = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "desa/kelurahan"}
PREFIX_LENGTHS = (2, 4, 6, 10)

_table: dict[str, str] | None = None
_sorted_codes: list[str] | None = None
_lock = threading.Lock()


def table() -> dict[str, str]:
    """Return the whole table as {plain code: name}, loading it on first use."""
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                with gzip.open(
                    resource_path("wilayah", "kode_wilayah.tsv.gz"), "rt", encoding="utf-8"
                ) as f:
                    _table = dict(line.rstrip("\n").split("\t", 1) for line in f)
    return _table


def lookup(code: str) -> str | None:
    """Return the name of a plain code, or None when the table has no such region."""
    return table().get(code)


def codes_under(prefix: str, level: int = 4) -> Iterator[str]:
    """Yield the plain codes of the given level that start with prefix, in code order."""
    global _sorted_codes
    if _sorted_codes is None:
        _sorted_codes = sorted(table())

    length = PREFIX_LENGTHS[level - 1]
    start = bisect.bisect_left(_sorted_codes, prefix)
    for code in _sorted_codes[start:]:
        if not code.startswith(prefix):
            break
        if len(code) == length:
            yield code


def dotted(code: str) -> str:
    """Write a plain code in the dotted form: '3204122002' -> '32.04.12.2002'."""
    parts = [code[0:2], code[2:4], code[4:6], code[6:10]]
    return ".".join(p for p in parts if p)
