"""Migrations keep existing databases and their rows: upgrade from each earlier head with data."""

from alembic import command
from sqlalchemy import text

from sync_server.db.engine import make_engine
from sync_server.db.migrate import alembic_config, upgrade


def _at(db_url, revision):
    engine = make_engine(db_url)
    command.upgrade(alembic_config(engine), revision)
    return engine


def test_upgrade_from_0002_keeps_verifications_and_marks_them_not_late(db_url):
    engine = _at(db_url, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (username, role, password_hash, created_at, disabled) "
                "VALUES ('enum1', 'enumerator', 'x', '2026-11-01T00:00:00Z', false)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO verifications (household_id, round, changeset_id, user_id, device_id,"
                " answers, photos, received_at) VALUES ('3204122002000001', '2026-11', 'c1', 1,"
                " 'd1', '{}', '[]', '2026-11-02T00:00:00Z')"
            )
        )
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT round, late, late_for FROM verifications")).all()
        assert [tuple(r) for r in rows] == [("2026-11", False, None)]
        assert conn.execute(text("SELECT count(*) FROM round_windows")).scalar() == 0
    engine.dispose()
