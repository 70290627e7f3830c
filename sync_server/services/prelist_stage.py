"""Read one pre-list file into the staging table ``import_rows``, in batches that each commit
with the line reached and the rows rejected, so a killed import resumes after the last batch.

Every value is checked by ``dtks.prelist`` (``parse_cells``, the rules of ``parse_value``). A row whose structure is bad (ids,
kode wilayah, codes, RT/RW, unreadable bytes, a wrong number of cells) is rejected into
``import_problems``. A row whose defect is of the kind verivali exists to correct (a NIK,
No KK or birth date that is not valid; a NIK that disagrees with the birth date or sex) is
staged as written with its warnings, to be imported and flagged.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from sqlalchemy import Engine, update

from dtks.model import Member
from dtks.prelist import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, InvalidValue, parse_cells
from sync_server.db import jsontext
from sync_server.db.bulk import insert_rows
from sync_server.db.tables import import_problems, import_rows, import_runs
from sync_server.services.plausibility import member_warnings
from sync_server.services.prelist_reader import BadLine, CsvFile, Row, to_item
from sync_server.services.prelist_workers import IN_PROCESS

HOUSEHOLDS_FILE = "households.csv"
MEMBERS_FILE = "members.csv"
STAGE_BATCH = 20_000
"""Lines per staging transaction."""
CHUNK_LINES = 2_000
"""Lines per job of a worker process."""
SOFT_COLUMNS = frozenset({"nik", "no_kk", "tanggal_lahir"})
"""Columns whose invalid values are imported as written and flagged, not rejected."""


@dataclass(frozen=True)
class FileKind:
    """What one pre-list file holds and where its progress is kept."""

    name: str
    kind: str
    columns: dict
    id_column: str
    step: str
    """The import run's step while this file is read."""
    line_column: str


HOUSEHOLDS = FileKind(
    HOUSEHOLDS_FILE, "h", HOUSEHOLD_COLUMNS, "household_id", "households", "households_line"
)
MEMBERS = FileKind(MEMBERS_FILE, "m", MEMBER_COLUMNS, "member_id", "members", "members_line")
KINDS = {k.name: k for k in (HOUSEHOLDS, MEMBERS)}


class TakenOver(RuntimeError):
    """Another process resumed this import run; this one must stop."""


def required(kind: FileKind) -> list[str]:
    """The header columns the file must have."""
    return [c.name for c in kind.columns.values() if c.required]


def stage_file(
    engine: Engine,
    run: dict,
    kind: FileKind,
    csv_file: CsvFile,
    counts: dict,
    progress: Callable[[str, int, int], None] | None = None,
    runner=IN_PROCESS,
) -> None:
    """Stage every line of csv_file after the run's committed line for this file; the lines
    are checked by runner (in worker processes, chunk by chunk, or in this one), in order."""
    check = partial(check_lines, kind.name, run["id"], csv_file.header, date.today())
    staged, problems = [], []
    chunks = _chunks(csv_file.lines(), run[kind.line_column], STAGE_BATCH, CHUNK_LINES)
    for (last, commit), (chunk_staged, chunk_problems) in runner.ordered(check, chunks):
        staged += chunk_staged
        problems += chunk_problems
        if commit is None:
            continue
        _commit(engine, run, kind, last, staged, problems, counts)
        staged, problems = [], []
        if progress:
            done = csv_file.size if commit == "end" else csv_file.position()
            progress(f"reading {kind.name}", done, csv_file.size)


def _chunks(lines, done_line: int, batch: int, size: int):
    """((last line, None | "batch" | "end"), (lines,)) for the lines after done_line, in
    chunks of at most size lines; a chunk that ends a staging transaction (batch lines since
    the last, or the end of the file) says so."""
    items, last = [], done_line
    for raw in lines:
        if raw[0] <= done_line:
            continue
        items.append(raw)
        last = raw[0]
        if last - done_line >= batch:
            yield (last, "batch"), (items,)
            items, done_line = [], last
        elif len(items) >= size:
            yield (last, None), (items,)
            items = []
    yield (last, "end"), (items,)


def check_lines(file: str, run_id: int, header: list[str], today: date, lines: list):
    """(staging rows, report rows) of lines read by CsvFile.lines (runs in a worker)."""
    kind = KINDS[file]
    staged, problems = [], []
    for raw in lines:
        _stage_item(to_item(header, *raw), kind, run_id, staged, problems, today)
    return staged, problems


def _stage_item(item: Row | BadLine, kind: FileKind, run_id, staged, problems, today) -> None:
    if isinstance(item, BadLine):
        rid = item.cells.get(kind.id_column, "").strip()
        rid = rid if rid.isascii() and len(rid) <= 64 else None
        problems.append(problem(kind.name, item.line, rid or None, item.reason))
        return
    try:
        staged.append({"run_id": run_id, **parse_line(item, kind, today)})
    except Rejected as e:
        problems.append(e.problem)


class Rejected(ValueError):
    """A line that is not imported; .problem is its report row."""

    def __init__(self, problem: dict):
        super().__init__(problem["reason"])
        self.problem = problem


def parse_line(row: Row, kind: FileKind, today: date) -> dict:
    """The staging row of a good line; raises Rejected for a line that is not imported."""
    rid = (row.cells.get(kind.id_column) or "").strip()
    try:
        values, soft = parse_cells(kind.columns, row.cells, today, SOFT_COLUMNS)
    except InvalidValue as e:
        raise Rejected(problem(kind.name, row.line, rid, str(e))) from None
    hid = values.pop("household_id")
    kode = values.get("kode_wilayah")
    if kind is MEMBERS:
        del values["member_id"]
        if not rid.startswith(hid):
            reason = f"member_id: does not start with household_id {hid}"
            raise Rejected(problem(kind.name, row.line, rid, reason))
        if not soft:  # a value kept as written already explains the disagreement
            soft = member_warnings(Member(rid, values=values), today)
    return {
        "household_id": hid,
        "kind": kind.kind,
        "line": row.line,
        "row_id": rid,
        "kode_wilayah": kode,
        "values": jsontext.dumps(values),
        "warnings": "\n".join(soft) or None,
    }


def problem(file: str, line: int, rid: str | None, reason: str, outcome="rejected") -> dict:
    """A row of the import report."""
    return {"file": file, "line": line, "row_id": rid, "reason": reason, "outcome": outcome}


def _commit(engine, run, kind: FileKind, line, staged, problems, counts) -> None:
    counts["rejected"] += len(problems)
    counts["households_read"] += sum(1 for r in staged if r["kind"] == HOUSEHOLDS.kind)
    with engine.begin() as conn:
        claim(conn, run, {kind.line_column: line, "counts": jsontext.dumps(counts)})
        insert_rows(conn, import_rows, staged)
        insert_rows(conn, import_problems, [{"run_id": run["id"], **p} for p in problems])
    run[kind.line_column] = line


def claim(conn, run: dict, values: dict) -> None:
    """Record progress on the run, in conn's transaction, if this process still owns it."""
    done = conn.execute(
        update(import_runs)
        .where(import_runs.c.id == run["id"], import_runs.c.owner == run["owner"])
        .values(**values)
    )
    if done.rowcount != 1:
        raise TakenOver(f"import run {run['id']} was resumed by another process")
