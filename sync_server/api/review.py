"""Review: GET /review/queue, GET|POST /review/households/{id}, POST /review/bulk-approve."""

from typing import Any, Literal

from fastapi import Query
from pydantic import BaseModel, Field

from dtks import cycle, findings, review, tasks
from dtks.model import MAX_INT
from sync_server.api.body import BodyIn
from sync_server.api.deps import CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.api.moves import DecidableMove
from sync_server.api.openapi_doc import errors
from sync_server.services import moves as move_service
from sync_server.services import review as review_service
from sync_server.services import review_queue as queue_service
from sync_server.services.bulk_approve import bulk_approve

ROUND_PATTERN = cycle.ROUND_PATTERN

router = api_router(tags=["review"])


class QueueItem(BaseModel):
    """A household waiting for review."""

    household_id: str
    kode_wilayah: str
    nama_krt: str | None
    state: str
    version: int
    proposed: bool
    flags: list[str]
    open_conflicts: int
    updated_at: str
    round: str | None = Field(
        None, description="the filter's round, else the latest verification's"
    )
    result: str | None = Field(None, description="hasil code of the latest verification, or null")
    desa: str | None = Field(None, description="name of the desa/kelurahan")
    reached: bool = Field(
        False,
        description="listed outside your scope, in the queue because its ids point into it "
        "(flag=anomaly, wrong_wilayah): you read it, the region it is listed in decides",
    )


class QueueOut(BaseModel):
    """The queue, oldest change first, with counts per open flag in scope and round."""

    households: list[QueueItem]
    counts: dict[str, int]
    total: int
    awaiting_approval: int = 0
    """Open households with a verification (in the round): waiting for approval, no flag."""
    count_cap: int = 0
    """total, awaiting_approval and a province's or the nation's flag counts are exact up to
    count_cap; a larger number (count_cap + 1) means "more than count_cap"."""


class FindingOut(BaseModel):
    """What the enumerator found on a request (dtks.findings), from which verification."""

    result: Literal[findings.RESULTS]
    reason: str | None
    collected_by: str | None = Field(None, description="username of the collector")
    collected_at: str | None = Field(None, description="when the visit finished (UTC)")


class RequestOut(BaseModel):
    """A request (usul warga, sanggahan, usulan Kemensos) as imported, beside its finding."""

    kind: Literal[tasks.REQUEST_KINDS]
    reference: str
    date: str
    nik: str | None
    name: str
    address: str | None
    reason: str | None
    programme: str | None
    finding: FindingOut | None


class ReviewDetailOut(BaseModel):
    """A household with both sides of every conflict, flags, verifications, photos, history."""

    household: dict[str, Any]
    conflicts: list[dict[str, Any]]
    flags: list[dict[str, Any]]
    verifications: list[dict[str, Any]]
    photos: list[dict[str, Any]]
    history: list[dict[str, Any]]
    anomalies: list[dict[str, Any]] = []
    """The open anomalies of the worklist (dtks.anomalies)."""
    requests: list[RequestOut] = Field(
        default_factory=list,
        description="the requests naming the household (open and closed by an approval), "
        "each with the finding recorded for it or null",
    )
    moves: list[DecidableMove] = Field(
        default_factory=list,
        description="pending moves of the household to another wilayah; the receiving "
        "reviewer may read the household while one waits",
    )


class Choice(BodyIn):
    """Which value to keep for a conflict: the server's, the client's, or a new value."""

    take: Literal["server", "client", "value"]
    value: Any = None


class DecisionIn(BodyIn):
    """resolve (choices keyed by conflict key: field, or member_id.field), approve or return."""

    decision: Literal[review.HOUSEHOLD_DECISIONS]
    choices: dict[str, Choice] = Field(default_factory=dict)
    note: str | None = Field(None, max_length=2000)


class DecisionOut(BaseModel):
    """The household after the decision."""

    household_id: str
    state: str
    version: int
    note: str | None
    replaces: str | None = Field(
        None, description="an approved proposal: the client UUID its permanent id replaces"
    )


class BulkApproveIn(BodyIn):
    """Which households to approve: verified in round, under scope, with no open flag."""

    scope: str | None = Field(None, description="kode wilayah prefix inside your scopes")
    round: str = Field(pattern=ROUND_PATTERN)


class BulkApproveOut(BaseModel):
    """The ids approved and how many verified households were left for a closer look."""

    approved: list[str]
    skipped: int


@router.get("/review/queue", response_model=QueueOut)
def review_queue(
    user: CurrentUser,
    db: Db,
    scope: str | None = Query(None, description="kode wilayah prefix inside your scopes"),
    round: str | None = Query(None, pattern=ROUND_PATTERN, description="only this round"),
    flag: str | None = Query(None, description="only households with this open flag"),
    state: str | None = Query(None, description="default needs_review (unless flag is given)"),
    verified: bool = Query(False, description="only households with a verification (in round)"),
    limit: int = Query(200, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=MAX_INT),
):
    """Households in your scope that need review."""
    with db.connect() as conn:
        page = queue_service.queue(conn, user, scope, flag, state, limit, offset, round, verified)
    return QueueOut(**page)


@router.get("/review/households/{household_id}", response_model=ReviewDetailOut)
def review_household(household_id: str, user: CurrentUser, db: Db):
    """Everything about one household for a reviewer."""
    with db.connect() as conn:
        out = review_service.detail(conn, user, household_id)
        return out | {"moves": move_service.of_household(conn, user, household_id)}


@router.post("/review/households/{household_id}", response_model=DecisionOut, responses=errors(409))
def decide(household_id: str, body: DecisionIn, user: CurrentUser, db: Db):
    """Resolve conflicts, approve, or return to the enumerator with a note."""
    choices = {k: c.model_dump(exclude_unset=True) for k, c in body.choices.items()}
    return review_service.decide(
        db, user, household_id, body.decision, choices, body.note, user.device_id
    )


@router.post("/review/bulk-approve", response_model=BulkApproveOut, responses=errors(409))
def bulk(body: BulkApproveIn, user: CurrentUser, db: Db):
    """Approve every verified household of the scope and round that has no open flag."""
    return bulk_approve(db, user, body.scope, body.round, user.device_id)
