"""The built-in functions, each taking evaluated argument values (see evaluate.py for if/and/or)."""

import math
import re
from datetime import datetime
from functools import lru_cache

from dtks.forms.errors import ExprEvalError
from dtks.forms.expr.dates import format_date
from dtks.forms.expr.values import (
    NodeSet,
    to_bool,
    to_date,
    to_number,
    to_string,
    unpack,
)


def _selected(values, choice) -> bool:
    return to_string(choice).strip() in to_string(values).split()


def _count_selected(values) -> float:
    return float(len(to_string(values).split()))


def _selected_at(values, index) -> str:
    items = to_string(values).split()
    i = to_number(index)
    if i != i or not 0 <= i < len(items):
        return ""
    return items[int(i)]


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
    text = to_string(s)
    a = to_number(start)
    b = len(text) if end is None else to_number(end)
    if a != a or b != b:
        return ""
    a = max(0, min(len(text), int(a)))
    b = max(a, min(len(text), int(b)))
    return text[a:b]


def _regex(s, pattern) -> bool:
    try:
        return re.search(to_string(pattern), to_string(s)) is not None
    except re.error as e:
        raise ExprEvalError(f"regex {to_string(pattern)!r} is not a valid pattern: {e}") from None


def _int(x) -> float:
    n = to_number(x)
    if n != n or math.isinf(n):
        return n
    return float(math.trunc(n))


def _round(x, digits=None) -> float:
    n = to_number(x)
    if n != n or math.isinf(n):
        return n
    if digits is None:
        return float(math.floor(n + 0.5))  # JavaRosa: half rounds up, also below zero
    scale = 10 ** int(to_number(digits))
    return math.floor(n * scale + 0.5) / scale


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
    try:
        return math.pow(to_number(x), to_number(y))
    except (OverflowError, ValueError):
        return math.nan


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
    "boolean-from-string": (1, 1, lambda s: to_string(s).strip().lower() in ("true", "1")),
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
    "nik-valid": (1, 1, lambda x: _id_valid("nik", to_string(x).strip())),
    "kk-valid": (1, 1, lambda x: _id_valid("kk", to_string(x).strip())),
}

SPECIAL = {"today": (0, 0), "now": (0, 0), "position": (0, 1)}
"""Functions that need the evaluation context rather than values."""


def arity(name: str) -> tuple[int, int | None] | None:
    """(min, max) argument count of a known function, or None if it is unknown."""
    if name in SPECIAL:
        return SPECIAL[name]
    entry = FUNCTIONS.get(name)
    return entry[:2] if entry else None
