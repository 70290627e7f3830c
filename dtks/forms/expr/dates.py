"""format-date(): the JavaRosa date format codes."""

import math
import re
from datetime import date, datetime

from dtks.forms.expr.values import to_string

_TIME = re.compile(r"^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+\-]\d{2}:?\d{2})?$")

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def format_date(value: date | datetime, pattern: str) -> str:
    """Format like JavaRosa: %Y %y %m %n %b %d %e %a %H %h %M %S %3, anything else verbatim."""
    dt = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    codes = {
        "Y": f"{dt.year:04d}",
        "y": f"{dt.year % 100:02d}",
        "m": f"{dt.month:02d}",
        "n": str(dt.month),
        "b": _MONTHS[dt.month - 1],
        "d": f"{dt.day:02d}",
        "e": str(dt.day),
        "a": _DAYS[dt.weekday()],
        "H": f"{dt.hour:02d}",
        "h": str(dt.hour),
        "M": f"{dt.minute:02d}",
        "S": f"{dt.second:02d}",
        "3": f"{dt.microsecond // 1000:03d}",
        "%": "%",
    }
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "%" and i + 1 < len(pattern) and pattern[i + 1] in codes:
            out.append(codes[pattern[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def parse_time(text: str) -> tuple[int, int, float] | None:
    """'HH:MM[:SS[.sss]][Z|+hh:mm]' (an XForms time answer) as (hour, minute, seconds), else None.

    >>> parse_time('06:30:15.500+07:00')
    (6, 30, 15.5)
    """
    m = _TIME.match(text.strip())
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    seconds = float((m.group(3) or "0") + (m.group(4) or ""))
    if hour > 23 or minute > 59 or seconds >= 60:
        return None
    return hour, minute, seconds


def decimal_time(value) -> float:
    """decimal-time(): a time answer as the fraction of its day ('12:00:00' is 0.5); NaN if
    not a time. The time is taken as written: its zone offset is not applied (see docs)."""
    if isinstance(value, datetime):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    parsed = parse_time(to_string(value))
    if parsed is None:
        return math.nan
    hour, minute, seconds = parsed
    return (hour * 3600 + minute * 60 + seconds) / 86400
