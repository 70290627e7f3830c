"""POST /bundles (upload a push bundle, relayed or your own), GET /bundles/{reply_id} (its reply),
GET /server/keys (the public keys bundles are sealed to and replies are signed with)."""

from fastapi import Path, Request, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from sync_server.api.deps import Cfg, CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.services import bundles as bundle_service
from sync_server.services import server_keys

router = api_router(tags=["bundles"])

BUNDLE_TYPE = "application/vnd.verivali.bundle"


class ServerKeysOut(BaseModel):
    """The server's public keys, base64 of 32 raw bytes each; key_id names them in a bundle."""

    key_id: str
    x25519: str
    ed25519: str


class BundleOut(BaseModel):
    """A received push bundle: its reply is GET /bundles/{reply_id}."""

    bundle_id: str
    reply_id: str
    households: int
    changesets: int
    """Change-sets applied now (0 for a bundle received before)."""
    refused: int
    """Change-sets refused (their refusal is in the reply, as POST /changesets answers it)."""
    replayed: bool
    """True when this bundle was received before: nothing was applied again."""


@router.get("/server/keys", response_model=ServerKeysOut)
def get_server_keys(user: CurrentUser, cfg: Cfg):
    """The public halves of the server's keys (any logged-in user; a device keeps them)."""
    public = server_keys.load_or_create(cfg.data_dir).public()
    return ServerKeysOut(key_id=public.key_id, x25519=public.x25519, ed25519=public.ed25519)


@router.post(
    "/bundles",
    response_model=BundleOut,
    openapi_extra={
        "requestBody": {
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
            "required": True,
        }
    },
)
async def post_bundle(request: Request, user: CurrentUser, db: Db, cfg: Cfg):
    """Apply a push bundle (.vvb) for the enumerator who made it; a supervisor of their
    wilayah or the enumerator may upload it. Refused whole (nothing applied) when damaged,
    not signed by the device's registered key, from a revoked device or for another server."""
    data = await request.body()
    received = await run_in_threadpool(bundle_service.receive, db, cfg, user, data)
    return BundleOut(**received.__dict__)


@router.get(
    "/bundles/{reply_id}",
    response_class=Response,
    responses={200: {"content": {BUNDLE_TYPE: {}}}},
)
def get_reply(user: CurrentUser, db: Db, reply_id: str = Path(min_length=1, max_length=64)):
    """The reply bundle of a received push bundle, sealed to the enumerator's device; for the
    enumerator, the uploader and supervisors of the enumerator's wilayah (404 for others)."""
    data = bundle_service.reply_bundle(db, user, reply_id)
    return Response(data, media_type=BUNDLE_TYPE)
