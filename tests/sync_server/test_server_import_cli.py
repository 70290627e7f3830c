"""Pre-list import (bad rows, re-import) and the `sync-server` command line."""

import csv
import json
import subprocess
import sys

from server_harness import PASSWORD
from server_prelist import DESA, household_row, member_rows, write_prelist, write_rows
from sqlalchemy import text

from dtks.prelist import HOUSEHOLD_COLUMNS
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.services.prelist_import import import_prelist


def _count(engine, table):
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def _open_anomalies(engine) -> set[tuple[str, str]]:
    with engine.connect() as conn:
        q = text("SELECT household_id, kind FROM anomalies WHERE cleared_at IS NULL")
        return {tuple(r) for r in conn.execute(q)}


def test_import_reports_bad_rows_and_imports_good_ones(db_url, tmp_path):
    engine = make_engine(db_url)
    upgrade(engine)
    rows = [household_row(DESA, n) for n in range(1, 6)]
    rows[1]["rt"] = "2"
    rows[3]["no_kk"] = "12345"
    rows.append(dict(rows[0]))
    members = [m for n in range(1, 6) for m in member_rows(DESA, n)]
    members[0]["tanggal_lahir"] = "1980-02-30"
    members[4]["member_id"] = "999999999999999999"
    (tmp_path / "p").mkdir()
    write_rows(tmp_path / "p", rows, members)
    report = tmp_path / "report.csv"
    result = import_prelist(engine, tmp_path / "p", report)
    assert result.households_new == 4
    bad = list(csv.DictReader(open(report)))
    got = {(b["file"], b["line"], b["reason"].split(":")[0], b["outcome"]) for b in bad}
    flagged = "imported, flagged validation_warning"
    assert got == {
        ("households.csv", "3", "rt", "rejected"),
        ("households.csv", "7", "household_id", "rejected"),
        ("members.csv", "6", "member_id", "rejected"),
        ("members.csv", "4", "household_id", "rejected"),  # members of the rejected household
        ("members.csv", "5", "household_id", "rejected"),
        # Defects of the kind the visit corrects: imported as written and flagged.
        ("households.csv", "5", "no_kk", flagged),
        ("members.csv", "2", "tanggal_lahir", flagged),
    }
    assert _count(engine, "households") == 4
    with engine.connect() as conn:
        kept = conn.execute(
            text('SELECT "values" FROM members WHERE member_id = :m'),
            {"m": members[0]["member_id"]},
        ).scalar()
        flagged_ids = {
            r[0]
            for r in conn.execute(
                text("SELECT household_id FROM flags WHERE kind = 'validation_warning'")
            )
        }
    assert json.loads(kept)["tanggal_lahir"] == "1980-02-30"
    assert flagged_ids == {rows[3]["household_id"], members[0]["household_id"]}
    # The anomaly worklist too: the bad No KK, the impossible birth date, and the household
    # whose head's row was rejected (it has no head now).
    assert _open_anomalies(engine) == {
        (rows[3]["household_id"], "kk_invalid"),
        (members[0]["household_id"], "impossible_birth_date"),
        (rows[2]["household_id"], "head_count"),
    }
    import_prelist(engine, tmp_path / "p")  # a re-import does not raise the open flags again
    assert _count(engine, "flags") == 5
    engine.dispose()


def test_reimport_updates_without_duplicates(db_url, tmp_path):
    engine = make_engine(db_url)
    upgrade(engine)
    write_prelist(tmp_path / "p", 10)
    first = import_prelist(engine, tmp_path / "p")
    again = import_prelist(engine, tmp_path / "p")
    assert (first.households_new, again.households_new, again.households_unchanged) == (10, 0, 10)
    seq = _scalar(engine, "SELECT max(seq) FROM households")
    rows = [household_row(DESA, n) for n in range(1, 11)]
    rows[0]["alamat"] = "Jl. Baru 1"
    write_rows(tmp_path / "p", rows, [m for n in range(1, 11) for m in member_rows(DESA, n)])
    third = import_prelist(engine, tmp_path / "p")
    assert (third.households_updated, third.households_unchanged) == (1, 9)
    assert _count(engine, "households") == 10 and _count(engine, "members") == 20
    assert _scalar(engine, f"SELECT count(*) FROM households WHERE seq > {seq}") == 1
    assert (
        _scalar(engine, f"SELECT version FROM households WHERE household_id = '{DESA}000001'") == 2
    )
    assert _scalar(engine, "SELECT count(*) FROM audit WHERE field = 'alamat'") == 1
    engine.dispose()


def _scalar(engine, q):
    with engine.connect() as conn:
        return conn.execute(text(q)).scalar()


def _cli(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "sync_server.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_init_import_users_assign_export_revoke(db_url, tmp_path):
    where = ["--db", db_url, "--data-dir", str(tmp_path / "data")]
    assert _cli("init", *where).returncode == 0
    write_prelist(tmp_path / "p", 5)
    r = _cli("import-prelist", str(tmp_path / "p"), *where)
    assert r.returncode == 0 and "5 new" in r.stdout and "importing households: 5/5" in r.stderr
    r = _cli(
        "add-user",
        "enum1",
        "--role",
        "enumerator",
        "--scope",
        "32.04.12.2002",
        "--password-stdin",
        *where,
        stdin=PASSWORD + "\n",
    )
    assert r.returncode == 0, r.stderr
    r = _cli(
        "add-user",
        "enum1",
        "--role",
        "enumerator",
        "--scope",
        "32.04",
        "--password-stdin",
        *where,
        stdin=PASSWORD + "\n",
    )
    assert r.returncode == 1 and "exists already" in r.stderr
    r = _cli(
        "add-user",
        "x",
        "--role",
        "enumerator",
        "--scope",
        "99",
        "--password-stdin",
        *where,
        stdin=PASSWORD + "\n",
    )
    assert r.returncode == 1 and "scope '99'" in r.stderr
    assert (
        _cli("assign", "enum1", "--scope", "32.04.12.2002", "--round", "2026-11", *where).returncode
        == 0
    )
    r = _cli("assign", "enum1", "--scope", "32.05", "--round", "2026-11", *where)
    assert r.returncode == 1 and "outside" in r.stderr
    r = _cli("export", "--round", "2026-11", "--out", str(tmp_path / "out.csv"), *where)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(open(tmp_path / "out.csv")))
    assert len(rows) == 5 and rows[0]["state"] == "open"
    r = _cli("revoke", "enum1", *where)
    assert r.returncode == 0 and "revoked 0" in r.stdout
    assert _cli("import-prelist", str(tmp_path / "nowhere"), *where).returncode == 1


def test_cli_demo_sets_up_users_and_assignments(tmp_path):
    r = _cli("demo", "--dir", str(tmp_path / "demo"), "--households", "50")
    assert r.returncode == 0, r.stderr
    assert "verivali-demo" in r.stdout and "enum1" in r.stdout
    engine = make_engine(f"sqlite:///{tmp_path / 'demo' / 'server-data' / 'verivali.sqlite3'}")
    assert _count(engine, "users") == 8 and _count(engine, "assignments") == 3  # prov1, kemensos1
    assert _count(engine, "households") >= 45
    engine.dispose()
    json.dumps(r.stdout)


def test_cli_adds_provinsi_and_national_reviewers_and_exports_an_empty_next_prelist(
    db_url, tmp_path
):
    where = ["--db", db_url, "--data-dir", str(tmp_path / "data")]
    assert _cli("init", *where).returncode == 0
    add = ["--password-stdin", *where]
    r = _cli("add-user", "kem1", "--role", "reviewer", "--scope", "national", *add,
             stdin=PASSWORD + "\n")  # fmt: skip
    assert r.returncode == 0 and "scopes national" in r.stdout, r.stderr
    r = _cli("add-user", "prov1", "--role", "reviewer", "--scope", "32", *add,
             stdin=PASSWORD + "\n")  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = _cli("add-user", "enum9", "--role", "enumerator", "--scope", "national", *add,
             stdin=PASSWORD + "\n")  # fmt: skip
    assert r.returncode == 1 and "national scope is for reviewers" in r.stderr
    engine = make_engine(db_url)
    with engine.connect() as conn:
        scopes = conn.execute(
            text("SELECT username, scope FROM user_scopes JOIN users ON users.id = user_id")
        ).all()
    engine.dispose()
    assert sorted(map(tuple, scopes)) == [("kem1", ""), ("prov1", "32")]
    r = _cli("export-prelist", "--out", str(tmp_path / "next"), *where)
    assert r.returncode == 0 and "0 established households" in r.stdout, r.stderr
    header = (tmp_path / "next" / "households.csv").read_text().splitlines()
    assert header == [",".join(HOUSEHOLD_COLUMNS)]
