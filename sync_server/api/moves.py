"""Pending moves of households across wilayah: GET /review/moves, POST /review/moves/{id}."""

from typing import Any, Literal

from fastapi import Path, Query
from pydantic import BaseModel, Field

from dtks import moves as rule
from sync_server.api.body import BodyIn
from sync_server.api.deps import CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.db.tables import MAX_ROW_ID
from sync_server.services import moves as move_service

router = api_router(tags=["review"])


class MoveOut(BaseModel):
    """A proposed move of a household from one kode wilayah to another."""

    move_id: int
    household_id: str
    from_kode: str
    to_kode: str
    state: Literal[rule.MOVE_STATES]  # type: ignore[valid-type]
    source: str = Field(description="push (a change-set's kode_wilayah) or another proposer")
    changeset_id: str | None
    proposed_by: str
    proposed_at: str
    note: str | None
    decided_by: str | None
    decided_at: str | None
    decision_note: str | None


class DecidableMove(MoveOut):
    """A move and whether you may decide it (the review detail of its household lists these)."""

    can_decide: bool = Field(description="true when the new wilayah lies in your scopes")


class MoveItem(DecidableMove):
    """A move in the listing, with the household as it is now."""

    household: dict[str, Any] | None


class MovesOut(BaseModel):
    """Moves into or out of your scope, oldest first."""

    moves: list[MoveItem]


class MoveDecisionIn(BodyIn):
    """Confirm (the household moves) or refuse (it stays) a pending move."""

    decision: Literal[rule.MOVE_DECISIONS]  # type: ignore[valid-type]
    note: str | None = Field(
        None,
        max_length=2000,
        pattern=r"^[^\x00]*$",
        description="why; the field is told it with a refusal (no NUL character)",
    )


@router.get("/review/moves", response_model=MovesOut)
def moves(
    user: CurrentUser,
    db: Db,
    scope: str | None = Query(None, description="kode wilayah prefix inside your scopes"),
    state: Literal[rule.MOVE_STATES] = Query(rule.PENDING),  # type: ignore[valid-type]
):
    """Moves of households into or out of your scope (reviewers and admins)."""
    with db.connect() as conn:
        return MovesOut(moves=move_service.listing(conn, user, scope, state))


@router.post("/review/moves/{move_id}", response_model=MoveOut)
def decide(
    body: MoveDecisionIn,
    user: CurrentUser,
    db: Db,
    move_id: int = Path(ge=1, le=MAX_ROW_ID),
):
    """Confirm or refuse a pending move; only a reviewer whose scope covers the new wilayah."""
    return move_service.decide(db, user, move_id, body.decision, body.note, user.device_id)
