"""The published OpenAPI document and the app's own routes keep the input rules for every route,
including routes added later: a new route without them fails here."""

import pytest
from fastapi.routing import APIRoute

from dtks.error_codes import ErrorCode
from dtks.model import MAX_INT, ChangeSet, ChangeSetReply, json_schema
from sync_server.api.json_route import StrictJsonRoute
from sync_server.app import create_app
from sync_server.db.tables import MAX_ROW_ID
from sync_server.settings import Settings


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The app on an empty SQLite database (only its routes and document are looked at)."""
    return create_app(Settings.resolve(data_dir=tmp_path_factory.mktemp("openapi")))


def _operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation


def _endpoints(routes):
    """Every route with an endpoint, also inside included routers (FastAPI may nest them)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _endpoints(inner.routes)
        else:
            yield route


def test_every_api_route_decodes_json_strictly(app):
    routes = [r for r in _endpoints(app.routes) if isinstance(r, APIRoute)]
    assert len(routes) >= 19
    assert [f"{sorted(r.methods)} {r.path}" for r in routes if type(r) is not StrictJsonRoute] == []


def test_every_integer_parameter_is_bounded_by_the_database_integer(app):
    unbounded = []
    for name, operation in _operations(app.openapi()):
        for p in operation.get("parameters", []):
            schema = p["schema"]
            maximum = schema.get("maximum")
            # An integer in a path names a row: Integer columns are 32-bit on PostgreSQL.
            bound = MAX_ROW_ID if p["in"] == "path" else MAX_INT
            if schema.get("type") == "integer" and not (
                isinstance(maximum, int) and maximum <= bound
            ):
                unbounded.append(f"{name} {p['in']} {p['name']}")
    assert unbounded == []


def test_every_error_response_is_the_error_model_the_server_sends(app):
    document = app.openapi()
    schemas = document["components"]["schemas"]
    assert "HTTPValidationError" not in schemas and "ValidationError" not in schemas
    assert set(schemas["Error"]["required"]) == {"detail", "code", "household_id", "field"}
    codes = set(schemas["Error"]["properties"]["code"].get("enum") or [])
    codes |= set(schemas.get("ErrorCode", {}).get("enum", []))
    assert codes == {c.value for c in ErrorCode}
    for name, operation in _operations(document):
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")):
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"}, (name, status)
        if operation.get("security"):
            assert {"401", "403"} <= set(operation["responses"]), name
        if operation.get("parameters") or "requestBody" in operation:
            assert "422" in operation["responses"], name


def test_the_changeset_body_and_reply_are_published_from_the_parser_dtks_uses(app):
    push = app.openapi()["paths"]["/api/v1/changesets"]["post"]
    body = push["requestBody"]["content"]["application/json"]["schema"]
    assert body == json_schema(ChangeSet)
    assert set(body["required"]) >= {"changeset_id", "device_id", "mode", "households"}
    household = body["properties"]["households"]["items"]
    assert household["properties"]["base_version"]["maximum"] == MAX_INT
    reply = push["responses"]["200"]["content"]["application/json"]["schema"]
    assert reply == json_schema(ChangeSetReply)
