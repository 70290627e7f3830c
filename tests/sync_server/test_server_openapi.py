"""The published OpenAPI document and the app's own routes keep the input rules for every route,
including routes added later: a new route without them fails here."""

import pytest
from fastapi.routing import APIRoute

from dtks.model import MAX_INT
from sync_server.api.json_route import StrictJsonRoute
from sync_server.app import create_app
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
            if schema.get("type") == "integer" and schema.get("maximum", MAX_INT + 1) > MAX_INT:
                unbounded.append(f"{name} {p['in']} {p['name']}")
    assert unbounded == []
