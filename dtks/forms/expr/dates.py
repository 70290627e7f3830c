"""format-date(): the JavaRosa date format codes."""

from datetime import date, datetime

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
