"""Exception handlers: every error is JSON {detail, household_id, field}, never a stack trace."""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from sync_server.errors import ServerError, TooManyAttempts

log = logging.getLogger("sync_server")


def _json(status: int, detail: str, household_id=None, field=None, headers=None) -> JSONResponse:
    return JSONResponse(
        {"detail": detail, "household_id": household_id, "field": field}, status, headers=headers
    )


def validation_detail(request_body, errors) -> tuple[str, str | None, str | None]:
    """Turn pydantic's first error into a message naming the household and field."""
    err = errors[0]
    loc = [p for p in err.get("loc", ()) if p != "body"]
    hid = None
    if len(loc) >= 2 and loc[0] == "households" and isinstance(loc[1], int):
        try:
            hid = str(request_body["households"][loc[1]]["household_id"])
        except (KeyError, IndexError, TypeError):
            hid = None
        rest = [str(p) for p in loc[2:] if p not in ("fields", "values")]
        field = ".".join(rest) or None
        where = f"household {hid}" if hid else f"households[{loc[1]}]"
        return f"{where}, field {field}: {err.get('msg')}", hid, field
    field = ".".join(str(p) for p in loc) or None
    return f"{field or 'request'}: {err.get('msg')}", None, field


def install(app: FastAPI) -> None:
    """Register the handlers on an app."""

    @app.exception_handler(ServerError)
    async def _server_error(request: Request, exc: ServerError):
        headers = (
            {"Retry-After": str(exc.retry_after)} if isinstance(exc, TooManyAttempts) else None
        )
        if exc.status == 401:
            headers = {"WWW-Authenticate": "Bearer"}
        return _json(exc.status, exc.message, exc.household_id, exc.field, headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        detail, hid, field = validation_detail(getattr(exc, "body", None), exc.errors())
        return _json(422, detail, hid, field)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        return _json(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _json(500, "internal server error; the server log has the details")
