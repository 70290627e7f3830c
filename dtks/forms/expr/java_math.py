"""Java's arithmetic where JavaRosa leans on it: (int) casts, Math.pow, BigDecimal rounding.

JavaRosa computes in Java doubles; where a number becomes an index or a count it casts it to
an int, which never fails: NaN becomes 0 and anything beyond the int range the nearest bound.
Python's ``int()`` raises on NaN and Infinity instead, so the functions that index or count
go through :func:`java_int` to give ODK Collect's answer rather than an exception.
"""

import math
from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP, Context, Decimal

INT_MIN = -(2**31)
INT_MAX = 2**31 - 1
LONG_MIN = -(2**63)
LONG_MAX = 2**63 - 1
_EXACT = Context(prec=800)  # BigDecimal never rounds on its own: 1e308 to 30 places fits


def java_int(n: float) -> int:
    """Java's ``(int) n``: toward zero, NaN is 0, beyond the int range its nearest bound.

    >>> java_int(-3.7), java_int(float('nan')), java_int(float('inf')), java_int(-1e300)
    (-3, 0, 2147483647, -2147483648)
    """
    return _narrow(n, INT_MIN, INT_MAX)


def java_long(n: float) -> int:
    """Java's ``(long) n``, likewise bounded by the long range.

    >>> java_long(1e300) == LONG_MAX
    True
    """
    return _narrow(n, LONG_MIN, LONG_MAX)


def _narrow(n: float, low: int, high: int) -> int:
    if n != n:
        return 0
    if n >= high:
        return high
    if n <= low:
        return low
    return math.trunc(n)


def java_pow(x: float, y: float) -> float:
    """Java's ``Math.pow``: never an error; NaN where Java gives NaN (``pow(1, NaN)`` too).

    >>> java_pow(10.0, 400.0), java_pow(-10.0, 401.0), java_pow(0.0, -1.0), java_pow(-8.0, 0.5)
    (inf, -inf, inf, nan)
    >>> java_pow(1.0, float('inf')), java_pow(float('nan'), 0.0)
    (nan, 1.0)
    """
    if y == 0:
        return 1.0
    if y != y or x != x or (abs(x) == 1 and math.isinf(y)):
        return math.nan
    negative = x < 0 or (x == 0 and math.copysign(1.0, x) < 0)
    odd = math.isfinite(y) and y.is_integer() and abs(y) < 2**53 and int(y) % 2 == 1
    if x == 0 and y < 0:
        return -math.inf if negative and odd else math.inf
    try:
        return math.pow(x, y)
    except OverflowError:
        return -math.inf if negative and odd else math.inf
    except ValueError:  # a negative number to a fractional power
        return math.nan


def java_round(n: float, places: int) -> float:
    """JavaRosa's ``round(n, places)``: the decimal digits Java prints, half up (half toward
    zero below zero, so ties go up either way); beyond 30 places either way NaN.

    >>> java_round(0.285, 2), java_round(-2.5, 0), java_round(1234.5, -2), java_round(1.5, 31)
    (0.29, -2.0, 1200.0, nan)
    >>> java_round(1e300, 2), java_round(-1234.5, -2)
    (1e+300, -1100.0)
    """
    if n != n or math.isinf(n):
        return n
    if places > 30 or places < -30:
        return math.nan
    if places >= 0:
        mode = ROUND_HALF_DOWN if n < 0 else ROUND_HALF_UP
        step = Decimal(1).scaleb(-places)
        return float(Decimal(repr(n)).quantize(step, rounding=mode, context=_EXACT))
    # Java scales down, adds 0.5 and casts to long (toward zero: -1234.5 to -2 places is -1100)
    scaled = float(Decimal(repr(n)).scaleb(places, context=_EXACT))
    whole = float(java_long(scaled + 0.5))
    return float(Decimal(repr(whole)).scaleb(-places, context=_EXACT))
