"""PUT /photos/{sha256} (upload, idempotent), HEAD (is it there?) and GET (for reviewers)."""

from fastapi import Request, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from sync_server.api.deps import Cfg, CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.errors import Forbidden, NotFound
from sync_server.roles import can
from sync_server.services import photos as photo_service

router = api_router(tags=["photos"])


class PhotoOut(BaseModel):
    """The stored photo; created=false when you had uploaded it already."""

    sha256: str
    size: int
    created: bool


@router.put(
    "/photos/{sha256}",
    response_model=PhotoOut,
    responses={201: {"model": PhotoOut, "description": "stored now (200: it was there)"}},
    openapi_extra={
        "requestBody": {
            "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}},
            "required": True,
        }
    },
)
async def upload(
    sha256: str,
    request: Request,
    response: Response,
    user: CurrentUser,
    db: Db,
    cfg: Cfg,
):
    """Upload a processed JPEG under its SHA-256 (decoded: anything else is 422); a repeat is a
    no-op (200, created false)."""
    if not can(user.role, "upload_photo"):
        raise Forbidden(f"role {user.role} cannot upload photos")
    data = await request.body()
    created = await run_in_threadpool(
        photo_service.store_photo, db, cfg.photos_dir, user.id, sha256, data, cfg.max_photo_bytes
    )
    response.status_code = 201 if created else 200
    return PhotoOut(sha256=sha256, size=len(data), created=created)


@router.get(
    "/photos/{sha256}", response_class=Response, responses={200: {"content": {"image/jpeg": {}}}}
)
def download(
    sha256: str,
    user: CurrentUser,
    db: Db,
    cfg: Cfg,
):
    """A stored photo (supervisors, reviewers and admins) named by a household in your scope;
    404 as for a photo never uploaded otherwise."""
    if not can(user.role, "read_household"):
        raise Forbidden(f"role {user.role} cannot download photos")
    data = photo_service.read_photo(db, cfg.photos_dir, user, sha256)
    return Response(data, media_type="image/jpeg")


@router.head(
    "/photos/{sha256}", response_class=Response, responses={404: {"description": "not uploaded"}}
)
def exists(sha256: str, user: CurrentUser, db: Db):
    """200 when the server holds the photo (you uploaded it, or a household of your scope names
    it), 404 when it must be uploaded; no body either way."""
    if not can(user.role, "upload_photo"):
        raise Forbidden(f"role {user.role} cannot upload photos")
    if not photo_service.has_photo(db, user, sha256):
        raise NotFound(f"photo {sha256} was never uploaded")
    return Response(status_code=200)
