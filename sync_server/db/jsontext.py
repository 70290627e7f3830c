"""JSON text as stored in the database: compact, UTF-8, keys sorted (stable for comparison).

>>> dumps({"b": 1, "a": "é"})
'{"a":"é","b":1}'
>>> loads(None) is None
True
"""

import json


def dumps(value) -> str:
    """Serialise a value for a Text column."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str | None):
    """Parse a Text column's JSON (None stays None)."""
    return None if text is None else json.loads(text)
