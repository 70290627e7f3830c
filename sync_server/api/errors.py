"""Exception handlers: every error is JSON {detail, code, household_id, field}, never a trace."""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from dtks.error_codes import ErrorCode
from sync_server.errors import ServerError, TooManyAttempts, error_body

log = logging.getLogger("sync_server")

# Errors raised by Starlette itself (no route, wrong method) carry only a status.
_CODE_OF_STATUS = {
    400: ErrorCode.BAD_REQUEST,
    401: ErrorCode.UNAUTHENTICATED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    409: ErrorCode.CONFLICT_STATE,
    413: ErrorCode.TOO_LARGE,
    422: ErrorCode.VALIDATION,
    429: ErrorCode.THROTTLED,
}


def error_response(
    status: int,
    detail: str,
    code: ErrorCode,
    household_id: str | None = None,
    field: str | None = None,
    headers: dict | None = None,
) -> JSONResponse:
    """A JSON error response in the one shape of every error."""
    return JSONResponse(error_body(detail, code, household_id, field), status, headers=headers)


def validation_detail(errors) -> tuple[str, str | None]:
    """Turn pydantic's first error into a message naming the field, and the field."""
    err = errors[0]
    if err.get("type") == "json_invalid":  # the body is not JSON: say why, not where
        return f"body: {(err.get('ctx') or {}).get('error') or err.get('msg')}", None
    loc = [p for p in err.get("loc", ()) if p != "body"]
    field = ".".join(str(p) for p in loc) or None
    return f"{field or 'request'}: {err.get('msg')}", field


def install(app: FastAPI) -> None:
    """Register the handlers on an app."""

    @app.exception_handler(ServerError)
    async def _server_error(request: Request, exc: ServerError):
        headers = (
            {"Retry-After": str(exc.retry_after)} if isinstance(exc, TooManyAttempts) else None
        )
        if exc.status == 401:
            headers = {"WWW-Authenticate": "Bearer"}
        return JSONResponse(exc.body(), exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        errors = exc.errors()
        detail, field = validation_detail(errors)
        malformed = errors and errors[0].get("type") == "json_invalid"
        code = ErrorCode.MALFORMED if malformed else ErrorCode.VALIDATION
        return error_response(422, detail, code, None, field)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        code = _CODE_OF_STATUS.get(exc.status_code, ErrorCode.BAD_REQUEST)
        headers = getattr(exc, "headers", None)
        return error_response(exc.status_code, str(exc.detail), code, headers=headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(
            500, "internal server error; the server log has the details", ErrorCode.INTERNAL
        )
