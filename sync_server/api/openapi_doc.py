"""The OpenAPI document: the real error model on every operation, and schemas from dtks.

Every error the server sends is one shape, :class:`ErrorOut` (``detail``, ``code``,
``household_id``, ``field``). FastAPI's own document would promise its list-of-errors 422
body, which the server never sends; :func:`install` publishes ``ErrorOut`` instead, for each
status an operation can answer: 401/403 when it needs a token, 404 when its path names
something, 422 when it takes parameters or a body, 400/413 when it takes a body, and the
statuses a route declares itself with ``errors(...)`` (409, 429, ...).

    @router.post("/x", responses=errors(409))
"""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from dtks.model import MAX_INT
from sync_server.errors import ErrorOut

ERROR_REF = "#/components/schemas/Error"
_MEANING = {
    400: "the request cannot be read (e.g. a body that is not gzip as it says)",
    401: "no valid token, or a wrong username or password",
    403: "the role or the wilayah scope does not allow this",
    404: "no such thing (named in detail)",
    409: "it does not fit the current state (named in detail)",
    413: "the body is larger than this route's limit",
    422: "a value is wrong; household_id and field say where",
    429: "too many failed logins: wait Retry-After seconds",
}
_HEADERS = {
    401: {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Bearer"}},
    429: {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds to wait"}},
}


def _error_response(status: int) -> dict:
    out: dict[str, Any] = {
        "description": _MEANING.get(status, "refused"),
        "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
    }
    if status in _HEADERS:
        out["headers"] = _HEADERS[status]
    return out


def errors(*statuses: int) -> dict:
    """``responses=`` for a route that can also answer these error statuses."""
    return {status: _error_response(status) for status in statuses}


def json_reply(schema: dict, *statuses: int) -> dict:
    """``responses=`` for a route whose 200 JSON body follows schema (from dtks.model), and
    which can also answer these error statuses."""
    ok = {200: {"description": "OK", "content": {"application/json": {"schema": schema}}}}
    return ok | errors(*statuses)


def json_body(schema: dict) -> dict:
    """``openapi_extra=`` for a route that reads its JSON body itself (parsed by dtks.model)."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def _statuses(method: str, operation: dict) -> set[int]:
    statuses = set()
    if operation.get("security"):
        statuses |= {401, 403}
    parameters = operation.get("parameters", [])
    if any(p["in"] == "path" for p in parameters):
        statuses.add(404)
    if parameters or "requestBody" in operation:
        statuses.add(422)
    if method not in ("get", "head", "options"):
        statuses |= {400, 413}  # the body limit and gzip check of every such request
    return statuses


def _exact_bounds(node: Any) -> None:
    """Put MAX_INT back where FastAPI's document model turned it into a float (2**63 - 1
    has no float: it would read as 2**63)."""
    if isinstance(node, dict):
        for key in ("maximum", "minimum"):
            if isinstance(node.get(key), float) and abs(node[key]) == float(MAX_INT):
                node[key] = MAX_INT if node[key] > 0 else -MAX_INT
        for value in node.values():
            _exact_bounds(value)
    elif isinstance(node, list):
        for value in node:
            _exact_bounds(value)


def _document(app: FastAPI) -> dict:
    doc = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    error = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(error.pop("$defs", {}))
    schemas["Error"] = error
    for item in doc["paths"].values():
        for method, operation in item.items():
            responses = operation.setdefault("responses", {})
            for status in _statuses(method, operation):
                responses[str(status)] = _error_response(status)
    _exact_bounds(doc)
    return doc


def install(app: FastAPI) -> None:
    """Make app.openapi() publish the document above (built once, then kept)."""

    def openapi() -> dict:
        if app.openapi_schema is None:
            app.openapi_schema = _document(app)
        return app.openapi_schema

    app.openapi = openapi
