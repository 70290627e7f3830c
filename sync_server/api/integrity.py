"""Visit integrity (docs/integrity.md): a household's evidence, a desa's points for the offline
map, the per-enumerator summary, and a refresh on request. Supervisors, reviewers and admins,
each within their scope."""

from typing import Any

from fastapi import Query
from pydantic import BaseModel, Field

from dtks import cycle
from sync_server.api.body import BodyIn
from sync_server.api.deps import CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.services import integrity as integrity_service

router = api_router(tags=["integrity"])
SCOPE = Query(None, max_length=16, description="a kode wilayah inside your scopes")


class FindingOut(BaseModel):
    """One sign of dtks.integrity with the evidence a reviewer is shown."""

    indicator: str
    message: str
    evidence: dict[str, Any]
    computed_at: str


class EvidenceOut(BaseModel):
    """A household's integrity findings, its latest field visit, and the interview timeline."""

    household_id: str
    kode_wilayah: str
    findings: list[FindingOut]
    visit: dict[str, Any] | None = Field(
        None, description="enumerator, times, interview and minimum seconds, GPS, photo hashes"
    )
    timeline: list[dict[str, Any]] = Field(
        default_factory=list, description="paradata events: at, offset_s, kind, what"
    )
    related: list[str] = Field(
        default_factory=list, description="other households the findings name"
    )


class PointOut(BaseModel):
    """A household's point on the desa map."""

    household_id: str
    nama_krt: str | None
    lat: float
    lon: float
    source: str = Field(description="verification (its GPS) or prelist")
    flagged: bool
    detail: str | None
    indicators: list[str] = Field(default_factory=list, description="the signs found, by name")


class PointsOut(BaseModel):
    """A desa's households' points and the extent they span (no tiles needed)."""

    kode_wilayah: str
    desa: str | None
    points: list[PointOut]
    extent: dict[str, Any] | None


class EnumeratorOut(BaseModel):
    """An enumerator's finalized verifications and the households flagged among them."""

    username: str
    verifications: int
    flagged_households: int
    flagged_share: float
    by_indicator: dict[str, int]


class EnumeratorsOut(BaseModel):
    """Per enumerator within a scope (and round), the most flagged first."""

    scope: str | None
    round: str | None
    enumerators: list[EnumeratorOut]


class RefreshIn(BodyIn):
    """Which scope to recompute (all of yours without one)."""

    scope: str | None = Field(None, max_length=16)


class RefreshOut(BaseModel):
    """What a refresh read and found."""

    desas: int
    households: int
    flagged: int


@router.get("/integrity/households/{household_id}", response_model=EvidenceOut)
def household_evidence(household_id: str, user: CurrentUser, db: Db):
    """The integrity evidence of one household in your scope."""
    with db.connect() as conn:
        return integrity_service.evidence(conn, user, household_id)


@router.get("/integrity/points", response_model=PointsOut)
def desa_points(
    user: CurrentUser,
    db: Db,
    scope: str = Query(max_length=16, description="the desa's kode wilayah, inside your scopes"),
):
    """The GPS points of a desa's households, for a map drawn on the desa's own extent."""
    with db.connect() as conn:
        return integrity_service.points(conn, user, scope)


@router.get("/integrity/enumerators", response_model=EnumeratorsOut)
def enumerator_summary(
    user: CurrentUser,
    db: Db,
    scope: str | None = SCOPE,
    round: str | None = Query(None, pattern=cycle.ROUND_PATTERN),  # noqa: A002
):
    """Per enumerator: verifications and households flagged, by indicator."""
    with db.connect() as conn:
        return integrity_service.enumerators(conn, user, scope, round)


@router.post("/integrity/refresh", response_model=RefreshOut)
def refresh(body: RefreshIn, user: CurrentUser, db: Db):
    """Recompute the indicators for the desas of a scope (a reviewer's request)."""
    return integrity_service.refresh_scope(db, user, body.scope)
