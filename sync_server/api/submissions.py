"""Submissions (pengajuan): POST /submissions, GET /submissions, GET|POST /submissions/{id},
GET /submissions/{id}/report (the data of its pengesahan draft)."""

from typing import Any, Literal

from fastapi import Path as PathParam
from fastapi import Query
from pydantic import BaseModel, Field

from dtks import review
from dtks.model import MAX_INT
from sync_server.api.body import BodyIn
from sync_server.api.deps import Cfg, CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.api.openapi_doc import errors
from sync_server.api.reports import BnbaOut
from sync_server.api.review import ROUND_PATTERN
from sync_server.db.tables import MAX_ROW_ID
from sync_server.services import submissions as service

router = api_router(tags=["submissions"])
MAX_HOUSEHOLDS = 100_000
SubmissionId = PathParam(ge=1, le=MAX_ROW_ID, description="the submission_id")


class SubmissionIn(BodyIn):
    """A draft of a round's approved households (all those not submitted yet, or the named)."""

    round: str = Field(pattern=ROUND_PATTERN)
    activity: Literal[service.ACTIVITIES] = service.DEFAULT_ACTIVITY
    scope: str | None = Field(
        None, max_length=20, description="your kabupaten/kota (or part of it)"
    )
    household_ids: list[str] | None = Field(None, max_length=MAX_HOUSEHOLDS)


class CreatedOut(BaseModel):
    """The new draft."""

    submission_id: int
    level: str
    state: str
    count: int
    round: str
    activity: str
    scope: str


class DecisionIn(BodyIn):
    """submit (with the signed scan), forward, return (whole, or the named households with
    their notes), establish (the last level) or withdraw (a draft)."""

    decision: Literal[review.SUBMISSION_DECISIONS]
    note: str | None = Field(None, max_length=2000)
    household_returns: dict[str, str] | None = Field(
        None, description="household_id -> what to fix; only these go one level down"
    )
    pengesahan_sha256: str | None = Field(None, pattern=r"^[0-9a-fA-F]{64}$")


class SummaryOut(BaseModel):
    """A submission in a list."""

    submission_id: int
    round: str
    activity: str
    scope: str
    scope_name: str | None
    level: str = Field(description="where it waits: kabkota, provinsi or kemensos")
    state: str = Field(description="draft, submitted, returned, established or withdrawn")
    note: str | None
    parent_id: int | None = Field(description="the submission a partial return split it from")
    count: int = Field(description="households in it (not returned)")
    returned: int = Field(description="households returned out of it")
    created_by: str | None
    created_at: str
    updated_at: str


class ListOut(BaseModel):
    """Submissions you may see, newest change first."""

    submissions: list[SummaryOut]
    total: int


class HouseholdItem(BaseModel):
    """A household as submitted, with its state in the submission and any return note."""

    household_id: str
    state: str
    note: str | None
    kode_wilayah: str
    desa: str
    nama_krt: str
    alamat: str
    hasil: str | None
    status_rt: str | None
    eligibility_changed: bool
    approved_by: str


class DetailOut(SummaryOut):
    """One submission with its households, recap by result and desa, history and scan."""

    households: list[HouseholdItem]
    recap: dict[str, Any]
    history: list[dict[str, Any]]
    pengesahan: dict[str, Any] | None
    children: list[int]
    decisions: list[str] = Field(description="what you may decide on it now")


class ReportOut(BnbaOut):
    """The BNBA JSON of the submission's content (for the pengesahan draft PDF)."""

    submission_id: int
    submission_state: str
    submission_level: str


@router.post("/submissions", response_model=CreatedOut, status_code=201, responses=errors(409))
def create(body: SubmissionIn, user: CurrentUser, db: Db):
    """Make a draft submission (kabupaten/kota reviewers)."""
    return service.create(
        db, user, body.round, body.activity, body.scope, body.household_ids, user.device_id
    )


@router.get("/submissions", response_model=ListOut)
def listing(
    user: CurrentUser,
    db: Db,
    level: Literal[review.LEVELS] | None = Query(None, description="where it waits"),
    state: Literal[review.SUBMISSION_STATES] | None = Query(None),
    round: str | None = Query(None, pattern=ROUND_PATTERN),
    scope: str | None = Query(None, max_length=20, description="only under this wilayah"),
    limit: int = Query(200, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=MAX_INT),
):
    """The submissions of your wilayah and, for provinsi and Kemensos, of those below it."""
    return service.listing(db, user, level, state, round, scope, limit, offset)


@router.get("/submissions/{submission_id}", response_model=DetailOut)
def detail(user: CurrentUser, db: Db, cfg: Cfg, submission_id: int = SubmissionId):
    """One submission with its households, recap and own history."""
    return service.detail(db, user, submission_id, cfg.chain)


@router.post("/submissions/{submission_id}", response_model=DetailOut, responses=errors(409))
def decide(
    body: DecisionIn, user: CurrentUser, db: Db, cfg: Cfg, submission_id: int = SubmissionId
):
    """Decide at the level the submission waits at."""
    step = service.Step(
        body.decision, body.note, body.household_returns, body.pengesahan_sha256, user.device_id
    )
    return service.decide(db, user, submission_id, step, cfg.chain)


@router.get("/submissions/{submission_id}/report", response_model=ReportOut)
def report(user: CurrentUser, db: Db, submission_id: int = SubmissionId):
    """The data of the submission's pengesahan draft (the BNBA of what it carries)."""
    return service.report(db, user, submission_id)
