"""Check that an answer has the shape its field's type asks for."""

import math
import re
from datetime import date

from dtks.forms.expr.dates import parse_time
from dtks.forms.expr.values import parse_datetime

_INTEGER = re.compile(r"^-?\d+$")
_DECIMAL = re.compile(r"^-?(\d+\.?\d*|\.\d+)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_empty(value) -> bool:
    """No answer: missing, None, '' or an empty list."""
    return value is None or value == "" or value == []


def type_error(field_type: str, value) -> str | None:
    """The message key (see messages.py) if ``value`` does not fit ``field_type``, else None."""
    check = _CHECKS.get(field_type)
    if check is None or check(value):
        return None
    return "not_" + _MESSAGE_OF.get(field_type, field_type)


_MESSAGE_OF = {
    "select_one": "text",
    "select_multiple": "text",
    "barcode": "text",
    "range": "decimal",
    "audio": "file",
    "video": "file",
    "trigger": "acknowledge",
}


_TYPED_NUMBER = re.compile(r"^-?(\d+([.,]\d*)?|[.,]\d+)$")


def typed_number(text: str, integer: bool = False) -> str | None:
    """A number as typed in a form (a decimal comma, the Indonesian way, or a point) in the
    form's own writing; None when the text is not a number (nothing is dropped or guessed).

    >>> typed_number("107,6"), typed_number(" -6.98765 "), typed_number("45", integer=True)
    ('107.6', '-6.98765', '45')
    >>> typed_number("1o7.6"), typed_number("4a5,b"), typed_number("1.234,5"), typed_number("4,5", True)
    (None, None, None, None)
    """
    t = (text or "").strip()
    if not _TYPED_NUMBER.match(t) or (integer and not _INTEGER.match(t)):
        return None
    return t.replace(",", ".")


def codes_of(value) -> list[str]:
    """The choice codes of a select answer: '1 3', ['1', '3'] and 1 all work."""
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value).split()


def _integer(v) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return True
    if isinstance(v, float):
        return v.is_integer()
    return isinstance(v, str) and bool(_INTEGER.match(v.strip()))


def _decimal(v) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, int | float):
        return math.isfinite(v)
    return isinstance(v, str) and bool(_DECIMAL.match(v.strip()))


def _date(v) -> bool:
    if not isinstance(v, str) or not _DATE.match(v):
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _geopoint(v) -> bool:
    if isinstance(v, dict):
        parts = [v.get("lat"), v.get("lon")]
        if not all(isinstance(p, int | float) and not isinstance(p, bool) for p in parts):
            return False
        numbers = [float(p) for p in parts]
    elif isinstance(v, str):
        try:
            numbers = [float(p) for p in v.split()]
        except ValueError:
            return False
        if not 2 <= len(numbers) <= 4 or not all(math.isfinite(n) for n in numbers):
            return False
    else:
        return False
    return -90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180


def _geopoints(v, least: int) -> bool:
    """A geotrace/geoshape: 'lat lon [alt acc];...' with at least ``least`` valid points."""
    if not isinstance(v, str):
        return False
    parts = [p for p in v.split(";") if p.strip()]
    return len(parts) >= least and all(_geopoint(p) for p in parts)


def _time(v) -> bool:
    return isinstance(v, str) and parse_time(v) is not None


def _datetime(v) -> bool:
    return isinstance(v, str) and "T" in v and parse_datetime(v.strip()) is not None


def _file(v) -> bool:
    return isinstance(v, str) and v.strip() != ""


def _acknowledge(v) -> bool:
    return v is True or (isinstance(v, str) and v.strip().upper() in ("OK", "TRUE", "1"))


def _select(v) -> bool:
    if isinstance(v, list):
        return all(isinstance(x, str | int) and not isinstance(x, bool) for x in v)
    return isinstance(v, str | int) and not isinstance(v, bool)


_CHECKS = {
    "text": lambda v: isinstance(v, str),
    "integer": _integer,
    "decimal": _decimal,
    "date": _date,
    "geopoint": _geopoint,
    "image": _file,
    "audio": _file,
    "video": _file,
    "file": _file,
    "barcode": lambda v: isinstance(v, str),
    "time": _time,
    "datetime": _datetime,
    "range": _decimal,
    "geotrace": lambda v: _geopoints(v, 2),
    "geoshape": lambda v: _geopoints(v, 3),
    "acknowledge": _acknowledge,
    "trigger": _acknowledge,
    "select_one": lambda v: _select(v) and not isinstance(v, list),
    "select_multiple": _select,
}
