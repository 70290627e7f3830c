"""Parse and validate Indonesian civil-registry ids: NIK, No KK and kode wilayah.

Each parser takes text, tolerates whitespace around it and nothing else, and either returns a
typed value or raises :class:`InvalidId` with a message that says which part is wrong and why.

>>> nik = parse_nik("3204124508900003")
>>> nik.birth_date, nik.sex, nik.serial
(datetime.date(1990, 8, 5), 'P', '0003')
>>> parse_wilayah("32.04.12.2002").name
'Dayeuhkolot'
"""

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dtks import wilayah

_DOTTED = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_PLAIN_LENGTHS = (2, 4, 6, 10)
FEMALE_DAY_OFFSET = 40


class InvalidId(ValueError):
    """An id that is not valid; the message names the part that is wrong and why."""


@dataclass(frozen=True)
class Wilayah:
    """A region of the kode wilayah table."""

    code: str
    """Plain code, e.g. '3204122002'."""
    level: int
    """1 province, 2 regency/city, 3 district (kecamatan), 4 village (desa/kelurahan)."""
    name: str
    parents: tuple[str, ...]
    """Plain codes of the enclosing regions, province first."""

    @property
    def dotted(self) -> str:
        """The code written with dots, '32.04.12.2002'."""
        return wilayah.dotted(self.code)

    @property
    def level_name(self) -> str:
        """The Indonesian name of the level: provinsi, kabupaten/kota, kecamatan, desa/kelurahan."""
        return wilayah.LEVEL_NAMES[self.level]


@dataclass(frozen=True)
class Nik:
    """A Nomor Induk Kependudukan (national identity number)."""

    text: str
    region: str
    """The 6-digit kode wilayah of the district where it was issued."""
    birth_date: date
    sex: str
    """'L' (laki-laki, male) or 'P' (perempuan, female)."""
    serial: str

    @property
    def province(self) -> str:
        """The 2-digit province code."""
        return self.region[:2]

    @property
    def regency(self) -> str:
        """The 4-digit regency/city code."""
        return self.region[:4]


@dataclass(frozen=True)
class Kk:
    """A Nomor Kartu Keluarga (family card number)."""

    text: str
    region: str
    issued: date
    """The date part (the day the card was issued)."""
    serial: str


def _digits(text: str, what: str, length: int) -> str:
    if not isinstance(text, str):
        raise InvalidId(f"{what} must be text, got {type(text).__name__}")
    s = text.strip()
    if len(s) == length and s.isascii() and s.isdigit():
        return s
    if not s:
        raise InvalidId(f"{what} is empty")
    for i, ch in enumerate(s):
        if not ("0" <= ch <= "9"):
            raise InvalidId(f"{what} {s!r}: character {ch!r} at position {i + 1} is not a digit")
    if len(s) != length:
        raise InvalidId(f"{what} {s!r}: has {len(s)} digits, must have {length}")
    return s


def _check_region(s: str, what: str) -> str:
    region = s[:6]
    wrong = _region_problem(region)
    if wrong is not None:
        raise InvalidId(f"{what} {s}: {wrong}")
    return region


@lru_cache(maxsize=8192)
def _region_problem(region: str) -> str | None:
    """What is wrong with the 6-digit region of a NIK or No KK (None: nothing); remembered,
    since a pre-list holds a few hundred regions for millions of ids."""
    if wilayah.lookup(region[:2]) is None:
        return f"province code {region[:2]} (digits 1-2) does not exist"
    if wilayah.lookup(region[:4]) is None:
        return (
            f"regency code {region[:4]} (digits 1-4) does not exist in province "
            f"{region[:2]} ({wilayah.lookup(region[:2])})"
        )
    if region[4:6] == "00":
        return f"district code {region[4:6]} (digits 5-6) cannot be 00"
    return None


def _century(yy: int, today: date) -> int:
    """Pick the year for a two-digit year: the latest one not after today."""
    year = 2000 + yy
    return year if year <= today.year else 1900 + yy


def _date(dd: int, mm: int, yy: int, what: str, s: str, today: date) -> date:
    if not 1 <= mm <= 12:
        raise InvalidId(f"{what} {s}: month {mm:02d} (digits 9-10) is not 1-12")
    year = _century(yy, today)
    try:
        return date(year, mm, dd)
    except ValueError:
        raise InvalidId(
            f"{what} {s}: date {dd:02d}-{mm:02d}-{year} (digits 7-12) is not a real calendar date"
        ) from None


def _check_serial(s: str, what: str) -> str:
    serial = s[12:]
    if serial == "0000":
        raise InvalidId(f"{what} {s}: serial number (digits 13-16) cannot be 0000")
    return serial


def parse_nik(text: str, today: date | None = None) -> Nik:
    """Parse a NIK: region (6) + DDMMYY birth date, day + 40 for women (6) + serial (4)."""
    if not isinstance(text, str):
        raise InvalidId(f"NIK must be text, got {type(text).__name__}")
    return _parse_nik(text, today or date.today())


@lru_cache(maxsize=256)
def _parse_nik(text: str, today: date) -> Nik:
    """parse_nik, remembered: bulk checks parse the same NIK twice in a row (its column,
    then its agreement with the birth date and sex)."""
    s = _digits(text, "NIK", 16)
    region = _check_region(s, "NIK")
    day, month, yy = int(s[6:8]), int(s[8:10]), int(s[10:12])
    sex = "L"
    if day > FEMALE_DAY_OFFSET:
        sex, day = "P", day - FEMALE_DAY_OFFSET
    if not 1 <= day <= 31:
        raise InvalidId(f"NIK {s}: day {s[6:8]} (digits 7-8) must be 01-31 (men) or 41-71 (women)")
    born = _date(day, month, yy, "NIK", s, today)
    if born > today:
        raise InvalidId(f"NIK {s}: birth date {born.isoformat()} (digits 7-12) is in the future")
    return Nik(s, region, born, sex, _check_serial(s, "NIK"))


def parse_kk(text: str, today: date | None = None) -> Kk:
    """Parse a No KK: region (6) + DDMMYY date of issue (6) + serial (4)."""
    today = today or date.today()
    s = _digits(text, "No KK", 16)
    region = _check_region(s, "No KK")
    day, month, yy = int(s[6:8]), int(s[8:10]), int(s[10:12])
    if not 1 <= day <= 31:
        raise InvalidId(f"No KK {s}: day {s[6:8]} (digits 7-8) must be 01-31")
    issued = _date(day, month, yy, "No KK", s, today)
    if issued > today:
        raise InvalidId(
            f"No KK {s}: issue date {issued.isoformat()} (digits 7-12) is in the future"
        )
    return Kk(s, region, issued, _check_serial(s, "No KK"))


def _plain_wilayah(text: str) -> str:
    if not isinstance(text, str):
        raise InvalidId(f"kode wilayah must be text, got {type(text).__name__}")
    s = text.strip()
    if not s:
        raise InvalidId("kode wilayah is empty")
    if "." in s:
        if not _DOTTED.match(s):
            raise InvalidId(
                f"kode wilayah {s!r}: dotted codes are written 32, 32.04, 32.04.12 or 32.04.12.2002"
            )
        return s.replace(".", "")
    if not s.isdigit() or not s.isascii():
        bad = next(ch for ch in s if not ("0" <= ch <= "9"))
        raise InvalidId(f"kode wilayah {s!r}: character {bad!r} is not a digit")
    if len(s) not in _PLAIN_LENGTHS:
        raise InvalidId(
            f"kode wilayah {s!r}: has {len(s)} digits, must have 2 (provinsi), 4 (kabupaten/kota),"
            " 6 (kecamatan) or 10 (desa/kelurahan)"
        )
    return s


def parse_wilayah(text: str) -> Wilayah:
    """Parse a kode wilayah of any level, dotted or plain, that exists in the table."""
    code = _plain_wilayah(text)
    parents = tuple(code[:n] for n in _PLAIN_LENGTHS if n < len(code))
    for part in (*parents, code):
        if wilayah.lookup(part) is None:
            level = wilayah.LEVELS[len(part)]
            raise InvalidId(
                f"kode wilayah {text.strip()!r}: {wilayah.LEVEL_NAMES[level]} "
                f"{wilayah.dotted(part)} does not exist"
            )
    return Wilayah(code, wilayah.LEVELS[len(code)], wilayah.lookup(code), parents)


def is_valid_nik(text: str) -> bool:
    """True when parse_nik accepts the text."""
    try:
        parse_nik(text)
    except InvalidId:
        return False
    return True


def is_valid_kk(text: str) -> bool:
    """True when parse_kk accepts the text."""
    try:
        parse_kk(text)
    except InvalidId:
        return False
    return True
