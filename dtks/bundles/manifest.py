"""The manifest of a bundle (DESIGN.md "Bundles"): who made it, for whom, what it carries.

>>> m = Manifest.from_json({"bundle_id": "b1", "kind": "push", "device_id": "d1",
...     "username": "enum1", "created_at": "2026-11-02T09:00:00+07:00",
...     "changesets": ["c1"], "photos": [], "since": {"7": 12}, "server_key_id": "k"})
>>> m.since, m.to_json()["kind"]
({7: 12}, 'push')
>>> try:
...     Manifest.from_json({"kind": "push"})
... except BadManifest as e:
...     print(e)
manifest.json: bundle_id is missing
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["KIND_PUSH", "KIND_REPLY", "KINDS", "BadManifest", "Manifest"]

KIND_PUSH = "push"
"""Enumerator -> server: change-sets and photos, sealed to the server, signed by the device."""
KIND_REPLY = "reply"
"""Server -> enumerator: replies and pull pages, sealed to the device, signed by the server."""
KINDS = (KIND_PUSH, KIND_REPLY)

MAX_ID = 64
MAX_ITEMS = 10_000


class BadManifest(ValueError):
    """A manifest that is not of the contract's shape; names the key."""


def _text(data: dict, key: str, optional: bool = False) -> str | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise BadManifest(
            f"manifest.json: {key} is missing"
            if value is None
            else f"manifest.json: {key} is not text"
        )
    if len(value) > 200:
        raise BadManifest(f"manifest.json: {key} is longer than 200 characters")
    return value


def _ids(data: dict, key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise BadManifest(f"manifest.json: {key} is not a list of at most {MAX_ITEMS} ids")
    if not all(isinstance(v, str) and 0 < len(v) <= MAX_ID for v in value):
        raise BadManifest(f"manifest.json: {key} holds something that is not an id")
    return list(value)


def _since(data: dict) -> dict[int, int]:
    value = data.get("since", {})
    if not isinstance(value, dict) or len(value) > MAX_ITEMS:
        raise BadManifest("manifest.json: since is not an object of assignment id -> seq")
    try:
        return {int(k): int(v) for k, v in value.items() if int(v) >= 0}
    except (TypeError, ValueError):
        raise BadManifest("manifest.json: since is not an object of assignment id -> seq") from None


@dataclass(frozen=True)
class Manifest:
    """The contract keys of manifest.json (the container adds its crypto keys beside them)."""

    bundle_id: str
    kind: str
    device_id: str
    username: str
    created_at: str
    server_key_id: str
    changesets: list[str] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)
    since: dict[int, int] = field(default_factory=dict)
    in_reply_to: str | None = None
    """For a reply: the bundle_id of the push bundle it answers."""

    @classmethod
    def from_json(cls, data: dict) -> Manifest:
        """Read and check a manifest; BadManifest names the key that is wrong."""
        if not isinstance(data, dict):
            raise BadManifest("manifest.json is not an object")
        bundle_id = _text(data, "bundle_id")
        kind = _text(data, "kind")
        if kind not in KINDS:
            raise BadManifest(f"manifest.json: kind {kind!r} is not one of {', '.join(KINDS)}")
        return cls(
            bundle_id=bundle_id,
            kind=kind,
            device_id=_text(data, "device_id"),
            username=_text(data, "username"),
            created_at=_text(data, "created_at"),
            server_key_id=_text(data, "server_key_id"),
            changesets=_ids(data, "changesets"),
            photos=_ids(data, "photos"),
            since=_since(data),
            in_reply_to=_text(data, "in_reply_to", optional=True),
        )

    def to_json(self) -> dict:
        """The manifest as JSON (since keyed by assignment id as text)."""
        out = {
            "bundle_id": self.bundle_id,
            "kind": self.kind,
            "device_id": self.device_id,
            "username": self.username,
            "created_at": self.created_at,
            "server_key_id": self.server_key_id,
            "changesets": list(self.changesets),
            "photos": list(self.photos),
            "since": {str(k): v for k, v in sorted(self.since.items())},
        }
        if self.in_reply_to:
            out["in_reply_to"] = self.in_reply_to
        return out
