"""Fixtures for the server tests: a fresh database (SQLite, and PostgreSQL too when
VERIVALI_TEST_PG_URL is set: each test gets its own schema) and a started server with the test
users, assignments and pre-list of server_harness.
"""

import os
import secrets
import signal
from datetime import datetime
from pathlib import Path

import pytest
from server_harness import Server, prepare_database
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from sync_server.db.engine import make_engine

PG_ENV = "VERIVALI_TEST_PG_URL"
BACKENDS = ["sqlite"] + (["postgres"] if os.environ.get(PG_ENV) else [])


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A URL of an empty database: a SQLite file, or a fresh schema in PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'verivali.sqlite3'}"
        return
    base = os.environ[PG_ENV]
    schema = f"t_{secrets.token_hex(6)}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def server(db_url, tmp_path):
    """A started server with the test users, assignments and pre-list."""
    data_dir = tmp_path / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    srv = Server(db_url, data_dir, clock_file=tmp_path / "clock")
    # The suite's time (tests/conftest.py), on a clock of this server's own that a test may move.
    suite_time = Path(os.environ["VERIVALI_CLOCK_FILE"]).read_text(encoding="utf-8")
    srv.set_clock(datetime.fromisoformat(suite_time))
    srv.assignment_ids = prepare_database(db_url, data_dir)
    srv.engine = make_engine(db_url)
    srv.start()
    yield srv
    srv.kill(signal.SIGTERM)
    srv.engine.dispose()
