"""Results of a round as rows, CSV and XLSX: one row per household (docs/review-api.md).

The API exports the households of a scope verified in the round; the CLI (`sync-server
export`) may also list the round's households not verified yet. Both go through here.

    rows = result_rows(conn, "2026-11", ["3204122002"])
    write_results(rows, "xlsx", open("hasil.xlsx", "wb"))
"""

import csv
import io
from collections import Counter, defaultdict
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from sqlalchemy import Connection, Engine, and_, select

from dtks import markings, review, wilayah
from dtks.private_files import open_private
from sync_server.db import jsontext
from sync_server.db.tables import households, members, users
from sync_server.errors import UsageError
from sync_server.services import approvals, citizen_requests, rounds
from sync_server.services.anomalies import open_anomalies
from sync_server.services.eligibility import (
    REASON_FIELD,
    RESULT_FIELD,
    STATUS_FIELD,
    changes_eligibility,
    code,
)
from sync_server.services.household_store import chunks
from sync_server.services.review import open_flags

COLUMNS = [
    "household_id",
    "kode_wilayah",
    "desa",
    "kecamatan",
    "kabupaten",
    "alamat",
    "rt",
    "rw",
    "no_kk",
    "nama_krt",
    "nik_krt",
    "jumlah_art",
    "status_rt",
    "hasil",
    "alasan",
    "eligibility_changed",
    "state",
    "enumerator",
    "mode",
    "finished_at",
    "approved_by",
    "approved_at",
    "flags",
    "anomalies",
    "late",
    "late_for",
    "disabilitas",
    "hamil",
    "meninggal",
    "markings",
    "requests",
    "temuan_hasil",
    "temuan_alasan",
]
SUMMARY_COLUMNS = [
    "kode_wilayah",
    "desa",
    "households",
    "layak",
    "tidak_layak",
    "tanpa_hasil",
    "eligibility_changed",
    "approved",
]
CODE_COLUMNS = {"status_rt", "hasil", "alasan"}
"""Choice codes of the verivali form: numbers in XLSX."""
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def result_rows(
    conn: Connection, round_: str, scopes: list[str] | None, verified_only: bool = True
) -> list[dict]:
    """One dict per household of the scopes (None: the round's) in the round, by id."""
    where = [households.c.deleted.is_(False)]
    where.append(rounds.verified_in(round_) if verified_only else rounds.in_round(conn, round_))
    if scopes:
        where.append(rounds.under(scopes))
    rows = conn.execute(
        select(households).where(and_(*where)).order_by(households.c.household_id)
    ).all()
    return rows_of(conn, rows, round_)


def rows_of(conn: Connection, rows, round_: str) -> list[dict]:
    """The result row of each households row, with its round's latest verification."""
    ids = [r.household_id for r in rows]
    latest = rounds.latest_verifications(conn, ids, round_)
    heads, flagged = _head_niks(conn, ids), open_flags(conn, ids)
    worklist = open_anomalies(conn, ids)
    marked = _markings(conn, ids)
    names = dict(conn.execute(select(users.c.id, users.c.username)).all())
    approved = approvals.latest(conn, ids)
    asked = citizen_requests.export_columns(conn, ids)
    return [
        _row(r, latest.get(r.household_id), heads, flagged, names, approved.get(r.household_id))
        | _cycle_columns(latest.get(r.household_id), worklist.get(r.household_id, []))
        | _marking_columns(marked.get(r.household_id, []))
        | asked.get(r.household_id, citizen_requests.NO_REQUEST)
        for r in rows
    ]


def _cycle_columns(v, found) -> dict:
    """The anomaly worklist's open kinds, and whether the verification came late."""
    return {
        "anomalies": " ".join(sorted({a.kind for a in found})),
        "late": int(bool(v is not None and v.late)),
        "late_for": (v.late_for or "") if v is not None else "",
    }


def _row(r, v, heads, flagged, names, approval) -> dict:
    values = jsontext.loads(r.values)
    answers = jsontext.loads(v.answers) if v is not None else {}
    kode = r.kode_wilayah
    approved = r.state in review.PASSED_FIRST_LEVEL and approval is not None
    return {
        "household_id": r.household_id,
        "kode_wilayah": kode,
        "desa": wilayah.lookup(kode) or "",
        "kecamatan": wilayah.lookup(kode[:6]) or "",
        "kabupaten": wilayah.lookup(kode[:4]) or "",
        "alamat": values.get("alamat") or "",
        "rt": values.get("rt") or "",
        "rw": values.get("rw") or "",
        "no_kk": values.get("no_kk") or "",
        "nama_krt": values.get("nama_krt") or "",
        "nik_krt": heads.get(r.household_id, ""),
        "jumlah_art": values.get("jumlah_art"),
        "status_rt": code(answers, STATUS_FIELD),
        "hasil": code(answers, RESULT_FIELD),
        "alasan": code(answers, REASON_FIELD),
        "eligibility_changed": int(v is not None and changes_eligibility(answers, r.proposed)),
        "state": r.state,
        "enumerator": names.get(v.user_id, "") if v is not None else "",
        "mode": (v.mode or "") if v is not None else "",
        "finished_at": (v.finished_at or "") if v is not None else "",
        "approved_by": (approval.username or "") if approved else "",
        "approved_at": approval.at if approved else "",
        "flags": " ".join(sorted(flagged.get(r.household_id, ()))),
    }


def _marking_columns(items: list[markings.Mark]) -> dict:
    """Members marked on the BNBA (dtks.markings): a count per kind and the text."""
    return markings.counts(items) | {"markings": markings.text(items)}


def _markings(conn: Connection, ids: list[str]) -> dict[str, list[markings.Mark]]:
    """{household_id: its members' BNBA markings}, members in id order."""
    found: dict[str, list] = defaultdict(list)
    for part in chunks(ids):
        q = (
            select(members)
            .where(members.c.household_id.in_(part))
            .order_by(members.c.household_id, members.c.member_id)
        )
        for m in conn.execute(q):
            found[m.household_id].append(
                {
                    "member_id": m.member_id,
                    "values": jsontext.loads(m.values),
                    "status": m.status,
                    "removal_reason": m.removal_reason,
                    "removal_date": m.removal_date,
                }
            )
    return {h: markings.marks(ms) for h, ms in found.items()}


def _head_niks(conn: Connection, ids: list[str]) -> dict[str, str]:
    """{household_id: NIK of its active head (hubungan 1)}."""
    out = {}
    for part in chunks(ids):
        q = select(members.c.household_id, members.c["values"]).where(
            members.c.household_id.in_(part), members.c.status == "active"
        )
        for m in conn.execute(q):
            v = jsontext.loads(m.values)
            if v.get("hubungan") == 1 and m.household_id not in out:
                out[m.household_id] = v.get("nik") or ""
    return out


def summary(rows: list[dict]) -> list[dict]:
    """Counts by desa and result (the XLSX sheet ``ringkasan``)."""
    by_desa: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        c = by_desa[row["kode_wilayah"]]
        c["households"] += 1
        c[{"1": "layak", "2": "tidak_layak"}.get(row["hasil"], "tanpa_hasil")] += 1
        c["eligibility_changed"] += row["eligibility_changed"]
        c["approved"] += row["state"] in review.PASSED_FIRST_LEVEL
    return [
        {
            "kode_wilayah": k,
            "desa": wilayah.lookup(k) or "",
            **{n: c[n] for n in SUMMARY_COLUMNS[2:]},
        }
        for k, c in sorted(by_desa.items())
    ]


def write_results(rows: list[dict], fmt: str, out: BinaryIO) -> None:
    """Write rows as CSV (UTF-8, header row) or XLSX (sheets ``hasil`` and ``ringkasan``)."""
    if fmt == "csv":
        text = io.TextIOWrapper(out, encoding="utf-8", newline="")
        w = csv.writer(text)
        w.writerow(COLUMNS)
        w.writerows([_text(row[c]) for c in COLUMNS] for row in rows)
        text.flush()
        text.detach()
    elif fmt == "xlsx":
        _write_xlsx(rows, out)
    else:
        raise UsageError(f"format {fmt!r}: use csv or xlsx", field="format")


def _write_xlsx(rows: list[dict], out: BinaryIO) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("hasil")
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([_cell(c, row[c]) for c in COLUMNS])
    sums = book.create_sheet("ringkasan")
    sums.append(SUMMARY_COLUMNS)
    for s in summary(rows):
        sums.append([s[c] for c in SUMMARY_COLUMNS])
    book.save(out)


def _text(value) -> str:
    return "" if value is None else str(value)


def _cell(column: str, value):
    """Choice codes as numbers, identifiers as text (16 digits survive), nothing as empty."""
    if value is None or value == "":
        return None
    if column in CODE_COLUMNS and isinstance(value, str) and value.isdigit():
        return int(value)
    return value


def export_file(
    engine: Engine, round_: str, out: Path, scopes: list[str] | None = None, verified_only=False
) -> int:
    """Write a round's results to out (.csv or .xlsx by its suffix); return the row count."""
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UsageError(f"{out}: the file name must end in .csv or .xlsx")
    with engine.connect() as conn:
        if not scopes and not rounds.round_scopes(conn, round_):
            raise UsageError(f"round {round_} has no assignments")
        rows = result_rows(conn, round_, scopes, verified_only)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open_private(out) as f:
        write_results(rows, fmt, f)
    return len(rows)
