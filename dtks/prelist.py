"""The pre-list format: the columns of households.csv and members.csv and their code lists.

This module is the one source of truth for the pre-list's columns; docs/prelist-format.md
describes the same columns for people, and the server's import, the sample generator and the
forms' ``bind::dtks:field`` column use these names.

>>> HOUSEHOLD_COLUMNS["rt"].kind
'code3'
>>> CODES["jenis_kelamin"][2]
'Perempuan'
"""

from dataclasses import dataclass, field
from datetime import date

from dtks import ids  # the wilayah table itself loads on first use only


@dataclass(frozen=True)
class Column:
    """One pre-list column: its name, value kind, whether it is required, and what it means."""

    name: str
    kind: str
    """text, nik, kk, wilayah, household_id, member_id, code3 (3 digits), date (YYYY-MM-DD),
    int, decimal, code (one of CODES[name]) or anomaly."""
    required: bool
    description: str
    max_length: int = 200
    codes: dict[int, str] = field(default_factory=dict)


CODES: dict[str, dict[int, str]] = {
    "hubungan": {
        1: "Kepala rumah tangga",
        2: "Istri/Suami",
        3: "Anak",
        4: "Menantu",
        5: "Cucu",
        6: "Orang tua/Mertua",
        7: "Pembantu rumah tangga",
        8: "Lainnya",
    },
    "jenis_kelamin": {1: "Laki-laki", 2: "Perempuan"},
    "status_kawin": {1: "Belum kawin", 2: "Kawin", 3: "Cerai hidup", 4: "Cerai mati"},
    "pendidikan": {
        1: "Tidak punya ijazah",
        2: "SD/sederajat",
        3: "SMP/sederajat",
        4: "SMA/sederajat",
        5: "D1/D2/D3",
        6: "D4/S1",
        7: "S2/S3",
    },
    "pekerjaan": {
        1: "Tidak bekerja",
        2: "Petani/pekebun",
        3: "Nelayan",
        4: "Buruh harian lepas",
        5: "Karyawan swasta/buruh pabrik",
        6: "Pedagang/wiraswasta",
        7: "PNS/TNI/Polri",
        8: "Sopir/ojek",
        9: "Pelajar/mahasiswa",
        10: "Mengurus rumah tangga",
        11: "Pensiunan",
        12: "Lainnya",
    },
    "desil": {i: f"Desil {i}" for i in range(1, 11)},
    "ya_tidak": {1: "Ya", 2: "Tidak"},
    "jenis_disabilitas": {
        1: "Penglihatan (tunanetra)",
        2: "Pendengaran (tunarungu)",
        3: "Bicara (tunawicara)",
        4: "Fisik (tunadaksa)",
        5: "Intelektual (tunagrahita)",
        6: "Mental/psikososial",
    },
}

ANOMALIES = {
    "wrong_wilayah": "the household's kode_wilayah is not the desa its address lies in",
    "missing_mother_name": "a member has no nama_ibu",
    "duplicate_nik": "a member's NIK is also used by another person",
    "impossible_birth_date": "a member's tanggal_lahir is not a real date or lies in the future",
}
"""Kinds of deliberate defects the sample generator plants, named in the `anomaly` column."""


def _cols(*columns: Column) -> dict[str, Column]:
    return {c.name: c for c in columns}


HOUSEHOLD_COLUMNS = _cols(
    Column(
        "household_id",
        "household_id",
        True,
        "DTKS household id: 10-digit desa code + 6-digit serial",
    ),
    Column("no_kk", "kk", True, "Nomor Kartu Keluarga of the household"),
    Column("kode_wilayah", "wilayah", True, "10-digit kode wilayah of the desa/kelurahan, plain"),
    Column("alamat", "text", True, "street address (jalan, dusun, nomor)"),
    Column("rt", "code3", True, "Rukun Tetangga, 3 digits"),
    Column("rw", "code3", True, "Rukun Warga, 3 digits"),
    Column("nama_krt", "text", True, "name of the head of household (kepala rumah tangga)", 100),
    Column("jumlah_art", "int", True, "number of members (anggota rumah tangga)"),
    Column("desil", "code", False, "welfare decile in DTKS, 1 poorest to 10", codes=CODES["desil"]),
    Column("lat", "decimal", False, "latitude of the house from an earlier visit, WGS84"),
    Column("lon", "decimal", False, "longitude of the house from an earlier visit, WGS84"),
    Column("anomaly", "anomaly", False, "sample data only: the defect planted in this row"),
)

MEMBER_COLUMNS = _cols(
    Column("member_id", "member_id", True, "DTKS member id: household_id + 2-digit number"),
    Column("household_id", "household_id", True, "the household this member belongs to"),
    Column("nik", "nik", True, "Nomor Induk Kependudukan"),
    Column("nama", "text", True, "full name", 100),
    Column("hubungan", "code", True, "relationship to the head", codes=CODES["hubungan"]),
    Column("jenis_kelamin", "code", True, "sex", codes=CODES["jenis_kelamin"]),
    Column("tempat_lahir", "text", False, "place of birth", 100),
    Column("tanggal_lahir", "date", True, "date of birth, YYYY-MM-DD"),
    Column("status_kawin", "code", True, "marital status", codes=CODES["status_kawin"]),
    Column("nama_ibu", "text", False, "mother's name (nama ibu kandung)", 100),
    Column("pekerjaan", "code", False, "main occupation", codes=CODES["pekerjaan"]),
    Column("pendidikan", "code", False, "highest diploma", codes=CODES["pendidikan"]),
    Column(
        "disabilitas", "code", False, "has a disability (BNBA marking)", codes=CODES["ya_tidak"]
    ),
    Column(
        "jenis_disabilitas",
        "codes",
        False,
        "kinds of disability, codes separated by spaces, e.g. 1 4 (BNBA marking)",
        codes=CODES["jenis_disabilitas"],
    ),
    Column("hamil", "code", False, "currently pregnant (BNBA marking)", codes=CODES["ya_tidak"]),
    Column("anomaly", "anomaly", False, "sample data only: the defect planted in this row"),
)


class InvalidValue(ValueError):
    """A pre-list value that does not fit its column; the message names the column."""


def parse_value(column: Column, text: str, today: date | None = None):
    """Turn the CSV text of a column into its typed value (None when empty and optional).

    today (default: the current date) is the day a birth or issue date may not lie after.

    >>> parse_value(MEMBER_COLUMNS["hubungan"], "1")
    1
    >>> parse_value(HOUSEHOLD_COLUMNS["rt"], "2")
    Traceback (most recent call last):
    ...
    dtks.prelist.InvalidValue: rt: '2' must be exactly 3 digits, e.g. 002
    """
    return _parse_stripped(column, (text or "").strip(), today or date.today())


def parse_cells(
    columns: dict[str, Column],
    cells: dict[str, str],
    today: date | None = None,
    keep: frozenset[str] = frozenset(),
) -> tuple[dict, list[str]]:
    """Typed values of a whole row (by parse_value's rules) and the messages of the defects
    kept as written: a bad value in a column named in keep stays as its text, any other bad
    value raises InvalidValue. One loop for bulk reading (the import).

    >>> cols = {"rt": HOUSEHOLD_COLUMNS["rt"], "no_kk": HOUSEHOLD_COLUMNS["no_kk"]}
    >>> parse_cells(cols, {"rt": "002", "no_kk": "123"}, keep=frozenset({"no_kk"}))
    ({'rt': '002', 'no_kk': '123'}, ["no_kk: No KK '123': has 3 digits, must have 16"])
    """
    today = today or date.today()
    values, kept = {}, []
    for name, column, parse in _plan(columns):
        s = cells.get(name)
        s = s.strip() if s else ""
        if not s:
            if column.required:
                raise InvalidValue(f"{name}: is required but empty")
            values[name] = None
            continue
        if len(s) > column.max_length:
            raise InvalidValue(f"{name}: longer than {column.max_length} characters")
        if parse is None:
            values[name] = s
            continue
        try:
            values[name] = parse(column, s, today)
        except (InvalidValue, ids.InvalidId) as e:
            problem = e if isinstance(e, InvalidValue) else InvalidValue(f"{name}: {e}")
            if name not in keep:
                raise problem from None
            values[name] = s
            kept.append(str(problem))
    return values, kept


_PLANS: dict[int, tuple[dict, list]] = {}


def _plan(columns: dict[str, Column]) -> list:
    """(name, column, parser or None) for each column, made once per columns dict."""
    known = _PLANS.get(id(columns))
    if known is None or known[0] is not columns:
        known = columns, [(n, c, _parser(c)) for n, c in columns.items()]
        if len(_PLANS) > 64:
            _PLANS.clear()
        _PLANS[id(columns)] = known
    return known[1]


def _parser(column: Column):
    """The column's parser; a code column first looks its text up among its codes."""
    parse = _PARSERS.get(column.kind)
    if column.kind != "code":
        return parse
    known = {str(code): code for code in column.codes}

    def code(column: Column, s: str, today: date) -> int:
        n = known.get(s)
        return n if n is not None else _whole(column, s, today)

    return code


def _parse_stripped(column: Column, s: str, today: date):
    if not s:
        if column.required:
            raise InvalidValue(f"{column.name}: is required but empty")
        return None
    if len(s) > column.max_length:
        raise InvalidValue(f"{column.name}: longer than {column.max_length} characters")
    parse = _PARSERS.get(column.kind)
    if parse is None:
        return s
    try:
        return parse(column, s, today)
    except ids.InvalidId as e:
        raise InvalidValue(f"{column.name}: {e}") from None


def _nik(column: Column, s: str, today: date) -> str:
    return ids.parse_nik(s, today).text


def _kk(column: Column, s: str, today: date) -> str:
    return ids.parse_kk(s, today).text


def _wilayah(column: Column, s: str, today: date) -> str:
    w = ids.parse_wilayah(s)
    if w.level != 4:
        raise InvalidValue(f"{column.name}: {s!r} is a {w.level_name}, not a desa/kelurahan")
    return w.code


def _digits(length: int, example: str) -> object:
    def parse(column: Column, s: str, today: date) -> str:
        if len(s) != length or not s.isascii() or not s.isdigit():
            raise InvalidValue(f"{column.name}: {s!r} must be {example}")
        return s

    return parse


def _whole(column: Column, s: str, today: date) -> int:
    try:
        n = int(s)
    except ValueError:
        raise InvalidValue(f"{column.name}: {s!r} is not a whole number") from None
    if column.kind == "code" and n not in column.codes:
        raise InvalidValue(
            f"{column.name}: {n} is not one of the codes {min(column.codes)}-{max(column.codes)}"
        )
    if n < 0:
        raise InvalidValue(f"{column.name}: {n} cannot be negative")
    return n


def _codes(column: Column, s: str, today: date) -> str:
    """Several codes of the column separated by single spaces (a select_multiple answer)."""
    parts = s.split(" ")
    for part in parts:
        if not (part.isascii() and part.isdigit()) or int(part) not in column.codes:
            raise InvalidValue(
                f"{column.name}: {s!r} must be codes {min(column.codes)}-{max(column.codes)} "
                "separated by single spaces, e.g. 1 4"
            )
    if len(set(parts)) != len(parts):
        raise InvalidValue(f"{column.name}: {s!r} names a code twice")
    return s


def _decimal(column: Column, s: str, today: date) -> float:
    try:
        return float(s)
    except ValueError:
        raise InvalidValue(f"{column.name}: {s!r} is not a number") from None


def _date(column: Column, s: str, today: date) -> str:
    try:
        born = date.fromisoformat(s)
    except ValueError:
        raise InvalidValue(f"{column.name}: {s!r} is not a real date written YYYY-MM-DD") from None
    if born > today:
        raise InvalidValue(f"{column.name}: {s} is in the future")
    return s


_PARSERS = {
    "nik": _nik,
    "kk": _kk,
    "wilayah": _wilayah,
    "code3": _digits(3, "exactly 3 digits, e.g. 002"),
    "household_id": _digits(16, "16 digits"),
    "member_id": _digits(18, "18 digits"),
    "int": _whole,
    "code": _whole,
    "codes": _codes,
    "decimal": _decimal,
    "date": _date,
}
"""Value kind -> parser(column, stripped non-empty text, today); text and anomaly stay text."""


def parse_row(columns: dict[str, Column], row: dict[str, str]) -> dict:
    """Typed values of one CSV row (the sample-only `anomaly` column left out).

    Raises InvalidValue naming the first column that does not fit.
    """
    return {
        name: parse_value(column, row.get(name, ""))
        for name, column in columns.items()
        if column.kind != "anomaly"
    }


def format_value(column: Column, value) -> str:
    """The CSV text of a typed value, the inverse of parse_value (None: '').

    >>> format_value(HOUSEHOLD_COLUMNS["lat"], -6.98765), format_value(MEMBER_COLUMNS["hubungan"], 1)
    ('-6.98765', '1')
    >>> parse_value(HOUSEHOLD_COLUMNS["lon"], format_value(HOUSEHOLD_COLUMNS["lon"], 107.1))
    107.1
    """
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)


def format_row(columns: dict[str, Column], values: dict) -> list[str]:
    """One CSV row of typed values in the columns' order."""
    return [format_value(c, values.get(name)) for name, c in columns.items()]
