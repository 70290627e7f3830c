"""Sync without a network: export a push bundle, import its reply, relay bundles (DESIGN.md
"Bundles"; docs/bundles.md).

Export and import run the very phases of a direct sync (``sync.session.run_phases``) against
the file transports of ``sync.bundle_transport``: so a bundle carries exactly what a sync
would have sent, and importing its reply leaves the store as the sync would have. Relay is a
supervisor's: each bundle is uploaded as it is (it stays sealed to the server) and its
reply fetched as it is (sealed to the enumerator's device).

>>> result = export_bundle(session, Path("/media/usb/enum1.vvb"))            # doctest: +SKIP
>>> relayed = relay(api, [Path("/media/usb/enum1.vvb")], Path("/media/usb"))  # doctest: +SKIP
>>> imported = import_reply(session, Path("/media/usb/enum1.reply.vvb"))      # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from capi_app.session import Session
from capi_app.sync import device_keys, sync_log
from capi_app.sync.bundle_transport import PushBundleWriter, ReplyReader
from capi_app.sync.errors import (
    BundleInvalid,
    Cancelled,
    ServerUnreachable,
    SessionExpired,
    SyncError,
)
from capi_app.sync.photos import read_photo
from capi_app.sync.session import run_phases
from capi_app.sync.summary import PHASES, Progress, SyncSummary
from capi_app.sync.transport import Transport
from dtks.bundles import container
from dtks.bundles.container import BundleRefused, Item
from dtks.bundles.manifest import KIND_PUSH, KIND_REPLY, Manifest
from dtks.error_codes import ErrorCode
from dtks.private_files import open_private

SUFFIX = ".vvb"
REPLY_SUFFIX = ".reply.vvb"

__all__ = [
    "BundleInfo",
    "ExportResult",
    "ImportResult",
    "RelayResult",
    "export_bundle",
    "import_reply",
    "bundles_in",
    "describe",
    "relay",
    "reply_path",
]


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class ExportResult:
    """A push bundle written: where, which, and what it carries."""

    path: Path
    bundle_id: str
    changesets: int
    households: int
    photos: int
    size: int


@dataclass
class ImportResult:
    """A reply imported: the sync summary of applying it and assignments left for a sync."""

    reply_id: str
    summary: SyncSummary
    skipped_assignments: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class RelayResult:
    """One bundle relayed (reply saved) or refused (message says why; nothing applied).

    ``error`` is the refusal (its ``code`` names the reason, dtks.error_codes) or the
    failure that kept it from the server; ``replayed`` says the server had it before;
    ``refused`` counts its change-sets the server refused (their reasons are in the reply)."""

    source: Path
    ok: bool
    message: str
    reply: Path | None = None
    bundle_id: str | None = None
    households: int = 0
    error: Exception | None = None
    replayed: bool = False
    refused: int = 0


@dataclass(frozen=True)
class BundleInfo:
    """What a bundle's manifest says in clear (who made it, on which device, when) and its
    size; ``problem`` when it cannot be read as a bundle (the server would refuse it)."""

    path: Path
    size: int
    kind: str | None = None
    bundle_id: str | None = None
    username: str | None = None
    device_id: str | None = None
    created_at: str | None = None
    changesets: int = 0
    photos: int = 0
    problem: BundleInvalid | None = None


def _refused(error: BundleRefused) -> BundleInvalid:
    return BundleInvalid(str(error), ErrorCode(error.reason))


def _write_whole(path: Path, data: bytes) -> None:
    """Write a file whole or not at all (a USB stick pulled mid-write leaves no half bundle);
    0600 like every file of household data (the bundle is encrypted too)."""
    part = path.with_name(path.name + ".part")
    with open_private(part) as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    part.replace(path)


def _households(changesets: list[tuple[str, bytes]]) -> int:
    return sum(len(json.loads(body).get("households", [])) for _, body in changesets)


def _logged(kind: str, session: Session, summary: SyncSummary, run: Callable[[], object]):
    """Run a bundle step and keep it in the sync log, finished, failed or cancelled."""
    try:
        result = run()
    except BaseException as e:
        summary.finished_at = summary.finished_at or _now()
        sync_log.record(session.store, kind, summary, session.username, e)
        raise
    sync_log.record(session.store, kind, summary, session.username)
    return result


def export_bundle(
    session: Session,
    out: Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ExportResult:
    """Write a push bundle of everything a sync would send now; works offline."""
    summary = SyncSummary(started_at=_now())
    return _logged(
        "bundle_export",
        session,
        summary,
        lambda: _export(session, Path(out), summary, progress, cancel),
    )


def _export(session, out, summary, progress, cancel) -> ExportResult:
    store = session.store
    server = device_keys.server_keys(store)
    keys = device_keys.load(store)
    if server is None or keys is None:
        raise SyncError(
            "this device has no bundle keys yet: log in online once (capi login) to get them"
        )
    writer = PushBundleWriter(store)
    if cancel is not None:
        writer.cancel = cancel
    run_phases(session, writer, PHASES, summary, progress, writer.cancel, read_photo)
    if writer.cancel.is_set():
        raise Cancelled("export cancelled: no bundle was written")
    manifest = Manifest(
        bundle_id=str(uuid.uuid4()),
        kind=KIND_PUSH,
        device_id=session.device_id,
        username=session.username,
        created_at=_now(),
        server_key_id=server.key_id,
        changesets=[cid for cid, _ in writer.changesets],
        photos=[sha for sha, _ in writer.photos],
        since=dict(writer.since),
    )
    items = [Item("photo", sha, data) for sha, data in writer.photos]
    items += [Item("changeset", cid, body) for cid, body in writer.changesets]
    # Photos first: the server stores them before the change-sets that name them.
    items.sort(key=lambda i: i.kind != "photo")
    manifest = _ordered(manifest, items)
    data = container.seal(manifest, items, server.x25519, keys)
    _write_whole(out, data)
    # The log counts what the bundle carries: no server answered yet.
    summary.households_pushed = _households(writer.changesets)
    summary.pushed = len(writer.changesets)
    summary.photos_uploaded = len(writer.photos)
    summary.bytes_sent = len(data)
    summary.pending_changesets = len(store.pending_changesets())
    summary.finished_at = _now()
    summary.completed = True
    return ExportResult(
        out,
        manifest.bundle_id,
        len(writer.changesets),
        _households(writer.changesets),
        len(writer.photos),
        len(data),
    )


def _ordered(manifest: Manifest, items: list[Item]) -> Manifest:
    """The manifest listing change-sets and photos in the order their payloads follow."""
    return Manifest(
        **{
            **manifest.__dict__,
            "changesets": [i.id for i in items if i.kind == "changeset"],
            "photos": [i.id for i in items if i.kind == "photo"],
        }
    )


def _read(path: Path) -> container.Sealed:
    path = Path(path)
    size = path.stat().st_size
    if size > container.MAX_BUNDLE_BYTES:
        raise BundleInvalid(
            f"{path.name}: {size} bytes; a bundle has at most {container.MAX_BUNDLE_BYTES}",
            ErrorCode.TOO_LARGE,
        )
    try:
        return container.read(path.read_bytes())
    except BundleRefused as e:
        raise BundleInvalid(f"{path.name}: {e}", ErrorCode(e.reason)) from None


def open_reply(session: Session, path: Path) -> tuple[Manifest, dict]:
    """Check a reply bundle is this device's and the server's, and open it; else BundleInvalid."""
    sealed = _read(path)
    m = sealed.manifest
    if m.kind != KIND_REPLY:
        raise BundleInvalid(
            f"{Path(path).name} is a {m.kind} bundle, not a reply: relay it first (capi relay)",
            ErrorCode.BUNDLE_FOREIGN,
        )
    if m.device_id != session.device_id or m.username != session.username:
        raise BundleInvalid(
            f"{Path(path).name} is the reply for {m.username} on device {m.device_id}, not for "
            f"{session.username} on this device ({session.device_id}): nothing was imported",
            ErrorCode.BUNDLE_FOREIGN,
        )
    server = device_keys.server_keys(session.store)
    keys = device_keys.load(session.store)
    if server is None or keys is None:
        raise SyncError("this device has no bundle keys: log in online once (capi login)")
    try:
        sealed.verify(server.ed25519)
        items = sealed.open(keys)
    except BundleRefused as e:
        raise BundleInvalid(f"{Path(path).name}: {e}", ErrorCode(e.reason)) from None
    try:
        document = json.loads(items[0].data)
    except (IndexError, ValueError):
        raise BundleInvalid(
            f"{Path(path).name}: the reply inside cannot be read", ErrorCode.BUNDLE_DAMAGED
        ) from None
    return m, document


def import_reply(session: Session, path: Path, progress: Progress | None = None) -> ImportResult:
    """Apply a reply bundle to this device as the sync it stands for would have."""
    summary = SyncSummary(started_at=_now())
    return _logged(
        "bundle_import", session, summary, lambda: _import(session, path, summary, progress)
    )


def _import(session, path, summary, progress) -> ImportResult:
    summary.bytes_received = Path(path).stat().st_size if Path(path).is_file() else 0
    manifest, document = open_reply(session, path)
    reader = ReplyReader(session.store, document)
    run_phases(session, reader, PHASES, summary, progress, reader.cancel, read_photo)
    summary.pending_changesets = len(session.store.pending_changesets())
    summary.finished_at = _now()
    summary.completed = True
    return ImportResult(manifest.bundle_id, summary, reader.skipped)


def reply_path(source: Path, replies_dir: Path | None = None) -> Path:
    """Where the reply of a bundle file is saved: NAME.reply.vvb beside it or in replies_dir."""
    source = Path(source)
    stem = source.name[: -len(SUFFIX)] if source.name.endswith(SUFFIX) else source.name
    return Path(replies_dir or source.parent) / f"{stem}{REPLY_SUFFIX}"


def bundles_in(folder: Path) -> list[Path]:
    """The push bundles of a folder (a USB stick), replies left out, by name."""
    return sorted(p for p in Path(folder).glob(f"*{SUFFIX}") if not p.name.endswith(REPLY_SUFFIX))


def describe(path: Path) -> BundleInfo:
    """Read a bundle's clear manifest (no key needed) to list it before relaying it."""
    path = Path(path)
    size = path.stat().st_size
    try:
        m = _read(path).manifest
    except BundleInvalid as e:
        return BundleInfo(path, size, problem=e)
    return BundleInfo(
        path, size, m.kind, m.bundle_id, m.username, m.device_id, m.created_at,
        len(m.changesets), len(m.photos),
    )  # fmt: skip


def _relay_one(api: Transport, source: Path, replies_dir: Path | None) -> RelayResult:
    try:
        size = source.stat().st_size
        if size > container.MAX_BUNDLE_BYTES:
            too_large = BundleInvalid(
                f"{source.name}: {size} bytes; a bundle has at most {container.MAX_BUNDLE_BYTES}",
                ErrorCode.TOO_LARGE,
            )
            return RelayResult(source, False, str(too_large), error=too_large)
        answer = api.upload_bundle(source.read_bytes())
        data = api.reply_bundle(str(answer["reply_id"]))
        target = reply_path(source, replies_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_whole(target, data)
    except Cancelled:
        raise
    except (SyncError, OSError, KeyError) as e:
        return RelayResult(source, False, str(e), error=e)
    n = int(answer.get("households", 0))
    replayed = bool(answer.get("replayed"))
    again = " (relayed before: nothing applied again)" if replayed else ""
    return RelayResult(
        source, True, f"{n} households{again}", target, str(answer["bundle_id"]), n,
        replayed=replayed, refused=int(answer.get("refused", 0)),
    )  # fmt: skip


def relay(
    api,
    sources: Iterable[Path],
    replies_dir: Path | None = None,
    progress: Callable[[int, int, RelayResult], None] | None = None,
    cancel: threading.Event | None = None,
) -> list[RelayResult]:
    """Upload each bundle and save its reply; a refused bundle does not stop the others.

    ``cancel`` is looked at between bundles: the one under way is finished (relayed with its
    reply saved, or not at all) and the results so far are returned. No server (or a login
    that expired) stops the relay too: the bundles not tried are not in the results. Relaying
    a bundle again is harmless (the server answers its first reply)."""
    sources = [Path(s) for s in sources]
    results = []
    for done, source in enumerate(sources, start=1):
        if cancel is not None and cancel.is_set():
            break
        result = _relay_one(api, source, replies_dir)
        results.append(result)
        if progress:
            progress(done, len(sources), result)
        if isinstance(result.error, ServerUnreachable | SessionExpired):
            break
    return results
