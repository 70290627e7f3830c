"""The two file sides of the transport seam (``sync.transport.Transport``).

``PushBundleWriter`` is what an offline push talks to: it keeps each change-set's frozen bytes
and each photo to carry, and where each assignment's pull stands (the reply continues from
there); nothing is acknowledged, so everything stays pending until the reply comes back.
``ReplyReader`` answers from an opened reply bundle exactly as the server answered the
relay: each change-set's reply (or its refusal, raised as the HTTP client would raise it),
the photos the server now holds, the assignments and their pull pages.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

from capi_app.store import Store
from capi_app.sync.client import error_code, error_for
from capi_app.sync.errors import Rejected


def _changeset_id(payload: bytes) -> str:
    return str(json.loads(payload)["changeset_id"])


class _NoWire:
    """Counters of a transport that sends nothing over a network."""

    def __init__(self) -> None:
        self.cancel = threading.Event()
        self.bytes_sent = 0
        self.bytes_received = 0

    def round_calendar(self, round_: str, scope: str) -> dict[str, Any]:
        """No round windows travel in a bundle: the next online sync fetches them."""
        raise Rejected("no round windows in a bundle")


class PushBundleWriter(_NoWire):
    """Collects what a push bundle carries: change-sets, photos and pull positions."""

    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        self.changesets: list[tuple[str, bytes]] = []
        self.photos: list[tuple[str, bytes]] = []
        self.since: dict[int, int] = {}

    def assignments(self) -> list[dict[str, Any]]:
        """The assignments as this device last pulled them."""
        return [a.to_json() for a in self.store.assignments()]

    def pull_pages(self, assignment_id: int, since: int, limit: int = 500) -> Iterator[dict]:
        """Nothing to pull offline: remember where the reply should continue from."""
        self.since[assignment_id] = since
        return iter(())

    def has_photo(self, sha256: str) -> bool:
        """Unknown offline: every photo not yet uploaded is carried."""
        return False

    def put_photo(self, sha256: str, data: bytes) -> bool:
        """Carry the photo; it is marked uploaded only when a reply says the server holds it."""
        self.photos.append((sha256, data))
        self.bytes_sent += len(data)
        return False

    def push(self, payload: bytes) -> dict[str, Any] | None:
        """Carry the change-set's frozen bytes; its reply comes back in the reply bundle."""
        self.changesets.append((_changeset_id(payload), bytes(payload)))
        self.bytes_sent += len(payload)
        return None


class ReplyReader(_NoWire):
    """Answers the sync phases from a reply bundle's document (services/bundles.py shapes)."""

    def __init__(self, store: Store, document: dict[str, Any]):
        super().__init__()
        self.store = store
        self.document = document
        self.skipped: list[int] = []
        """Assignments whose pages were not applied: the device pulled past them meanwhile."""

    def assignments(self) -> list[dict[str, Any]]:
        """The collector's assignments as the server listed them at the relay."""
        return list(self.document.get("assignments", []))

    def pull_pages(self, assignment_id: int, since: int, limit: int = 500) -> Iterator[dict]:
        """The reply's pages, when they continue exactly from where this device stands."""
        pull = self.document.get("pulls", {}).get(str(assignment_id))
        if pull is None:
            return iter(())
        if int(pull.get("since", -1)) != since:
            self.skipped.append(assignment_id)  # older than what the device has: the next sync
            return iter(())
        return iter(pull.get("pages", []))

    def has_photo(self, sha256: str) -> bool:
        """True when the server stored the photo at the relay."""
        return self.document.get("photos", {}).get(sha256) == "held"

    def put_photo(self, sha256: str, data: bytes) -> bool:
        """A photo the server did not take stays to be sent by the next sync."""
        return False

    def push(self, payload: bytes) -> dict[str, Any] | None:
        """The server's reply to the change-set, its refusal raised, or None if not in it."""
        answer = self.document.get("changesets", {}).get(_changeset_id(payload))
        if answer is None:
            return None  # made after the bundle: still pending for the next sync or bundle
        if "reply" in answer:
            return answer["reply"]
        body = dict(answer.get("error") or {})
        error = error_for(int(body.get("status", 422)), str(body.get("detail", "")), body)
        error.code = error_code(body)
        raise error
