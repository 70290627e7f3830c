"""Keeping each sync in the device's sync log (capi_app/store/sync_log.py), finished or not.

The sync code calls ``record`` once per attempt: ``run_sync`` for a sync, pull or push,
``export_bundle`` and ``import_reply`` for bundles, with the summary as far as it got and the
error that stopped it (if any).

>>> record(store, "sync", summary, "enum1")                             # doctest: +SKIP
12
>>> record(store, "pull", summary, "enum1", ServerUnreachable("no network"))  # doctest: +SKIP
13
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import asdict

from capi_app.store import Store
from capi_app.store import sync_log as store_log
from capi_app.store.codec import now_iso
from capi_app.store.sync_log import SyncLogEntry
from capi_app.sync.errors import Cancelled
from capi_app.sync.summary import SyncSummary


def kind_of(phases: Iterable[str]) -> str:
    """The log's kind of a direct sync by its phases: sync, pull or push."""
    phases = set(phases)
    if phases == {"pull"}:
        return "pull"
    if "pull" not in phases:
        return "push"
    return "sync"


def ending(summary: SyncSummary, error: BaseException | None) -> str:
    """ok, problems (the server refused something), failed or cancelled."""
    if isinstance(error, Cancelled | KeyboardInterrupt):
        return "cancelled"
    if error is not None or not summary.completed:
        return "failed"
    return "ok" if summary.ok else "problems"


def entry_of(
    kind: str, summary: SyncSummary, username: str, error: BaseException | None = None
) -> SyncLogEntry:
    """The log entry of a sync from its summary and the error that stopped it."""
    code = getattr(error, "code", None)
    return SyncLogEntry(
        kind=kind,
        started_at=summary.started_at or now_iso(),
        finished_at=summary.finished_at or now_iso(),
        username=username or "",
        outcome=ending(summary, error),
        households_sent=summary.households_pushed,
        changesets_sent=summary.pushed,
        photos_sent=summary.photos_uploaded,
        received=summary.pulled,
        removed=summary.tombstones,
        pending_changesets=summary.pending_changesets,
        bytes_sent=summary.bytes_sent,
        bytes_received=summary.bytes_received,
        error="" if error is None else (str(error) or type(error).__name__),
        error_code=str(code) if code is not None else None,
        error_kind=None if error is None else type(error).__name__,
        notes=tuple(asdict(n) for n in summary.notes),
        households=tuple(summary.households),
    )


def record(
    store: Store,
    kind: str,
    summary: SyncSummary,
    username: str,
    error: BaseException | None = None,
) -> int | None:
    """Keep the sync in the log; returns its id.

    While an error is on its way up, a log that cannot be written (a closed store, a full
    disk) must not hide that error: it is said on stderr and None returned."""
    item = entry_of(kind, summary, username, error)
    if error is None:
        return store_log.record(store.db, item)
    try:
        return store_log.record(store.db, item)
    except Exception as e:  # noqa: BLE001 - the sync's own error is the one to report
        print(f"sync log: this {kind} could not be kept: {e}", file=sys.stderr)
        return None
