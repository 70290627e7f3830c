"""One sync of a logged-in session: pull, upload photos, push; with progress and cancel.

>>> summary = run_sync(session, progress=lambda phase, done, total: print(phase, done, total))  # doctest: +SKIP
>>> summary.outcomes                                                                            # doctest: +SKIP
{'applied': 12, 'merged': 1, 'conflict': 0, 'rejected': 0}

Every step is safe to cut: a pull page and its position are stored together, a photo is marked
uploaded only after the server has it, a change-set is resent as the same bytes until answered.
A failure that stops the sync (no network, expired login, cancel) raises the client's error
with the partial summary attached as ``error.summary``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import datetime

from capi_app.session import Session
from capi_app.sync import credentials, sync_log
from capi_app.sync.errors import Cancelled, SessionExpired, SyncError
from capi_app.sync.photos import PhotoReader, read_photo, upload_photos
from capi_app.sync.pull import pull
from capi_app.sync.push import push
from capi_app.sync.summary import PHASES, Progress, SyncSummary
from capi_app.sync.transport import Transport

__all__ = ["PHASES", "SyncSummary", "run_phases", "run_sync"]


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _check_login(session: Session) -> None:
    creds = session.credentials
    if creds is None or not session.api.token:
        raise SessionExpired("not logged in to the server on this device: log in online first")
    if creds.expired():
        raise SessionExpired(
            f"the login of {creds.username} expired on {creds.expires_at}: log in online again"
        )


def run_phases(session, transport: Transport, phases, summary, progress, cancel, reader) -> None:
    """Run the phases in protocol order against a transport (HTTP or bundle files)."""
    store, api = session.store, transport
    for phase in PHASES:
        if phase not in phases:
            continue
        if cancel.is_set():
            raise Cancelled("sync cancelled; what finished before stays done")
        if phase == "pull":
            pull(store, api, summary, progress)
        elif phase == "photos":
            upload_photos(store, api, summary, progress, reader)
        else:
            push(store, api, summary, session.device_id, session.role, progress)


def run_sync(
    session: Session,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    phases: Iterable[str] = PHASES,
    *,
    photo_reader: PhotoReader = read_photo,
) -> SyncSummary:
    """Sync the session's store with its server; phases is any of pull, photos, push."""
    phases = set(phases)
    unknown = phases - set(PHASES)
    if unknown:
        raise ValueError(f"unknown sync phase(s): {', '.join(sorted(unknown))}")
    summary = SyncSummary(started_at=_now())
    kind = sync_log.kind_of(phases)
    try:
        _check_login(session)
    except SyncError as e:
        summary.finished_at = _now()
        sync_log.record(session.store, kind, summary, session.username, e)
        e.summary = summary
        raise
    api = session.api
    if cancel is not None:
        api.cancel = cancel  # the client checks it before every request and retry
    sent, received = api.bytes_sent, api.bytes_received
    error: BaseException | None = None
    try:
        run_phases(session, api, phases, summary, progress, api.cancel, photo_reader)
        summary.completed = True
    except SyncError as e:
        e.summary = summary
        error = e
        raise
    except BaseException as e:
        error = e
        raise
    finally:
        summary.bytes_sent = api.bytes_sent - sent
        summary.bytes_received = api.bytes_received - received
        summary.pending_changesets = len(session.store.pending_changesets())
        summary.finished_at = _now()
        sync_log.record(session.store, kind, summary, session.username, error)
        if summary.completed:
            last = {**summary.to_json(), "phases": sorted(phases)}
            last.pop("households")  # kept per sync in the sync log
            credentials.save_last_sync(session.store, last)
    return summary
