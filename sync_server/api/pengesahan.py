"""Pengesahan scans of a round: PUT (upload), GET (list), GET /{sha256} (download)."""

from fastapi import Path as PathParam
from fastapi import Query, Request, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from sync_server.api.deps import Cfg, CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.api.openapi_doc import errors
from sync_server.api.review import ROUND_PATTERN
from sync_server.services import pengesahan as service

router = api_router(tags=["exports"])
ROUND_PATH = "/rounds/{round}/pengesahan"


class DocumentOut(BaseModel):
    """A signed scan kept with a round and wilayah."""

    sha256: str
    size: int
    scope: str
    round: str
    uploaded_by: str
    uploaded_at: str
    content_type: str


class DocumentsOut(BaseModel):
    """The scans of a round, oldest first."""

    documents: list[DocumentOut]


@router.put(
    ROUND_PATH,
    response_model=DocumentOut,
    responses={201: {"model": DocumentOut, "description": "stored now (200: it was there)"}}
    | errors(409),
    openapi_extra={
        "requestBody": {
            "content": {
                t: {"schema": {"type": "string", "format": "binary"}} for _, t, _ in service.KINDS
            },
            "required": True,
        }
    },
)
async def upload(
    request: Request,
    response: Response,
    user: CurrentUser,
    db: Db,
    cfg: Cfg,
    round: str = PathParam(pattern=ROUND_PATTERN),
    scope: str | None = Query(None, description="kode wilayah inside your scopes"),
):
    """Keep the signed scan (PDF, JPEG or PNG, at most 10 MB); the same bytes again: a no-op."""
    data = await request.body()
    doc, created = await run_in_threadpool(
        service.upload, db, cfg.data_dir, user, round, scope, data, cfg.max_scan_bytes
    )
    response.status_code = 201 if created else 200
    return doc


@router.get(ROUND_PATH, response_model=DocumentsOut)
def listing(
    user: CurrentUser,
    db: Db,
    round: str = PathParam(pattern=ROUND_PATTERN),
    scope: str | None = Query(None, description="kode wilayah inside your scopes"),
):
    """The scans of the round under the scope."""
    return DocumentsOut(documents=service.documents(db, user, round, scope))


@router.get(
    ROUND_PATH + "/{sha256}",
    response_class=Response,
    responses={200: {"content": {t: {} for _, t, _ in service.KINDS}}},
)
def download(
    sha256: str, user: CurrentUser, db: Db, cfg: Cfg, round: str = PathParam(pattern=ROUND_PATTERN)
):
    """One scan's bytes."""
    data, doc = service.read(db, cfg.data_dir, user, round, sha256)
    return Response(data, media_type=doc["content_type"])
