"""Migrations keep existing databases and their rows: upgrade from each earlier head with data."""

import json

from alembic import command
from sqlalchemy import inspect, text

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


T1, T2, T3 = "2026-11-10T01:00:00Z", "2026-11-11T01:00:00Z", "2026-11-12T01:00:00Z"
DESA = "3204122002"


def _household(conn, hid, state, approved_by=None, approved_at=None, **extra):
    conn.execute(
        text(
            'INSERT INTO households (household_id, kode_wilayah, "values", version, seq, state,'
            " deleted, proposed, created_at, updated_at, approved_by, approved_at, replaces,"
            " replaced_by) VALUES (:h, :k, '{}', 1, 1, :s, :d, :p, :t, :t, :by, :at, :r, :rb)"
        ),
        dict(
            h=hid,
            k=DESA,
            s=state,
            t=T1,
            by=approved_by,
            at=approved_at,
            d=extra.get("deleted", False),
            p=extra.get("proposed", False),
            r=extra.get("replaces"),
            rb=extra.get("replaced_by"),
        ),
    )
    conn.execute(
        text(
            'INSERT INTO members (member_id, household_id, "values", status, version)'
            " VALUES (:m, :h, '{}', 'active', 0)"
        ),
        dict(m=hid + "01", h=hid),
    )


def _review_audit(conn, hid, user_id, at, state):
    conn.execute(
        text(
            "INSERT INTO audit (at, user_id, household_id, field, old, new)"
            " VALUES (:at, :u, :h, '@review', :old, :new)"
        ),
        dict(
            at=at,
            u=user_id,
            h=hid,
            old=json.dumps({"state": "needs_review"}),
            new=json.dumps({"state": state, "note": None}),
        ),  # fmt: skip
    )


def test_upgrade_from_0003_moves_every_approval_into_approvals_and_keeps_households_and_members(
    db_url,
):
    engine = _at(db_url, "0003")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (username, role, password_hash, created_at, disabled)"
                " VALUES ('rev1', 'reviewer', 'x', :t, false), ('rev2', 'reviewer', 'x', :t, false)"
            ),
            dict(t=T1),
        )
        rev1, rev2 = conn.execute(text("SELECT id FROM users ORDER BY id")).scalars().all()
        # approved, returned, approved again: both approvals are in the audit log
        _household(conn, DESA + "000001", "approved", rev2, T3)
        _review_audit(conn, DESA + "000001", rev1, T1, "approved")
        _review_audit(conn, DESA + "000001", rev1, T2, "returned")
        _review_audit(conn, DESA + "000001", rev2, T3, "approved")
        # approved before the audit log recorded reviews: only the pair on the row
        _household(conn, DESA + "000002", "approved", rev1, T2)
        # never approved
        _household(conn, DESA + "000003", "needs_review")
        # an approved proposal: its audit rows stay under the client UUID
        uuid = "5b0c8f57-1111-4a55-9b43-3a4c0c1e0001"
        _household(conn, uuid, "approved", rev1, T2, deleted=True, proposed=True,
                   replaced_by=DESA + "000004")  # fmt: skip
        _household(conn, DESA + "000004", "approved", rev1, T2, proposed=True, replaces=uuid)
        _review_audit(conn, uuid, rev1, T2, "approved")
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT household_id, level, user_id, at, submission_id FROM approvals ORDER BY id"
            )
        ).all()
        columns = {c["name"] for c in inspect(conn).get_columns("households")}
        counts = [conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in ("households", "members")]  # fmt: skip
    engine.dispose()
    assert sorted(map(tuple, rows)) == sorted(
        [
            (DESA + "000001", "kabkota", rev1, T1, None),
            (DESA + "000001", "kabkota", rev2, T3, None),
            (DESA + "000002", "kabkota", rev1, T2, None),
            (DESA + "000004", "kabkota", rev1, T2, None),
        ]
    )
    assert not {"approved_by", "approved_at"} & columns
    assert counts == [5, 5]


def test_a_fresh_database_upgrades_to_the_chain_tables(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    assert {"approvals", "submissions", "submission_households", "submission_events"} <= names
    assert "established" in names


def test_downgrade_puts_the_last_approval_back_on_the_household(db_url):
    engine = _at(db_url, "0003")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (username, role, password_hash, created_at, disabled)"
                " VALUES ('rev1', 'reviewer', 'x', :t, false)"
            ),
            dict(t=T1),
        )
        rev1 = conn.execute(text("SELECT id FROM users")).scalar()
        _household(conn, DESA + "000001", "approved", rev1, T3)
    upgrade(engine)
    command.downgrade(alembic_config(engine), "0003")
    with engine.connect() as conn:
        pair = conn.execute(text("SELECT approved_by, approved_at FROM households")).one()
        members = conn.execute(text("SELECT count(*) FROM members")).scalar()
    engine.dispose()
    assert tuple(pair) == (rev1, T3) and members == 1


def test_upgrade_from_0004_indexes_the_niks_of_active_members_of_live_households(db_url):
    engine = _at(db_url, "0004")
    hh = (
        'INSERT INTO households (household_id, kode_wilayah, "values", version, seq, state,'
        " deleted, proposed, created_at, updated_at) VALUES (:h, '3204122002', '{}', 1, 1,"
        " 'open', :d, false, 'x', 'x')"
    )
    mm = (
        'INSERT INTO members (member_id, household_id, "values", status, version)'
        " VALUES (:m, :h, :v, :s, 0)"
    )
    with engine.begin() as conn:
        conn.execute(text(hh), {"h": "H1", "d": False})
        conn.execute(text(hh), {"h": "H2", "d": True})
        for mid, hid, nik, status in (
            ("H101", "H1", "3204121507800001", "active"),
            ("H102", "H1", "3204121507800002", "removed"),
            ("H103", "H1", "", "active"),
            ("H201", "H2", "3204121507800003", "active"),
        ):
            conn.execute(text(mm), {"m": mid, "h": hid, "v": f'{{"nik": "{nik}"}}', "s": status})
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT member_id, nik, household_id FROM member_niks")).all()
        assert [tuple(r) for r in rows] == [("H101", "3204121507800001", "H1")]
        assert conn.execute(text("SELECT count(*) FROM anomalies")).scalar() == 0


NOW = "2026-11-02T02:41:12Z"
SHA_A, SHA_B = "a" * 64, "b" * 64


def _rows(engine, query):
    with engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(text(query)))


def test_0006_keeps_photos_visible_to_their_uploader_and_links_verifications(db_url):
    engine = _at(db_url, "0005")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (id, username, role, password_hash, created_at, disabled) "
                "VALUES (1, 'enum1', 'enumerator', 'x', :t, false)"
            ),
            {"t": NOW},
        )
        conn.execute(
            text(
                'INSERT INTO households (household_id, kode_wilayah, "values", version, seq, '
                "state, deleted, proposed, created_at, updated_at) "
                "VALUES ('3204122002000001', '3204122002', '{}', 1, 1, 'open', false, false, :t, :t)"
            ),
            {"t": NOW},
        )
        for sha in (SHA_A, SHA_B):
            conn.execute(
                text(
                    "INSERT INTO photos (sha256, size, path, uploaded_by, uploaded_at) "
                    "VALUES (:s, 10, :p, 1, :t)"
                ),
                {"s": sha, "p": f"{sha[:2]}/{sha}.jpg", "t": NOW},
            )
        for vid, named in ((1, f'["{SHA_A}", "{SHA_B}", "{SHA_A}"]'), (2, "[]")):
            conn.execute(
                text(
                    "INSERT INTO verifications (id, household_id, round, changeset_id, user_id, "
                    "device_id, answers, photos, received_at) "
                    "VALUES (:v, '3204122002000001', '2026-11', :c, 1, 'dev', '{}', :p, :t)"
                ),
                {"v": vid, "c": f"cs-{vid}", "p": named, "t": NOW},
            )
    upgrade(engine)
    assert _rows(engine, "SELECT sha256, user_id FROM photo_uploads") == [(SHA_A, 1), (SHA_B, 1)]
    assert _rows(engine, "SELECT verification_id, sha256 FROM verification_photos") == [
        (1, SHA_A),
        (1, SHA_B),
    ]
    assert _rows(engine, "SELECT count(*) FROM verifications") == [(2,)]
    engine.dispose()


def test_0008_adds_pending_moves_and_keeps_households(db_url):
    engine = _at(db_url, "0007")
    with engine.begin() as conn:
        conn.execute(
            text(
                'INSERT INTO households (household_id, kode_wilayah, "values", version, seq, '
                "state, deleted, proposed, created_at, updated_at) "
                "VALUES ('3204122002000001', '3204122002', '{}', 3, 7, 'open', false, false, :t, :t)"
            ),
            {"t": NOW},
        )
    upgrade(engine)
    assert _rows(engine, "SELECT household_id, version, seq FROM households") == [
        ("3204122002000001", 3, 7)
    ]
    assert _rows(engine, "SELECT count(*) FROM household_moves") == [(0,)]
    engine.dispose()


def test_upgrade_to_0010_keeps_households_and_pulls_walk_the_scope_indexes(db_url):
    from sync_server.services.pull import page_query, pull_page

    engine = _at(db_url, "0009")
    with engine.begin() as conn:
        for n, kode in enumerate(["3204122002", "3204122003", "3205010001"], start=1):
            conn.execute(
                text(
                    'INSERT INTO households (household_id, kode_wilayah, "values", version, seq,'
                    " state, deleted, proposed, created_at, updated_at) VALUES"
                    " (:h, :k, '{}', 1, :n, 'open', false, false, :t, :t)"
                ),
                {"h": f"{kode}00000{n}", "k": kode, "n": n, "t": T1},
            )
    upgrade(engine)
    names = _index_names(engine, "households")
    assert {"ix_households_scope4_seq", "ix_households_kode_wilayah_seq"} <= names
    assert "ix_households_kode_wilayah" not in names
    with engine.connect() as conn:
        for scope, ids in (("3204", 2), ("320412", 2), ("3204122003", 1), ("32", 3)):
            assert len(pull_page(conn, scope, 0, 10)["households"]) == ids
        if engine.dialect.name == "sqlite":
            for scope, index in (("32", "scope2"), ("3204", "scope4"), ("320412", "scope6")):
                sql = str(page_query(scope, 0, 500).compile(engine))
                plan = " ".join(
                    r[-1]
                    for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, (scope, 0, 500, 0))
                )
                assert f"ix_households_{index}_seq" in plan and "TEMP B-TREE" not in plan, plan
    engine.dispose()


def _enum1(conn) -> None:
    """The user enum1 (id 1 in an empty database), as an older schema holds it."""
    conn.execute(
        text(
            "INSERT INTO users (username, role, password_hash, created_at, disabled) "
            "VALUES ('enum1', 'enumerator', 'x', :t, false)"
        ),
        {"t": NOW},
    )


def _index_names(engine, table) -> set[str]:
    """Index names, expression indexes included (SQLAlchemy's reflection skips those on SQLite)."""
    if engine.dialect.name == "sqlite":
        q = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"
    else:
        q = "SELECT indexname FROM pg_indexes WHERE tablename = :t AND schemaname = current_schema()"
    with engine.connect() as conn:
        return set(conn.execute(text(q), {"t": table}).scalars())


def test_upgrade_to_0012_keeps_audit_and_changesets_with_no_relayer(db_url):
    engine = _at(db_url, "0011")
    with engine.begin() as conn:
        _enum1(conn)
        conn.execute(
            text(
                "INSERT INTO audit (at, user_id, device_id, changeset_id, household_id, field, "
                "old, new) VALUES (:t, 1, 'd1', 'c1', '3204122002000001', 'alamat', '\"a\"', '\"b\"')"
            ),
            {"t": NOW},
        )
    upgrade(engine)
    assert _rows(engine, "SELECT user_id, field, relayer_id FROM audit") == [(1, "alamat", None)]
    assert _rows(engine, "SELECT count(*) FROM devices") == [(0,)]
    assert _rows(engine, "SELECT count(*) FROM bundles") == [(0,)]
    engine.dispose()


def test_upgrade_to_0013_keeps_verifications_and_photos_without_paradata_or_hashes(db_url):
    engine = _at(db_url, "0012")
    with engine.begin() as conn:
        _enum1(conn)
        conn.execute(
            text(
                "INSERT INTO verifications (household_id, round, changeset_id, user_id, device_id,"
                " answers, photos, received_at, late) VALUES ('3204122002000001', '2026-11', 'c1',"
                " 1, 'd1', '{}', '[]', :t, false)"
            ),
            {"t": NOW},
        )
        conn.execute(
            text(
                "INSERT INTO photos (sha256, size, path, uploaded_by, uploaded_at) "
                "VALUES (:s, 10, 'p.jpg', 1, :t)"
            ),
            {"s": "ab" * 32, "t": NOW},
        )
    upgrade(engine)
    assert _rows(engine, "SELECT changeset_id, paradata FROM verifications") == [("c1", None)]
    assert _rows(engine, "SELECT size, dhash, ahash FROM photos") == [(10, None, None)]
    assert _rows(engine, "SELECT count(*) FROM integrity_findings") == [(0,)]
    engine.dispose()


def test_upgrade_to_0014_makes_open_wrong_wilayah_anomalies_reach_the_regions_of_their_ids(db_url):
    engine = _at(db_url, "0013")
    with engine.begin() as conn:
        for kind, related, cleared in [
            ("wrong_wilayah", '["3204122002", "320412"]', None),
            ("wrong_wilayah", '["3204122003"]', NOW),
            ("missing_mother_name", "[]", None),
        ]:
            conn.execute(
                text(
                    "INSERT INTO anomalies (household_id, kind, field, message, related,"
                    " detected_at, cleared_at) VALUES ('3204122002000001', :k, 'kode_wilayah',"
                    " 'm', :r, :t, :c)"
                ),
                {"k": kind, "r": related, "t": NOW, "c": cleared},
            )
    upgrade(engine)
    assert _rows(engine, "SELECT household_id, kode FROM household_reach ORDER BY kode") == [
        ("3204122002000001", "320412"),
        ("3204122002000001", "3204122002"),
    ]
    engine.dispose()


def test_upgrade_to_0015_adds_an_empty_request_table(db_url):
    engine = _at(db_url, "0014")
    upgrade(engine)
    assert _rows(engine, "SELECT count(*) FROM citizen_requests") == [(0,)]
    engine.dispose()


def test_upgrade_to_0016_keeps_requests_open_and_without_a_finding(db_url):
    engine = _at(db_url, "0015")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO citizen_requests (reference, kind, day, name, kode_wilayah,"
                " household_id, imported_at) VALUES ('SGH-1', 'sanggahan', '2026-11-03', 'Warga',"
                " '3204122002', '3204122002000001', '2026-11-03T00:00:00Z')"
            )
        )
    upgrade(engine)
    assert _rows(
        engine, "SELECT reference, household_id, finding_result, closed_at FROM citizen_requests"
    ) == [("SGH-1", "3204122002000001", None, None)]
    engine.dispose()
