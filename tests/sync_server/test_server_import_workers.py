"""The pre-list import with worker processes gives the database and the report of a
one-process import, bad rows across chunk and batch boundaries included, and resumes after a
kill (of the importing process: its workers go with it) to a complete report."""

import csv
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from server_prelist import DESA, OTHER_DESA, household_row, member_rows, shuffled, write_rows
from sqlalchemy import text

from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.services import prelist_apply, prelist_stage, prelist_workers
from sync_server.services.prelist_import import import_prelist

TABLES = (
    "anomalies",
    "member_niks",
    "flags",
    "audit",
    "tombstones",
    "household_reach",
    "members",
    "households",
    "import_problems",
    "import_rows",
    "import_runs",
)


@pytest.fixture
def small_batches(monkeypatch):
    """Chunks of 5 lines, staging transactions of 23 lines, apply batches of 31 rows: every
    kind of bad row lands on or next to a boundary somewhere."""
    monkeypatch.setattr(prelist_stage, "CHUNK_LINES", 5)
    monkeypatch.setattr(prelist_stage, "STAGE_BATCH", 23)
    monkeypatch.setattr(prelist_apply, "APPLY_BATCH", 31)


def _engine(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    return engine


def _empty(engine):
    with engine.begin() as conn:
        for table in TABLES:
            conn.execute(text(f"DELETE FROM {table}"))
        conn.execute(text("UPDATE counters SET value = 0"))


def _messy(directory: Path, version: int = 1) -> None:
    """120 households (members shuffled) with every kind of bad and flagged row; version 2
    changes some values, leaves members out and adds households."""
    numbers = range(1, 121) if version == 1 else range(5, 131)
    rows = [household_row(DESA if n % 7 else OTHER_DESA, n) for n in numbers]
    members = [m for n in numbers for m in member_rows(DESA if n % 7 else OTHER_DESA, n)]
    rows[3]["rt"] = "2"  # rejected, and its members with it
    rows[8]["no_kk"] = "12345"  # flagged
    rows[40]["kode_wilayah"] = OTHER_DESA  # its id points to DESA: wrong_wilayah
    rows.append(dict(rows[10]))  # appears twice
    members[5]["tanggal_lahir"] = "1980-02-30"  # flagged
    members[61]["nik"] = members[90]["nik"]  # duplicate_nik
    members.append(dict(members[20]))  # appears twice
    members[30]["member_id"] = "999999999999999999"  # not of its household
    members[50]["hubungan"] = "42"  # not a code
    members.append(
        {**members[0], "member_id": "320412200299999901", "household_id": "3204122002999999"}
    )
    if version == 2:
        for r in rows[20:30]:
            r["alamat"] += " (pindah nomor)"
        for m in members[100:110]:
            m["nama"] += " Baru"
        del members[150:160]
    write_rows(directory, rows, shuffled(members, seed=version))
    for name, line, old, new in (
        ("households.csv", 17, b"Jl. Mawar", b"Jl. M\xffawar"),
        ("members.csv", 44, b"Bandung", b"Band\xffung"),
        ("households.csv", 66, b"Jl. Mawar", b"Jl. Mawar,"),
    ):
        f = directory / name
        lines = f.read_bytes().split(b"\n")
        lines[line - 1] = lines[line - 1].replace(old, new, 1)
        f.write_bytes(b"\n".join(lines))


def _ranked(rows) -> list[tuple]:
    """Each row's seq (last) replaced by its place in seq order."""
    place = {seq: i for i, seq in enumerate(sorted({r[-1] for r in rows}))}
    return [(*r[:-1], place[r[-1]]) for r in rows]


def _snapshot(engine) -> dict:
    queries = {
        "households": 'SELECT household_id, kode_wilayah, "values", version, deleted, seq'
        " FROM households ORDER BY 1",
        "members": 'SELECT member_id, household_id, "values", status, version FROM members'
        " ORDER BY 1",
        "flags": "SELECT household_id, kind, detail, cleared_at IS NULL FROM flags ORDER BY 1, 2, 3",
        "anomalies": 'SELECT household_id, member_id, kind, field, message, "value", related,'
        " cleared_at IS NULL FROM anomalies ORDER BY 1, 2, 3, 4, 5",
        "member_niks": "SELECT member_id, nik, household_id FROM member_niks ORDER BY 1",
        "audit": 'SELECT household_id, member_id, field, "old", "new" FROM audit ORDER BY 1, 2, 3',
        "tombstones": "SELECT household_id, kode_wilayah FROM tombstones ORDER BY 1, 2",
        "reach": "SELECT household_id, kode FROM household_reach ORDER BY 1, 2",
    }
    with engine.connect() as conn:
        out = {k: [tuple(r) for r in conn.execute(text(q))] for k, q in queries.items()}
    out["households"] = _ranked(out["households"])
    return out


def _import_twice(engine, tmp_path: Path, label: str, workers: int):
    """Import version 1 then version 2 of the messy pre-list; the results and reports."""
    results, reports = [], []
    for version in (1, 2):
        directory = tmp_path / f"{label}-v{version}"
        directory.mkdir()
        _messy(directory, version)
        report = tmp_path / f"{label}-v{version}.csv"
        results.append(import_prelist(engine, directory, report, workers=workers))
        reports.append(report.read_bytes())
    return results, reports


@pytest.mark.usefixtures("small_batches")
def test_workers_give_the_database_and_report_of_one_process(db_url, tmp_path):
    engine = _engine(db_url)
    one, one_reports = _import_twice(engine, tmp_path, "one", workers=0)
    expected = _snapshot(engine)
    _empty(engine)
    two, two_reports = _import_twice(engine, tmp_path, "two", workers=2)
    assert multiprocessing.active_children() == []  # the workers were stopped
    assert _snapshot(engine) == expected
    assert two_reports == one_reports
    strip = [{k: v for k, v in vars(r).items() if k not in ("run_id",)} for r in one]
    assert [{k: v for k, v in vars(r).items() if k not in ("run_id",)} for r in two] == strip
    # what the comparison covers: bad rows of every kind, flags, anomalies, updates
    report = list(csv.DictReader(one_reports[0].decode().splitlines()))
    reasons = " ".join(r["reason"] for r in report)
    for what in (
        "0xFF",
        "cells",
        "appears twice",
        "rt:",
        "hubungan",
        "not a (valid) household",
        "does not start with",
    ):
        assert what in reasons, what
    assert {r["outcome"] for r in report} == {"rejected", "imported, flagged validation_warning"}
    kinds = {a[2] for a in expected["anomalies"]}
    assert {"duplicate_nik", "wrong_wilayah"} <= kinds
    assert one[1].households_updated > 0 and expected["audit"]
    engine.dispose()


@pytest.mark.usefixtures("small_batches")
def test_killed_after_any_batch_with_workers_resumes_to_the_same_rows_and_report(db_url, tmp_path):
    engine = _engine(db_url)
    directory = tmp_path / "p"
    directory.mkdir()
    _messy(directory)
    clean = import_prelist(engine, directory, tmp_path / "clean.csv", workers=0)
    expected = _snapshot(engine)
    _empty(engine)

    class Killed(Exception):
        pass

    seen = set()

    def die(*point):
        if point not in seen:  # right after a batch committed, as a SIGKILL would leave it
            seen.add(point)
            raise Killed

    runs = 0
    while True:
        runs += 1
        try:
            result = import_prelist(engine, directory, tmp_path / "resumed.csv", die, workers=1)
            break
        except Killed:
            assert multiprocessing.active_children() == []
    assert runs > 10 and result.resumed
    assert _snapshot(engine) == expected
    assert (tmp_path / "resumed.csv").read_bytes() == (tmp_path / "clean.csv").read_bytes()
    assert (result.households_new, result.rejected, result.flagged) == (
        clean.households_new,
        clean.rejected,
        clean.flagged,
    )
    engine.dispose()


def test_a_failing_worker_job_names_its_traceback():
    with prelist_workers.start(1) as run:
        job = run.submit(int, "not a number")
        with pytest.raises(prelist_workers.WorkerFailed, match="invalid literal for int"):
            job.result()
        assert run.submit(int, "12").result() == 12  # the worker goes on


def _running(pid: int) -> bool:
    """The process exists and has not ended (a zombie has)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_cli_with_a_worker_killed_with_sigkill_resumes_and_its_workers_go_too(tmp_path):
    where = ["--db", f"sqlite:///{tmp_path / 'db.sqlite3'}"]
    cli = [sys.executable, "-m", "sync_server.cli"]
    assert subprocess.run([*cli, "init", *where], capture_output=True).returncode == 0
    prelist = tmp_path / "p"
    prelist.mkdir()
    rows = [household_row(DESA, n) for n in range(1, 6001)]
    members = [m for n in range(1, 6001) for m in member_rows(DESA, n)]
    write_rows(prelist, rows, members)
    f = prelist / "members.csv"
    lines = f.read_bytes().split(b"\n")
    bad = [100, 5000, 11000]
    for i in bad:
        lines[i] = lines[i].replace(b"Bandung", b"Band\xffung")
    f.write_bytes(b"\n".join(lines))
    proc = subprocess.Popen(
        [*cli, "import-prelist", str(prelist), "--workers", "1", *where],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    seen = b""
    deadline = time.monotonic() + 120
    while b"reading members.csv" not in seen and time.monotonic() < deadline:
        seen += os.read(proc.stderr.fileno(), 4096)
        assert proc.poll() is None, "the import ended before it could be killed"
    workers = _children(proc.pid)
    assert len(workers) == 1
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10 * prelist_workers.POLL_S
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_running(w) for w in workers), "a worker outlived the import"
    r = subprocess.run(
        [*cli, "import-prelist", str(prelist), "--workers", "1", *where],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "resumed the interrupted import run 1" in r.stdout
    assert "6000 new" in r.stdout and "3 rows rejected" in r.stdout
    report = list(csv.DictReader(open(prelist / "import-report.csv")))
    assert {int(b["line"]) for b in report} == {i + 1 for i in bad}
    assert all(b["reason"].startswith("tempat_lahir: byte 0xFF") for b in report)
    with make_engine(where[1]).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM members")).scalar() == 12000 - 3
