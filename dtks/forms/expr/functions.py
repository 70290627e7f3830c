"""The built-in functions, each taking evaluated argument values (see evaluate.py for if/and/or)."""

import base64
import hashlib
import math
import random
import re
import secrets
import string as _string
import uuid as _uuid
from datetime import datetime
from functools import lru_cache

from dtks.forms.errors import ExprEvalError
from dtks.forms.expr import geo
from dtks.forms.expr.dates import decimal_time, format_date
from dtks.forms.expr.java_math import java_int, java_pow, java_round
from dtks.forms.expr.values import (
    NodeSet,
    to_bool,
    to_date,
    to_datetime,
    to_number,
    to_string,
    unpack,
)


def _selected(values, choice) -> bool:
    return to_string(choice).strip() in to_string(values).split()


def _count_selected(values) -> float:
    return float(len(to_string(values).split()))


def _selected_at(values, index) -> str:
    """selected-at(): the 0-based item; the index cast as Java does (NaN is 0, as JavaRosa)."""
    items = to_string(values).split()
    i = java_int(to_number(index))
    return items[i] if 0 <= i < len(items) else ""


def _nodes(value) -> tuple:
    return value if type(value) is NodeSet else (value,)


def _count(value) -> float:
    return float(len(value)) if type(value) is NodeSet else 1.0


def _sum(value) -> float:
    return math.fsum(to_number(v) for v in _nodes(value)) if _nodes(value) else 0.0


def _extreme(pick, args) -> float:
    values = [to_number(v) for a in args for v in _nodes(a)]
    if not values or any(v != v for v in values):
        return math.nan
    return pick(values)


def _coalesce(*args):
    for a in args[:-1]:
        value = unpack(a)
        if value != "" and value == value:  # '' and NaN are "no value"
            return value
    return args[-1]


def _if(condition, then, otherwise):
    return then if to_bool(condition) else otherwise


def _substr(s, start, end=None) -> str:
    """substr() as JavaRosa: 0-based, end excluded, a negative bound counts from the end, bounds
    cast as Java does (NaN is 0, Infinity past the end), '' when start comes after end."""
    text = to_string(s)
    n = len(text)
    a = java_int(to_number(start))
    b = n if end is None else java_int(to_number(end))
    a = min(max(0, a + n if a < 0 else a), n)
    b = min(max(0, b + n if b < 0 else b), n)
    return text[a:b] if a <= b else ""


def _regex(s, pattern) -> bool:
    try:
        return re.search(to_string(pattern), to_string(s)) is not None
    except re.error as e:
        raise ExprEvalError(f"regex {to_string(pattern)!r} is not a valid pattern: {e}") from None


def _int(x) -> float:
    """int(): toward zero; NaN and Infinity stay, and -0.5 gives -0 as in JavaRosa."""
    n = to_number(x)
    if n != n or math.isinf(n):
        return n
    return math.copysign(float(math.trunc(n)), n)


def _round(x, digits=None) -> float:
    """round(x[, places]) as JavaRosa: ties go up, places cast as Java does (NaN is 0)."""
    places = 0 if digits is None else java_int(to_number(digits))
    return java_round(to_number(x), places)


def _format_date(value, pattern) -> str:
    value = unpack(value)
    d = value if isinstance(value, datetime) else to_date(value)  # keep now()'s time of day
    if d == "" or (isinstance(d, float) and d != d):
        return ""
    return format_date(d, to_string(pattern))


def _date(value):
    d = to_date(value)
    return d.date() if isinstance(d, datetime) else d


def _pow(x, y) -> float:
    """pow(): Java's Math.pow (Infinity on overflow, NaN outside its domain)."""
    return java_pow(to_number(x), to_number(y))


@lru_cache(maxsize=65536)
def _id_valid(kind: str, text: str) -> bool:
    from dtks import ids  # deferred: ids loads the wilayah table on first use

    try:
        (ids.parse_nik if kind == "nik" else ids.parse_kk)(text)
    except ids.InvalidId:
        return False
    return True


def _join(sep, *args) -> str:
    return to_string(sep).join(to_string(v) for a in args for v in _nodes(a))


def _math(fn):
    """A math function as Java computes it: NaN for a domain error, Infinity on overflow."""

    def apply(*args):
        try:
            return float(fn(*(to_number(a) for a in args)))
        except OverflowError:
            return math.inf
        except ValueError:
            return math.nan

    return apply


def _java_log(log):
    """Java's Math.log: -Infinity at 0, NaN below."""

    def apply(x: float) -> float:
        if x == 0:
            return -math.inf
        if x < 0 or x != x:
            return math.nan
        return log(x)

    return apply


def _substring_before(s, t) -> str:
    text, sep = to_string(s), to_string(t)
    i = text.find(sep)
    return text[:i] if i >= 0 else ""


def _substring_after(s, t) -> str:
    text, sep = to_string(s), to_string(t)
    i = text.find(sep)
    return text[i + len(sep) :] if i >= 0 else ""


def _substring(s, start, length=None) -> str:
    """XPath 1.0 substring(): 1-based, start and length rounded, NaN gives ''."""
    text = to_string(s)
    first = _xpath_round(to_number(start))
    last = math.inf if length is None else first + _xpath_round(to_number(length))
    if first != first or last != last:
        return ""
    return "".join(c for i, c in enumerate(text, start=1) if first <= i < last)


def _xpath_round(n: float) -> float:
    return n if n != n or math.isinf(n) else float(math.floor(n + 0.5))


def _translate(s, source, target) -> str:
    table: dict[int, int | None] = {}
    src, dst = to_string(source), to_string(target)
    for i, ch in enumerate(src):
        table.setdefault(ord(ch), ord(dst[i]) if i < len(dst) else None)
    return to_string(s).translate(table)


_DIGESTS = {
    "MD5": "md5",
    "SHA-1": "sha1",
    "SHA-256": "sha256",
    "SHA-384": "sha384",
    "SHA-512": "sha512",
}


def _digest(message, algorithm, encoding="base64") -> str:
    """digest(): JavaRosa's MD5, SHA-1, SHA-256, SHA-384, SHA-512, as base64 or hex."""
    name = _DIGESTS.get(to_string(algorithm).strip().upper())
    if name is None:
        raise ExprEvalError(
            f"digest(): unknown algorithm {to_string(algorithm)!r}, use one of "
            + ", ".join(_DIGESTS)
        )
    raw = hashlib.new(name, to_string(message).encode("utf-8")).digest()
    enc = to_string(encoding).strip().lower()
    if enc == "hex":
        return raw.hex()
    if enc == "base64":
        return base64.b64encode(raw).decode("ascii")
    raise ExprEvalError(f"digest(): unknown encoding {to_string(encoding)!r}, use base64 or hex")


def _checklist(low, high, *values) -> bool:
    """True when the number of true values is at least low and at most high (-1: no bound)."""
    count = sum(1 for a in values for v in _nodes(a) if to_bool(v))
    return _within(count, low, high)


def _weighted_checklist(low, high, *pairs) -> bool:
    """Like checklist(), but each true value counts its weight: (value, weight) pairs."""
    if len(pairs) % 2:
        raise ExprEvalError("weighted-checklist() takes values and weights in pairs")
    total = sum(to_number(w) for v, w in zip(pairs[::2], pairs[1::2], strict=True) if to_bool(v))
    return _within(total, low, high)


def _within(n: float, low, high) -> bool:
    lo, hi = to_number(low), to_number(high)
    return (lo < 0 or n >= lo) and (hi < 0 or n <= hi)


def _count_non_empty(value) -> float:
    return float(sum(1 for v in _nodes(value) if to_string(v) != ""))


def _geo(fn):
    def apply(value):
        return fn([to_string(v) for v in _nodes(value)])

    return apply


_RANDOM = random.Random()


def seed_random(seed) -> None:
    """Make random() repeatable (tests, replays)."""
    _RANDOM.seed(seed)


_ALPHANUMERIC = _string.ascii_letters + _string.digits


MAX_UUID_LENGTH = 10_000
"""uuid(n) beyond this is refused: an answer must not make the server build a huge string."""


def _uuid_value(length=None) -> str:
    """uuid(): a random version 4 UUID; uuid(n): n random letters and digits ('' for n of
    NaN or below 1, the length cast as JavaRosa does)."""
    if length is None:
        return str(_uuid.uuid4())
    n = java_int(to_number(length))
    if n > MAX_UUID_LENGTH:
        raise ExprEvalError(f"uuid(n) makes at most {MAX_UUID_LENGTH:,} characters, asked {n:,}")
    return "".join(secrets.choice(_ALPHANUMERIC) for _ in range(n))


def _date_time(value):
    """date-time(): a number of days since 1970 (fraction = time of day) as a date-time."""
    return to_datetime(value)


def _decimal_date_time(value) -> float:
    d = to_datetime(value)
    return d if d == "" or isinstance(d, float) else to_number(d)


def _boolean_from_string(s) -> bool:
    return to_string(s).strip().lower() in ("true", "1")


# name -> (min args, max args or None for any, function). today/now/position/if are special.
FUNCTIONS = {
    "selected": (2, 2, _selected),
    "count-selected": (1, 1, _count_selected),
    "selected-at": (2, 2, _selected_at),
    "count": (1, 1, _count),
    "sum": (1, 1, _sum),
    "min": (1, None, lambda *a: _extreme(min, a)),
    "max": (1, None, lambda *a: _extreme(max, a)),
    "coalesce": (2, None, _coalesce),
    "if": (3, 3, _if),
    "concat": (0, None, lambda *a: "".join(to_string(v) for x in a for v in _nodes(x))),
    "join": (1, None, _join),
    "string-length": (1, 1, lambda s: float(len(to_string(s)))),
    "substr": (2, 3, _substr),
    "contains": (2, 2, lambda s, t: to_string(t) in to_string(s)),
    "starts-with": (2, 2, lambda s, t: to_string(s).startswith(to_string(t))),
    "ends-with": (2, 2, lambda s, t: to_string(s).endswith(to_string(t))),
    "normalize-space": (1, 1, lambda s: " ".join(to_string(s).split())),
    "regex": (2, 2, _regex),
    "int": (1, 1, _int),
    "number": (1, 1, to_number),
    "string": (1, 1, to_string),
    "boolean": (1, 1, to_bool),
    "boolean-from-string": (1, 1, _boolean_from_string),
    "not": (1, 1, lambda x: not to_bool(x)),
    "true": (0, 0, lambda: True),
    "false": (0, 0, lambda: False),
    "round": (1, 2, _round),
    "floor": (1, 1, lambda x: float(math.floor(n)) if math.isfinite(n := to_number(x)) else n),
    "ceiling": (1, 1, lambda x: float(math.ceil(n)) if math.isfinite(n := to_number(x)) else n),
    "abs": (1, 1, lambda x: abs(to_number(x))),
    "pow": (2, 2, _pow),
    "date": (1, 1, _date),
    "decimal-date": (1, 1, lambda d: to_number(_date(d))),
    "format-date": (2, 2, _format_date),
    "format-date-time": (2, 2, _format_date),
    "date-time": (1, 1, _date_time),
    "decimal-date-time": (1, 1, _decimal_date_time),
    "decimal-time": (1, 1, decimal_time),
    "substring-before": (2, 2, _substring_before),
    "substring-after": (2, 2, _substring_after),
    "substring": (2, 3, _substring),
    "translate": (3, 3, _translate),
    "digest": (2, 3, _digest),
    "checklist": (2, None, _checklist),
    "weighted-checklist": (2, None, _weighted_checklist),
    "count-non-empty": (1, 1, _count_non_empty),
    "sqrt": (1, 1, _math(math.sqrt)),
    "exp": (1, 1, _math(math.exp)),
    "exp10": (1, 1, lambda x: java_pow(10.0, to_number(x))),
    "log": (1, 1, _math(_java_log(math.log))),
    "log10": (1, 1, _math(_java_log(math.log10))),
    "sin": (1, 1, _math(math.sin)),
    "cos": (1, 1, _math(math.cos)),
    "tan": (1, 1, _math(math.tan)),
    "asin": (1, 1, _math(math.asin)),
    "acos": (1, 1, _math(math.acos)),
    "atan": (1, 1, _math(math.atan)),
    "atan2": (2, 2, _math(math.atan2)),
    "pi": (0, 0, lambda: math.pi),
    "random": (0, 0, lambda: _RANDOM.random()),
    "uuid": (0, 1, _uuid_value),
    "area": (1, 1, _geo(geo.area)),
    "distance": (1, None, lambda *a: geo.distance([to_string(v) for x in a for v in _nodes(x)])),
    "nik-valid": (1, 1, lambda x: _id_valid("nik", to_string(x).strip())),
    "kk-valid": (1, 1, lambda x: _id_valid("kk", to_string(x).strip())),
}

SPECIAL = {
    "today": (0, 0),
    "now": (0, 0),
    "position": (0, 1),
    "once": (1, 1),
    "current": (0, 0),
    "jr:choice-name": (2, 2),
    "indexed-repeat": (3, None),
}
"""Functions that need the evaluation context rather than values."""


def arity(name: str) -> tuple[int, int | None] | None:
    """(min, max) argument count of a known function, or None if it is unknown."""
    if name in SPECIAL:
        return SPECIAL[name]
    entry = FUNCTIONS.get(name)
    return entry[:2] if entry else None
