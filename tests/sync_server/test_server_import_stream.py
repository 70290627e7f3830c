"""Pre-list import of bad bytes and broken files, and an import that resumes after a kill."""

import csv
import os
import signal
import subprocess
import sys
import time

import pytest
from server_prelist import DESA, household_row, member_rows, write_prelist, write_rows
from sqlalchemy import text

from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.errors import UsageError
from sync_server.services import prelist_apply, prelist_stage
from sync_server.services.prelist_import import import_prelist


def _engine(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    return engine


def _report(path) -> set[tuple[str, str, str]]:
    return {(r["file"], r["line"], r["reason"]) for r in csv.DictReader(open(path))}


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "sync_server.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_undecodable_byte_and_extra_cells_are_reported_and_the_other_rows_imported(
    db_url, tmp_path
):
    engine = _engine(db_url)
    rows = [household_row(DESA, n) for n in range(1, 6)]
    rows[4]["rt"] = "2"
    write_rows(tmp_path, rows, [m for n in range(1, 6) for m in member_rows(DESA, n)])
    lines = (tmp_path / "households.csv").read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"Jl. Mawar", b"Jl. M\xffawar")
    lines[4] = lines[4].replace(b"Jl. Mawar 4", b"Jl. Mawar, 4")
    (tmp_path / "households.csv").write_bytes(b"\n".join(lines))
    result = import_prelist(engine, tmp_path, tmp_path / "report.csv")
    assert (result.households_new, result.rejected) == (2, 3 + 6)
    report = _report(tmp_path / "report.csv")
    assert (
        "households.csv",
        "3",
        "alamat: byte 0xFF at character 6 is not UTF-8 text (save the file as CSV UTF-8)",
    ) in report
    assert (
        "households.csv",
        "5",
        "the line has 13 cells, the header 12 (a comma inside a value needs quotes)",
    ) in report
    assert ("households.csv", "6", "rt: '2' must be exactly 3 digits, e.g. 002") in report
    with engine.connect() as conn:
        kept = set(conn.execute(text("SELECT household_id FROM households")).scalars())
    assert kept == {household_row(DESA, n)["household_id"] for n in (1, 3)}
    engine.dispose()


def test_cli_reports_a_bad_byte_without_a_traceback(tmp_path):
    where = ["--db", f"sqlite:///{tmp_path / 'db.sqlite3'}"]
    write_prelist(tmp_path / "p", 3)
    members = tmp_path / "p" / "members.csv"
    members.write_bytes(members.read_bytes().replace(b"Istri 2", b"Istri \xff\xfe2"))
    r = _cli("import-prelist", str(tmp_path / "p"), *where)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "3 new" in r.stdout and "1 rows rejected" in r.stdout
    (line,) = [b for b in csv.DictReader(open(tmp_path / "p" / "import-report.csv"))]
    assert (line["file"], line["line"]) == ("members.csv", "5")
    assert line["reason"].startswith("nama: byte 0xFF at character 7 is not UTF-8")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "is a ZIP file (an Excel workbook?)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "a NUL byte at offset 8"),
        ("household_id,alamat\n".encode("utf-16"), "a NUL byte at offset 3"),
        (b"\xff\xfe\xfa garbage\n1,2\n", "the header is not UTF-8 text"),
        (b"nama,alamat\n1,2\n", "the header lacks required columns household_id"),
        (b"", "the file is empty or has no header line"),
    ],
)
def test_cli_refuses_a_binary_or_headerless_file_whole_with_one_message(tmp_path, content, message):
    where = ["--db", f"sqlite:///{tmp_path / 'db.sqlite3'}"]
    write_prelist(tmp_path / "p", 3)
    (tmp_path / "p" / "households.csv").write_bytes(content)
    r = _cli("import-prelist", str(tmp_path / "p"), *where)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1 and "households.csv" in r.stderr and message in r.stderr
    with make_engine(where[1]).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM households")).scalar() == 0


def test_header_naming_a_column_twice_is_refused(db_url, tmp_path):
    engine = _engine(db_url)
    write_prelist(tmp_path, 2)
    f = tmp_path / "members.csv"
    lines = f.read_text().split("\n")
    f.write_text("\n".join([lines[0] + ",nama", *lines[1:]]))
    with pytest.raises(UsageError, match="members.csv: the header names nama more than once"):
        import_prelist(engine, tmp_path)
    engine.dispose()


def _messy_prelist(directory):
    """40 households with every kind of problem the report lists, spread over the files."""
    rows = [household_row(DESA, n) for n in range(1, 41)]
    members = [m for n in range(1, 41) for m in member_rows(DESA, n)]
    rows[3]["rt"] = "2"  # rejected: its members too
    rows[7]["no_kk"] = "12345"  # flagged
    rows.append(dict(rows[10]))  # appears twice
    members[5]["tanggal_lahir"] = "1980-02-30"  # flagged
    members.append(dict(members[20]))  # appears twice
    members[30]["member_id"] = "999999999999999999"  # not of its household
    write_rows(directory, rows, members)


def test_an_import_killed_after_any_batch_resumes_to_the_same_rows_and_report(
    db_url, tmp_path, monkeypatch
):
    monkeypatch.setattr(prelist_stage, "STAGE_BATCH", 7)
    monkeypatch.setattr(prelist_apply, "APPLY_BATCH", 9)
    whole = tmp_path / "whole"
    whole.mkdir()
    _messy_prelist(whole)
    engine = _engine(db_url)
    clean = import_prelist(engine, whole, tmp_path / "clean.csv")
    expected = _snapshot(engine)
    engine.dispose()
    other = _engine(db_url.replace("verivali.sqlite3", "resumed.sqlite3"))
    _empty(other)

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
            result = import_prelist(other, whole, tmp_path / "resumed.csv", die)
            break
        except Killed:
            continue
    assert runs > 10 and result.resumed
    assert _snapshot(other) == expected
    assert _report(tmp_path / "resumed.csv") == _report(tmp_path / "clean.csv")
    assert (result.households_new, result.rejected, result.flagged) == (
        clean.households_new,
        clean.rejected,
        clean.flagged,
    )
    assert (clean.households_new, clean.rejected, clean.flagged) == (39, 6, 2)
    with other.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM import_rows")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM import_problems")).scalar() == 0
    other.dispose()


def _empty(engine):
    """Postgres tests share one schema between the two engines: start the second one empty."""
    with engine.begin() as conn:
        for table in (
            "anomalies",
            "member_niks",
            "flags",
            "audit",
            "tombstones",
            "members",
            "households",
            "import_runs",
        ):
            conn.execute(text(f"DELETE FROM {table}"))
        conn.execute(text("UPDATE counters SET value = 0"))


def _ranked(rows) -> list[tuple]:
    """The rows with each seq replaced by its place in seq order (on PostgreSQL the numbers
    come from transaction ids, so two databases give the same order, not the same numbers)."""
    place = {seq: i for i, seq in enumerate(sorted(r[-1] for r in rows))}
    return [(*r[:-1], place[r[-1]]) for r in rows]


def _snapshot(engine):
    with engine.connect() as conn:
        return (
            _ranked(
                conn.execute(
                    text('SELECT household_id, "values", version, seq FROM households ORDER BY 1')
                ).all()
            ),
            conn.execute(text('SELECT member_id, "values", version FROM members ORDER BY 1')).all(),
            conn.execute(text("SELECT household_id, kind, detail FROM flags ORDER BY 1")).all(),
        )


def test_cli_import_killed_with_sigkill_resumes_and_its_report_is_complete(tmp_path):
    where = ["--db", f"sqlite:///{tmp_path / 'db.sqlite3'}"]
    assert _cli("init", *where).returncode == 0
    prelist = tmp_path / "p"
    write_prelist(prelist, 6000)
    f = prelist / "members.csv"
    lines = f.read_bytes().split(b"\n")
    bad = [100, 5000, 11000]
    for i in bad:
        lines[i] = lines[i].replace(b"Bandung", b"Band\xffung")
    f.write_bytes(b"\n".join(lines))
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync_server.cli", "import-prelist", str(prelist), *where],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    seen = b""
    deadline = time.monotonic() + 120
    while b"reading members.csv" not in seen and time.monotonic() < deadline:
        seen += os.read(proc.stderr.fileno(), 4096)
        assert proc.poll() is None, "the import ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    r = _cli("import-prelist", str(prelist), *where)
    assert r.returncode == 0, r.stderr
    assert "resumed the interrupted import run 1" in r.stdout
    assert "6000 new" in r.stdout and "3 rows rejected" in r.stdout
    lines_in_report = {int(b["line"]) for b in csv.DictReader(open(prelist / "import-report.csv"))}
    assert lines_in_report == {i + 1 for i in bad}
    with make_engine(where[1]).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM members")).scalar() == 12000 - 3
