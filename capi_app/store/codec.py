"""JSON columns and timestamps as the store writes them."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any


def dump(value: Any) -> str:
    """JSON text for a column (compact, UTF-8 kept as is)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def load(text: str | None, default: Any = None) -> Any:
    """The value of a JSON column, or ``default`` when it is NULL."""
    return default if text is None else json.loads(text)


def now_iso() -> str:
    """The current local time with its UTC offset (Indonesia spans three zones)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def parse_time(text: str | None) -> datetime | None:
    """A stored ISO timestamp back as a datetime."""
    return None if text is None else datetime.fromisoformat(text)
