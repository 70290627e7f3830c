"""What the store hands to screens: a household with server values, local edits and state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dtks.model import ReviewInfo, Verification
from dtks.moves import MoveRecord

_UNSET: Any = object()


@dataclass(frozen=True)
class PendingField:
    """A local edit not yet acknowledged: the value the user saw, the one they set, and any
    newer server value pulled since (``server_changed`` tells whether there is one)."""

    base: Any
    value: Any
    server_changed: bool = False
    server: Any = None


@dataclass(frozen=True)
class MemberView:
    """A member as shown: effective values (server overlaid with local edits) and edit marks."""

    member_id: str
    origin: str  # "server" (pulled) or "local" (added on this device, not yet acknowledged)
    status: str  # "active" or "removed"
    values: dict[str, Any]
    pending: dict[str, PendingField] = field(default_factory=dict)
    removal_reason: str | None = None
    removal_date: date | None = None
    removal_pending: bool = False


@dataclass(frozen=True)
class HouseholdView:
    """Everything the client knows about one household."""

    household_id: str
    assignment_id: int | None
    version: int
    base_version: int | None
    state: str
    is_new: bool
    deleted: bool
    values: dict[str, Any]
    server_values: dict[str, Any]
    pending: dict[str, PendingField]
    members: list[MemberView]
    review: ReviewInfo | None
    verification: Verification | None
    photos: list[str]
    message: str | None  # the server's message when it rejected the last push
    revision: int = 0  # moved on by every saved change; hand it back with a save (revisions.py)
    message_code: str | None = None  # the refusal's dtks.error_codes code, when it had one
    message_field: str | None = None  # the field the refusal names
    moves: tuple[MoveRecord, ...] = ()  # its moves between wilayah, as pulled (dtks.moves)


@dataclass(frozen=True)
class HouseholdSummary:
    """One line of the household list."""

    household_id: str
    nama_krt: str | None
    alamat: str | None
    no_kk: str | None
    state: str
    updated_at: str | None
