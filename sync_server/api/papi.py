"""PAPI double entry: GET|PUT /papi/sampling, GET /papi/verify, GET|POST /papi/differences,
GET /papi/keyers (DESIGN.md "PAPI")."""

from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import BaseModel, Field, model_validator

from dtks import cycle
from dtks.papi import Sampling
from sync_server.api.body import BodyIn
from sync_server.api.deps import Cfg, CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.errors import InvalidContent
from sync_server.services import papi as papi_service

ROUND_PATTERN = cycle.ROUND_PATTERN
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"

router = api_router(tags=["papi"])


class SamplingIn(BodyIn):
    """Dependent verification of a round: every Nth questionnaire per keyer, or a percentage."""

    round: str = Field(pattern=ROUND_PATTERN)
    scope: str = Field(max_length=13, description="kode wilayah prefix inside your scopes")
    every: int | None = Field(None, ge=1, le=10_000)
    percent: float | None = Field(None, gt=0, le=100)

    @model_validator(mode="after")
    def one_rule(self):
        """Exactly one of every and percent."""
        if (self.every is None) == (self.percent is None):
            raise ValueError("give either every (a count) or percent")
        return self


class SamplingOut(BaseModel):
    """The sampling now in force for the round and scope."""

    round: str
    scope: str
    every: int | None = None
    percent: float | None = None


class VerifyItem(BodyIn):
    """A first entry to re-key: what the verifier's screen compares against (never shows)."""

    household_id: str
    round: str
    batch: str
    questionnaire_no: str
    keyed_by: str
    form_id: str | None
    form_version: str | None
    answers: dict[str, Any]
    prelist: dict[str, Any] = Field(description="{values, members}: where the first entry started")


class VerifyOut(BaseModel):
    """The questionnaires waiting for dependent verification."""

    questionnaires: list[VerifyItem]


class Keyed(BaseModel):
    """One entry's value at a difference and who keyed it."""

    value: Any = None
    keyed_by: str


class DifferenceItem(BaseModel):
    """A field where the two independent entries differ."""

    household_id: str
    member_id: str | None
    field: str
    key: str = Field(description="the choices key: field, or member_id.field")
    batch: str
    round: str
    entry1: Keyed
    entry2: Keyed


class DifferencesOut(BaseModel):
    """Open differences, by household."""

    differences: list[DifferenceItem]


class PapiChoice(BodyIn):
    """What the paper holds: the first entry's value, the second's, or a new value."""

    take: Literal["entry1", "entry2", "value"]
    value: Annotated[str, Field(max_length=10_000)] | int | float | bool | None = None


class AdjudicateIn(BodyIn):
    """Choices keyed by difference key (field, or member_id.field)."""

    choices: dict[str, PapiChoice] = Field(max_length=500)


class AdjudicateOut(BaseModel):
    """The household after adjudication."""

    household_id: str
    resolved: int
    open: int
    state: str
    version: int


class KeyerRow(BaseModel):
    """A keyer's work and errors."""

    username: str
    questionnaires: int = 0
    fields_keyed: int
    fields_verified: int
    errors: int
    error_rate: float


class FieldRow(BaseModel):
    """Errors on one question, over all keyers."""

    field: str
    fields_verified: int
    errors: int
    error_rate: float


class BatchRow(BaseModel):
    """Errors in one batch, over all keyers."""

    batch: str
    fields_keyed: int
    fields_verified: int
    errors: int
    error_rate: float


class KeyersOut(BaseModel):
    """Keyer error rates: an error is a field the verifier or adjudication found wrong."""

    keyers: list[KeyerRow]
    fields: list[FieldRow]
    batches: list[BatchRow]


@router.put("/papi/sampling", response_model=SamplingOut)
def put_sampling(body: SamplingIn, user: CurrentUser, db: Db):
    """Set which questionnaires of a round dependent verification re-keys."""
    try:
        sampling = Sampling(every=body.every, percent=body.percent)
    except ValueError as e:
        raise InvalidContent(str(e), None, "sampling") from None
    return papi_service.set_sampling(db, user, body.round, body.scope, sampling)


@router.get("/papi/verify", response_model=VerifyOut)
def get_verify(
    user: CurrentUser,
    db: Db,
    scope: str | None = Query(None, max_length=13),
    round: str | None = Query(None, pattern=ROUND_PATTERN),
    batch: str | None = Query(None, pattern=ID_PATTERN),
    sample: bool = Query(True, description="false: every first entry (independent keying)"),
):
    """First entries the round's sampling gives to dependent verification (not your own)."""
    with db.connect() as conn:
        items = papi_service.to_verify(conn, user, scope, round, batch, sample)
    return {"questionnaires": items}


@router.get("/papi/differences", response_model=DifferencesOut)
def get_differences(
    user: CurrentUser,
    db: Db,
    scope: str | None = Query(None, max_length=13),
    batch: str | None = Query(None, pattern=ID_PATTERN),
    round: str | None = Query(None, pattern=ROUND_PATTERN),
):
    """Differences between independent entries that wait for adjudication."""
    with db.connect() as conn:
        return {"differences": papi_service.differences(conn, user, scope, batch, round)}


@router.post("/papi/differences/{household_id}", response_model=AdjudicateOut)
def post_differences(household_id: str, body: AdjudicateIn, user: CurrentUser, db: Db, cfg: Cfg):
    """Pick, per difference, entry 1, entry 2 or a new value (what the paper holds)."""
    choices = {k: c.model_dump(exclude_unset=True) for k, c in body.choices.items()}
    return papi_service.adjudicate(db, user, household_id, choices, cfg.forms_dir)


@router.get("/papi/keyers", response_model=KeyersOut)
def get_keyers(
    user: CurrentUser,
    db: Db,
    cfg: Cfg,
    scope: str | None = Query(None, max_length=13),
    round: str | None = Query(None, pattern=ROUND_PATTERN),
):
    """Keyer error rates per keyer, per field and per batch."""
    with db.connect() as conn:
        return papi_service.keyer_stats(conn, user, scope, round, cfg.forms_dir)
