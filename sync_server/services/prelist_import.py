"""Import a DTKS pre-list (households.csv + members.csv) into the central store, streaming.

The files are read a batch of lines at a time into a staging table (``prelist_stage``), then
applied a batch of households at a time (``prelist_apply``), then the report is written from
the problems table; memory stays bounded whatever the size of the files. Every batch commits
with the progress it made, so an import that was killed resumes where it stopped when it is
started again on the same files (same sizes and modification times), and its report is as
complete as an uninterrupted one. Bad rows go to the report with file, line, id and reason;
rows with the defects verivali corrects are imported, flagged ``validation_warning``, and
listed too (outcome ``imported, flagged validation_warning``).

    result = import_prelist(engine, Path("prelist/"), report=Path("report.csv"))
"""

import csv
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, delete, insert, select, update

from dtks.private_files import open_private
from dtks.review import FLAG_VALIDATION_WARNING
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.tables import import_problems, import_rows, import_runs
from sync_server.services import prelist_workers
from sync_server.services.prelist_apply import apply_run
from sync_server.services.prelist_reader import CsvFile
from sync_server.services.prelist_stage import (
    HOUSEHOLDS,
    HOUSEHOLDS_FILE,
    MEMBERS,
    MEMBERS_FILE,
    claim,
    required,
    stage_file,
)

STEPS = ("households", "members", "apply", "report", "done")
COUNTS = (
    "households_new",
    "households_updated",
    "households_unchanged",
    "members_new",
    "members_updated",
    "rejected",
    "flagged",
    "households_read",
    "households_done",
)
OUTCOMES = {"rejected": "rejected", "flagged": f"imported, flagged {FLAG_VALIDATION_WARNING}"}
"""The report's outcome column for each kind of problem row."""
Progress = Callable[[str, int, int], None]
"""progress(step, done, total): bytes while reading a file, households while applying."""


@dataclass
class ImportResult:
    """Counts of one import run (rejected and flagged: rows in the report)."""

    run_id: int
    resumed: bool
    households_new: int = 0
    households_updated: int = 0
    households_unchanged: int = 0
    members_new: int = 0
    members_updated: int = 0
    rejected: int = 0
    flagged: int = 0


def import_prelist(
    engine: Engine,
    directory: Path,
    report: Path | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> ImportResult:
    """Validate and upsert the pre-list in directory (resuming an interrupted run of the same
    files); write its report (CSV) to report.

    workers: processes that check lines and run the anomaly rules beside this one (0: all
    in this process; None: one when the machine has two cores and the files are big, see
    ``prelist_workers.default_count``). The result and the database are the same either way."""
    directory = Path(directory).resolve()
    paths = [directory / kind.name for kind in (HOUSEHOLDS, MEMBERS)]
    with CsvFile(paths[0], required(HOUSEHOLDS)) as hf, CsvFile(paths[1], required(MEMBERS)) as mf:
        if workers is None:
            workers = prelist_workers.default_count(hf.size + mf.size)
        run, resumed = _start(engine, directory, _identity(paths))
        counts = jsontext.loads(run["counts"])
        with prelist_workers.start(workers if run["step"] != "report" else 0) as runner:
            for kind, csv_file in ((HOUSEHOLDS, hf), (MEMBERS, mf)):
                if run["step"] == kind.step:
                    stage_file(engine, run, kind, csv_file, counts, progress, runner)
                    _step(engine, run, STEPS[STEPS.index(run["step"]) + 1], counts)
            if run["step"] == "apply":
                apply_run(engine, run, counts, progress, runner)
                _step(engine, run, "report", counts)
    if report is not None:
        write_report(engine, run["id"], report)
    _finish(engine, run, counts)
    return ImportResult(
        run["id"], resumed, **{k: counts[k] for k in COUNTS if k in ImportResult.__annotations__}
    )


def _identity(paths: list[Path]) -> str:
    """Sizes and modification times of the files: a resumed run must read the same bytes."""
    return ";".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in paths)


def _start(engine: Engine, directory: Path, files: str) -> tuple[dict, bool]:
    """The unfinished run of these files, taken over; else a new run (other unfinished runs
    are abandoned and their staged rows dropped)."""
    owner = secrets.token_hex(16)
    with engine.begin() as conn:
        open_runs = conn.execute(
            select(import_runs).where(import_runs.c.step.in_(STEPS[:-1]))
        ).all()
        for r in open_runs:
            if r.directory == str(directory) and r.files == files:
                conn.execute(
                    update(import_runs).where(import_runs.c.id == r.id).values(owner=owner)
                )
                return {**r._asdict(), "owner": owner}, True
            _drop(conn, r.id, "abandoned")
        values = {
            "directory": str(directory),
            "files": files,
            "owner": owner,
            "step": STEPS[0],
            "households_line": 0,
            "members_line": 0,
            "applied_through": "",
            "counts": jsontext.dumps(dict.fromkeys(COUNTS, 0)),
            "started_at": clock.now(),
        }
        run_id = conn.execute(insert(import_runs).values(**values)).inserted_primary_key[0]
    return {"id": run_id, **values}, False


def _drop(conn, run_id: int, step: str) -> None:
    conn.execute(delete(import_rows).where(import_rows.c.run_id == run_id))
    conn.execute(delete(import_problems).where(import_problems.c.run_id == run_id))
    conn.execute(
        update(import_runs)
        .where(import_runs.c.id == run_id)
        .values(step=step, finished_at=clock.now())
    )


def _step(engine: Engine, run: dict, step: str, counts: dict) -> None:
    with engine.begin() as conn:
        claim(conn, run, {"step": step, "counts": jsontext.dumps(counts)})
    run["step"] = step


def _finish(engine: Engine, run: dict, counts: dict) -> None:
    with engine.begin() as conn:
        claim(conn, run, {"counts": jsontext.dumps(counts)})
        _drop(conn, run["id"], "done")
    run["step"] = "done"


def write_report(engine: Engine, run_id: int, path: Path) -> None:
    """Write a run's report as CSV, ordered by file and line: file, line, id, reason, outcome
    (rejected, or imported and flagged)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    q = (
        select(
            import_problems.c.file,
            import_problems.c.line,
            import_problems.c.row_id,
            import_problems.c.reason,
            import_problems.c.outcome,
        )
        .where(import_problems.c.run_id == run_id)
        .order_by(import_problems.c.file, import_problems.c.line, import_problems.c.id)
    )
    # The report quotes rejected rows' ids, NIKs and No KKs: private like the database.
    with (
        open_private(path, "w", newline="", encoding="utf-8") as f,
        engine.connect() as conn,
    ):
        w = csv.writer(f)
        w.writerow(["file", "line", "id", "reason", "outcome"])
        for r in conn.execution_options(stream_results=True, yield_per=5000).execute(q):
            w.writerow([r.file, r.line, r.row_id or "", r.reason, OUTCOMES[r.outcome]])


__all__ = ["HOUSEHOLDS_FILE", "MEMBERS_FILE", "ImportResult", "import_prelist", "write_report"]
