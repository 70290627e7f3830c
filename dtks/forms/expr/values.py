"""XPath 1.0 values and conversions, with JavaRosa's additions (dates, empty is not 0).

Values are ``str``, ``float``, ``bool``, ``datetime.date``, ``datetime.datetime`` and
:class:`NodeSet` (what ``${x}`` gives when x lies in a repeat below the current instance).
"""

import math
import re
from datetime import date, datetime, timedelta

from dtks.forms.errors import ExprEvalError

EPOCH = date(1970, 1, 1)
_EPOCH_DT = datetime(1970, 1, 1)
_FIRST_DAY = float((date.min - EPOCH).days)
_LAST_DAY = float((date.max - EPOCH).days)
_NUMERIC_CHARS = re.compile(r"^[\-.0-9]*$")
_DECIMAL = re.compile(r"^-?(\d+\.?\d*|\.\d+)$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\-]\d{2}:?\d{2})?$"
)


class NodeSet(tuple):
    """The values of a field in every instance of a repeat (for count(), sum() and friends)."""

    __slots__ = ()


def unpack(value):
    """One value out of a node-set, as JavaRosa does: none is '', several is an error."""
    if type(value) is NodeSet:
        if not value:
            return ""
        if len(value) > 1:
            raise ExprEvalError(
                f"a field in a repeat gives {len(value)} values here; use count(), sum() or "
                "another function that takes all of them"
            )
        return value[0]
    return value


def to_number(value) -> float:
    """XPath number(): booleans 1/0, strings parsed strictly (else NaN), dates as days since 1970."""
    value = unpack(value)
    t = type(value)
    if t is float:
        return value
    if t is str:
        return _string_to_number(value)
    if t is bool:
        return 1.0 if value else 0.0
    if t is int:
        return float(value)
    if t is date:
        return float((value - EPOCH).days)
    if t is datetime:
        return (value.replace(tzinfo=None) - _EPOCH_DT) / timedelta(days=1)
    raise ExprEvalError(f"cannot convert {value!r} to a number")


def _string_to_number(s: str) -> float:
    s = s.strip()
    # XPath numbers have no exponent, no 'inf'/'nan', no '+': reject what float() would accept.
    if not s or not _NUMERIC_CHARS.match(s):
        return math.nan
    if _DECIMAL.match(s):
        return float(s)
    d = parse_date(s)  # JavaRosa: a date string used as a number is its day count
    return float((d - EPOCH).days) if d else math.nan


def to_string(value) -> str:
    """XPath string(): integral numbers without '.0', NaN and Infinity spelled out, ISO dates."""
    value = unpack(value)
    t = type(value)
    if t is str:
        return value
    if t is float or t is int:
        return number_to_string(float(value))
    if t is bool:
        return "true" if value else "false"
    if t is date:
        return value.isoformat()
    if t is datetime:
        return value.isoformat(timespec="milliseconds")
    raise ExprEvalError(f"cannot convert {value!r} to a string")


def number_to_string(d: float) -> str:
    """Format a number as XPath string() does."""
    if d != d:
        return "NaN"
    if math.isinf(d):
        return "Infinity" if d > 0 else "-Infinity"
    if abs(d) < 1e-12:
        return "0"
    if d.is_integer() and abs(d) < 1e15:
        return str(int(d))
    return repr(d)


def to_bool(value) -> bool:
    """XPath boolean(): non-zero, non-NaN numbers and non-empty strings are true."""
    value = unpack(value)
    t = type(value)
    if t is bool:
        return value
    if t is str:
        return value != ""
    if t is float or t is int:
        return value == value and abs(value) > 1e-12
    if t is date or t is datetime:
        return True
    raise ExprEvalError(f"cannot convert {value!r} to a boolean")


def to_date(value):
    """JavaRosa date(): a number is days since 1970; '' and NaN stay as they are (no date)."""
    value = unpack(value)
    t = type(value)
    if t is date:
        return value
    if t is datetime:
        return value.date()
    if t is float or t is int:
        if value != value:
            return value
        return _days_after(EPOCH, float(int(value)) if math.isfinite(value) else value)
    if t is str:
        if value == "":
            return ""
        d = parse_datetime(value) or parse_date(value)
        if d is None:
            raise ExprEvalError(f"{value!r} is not a date")
        return d
    raise ExprEvalError(f"cannot convert {value!r} to a date")


def to_datetime(value):
    """date-time(): like date(), but keeping the time of day (a number's fraction is the time)."""
    value = unpack(value)
    t = type(value)
    if t is datetime:
        return value
    if t is date:
        return datetime(value.year, value.month, value.day)
    if t is float or t is int:
        if value != value:
            return value
        return _days_after(_EPOCH_DT, value)
    if t is str:
        if value == "":
            return ""
        d = parse_datetime(value)
        if d is None:
            day = parse_date(value)
            if day is None:
                raise ExprEvalError(f"{value!r} is not a date-time")
            return datetime(day.year, day.month, day.day)
        return d
    raise ExprEvalError(f"cannot convert {value!r} to a date-time")


def _days_after(start, days: float):
    """start + days; a day count outside the years 1 to 9999 is an ExprEvalError (JavaRosa
    refuses Infinity too; Python's dates end at 9999)."""
    try:
        if _FIRST_DAY <= days < _LAST_DAY + 1:
            return start + timedelta(days=days)
    except OverflowError:  # the last microsecond of 9999 rounded up into year 10000
        pass
    raise ExprEvalError(
        f"{number_to_string(days)} is out of range for a date (days since 1970 from "
        f"{number_to_string(_FIRST_DAY)} to {number_to_string(_LAST_DAY)}, years 1 to 9999)"
    )


def parse_date(s: str) -> date | None:
    """'YYYY-MM-DD' (also the date part of an ISO date-time) as a date, else None."""
    m = _ISO_DATE.match(s[:10]) if len(s) >= 10 else None
    if not m or (len(s) > 10 and s[10] != "T"):
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_datetime(s: str) -> datetime | None:
    """An ISO 8601 date-time string as a datetime, else None."""
    if not _ISO_DATETIME.match(s):
        return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None


def equal(a, b) -> bool:
    """XPath '=': boolean if either side is, else number if either side is, else string."""
    a = unpack(a)
    b = unpack(b)
    ta, tb = type(a), type(b)
    if ta is bool or tb is bool:
        return to_bool(a) == to_bool(b)
    if ta is float or tb is float or ta is int or tb is int:
        x, y = to_number(a), to_number(b)
        return x == y or abs(x - y) < 1e-12
    return to_string(a) == to_string(b)


def compare(op: str, a, b) -> bool:
    """XPath '<', '<=', '>', '>=': always on numbers (so dates compare as day counts)."""
    x, y = to_number(a), to_number(b)
    if op == "<":
        return x < y
    if op == "<=":
        return x <= y
    if op == ">":
        return x > y
    return x >= y


def divide(x: float, y: float) -> float:
    """XPath 'div': IEEE 754 division, so x div 0 is ±Infinity and 0 div 0 is NaN."""
    try:
        return x / y
    except ZeroDivisionError:
        if x != x or x == 0:
            return math.nan
        return math.copysign(math.inf, x) * math.copysign(1.0, y)


def modulo(x: float, y: float) -> float:
    """XPath 'mod': the remainder of truncating division, with the sign of the left operand."""
    if y == 0 or x != x or y != y or math.isinf(x):
        return math.nan
    if math.isinf(y):
        return x
    return math.fmod(x, y)
