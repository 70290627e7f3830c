"""The FastAPI application factory.

app = create_app(Settings.resolve(data_dir="/srv/verivali"))
"""

import json
import logging
import os

from fastapi import FastAPI

from sync_server import __version__
from sync_server.api import (
    assignments,
    auth,
    bundles,
    changesets,
    citizen_requests,
    errors,
    exports,
    households,
    integrity,
    moves,
    openapi_doc,
    papi,
    pengesahan,
    photos,
    progress,
    reports,
    review,
    rounds,
    submissions,
)
from sync_server.api.client_address import parse_proxies
from sync_server.api.compression import CompressionMiddleware
from sync_server.api.headers import SecurityHeaders
from sync_server.api.json_route import api_router
from sync_server.api.limits import BodyLimit
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.services.login_throttle import LoginThrottle
from sync_server.settings import Settings

PREFIX = "/api/v1"
SERVE_ENV = "VERIVALI_SERVE_SETTINGS"
"""Where `serve --workers N` hands the settings to its worker processes."""


def create_app(settings: Settings, migrate: bool = True) -> FastAPI:
    """Build the app for settings; migrates the database first unless told not to."""
    engine = make_engine(settings.db_url)
    if migrate:
        upgrade(engine)
    settings.prepare_data_dir()
    app = FastAPI(
        title="Verivali sync server",
        version=__version__,
        description="Sync protocol v1 for DTKS verivali: login, pull, photos, push, review.",
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=f"{PREFIX}/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.throttle = LoginThrottle(
        engine, settings.login_free_failures, settings.login_max_lockout_s
    )
    app.state.trusted_proxies = parse_proxies(settings.trusted_proxies)
    api = api_router(prefix=PREFIX)
    for module in (
        auth,
        assignments,
        photos,
        changesets,
        bundles,
        progress,
        review,
        citizen_requests,
        moves,
        households,
        exports,
        reports,
        pengesahan,
        rounds,
        submissions,
        papi,
        integrity,
    ):
        api.include_router(module.router)

    @api.get("/health", tags=["health"])
    def health() -> dict:
        """Liveness: the server answers."""
        return {"ok": True, "version": __version__}

    app.include_router(api)
    errors.install(app)
    openapi_doc.install(app)
    app.add_middleware(CompressionMiddleware)
    app.add_middleware(BodyLimit, settings=settings)
    app.add_middleware(SecurityHeaders)
    logging.getLogger("sync_server").setLevel(logging.INFO)
    return app


def serve_environment(settings: Settings) -> dict[str, str]:
    """The environment that gives worker processes these settings (app_from_environment)."""
    keep = {"db": settings.db_url, "data_dir": str(settings.data_dir)}
    return {SERVE_ENV: json.dumps({**keep, "trusted_proxies": list(settings.trusted_proxies)})}


def app_from_environment() -> FastAPI:
    """The app of one worker process of `serve --workers N` (already migrated)."""
    given = json.loads(os.environ[SERVE_ENV])
    proxies = tuple(given.pop("trusted_proxies"))
    return create_app(Settings.resolve(**given, trusted_proxies=proxies), migrate=False)
