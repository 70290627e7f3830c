"""End-to-end fixtures: real sync-server processes, real SQLCipher profiles, a cutting proxy."""

from __future__ import annotations

import pytest
from cutting_proxy import CuttingProxy
from server_process import PASSWORD, SyncServer

from capi_app.account import login_online
from capi_app.profile import Profile


@pytest.fixture(scope="session")
def big_server(tmp_path_factory):
    """A server holding a 2,000-household desa, enum1 assigned to it."""
    server = SyncServer(tmp_path_factory.mktemp("big"), households=2000)
    server.add_user("enum1")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def small_server(tmp_path_factory):
    """A fresh server with 60 households and enumerators enum1, enum2 (one per test)."""
    server = SyncServer(tmp_path_factory.mktemp("small"), households=60)
    server.add_user("enum1")
    server.add_user("enum2")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def proxy(small_server):
    """A TCP proxy in front of the small server that can cut connections."""
    p = CuttingProxy(small_server.port)
    yield p
    p.close()


@pytest.fixture
def profile(tmp_path):
    """An empty client profile directory."""
    return Profile(tmp_path / "profile")


def login(profile: Profile, url: str, user: str = "enum1"):
    """Log in online and return the session (fast retries, for tests that cut connections)."""
    session = login_online(profile, url, user, PASSWORD)
    session.api.backoff = 0.01
    return session
