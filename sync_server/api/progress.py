"""GET /progress: per-desa counts and per-enumerator last sync within your scope."""

from fastapi import Query
from pydantic import BaseModel

from sync_server.api.deps import CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.services import progress as progress_service

router = api_router(tags=["progress"])


class DesaOut(BaseModel):
    """The counts of one desa (docs/bundles.md "Progress" defines each)."""

    kode_wilayah: str
    name: str
    households: int
    visited: int
    finalized: int
    synced: int
    approved: int
    returned: int
    anomalies_open: int
    requests_pending: int = 0
    """Requests of its households still open without a finding (docs/cycle.md)."""


class UserOut(BaseModel):
    """A field user assigned within the scope: last sync, its device, assigned and finalized."""

    username: str
    role: str
    last_sync: str | None
    last_device_id: str | None
    days_since_sync: int | None
    households_assigned: int
    finalized: int


class ProgressOut(BaseModel):
    """Progress of a scope (all of yours without one) in a round (every round without one)."""

    scope: str | None
    round: str | None
    now: str
    desa: list[DesaOut]
    users: list[UserOut]


@router.get("/progress", response_model=ProgressOut)
def get_progress(
    user: CurrentUser,
    db: Db,
    scope: str | None = Query(None, max_length=16, description="a kode wilayah inside yours"),
    round: str | None = Query(None, pattern=r"^\d{4}-\d{2}$", description="YYYY-MM"),  # noqa: A002
):
    """Supervisors, reviewers and admins: counts per desa and enumerators' last syncs."""
    with db.connect() as conn:
        return progress_service.progress(conn, user, scope, round)
