"""Push bundles received (POST /bundles) and their reply bundles (GET /bundles/{reply_id}).

A push bundle (dtks.bundles) is checked whole before anything is written: byte for byte, the
server key it was sealed to, the collector's registered and unrevoked device key, the
uploader's right to relay for the collector. Then its photos are stored and its change-sets
applied one by one by ``services.merge.push`` as the collector, exactly as POST /changesets
would (idempotent by changeset_id), with the uploader kept as relayer. The reply bundle holds
each change-set's reply (or its refusal, as the HTTP error body), the photos now held, the
collector's assignments and the pull pages of each since the bundle's ``since``; it is signed
with the server's key and sealed to the device's. A bundle relayed again answers the reply
made the first time.
"""

import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from dtks.bundles import container
from dtks.bundles.container import BundleRefused, Item, Sealed
from dtks.bundles.keys import KeyPair
from dtks.bundles.manifest import KIND_PUSH, KIND_REPLY, Manifest
from dtks.error_codes import ErrorCode
from dtks.model import load_json
from dtks.scope import covers_any
from sync_server import clock
from sync_server.db.tables import bundles, users
from sync_server.errors import BundleRejected, ChangesetMismatch, Forbidden, NotFound, ServerError
from sync_server.roles import can
from sync_server.scopes import dotted
from sync_server.services import assignments as assignment_service
from sync_server.services import devices, merge, server_keys
from sync_server.services import photos as photo_service
from sync_server.services.devices import Device
from sync_server.services.pull import pull_page
from sync_server.services.users import User, get_user

REPLY_KIND = "reply"
CHANGESET = "changeset"
PHOTO = "photo"


@dataclass(frozen=True)
class Received:
    """What POST /bundles answers."""

    bundle_id: str
    reply_id: str
    households: int
    changesets: int
    refused: int
    replayed: bool


def receive(engine: Engine, settings, uploader: User, data: bytes) -> Received:
    """Check a push bundle whole, apply it for its collector, keep and return its reply."""
    keys = server_keys.load_or_create(settings.data_dir)
    sealed = _read(data)
    manifest = sealed.manifest
    with engine.connect() as conn:
        collector, device = _sender(conn, manifest, keys)
        _check(sealed.verify, device.keys.ed25519)
        _may_relay(conn, uploader, collector)
        stored = _stored(conn, manifest.bundle_id)
    fingerprint = hashlib.sha256(data).hexdigest()
    if stored is not None:
        return _replayed(stored, fingerprint)
    items = _check(sealed.open, keys)
    changesets, photos = _contents(manifest, items)
    held = _store_photos(engine, settings, collector, photos)
    replies = {cid: _apply(engine, settings, collector, uploader, body) for cid, body in changesets}
    households = sum(len(load_json(body).get("households", [])) for _, body in changesets)
    reply_id = str(uuid.uuid4())
    with engine.connect() as conn:
        document = _reply_document(conn, settings, collector, manifest, replies, held)
    reply = _seal_reply(manifest, reply_id, document, device, keys)
    row = {
        "bundle_id": manifest.bundle_id,
        "fingerprint": fingerprint,
        "user_id": collector.id,
        "device_id": manifest.device_id,
        "relayer_id": uploader.id,
        "received_at": clock.now(),
        "households": households,
        "reply_id": reply_id,
        "reply": reply,
    }
    try:
        with engine.begin() as conn:
            conn.execute(insert(bundles).values(**row))
    except IntegrityError:  # the same bundle relayed twice at once: the first reply stands
        with engine.connect() as conn:
            return _replayed(_stored(conn, manifest.bundle_id), fingerprint)
    refused = sum(1 for r in replies.values() if "error" in r)
    return Received(manifest.bundle_id, reply_id, households, len(replies), refused, False)


def reply_bundle(engine: Engine, user: User, reply_id: str) -> bytes:
    """The sealed reply bundle, for its collector, its relayer or a supervisor of the collector."""
    with engine.connect() as conn:
        row = conn.execute(select(bundles).where(bundles.c.reply_id == reply_id)).first()
        if row is not None and user.id not in (row.user_id, row.relayer_id):
            name = conn.execute(select(users.c.username).where(users.c.id == row.user_id)).scalar()
            collector = get_user(conn, name)
            if not _supervises(conn, user, collector):
                row = None
    if row is None:
        raise NotFound(f"no reply bundle {reply_id} for you")
    return bytes(row.reply)


def _read(data: bytes) -> Sealed:
    sealed = _check(container.read, data)
    if sealed.manifest.kind != KIND_PUSH:
        raise BundleRejected(
            ErrorCode.BUNDLE_FOREIGN,
            f"bundle {sealed.manifest.bundle_id} is a {sealed.manifest.kind} bundle: only push "
            "bundles are uploaded (a reply is imported on its device with capi bundle import)",
        )
    return sealed


def _check(step, *args):
    """Run a dtks.bundles step; its refusal becomes the HTTP error of the same code."""
    try:
        return step(*args)
    except BundleRefused as e:
        raise BundleRejected(e.reason, str(e)) from None


def _sender(conn: Connection, manifest: Manifest, keys: KeyPair) -> tuple[User, Device]:
    """The collector and their registered device, or the bundle's refusal."""
    if manifest.server_key_id != keys.public().key_id:
        raise BundleRejected(
            ErrorCode.BUNDLE_FOREIGN,
            f"bundle {manifest.bundle_id} was sealed for server key {manifest.server_key_id}, "
            f"not this server's ({keys.public().key_id})",
        )
    row = conn.execute(select(users).where(users.c.username == manifest.username)).first()
    device = devices.lookup(conn, row.id, manifest.device_id) if row is not None else None
    if device is None:
        raise BundleRejected(
            ErrorCode.BUNDLE_FOREIGN,
            f"bundle {manifest.bundle_id}: device {manifest.device_id} of {manifest.username} "
            "registered no keys here (log in online from it once)",
        )
    if device.revoked_at is not None or row.disabled:
        raise BundleRejected(
            ErrorCode.BUNDLE_REVOKED,
            f"bundle {manifest.bundle_id}: device {manifest.device_id} of {manifest.username} "
            f"was revoked at {device.revoked_at or 'the disabling of the user'}; nothing applied",
        )
    return get_user(conn, row.username), device


def _collector_scopes(conn: Connection, collector: User) -> set[str]:
    return set(collector.scopes) | set(collector.write_scopes(conn))


def _supervises(conn: Connection, user: User, collector: User) -> bool:
    """True when user is a supervisor whose scopes hold every scope of the collector."""
    scopes = _collector_scopes(conn, collector)
    return (
        user.role == "supervisor"
        and bool(scopes)
        and all(covers_any(user.scopes, s) for s in scopes)
    )


def _may_relay(conn: Connection, uploader: User, collector: User) -> None:
    if uploader.id == collector.id:
        if not can(uploader.role, "push"):
            raise Forbidden(f"role {uploader.role} cannot push change-sets")
        return
    if uploader.role != "supervisor":
        raise Forbidden(
            f"role {uploader.role} cannot relay bundles: a supervisor or the enumerator themselves"
        )
    if not _supervises(conn, uploader, collector):
        wilayah = ", ".join(dotted(s) for s in sorted(_collector_scopes(conn, collector)))
        raise Forbidden(
            f"{collector.username} works in {wilayah or 'no wilayah'}, outside your scope: "
            "you cannot relay their bundle"
        )


def _stored(conn: Connection, bundle_id: str):
    return conn.execute(select(bundles).where(bundles.c.bundle_id == bundle_id)).first()


def _replayed(row, fingerprint: str) -> Received:
    if row.fingerprint != fingerprint:
        raise ChangesetMismatch(
            f"bundle {row.bundle_id} was received before with other content; nothing applied"
        )
    return Received(row.bundle_id, row.reply_id, row.households, 0, 0, True)


def _contents(manifest: Manifest, items: list[Item]) -> tuple[list[tuple[str, bytes]], list[Item]]:
    """The change-sets (id, bytes) and photos, checked against what the manifest lists."""
    changesets = [(i.id, i.data) for i in items if i.kind == CHANGESET]
    photos = [i for i in items if i.kind == PHOTO]
    if [c for c, _ in changesets] != manifest.changesets or [
        p.id for p in photos
    ] != manifest.photos:
        raise BundleRejected(
            ErrorCode.BUNDLE_DAMAGED, "the bundle's payloads are not those its manifest lists"
        )
    for cid, body in changesets:
        try:
            inner = load_json(body).get("changeset_id")
        except Exception:  # noqa: BLE001 - any unreadable payload refuses the whole bundle
            inner = None
        if inner != cid:
            raise BundleRejected(
                ErrorCode.BUNDLE_DAMAGED, f"change-set {cid} of the bundle does not read as itself"
            )
    return changesets, photos


def _store_photos(engine: Engine, settings, collector: User, photos: list[Item]) -> dict:
    """Store each photo as the collector would by PUT /photos; sha -> "held" or the error."""
    held = {}
    for p in photos:
        try:
            photo_service.store_photo(
                engine,
                Path(settings.photos_dir),
                collector.id,
                p.id,
                p.data,
                settings.max_photo_bytes,
            )
            held[p.id] = "held"
        except ServerError as e:
            held[p.id] = {"status": e.status, **e.body()}
    return held


def _apply(engine: Engine, settings, collector: User, uploader: User, body: bytes) -> dict:
    """{"reply": ...} as POST /changesets answers, or {"error": status and error body}."""
    relayer = uploader.id if uploader.id != collector.id else None
    try:
        return {"reply": merge.push(engine, collector, body, settings.forms_dir, relayer)}
    except ServerError as e:
        return {"error": {"status": e.status, **e.body()}}


def _assignment_json(a) -> dict:
    return {
        "id": a.id,
        "round": a.round,
        "scope": dotted(a.scope),
        "form_id": a.form_id,
        "form_version": a.form_version,
    }


def _pages(conn: Connection, scope: str, since: int, limit: int) -> list[dict]:
    pages = []
    while True:
        page = pull_page(conn, scope, since, limit)
        pages.append(page)
        if not page["more"]:
            return pages
        since = page["next_since"]


def _reply_document(conn, settings, collector: User, manifest: Manifest, replies, held) -> dict:
    items = assignment_service.mine(conn, collector)
    pulls = {}
    for a in items:
        since = manifest.since.get(a.id, 0)
        pulls[str(a.id)] = {
            "since": since,
            "pages": _pages(conn, a.scope, since, settings.pull_max_limit),
        }
    return {
        "changesets": replies,
        "photos": held,
        "assignments": [_assignment_json(a) for a in items],
        "pulls": pulls,
        "server_time": clock.now(),
    }


def _seal_reply(manifest: Manifest, reply_id: str, document: dict, device: Device, keys) -> bytes:
    head = Manifest(
        bundle_id=reply_id,
        kind=KIND_REPLY,
        device_id=manifest.device_id,
        username=manifest.username,
        created_at=clock.now(),
        server_key_id=keys.public().key_id,
        changesets=list(manifest.changesets),
        photos=[],
        since=dict(manifest.since),
        in_reply_to=manifest.bundle_id,
    )
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    return container.seal(head, [Item(REPLY_KIND, reply_id, body)], device.keys.x25519, keys)
