"""The review queue's counts: exact for a kabupaten or narrower, capped for a province or the
nation (services/review_queue.COUNT_CAP), and the two agree below the cap."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import and_, text

from dtks.sample import write_prelist
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.db.tables import households
from sync_server.services import review_queue
from sync_server.services.access import reached_in
from sync_server.services.prelist_import import import_prelist
from sync_server.services.review_queue import queue
from sync_server.services.users import create_user, get_user


@pytest.fixture
def store(db_url, tmp_path):
    """A store of 700 households of kabupaten 32.04 with the sample's planted anomalies (each
    an open anomaly flag) and a reviewer of province 32."""
    engine = make_engine(db_url)
    upgrade(engine)
    write_prelist(tmp_path / "p", 700, "32.04", seed=3)
    import_prelist(engine, tmp_path / "p")
    with engine.begin() as conn:
        create_user(conn, "rev32", "reviewer", ["32"], "password-123")
    yield engine
    engine.dispose()


def _open(engine):
    with engine.connect() as conn:
        user = get_user(conn, "rev32")
        return {s: queue(conn, user, scope=s, state="open", limit=5) for s in ("3204", "32")}


def _exact(conn, scope):
    """The flag counts of a scope counted the exact way, whatever its width (anomaly with the
    households reached from elsewhere, as the queue counts it)."""
    here = review_queue.scope_condition([scope])
    reached = and_(
        households.c.household_id.in_(reached_in([scope])), households.c.deleted.is_(False)
    )
    exact = review_queue._flag_counts(conn, here)
    return exact | review_queue._reached_anomalies(conn, here, reached, False)


def _open_households(conn, scope):
    q = "SELECT count(*) FROM households WHERE state = 'open' AND kode_wilayah LIKE :p"
    return conn.execute(text(q), {"p": scope + "%"}).scalar()


def test_a_province_counts_its_flags_up_to_the_cap_and_a_kabupaten_exactly(store, monkeypatch):
    pages = _open(store)
    with store.connect() as conn:
        exact = {s: _exact(conn, s) for s in ("3204", "32")}
        opened = {s: _open_households(conn, s) for s in ("3204", "32")}
    assert pages["32"]["counts"] == exact["32"] and pages["3204"]["counts"] == exact["3204"]
    assert exact["32"]["anomaly"] > 3 and pages["32"]["count_cap"] == review_queue.COUNT_CAP
    assert pages["32"]["total"] == opened["32"] and pages["3204"]["total"] == opened["3204"] > 4
    monkeypatch.setattr(review_queue, "COUNT_CAP", 3)
    pages = _open(store)
    assert pages["32"]["counts"]["anomaly"] == 4  # more than 3
    assert pages["32"]["total"] == 4 and pages["3204"]["total"] == 4
    assert pages["3204"]["counts"] == exact["3204"]  # a kabupaten stays exact
    assert len(pages["32"]["households"]) == 5  # the page itself is not capped


@settings(max_examples=15, deadline=None)
@given(cap=st.integers(min_value=0, max_value=60))
def test_a_capped_count_is_the_exact_one_up_to_the_cap(sqlite_store, cap):
    engine, exact = sqlite_store
    review_queue.COUNT_CAP, saved = cap, review_queue.COUNT_CAP
    try:
        with engine.connect() as conn:
            wide = queue(conn, get_user(conn, "rev32"), scope="32", state="open", limit=1)
    finally:
        review_queue.COUNT_CAP = saved
    assert wide["counts"] == {k: min(n, cap + 1) for k, n in exact.items() if min(n, cap + 1)}


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory):
    """The store above on SQLite, once for the property test, with its exact counts."""
    tmp = tmp_path_factory.mktemp("queue-counts")
    engine = make_engine(f"sqlite:///{tmp / 'db.sqlite3'}")
    upgrade(engine)
    write_prelist(tmp / "p", 700, "32.04", seed=3)
    import_prelist(engine, tmp / "p")
    with engine.begin() as conn:
        create_user(conn, "rev32", "reviewer", ["32"], "password-123")
    with engine.connect() as conn:
        exact = _exact(conn, "32")
    yield engine, exact
    engine.dispose()
