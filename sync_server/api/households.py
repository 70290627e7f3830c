"""GET /households/{id}/history: the audit trail of one household."""

from typing import Any

from pydantic import BaseModel

from sync_server.api.deps import CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.services import history
from sync_server.services.access import readable_household

router = api_router(tags=["households"])


class EventOut(BaseModel):
    """One applied change: who, from which device and change-set, old and new value."""

    at: str
    user: str | None
    device_id: str | None
    changeset_id: str | None
    member_id: str | None
    field: str
    old: Any
    new: Any
    relayer: str | None = None
    """Who uploaded the change for ``user`` (the collector) in a bundle; null for a direct push."""


class HistoryOut(BaseModel):
    """The household's events, oldest first."""

    events: list[EventOut]


@router.get("/households/{household_id}/history", response_model=HistoryOut)
def household_history(household_id: str, user: CurrentUser, db: Db):
    """Every applied change of a household within your scope."""
    with db.connect() as conn:
        readable_household(conn, user, household_id)
        return HistoryOut(events=history.events(conn, household_id))
