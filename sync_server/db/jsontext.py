"""JSON text as stored in the database: compact, UTF-8, keys sorted (stable for comparison).

>>> dumps({"b": 1, "a": "é"})
'{"a":"é","b":1}'
>>> [dumps(v) for v in (7, None, True, 1.0, "x")]
['7', 'null', 'true', '1.0', '"x"']
>>> loads('{"n": 12345678901234567890123, "x": NaN}')["n"]
12345678901234567890123
>>> loads(None) is None
True
"""

import json

try:
    import orjson
except ImportError:  # a virtualenv made before orjson joined pyproject.toml: json reads all
    orjson = None

_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
"""One encoder for every call (json.dumps with options builds a new one each time)."""


_FLAT = frozenset({str, int, bool, type(None)})
"""Value types orjson writes exactly as the encoder does (a float it may write otherwise:
1e16 for 1e+16, null for NaN)."""


def dumps(value) -> str:
    """Serialise a value for a Text column.

    A flat dict of text, whole numbers and None (a pre-list row's values) is written by
    orjson, about five times faster, to the same text; what orjson refuses (integers beyond 64
    bits, text that is not UTF-8, keys that are not text) falls back to the encoder."""
    kind = type(value)
    if kind is int:  # the audit log's many single values: what the encoder writes, sooner
        return int.__repr__(value)
    if value is None:
        return "null"
    if orjson is not None and kind is dict and _FLAT.issuperset(map(type, value.values())):
        try:
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
        except TypeError:
            pass
    return _ENCODER.encode(value)


def loads(text: str | None):
    """Parse a Text column's JSON (None stays None).

    orjson reads standard JSON about four times faster than the json module and gives the same
    values; what it refuses (NaN, integers beyond 64 bits, which dumps may have written) is
    read by the json module."""
    if text is None:
        return None
    if orjson is None:
        return json.loads(text)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)
