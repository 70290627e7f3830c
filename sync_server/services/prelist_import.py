"""Import a DTKS pre-list (households.csv + members.csv) into the central store.

Every value is checked with ``dtks.prelist.parse_value`` (which uses ``dtks.ids``). A row whose
structure is bad (ids, kode wilayah, codes, RT/RW) goes to the report with its file, line number
and reason and is not imported. A row whose defect is of the kind verivali exists to correct
(a NIK, No KK or birth date that is not valid, a NIK that disagrees with the birth date or sex)
is imported as written, its household flagged ``validation_warning`` for the enumerator and
the reviewer, and listed in the report as well: rejecting it would hide the family from the
very visit that fixes its data. Importing again updates households and members by id: a household's version and
sequence number move only when its values or its members' values changed, and every changed
field of an existing row is written to the audit log.

    result = import_prelist(engine, Path("prelist/"), report=Path("report.csv"))
"""

import csv
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.sql import bindparam

from dtks.model import Member
from dtks.prelist import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, InvalidValue, parse_value
from dtks.review import FLAG_VALIDATION_WARNING, OPEN
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.engine import Sequence, write_transaction
from sync_server.db.tables import audit, flags, households, members, tombstones
from sync_server.errors import UsageError
from sync_server.services import anomalies
from sync_server.services.plausibility import member_warnings

HOUSEHOLDS_FILE = "households.csv"
MEMBERS_FILE = "members.csv"
BATCH = 5000
IMPORT_DEVICE = "prelist-import"
SOFT_COLUMNS = {"nik", "no_kk", "tanggal_lahir"}
"""Columns whose invalid values are imported as written and flagged, not rejected."""


@dataclass
class ImportResult:
    """Counts of one import run, and the bad rows as (file, line, id, reason)."""

    households_new: int = 0
    households_updated: int = 0
    households_unchanged: int = 0
    members_new: int = 0
    members_updated: int = 0
    bad_rows: list[tuple[str, int, str, str]] = field(default_factory=list)
    warnings: dict[str, list[tuple[str, int, str, str]]] = field(default_factory=dict)
    """Household id -> the flagged (file, line, id, reason) rows imported with a warning."""


def import_prelist(
    engine: Engine,
    directory: Path,
    report: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Validate and upsert the pre-list in directory; write bad rows to report (CSV)."""
    result = ImportResult()
    found = _read_households(Path(directory) / HOUSEHOLDS_FILE, result)
    member_rows = _read_members(Path(directory) / MEMBERS_FILE, result)
    by_household = _attach_members(engine, found, member_rows, result)
    ids = list(found)
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        with write_transaction(engine) as conn:
            _upsert_batch(conn, batch, found, by_household, result)
            anomalies.refresh(conn, batch)  # the anomaly worklist (dtks.anomalies)
        if progress:
            progress(min(start + BATCH, len(ids)), len(ids))
    if report is not None:
        flagged = [row for rows in result.warnings.values() for row in rows]
        write_report(report, result.bad_rows, flagged)
    return result


def write_report(path: Path, bad_rows, flagged=()) -> None:
    """Write the report as CSV: file, line, id, reason, outcome (rejected or flagged)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "line", "id", "reason", "outcome"])
        w.writerows([*row, "rejected"] for row in bad_rows)
        w.writerows([*row, f"imported, flagged {FLAG_VALIDATION_WARNING}"] for row in flagged)


def _rows(path: Path, columns):
    """Yield (line number, row dict) of a CSV file, checking its header first."""
    if not path.exists():
        raise UsageError(f"{path} does not exist")
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        header = set(reader.fieldnames or [])
        missing = [c.name for c in columns.values() if c.required and c.name not in header]
        if missing:
            raise UsageError(f"{path.name}: the header lacks required columns {', '.join(missing)}")
        for row in reader:
            yield reader.line_num, row


def _parse_row(row: dict, columns) -> tuple[dict, list[str]]:
    """The typed values of a row and the soft defects kept as written; raises InvalidValue
    naming the first column whose defect rejects the row."""
    values, soft = {}, []
    for name, col in columns.items():
        text = (row.get(name) or "").strip()
        try:
            values[name] = parse_value(col, text)
        except InvalidValue as e:
            if name not in SOFT_COLUMNS or not text or len(text) > col.max_length:
                raise
            values[name] = text
            soft.append(str(e))
    return values, soft


def _warn(result: ImportResult, hid: str, file: str, line: int, rid: str, reasons) -> None:
    for reason in reasons:
        result.warnings.setdefault(hid, []).append((file, line, rid, reason))


def _read_households(path: Path, result: ImportResult) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for line, row in _rows(path, HOUSEHOLD_COLUMNS):
        hid = (row.get("household_id") or "").strip()
        try:
            values, soft = _parse_row(row, HOUSEHOLD_COLUMNS)
        except InvalidValue as e:
            result.bad_rows.append((path.name, line, hid, str(e)))
            continue
        if hid in found:
            result.bad_rows.append((path.name, line, hid, "household_id: appears twice"))
            continue
        del values["household_id"]
        found[hid] = values
        _warn(result, hid, path.name, line, hid, soft)
    return found


def _read_members(path: Path, result: ImportResult) -> list[tuple[int, str, str, dict]]:
    rows = []
    for line, row in _rows(path, MEMBER_COLUMNS):
        mid = (row.get("member_id") or "").strip()
        try:
            values, soft = _parse_row(row, MEMBER_COLUMNS)
        except InvalidValue as e:
            result.bad_rows.append((path.name, line, mid, str(e)))
            continue
        hid = values.pop("household_id")
        del values["member_id"]
        if not mid.startswith(hid):
            result.bad_rows.append(
                (path.name, line, mid, f"member_id: does not start with household_id {hid}")
            )
            continue
        if not soft:  # a value kept as written already explains the disagreement
            soft = member_warnings(Member(mid, values=values))
        _warn(result, hid, path.name, line, mid, soft)
        rows.append((line, mid, hid, values))
    return rows


def _attach_members(engine, found, member_rows, result) -> dict[str, dict[str, dict]]:
    """Group good member rows by household; members of unknown households are bad rows."""
    by_household: dict[str, dict[str, dict]] = defaultdict(dict)
    seen = set()
    orphans = {hid for _, _, hid, _ in member_rows if hid not in found}
    known = _existing_ids(engine, orphans)
    for line, mid, hid, values in member_rows:
        if mid in seen:
            result.bad_rows.append((MEMBERS_FILE, line, mid, "member_id: appears twice"))
            continue
        if hid not in found and hid not in known:
            result.bad_rows.append(
                (MEMBERS_FILE, line, mid, f"household_id: {hid} is not a (valid) household")
            )
            continue
        seen.add(mid)
        by_household[hid][mid] = values
    for hid in known:
        if hid in by_household:
            found.setdefault(hid, None)  # None: keep the household's values, update members
    return by_household


def _existing_ids(engine, ids) -> set[str]:
    ids = list(ids)
    out = set()
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            out.update(
                conn.execute(
                    select(households.c.household_id).where(
                        households.c.household_id.in_(ids[i : i + 500])
                    )
                ).scalars()
            )
    return out


def _upsert_batch(conn, batch, found, by_household, result: ImportResult) -> None:
    now = clock.now()
    seq = Sequence(conn)
    old_h = {
        r.household_id: r
        for r in conn.execute(select(households).where(households.c.household_id.in_(batch)))
    }
    old_m = {
        r.member_id: r
        for r in conn.execute(select(members).where(members.c.household_id.in_(batch)))
    }
    new_h, upd_h, new_m, upd_m, audits, moves = [], [], [], [], [], []
    for hid in batch:
        values = found[hid]
        prev = old_h.get(hid)
        text = jsontext.dumps(values) if values is not None else prev.values
        changed = prev is None or text != prev.values
        for mid, mvalues in by_household.get(hid, {}).items():
            mtext = jsontext.dumps(mvalues)
            mprev = old_m.get(mid)
            if mprev is None:
                new_m.append({"member_id": mid, "household_id": hid, "values": mtext, "version": 0})
                result.members_new += 1
                changed = True
            elif mprev.values != mtext:
                upd_m.append({"m_id": mid, "values": mtext, "version": (prev.version + 1)})
                audits += _field_audits(hid, mid, jsontext.loads(mprev.values), mvalues, now)
                result.members_updated += 1
                changed = True
        if prev is None:
            new_h.append(_new_household(hid, values, text, seq.next(), now))
            result.households_new += 1
        elif changed:
            n = seq.next()
            kode = values["kode_wilayah"] if values else prev.kode_wilayah
            upd_h.append(
                {"h_id": hid, "values": text, "kode": kode, "version": prev.version + 1, "seq": n}
            )
            if values is not None:
                audits += _field_audits(hid, None, jsontext.loads(prev.values), values, now)
            if kode != prev.kode_wilayah:
                moves.append({"household_id": hid, "kode_wilayah": prev.kode_wilayah, "seq": n})
            result.households_updated += 1
        else:
            result.households_unchanged += 1
    _write(conn, new_h, upd_h, new_m, upd_m, audits, moves, now)
    _flag_warnings(conn, [h for h in batch if h in result.warnings], result, now)
    seq.save()


def _flag_warnings(conn, hids: list[str], result: ImportResult, now) -> None:
    """Raise validation_warning on households imported with soft defects (once while open)."""
    if not hids:
        return
    open_flags = select(flags.c.household_id).where(
        flags.c.household_id.in_(hids),
        flags.c.kind == FLAG_VALIDATION_WARNING,
        flags.c.cleared_at.is_(None),
    )
    already = {r.household_id for r in conn.execute(open_flags)}
    rows = [
        {
            "household_id": hid,
            "kind": FLAG_VALIDATION_WARNING,
            "detail": "; ".join(f"{rid}: {reason}" for _, _, rid, reason in result.warnings[hid])[
                :2000
            ],
            "created_at": now,
        }
        for hid in hids
        if hid not in already
    ]
    if rows:
        conn.execute(insert(flags), rows)


def _new_household(hid, values, text, n, now) -> dict:
    return {
        "household_id": hid,
        "kode_wilayah": values["kode_wilayah"],
        "values": text,
        "version": 1,
        "seq": n,
        "state": OPEN,
        "deleted": False,
        "proposed": False,
        "created_at": now,
        "updated_at": now,
    }


def _field_audits(hid, mid, old: dict, new: dict, now) -> list[dict]:
    return [
        {
            "at": now,
            "user_id": None,
            "device_id": IMPORT_DEVICE,
            "changeset_id": None,
            "household_id": hid,
            "member_id": mid,
            "field": name,
            "old": jsontext.dumps(old.get(name)),
            "new": jsontext.dumps(new.get(name)),
        }
        for name in sorted(set(old) | set(new))
        if old.get(name) != new.get(name)
    ]


def _write(conn, new_h, upd_h, new_m, upd_m, audits, moves, now) -> None:
    if new_h:
        conn.execute(insert(households), new_h)
    if upd_h:
        conn.execute(
            update(households)
            .where(households.c.household_id == bindparam("h_id"))
            .values(
                values=bindparam("values"),
                kode_wilayah=bindparam("kode"),
                version=bindparam("version"),
                seq=bindparam("seq"),
                updated_at=now,
            ),
            upd_h,
        )
    if new_m:
        conn.execute(insert(members), new_m)
    if upd_m:
        conn.execute(
            update(members)
            .where(members.c.member_id == bindparam("m_id"))
            .values(values=bindparam("values"), version=bindparam("version")),
            upd_m,
        )
    if audits:
        conn.execute(insert(audit), audits)
    if moves:
        conn.execute(insert(tombstones), moves)
