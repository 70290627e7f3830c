"""Pull phase: assignments, then each assignment's households since its last seq, page by page.

Each page and its ``next_since`` are stored in one transaction, so a cut connection resumes
at the first page not stored; nothing is lost and nothing is applied twice.
"""

from __future__ import annotations

from capi_app.store import Store
from capi_app.sync.errors import Forbidden, Rejected, SyncError
from capi_app.sync.summary import Progress, SyncSummary
from capi_app.sync.transport import Transport
from dtks.cycle import RoundCalendar
from dtks.model import Assignment, InvalidPayload, PullPage

PAGE_SIZE = 500


def _read(reader, data, what: str):
    try:
        return reader(data)
    except InvalidPayload as e:
        raise SyncError(f"the server sent {what} this app cannot read: {e}") from None


def _calendars(store: Store, api: Transport, items: list[Assignment]) -> None:
    """Keep the windows of each assignment's round (days left, deadline warnings offline)."""
    for round_, scope in sorted({(a.round, a.scope) for a in items}):
        try:
            raw = api.round_calendar(round_, scope)
            calendar = RoundCalendar.from_json(raw)
        except (Rejected, Forbidden):
            continue  # a server without the monthly cycle, or not for this role: no windows
        except (KeyError, TypeError, ValueError) as e:
            raise SyncError(f"the server sent round windows this app cannot read: {e}") from None
        store.save_calendar(calendar, scope, raw.get("now"))


def pull(
    store: Store,
    api: Transport,
    summary: SyncSummary,
    progress: Progress | None = None,
    page_size: int = PAGE_SIZE,
) -> list[Assignment]:
    """Save the user's assignments and pull every new page of each; returns the assignments."""
    items = [_read(Assignment.from_json, a, "an assignment") for a in api.assignments()]
    store.save_assignments(items)
    _calendars(store, api, items)
    for a in items:
        for raw in api.pull_pages(a.id, store.last_seq(a.id), page_size):
            page = _read(PullPage.from_json, raw, f"a page of assignment {a.id}")
            store.apply_pull_page(a.id, page)
            gone = sum(1 for h in page.households if h.deleted)
            summary.tombstones += gone
            summary.pulled += len(page.households) - gone
            if progress:
                progress("pull", summary.pulled + summary.tombstones, None)
    return items
