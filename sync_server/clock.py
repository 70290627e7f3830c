"""Timestamps as the database stores them: ISO-8601 UTC text."""

from datetime import UTC, datetime, timedelta


def now() -> str:
    """Return the current time as ISO-8601 UTC text, e.g. '2026-11-02T02:41:12.000123Z'."""
    return iso(datetime.now(UTC))


def iso(moment: datetime) -> str:
    """Write an aware datetime as the stored text form."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def in_days(days: float) -> str:
    """Return now + days as stored text."""
    return iso(datetime.now(UTC) + timedelta(days=days))
