"""The data of the documents the client renders: BNBA list and pengesahan draft (JSON).

report = bnba(conn, user, "2026-11", "32.04.12.2002")
"""

from collections import Counter

from sqlalchemy import Connection

from dtks import findings, markings, review, wilayah
from sync_server import clock
from sync_server.errors import InvalidContent
from sync_server.services import citizen_requests
from sync_server.services.exports import result_rows
from sync_server.services.review_queue import reviewer_scopes
from sync_server.services.users import User

HOUSEHOLD_KEYS = [
    "household_id",
    "kode_wilayah",
    "desa",
    "kecamatan",
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
    "state",
    "disabilitas",
    "hamil",
    "meninggal",
    "markings",
]
REQUEST_KEYS = ["requests", "temuan_hasil", "temuan_alasan"]
"""Added after submissions froze their rows: a frozen row without them has none."""


def bnba(conn: Connection, user: User, round_: str, scope: str | None) -> dict:
    """The BNBA JSON of docs/review-api.md for one scope (yours, if you have only one)."""
    scopes = reviewer_scopes(user, scope, "export")
    if len(scopes) != 1:
        raise InvalidContent("give scope: you review more than one wilayah", field="scope")
    (code,) = scopes
    asked = citizen_requests.counts(conn, scopes, round_)
    return document(round_, code, result_rows(conn, round_, scopes), asked)


def document(round_: str, code: str, rows: list[dict], requests=None) -> dict:
    """The BNBA JSON of result rows (exports.result_rows) of one round and wilayah.

    requests: the request counts of the wilayah (citizen_requests.counts, which sees requests
    not visited yet); without them (a submission's frozen rows) they are counted from rows."""
    entries = [_entry(r) for r in rows]
    tally = requests or findings.tally(
        (kind.split(":", 1)[0], e["temuan_hasil"] or None)
        for e in entries
        for kind in e["requests"].split()
    )
    return {
        "round": round_,
        "scope": code,
        "scope_name": wilayah.lookup(code),
        "level": wilayah.LEVELS.get(len(code), 0),  # 0: the whole country
        "parents": [
            {"code": code[:n], "name": wilayah.lookup(code[:n])}
            for n in wilayah.PREFIX_LENGTHS
            if n < len(code)
        ],
        "generated_at": clock.now(),
        "households": entries,
        "counts": counts(entries) | {"requests": tally},
        "requests_line": findings.line(tally),
        "eligibility_changes": [e for e in entries if e["eligibility_changed"]],
    }


def _entry(row: dict) -> dict:
    out = {k: row[k] for k in HOUSEHOLD_KEYS} | {k: row.get(k) or "" for k in REQUEST_KEYS}
    out["eligibility_changed"] = bool(row["eligibility_changed"])
    out["approved"] = row["state"] in review.PASSED_FIRST_LEVEL
    return out


def counts(entries: list[dict]) -> dict:
    """Households, by status_rt, by hasil ('1', '2', '' for none), approved, eligibility changes."""
    by_hasil = Counter({"1": 0, "2": 0, "": 0})
    by_hasil.update(e["hasil"] or "" for e in entries)
    return {
        "households": len(entries),
        "by_status_rt": dict(Counter(e["status_rt"] or "" for e in entries)),
        "by_hasil": dict(by_hasil),
        "approved": sum(e["approved"] for e in entries),
        "eligibility_changed": sum(e["eligibility_changed"] for e in entries),
        "markings": {k: sum(e.get(k) or 0 for e in entries) for k in markings.KINDS},
    }
