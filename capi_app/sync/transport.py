"""Where a sync's requests go: one protocol for the server over HTTP and for bundle files.

The pull, photo and push phases (``sync.pull``, ``sync.photos``, ``sync.push``) talk only to a
``Transport``. ``sync.client.ApiClient`` is the server over HTTP; ``sync.bundle_transport``
has the two file sides: a push bundle being written (offline: the outbox and photos are
carried, their replies come later) and a reply bundle being read (the server's answers, as
if they came over HTTP). So a bundle sync runs the same phase code as a direct one.

>>> from capi_app.sync.client import ApiClient
>>> isinstance(ApiClient("http://127.0.0.1:1"), Transport)
True
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any, Protocol, runtime_checkable

__all__ = ["Transport"]


@runtime_checkable
class Transport(Protocol):
    """The calls of the sync protocol that the phases make (DESIGN.md "Sync protocol")."""

    cancel: threading.Event
    bytes_sent: int
    bytes_received: int

    def assignments(self) -> list[dict[str, Any]]:
        """The user's assignments as ``GET /assignments/mine`` lists them."""
        ...

    def pull_pages(
        self, assignment_id: int, since: int, limit: int = 500
    ) -> Iterator[dict[str, Any]]:
        """The pull pages of an assignment after ``since`` (none when there are none)."""
        ...

    def round_calendar(self, round_: str, scope: str) -> dict[str, Any]:
        """A round's windows; raises ``Rejected`` when there are none to give."""
        ...

    def has_photo(self, sha256: str) -> bool:
        """True when the server is known to hold the photo (nothing to send)."""
        ...

    def put_photo(self, sha256: str, data: bytes) -> bool:
        """Send a photo; True when the server holds it now, False when it is only carried."""
        ...

    def push(self, payload: bytes) -> dict[str, Any] | None:
        """Send a change-set's frozen bytes; its reply, or None while the reply is to come."""
        ...
