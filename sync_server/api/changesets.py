"""POST /changesets: push a change-set; the reply says per household what happened.

The body is read once, strictly, by ``dtks.model`` (the same parser the client checks its
frozen outbox bytes with), and the OpenAPI document shows that parser's own schema.
"""

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from dtks.model import ChangeSet, ChangeSetReply, json_schema
from sync_server.api.deps import Cfg, CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.api.openapi_doc import json_body, json_reply
from sync_server.services.merge import push

router = api_router(tags=["push"])


@router.post(
    "/changesets",
    response_class=JSONResponse,
    responses=json_reply(json_schema(ChangeSetReply), 409),
    openapi_extra=json_body(json_schema(ChangeSet)),
)
async def post_changeset(request: Request, user: CurrentUser, db: Db, cfg: Cfg):
    """Apply a change-set in one transaction (all or nothing); 409 for a clashing replay."""
    raw = await request.body()
    reply = await run_in_threadpool(push, db, user, raw, cfg.forms_dir)
    return JSONResponse(reply)
