"""Report dicts in the shape of GET /api/v1/reports/bnba, made from dtks.sample pre-lists."""

from __future__ import annotations

from collections import Counter

from dtks import wilayah
from dtks.sample import generate

ROUND = "2026-11"
# (status_rt, hasil, alasan) by household index modulo 20: mostly found and eligible, some
# not eligible, some not found / moved / deceased / duplicate, one without a result yet.
OUTCOMES = {
    3: ("1", "2", "1"),
    7: ("2", "2", "2"),
    11: ("3", "2", "3"),
    13: ("1", "2", "1"),
    16: ("4", "2", "4"),
    18: ("6", "2", "6"),
    19: ("1", "", ""),
}


def make_report(households: int, scope: str, seed: int = 1, *, names: dict | None = None) -> dict:
    """A report of `households` sample households under scope (dotted or plain)."""
    plain = scope.replace(".", "")
    rows, members = generate(households, scope, seed=seed)
    heads = {m["household_id"]: m["nik"] for m in members if m["hubungan"] == "1"}
    entries = [_entry(i, row, heads[row["household_id"]]) for i, row in enumerate(rows)]
    for hh in entries:
        if names and hh["household_id"] in names:
            hh["nama_krt"] = names[hh["household_id"]]
    return {
        "round": ROUND,
        "scope": plain,
        "scope_name": wilayah.lookup(plain),
        "level": wilayah.LEVELS[len(plain)],
        "parents": [
            {"code": plain[:n], "name": wilayah.lookup(plain[:n])}
            for n in wilayah.PREFIX_LENGTHS
            if n < len(plain)
        ],
        "generated_at": "2026-11-20T10:00:00+07:00",
        "households": entries,
        "counts": counts(entries),
        "eligibility_changes": [hh for hh in entries if hh["eligibility_changed"]],
    }


def _entry(i: int, row: dict, nik: str) -> dict:
    status, hasil, alasan = OUTCOMES.get(i % 20, ("1", "1", ""))
    code = row["kode_wilayah"]
    return {
        "household_id": row["household_id"],
        "kode_wilayah": code,
        "desa": wilayah.lookup(code),
        "kecamatan": wilayah.lookup(code[:6]),
        "alamat": row["alamat"],
        "rt": row["rt"],
        "rw": row["rw"],
        "no_kk": row["no_kk"],
        "nama_krt": row["nama_krt"],
        "nik_krt": nik,
        "jumlah_art": int(row["jumlah_art"]),
        "status_rt": status,
        "hasil": hasil,
        "alasan": alasan,
        "eligibility_changed": hasil == "2" or status != "1",
        "state": "approved" if i % 9 else "submitted",
        "approved": bool(i % 9),
    }


def counts(entries: list[dict]) -> dict:
    """The report's counts block for these entries."""
    return {
        "households": len(entries),
        "by_status_rt": dict(Counter(hh["status_rt"] for hh in entries)),
        "by_hasil": dict(Counter(hh["hasil"] for hh in entries)),
        "approved": sum(hh["approved"] for hh in entries),
        "eligibility_changed": sum(hh["eligibility_changed"] for hh in entries),
    }
