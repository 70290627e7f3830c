"""Rows for the household list screen, with the text that search-as-you-type matches."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from capi_app.store.codec import load
from capi_app.store.state import DELETED
from dtks import moves, wilayah
from dtks.moves import MoveRecord


@dataclass(frozen=True)
class ListRow:
    """One household as the list shows it."""

    household_id: str
    head_name: str
    no_kk: str
    address: str
    rt_rw: str
    desa: str
    state: str
    search_text: str
    """Lower-case id, No KK, address, every member's name and NIK and the tasks' ids (a
    request's reference number), for matching words."""
    anomalies: int = 0
    """Open anomalies of the worklist (dtks.anomalies), after the local edits."""
    tasks: tuple[str, ...] = ()
    """Kinds of the household's tasks (dtks.tasks)."""
    refused_move: MoveRecord | None = None
    """Its latest move, when the receiving reviewer refused it (dtks.moves.refused)."""


def list_rows(db: Database) -> list[ListRow]:
    """Every household of the store that is not a bare tombstone, in id order (one query).

    SQLite reads RT/RW and the task kinds out of their JSON and joins the search text; each
    desa's name is looked up once: no JSON is decoded in Python and the kode wilayah table is
    asked once per desa, not once per household (bench/bench_main_window.py); only the few
    households that have moves have their moves decoded."""
    sql = """
        SELECT h.household_id, h.nama_krt, h.no_kk, h.alamat, h.kode_wilayah, h.state,
               json_extract(h.server_values, '$.rt'), json_extract(h.server_values, '$.rw'),
               h.anomaly_count,
               (SELECT group_concat(coalesce(json_extract(t.value, '$.kind'), ''), char(31))
                  FROM json_each(h.tasks) t),
               CASE WHEN h.moves != '[]' THEN h.moves END,
               json_extract(h.server_values, '$.kode_wilayah'),
               substr(coalesce(' ' || nullif(h.household_id, ''), '')
                      || coalesce(' ' || nullif(h.no_kk, ''), '')
                      || coalesce(' ' || nullif(h.alamat, ''), '')
                      || coalesce(' ' || nullif(h.nama_krt, ''), '')
                      || coalesce(' ' || nullif(
                           (SELECT group_concat(coalesce(m.nama, '') || ' '
                                                || coalesce(m.nik, ''), ' ')
                              FROM members m WHERE m.household_id = h.household_id), ''), '')
                      || coalesce(' ' || nullif(
                           (SELECT group_concat(coalesce(json_extract(t.value, '$.id'), ''), ' ')
                              FROM json_each(h.tasks) t), ''), ''), 2)
        FROM households h WHERE h.state != ? ORDER BY h.household_id"""
    rows, desa_names = [], {}
    for row in db.execute(sql, [DELETED]):
        hid, head, kk, address, kode, state, rt, rw, count, kinds, moved, server_kode, text = row
        desa = desa_names.get(kode)
        if desa is None:
            desa = desa_names[kode] = (wilayah.lookup(kode) or kode) if kode else ""
        rows.append(
            ListRow(
                hid,
                head or "",
                kk or "",
                address or "",
                f"{rt or '-'}/{rw or '-'}",
                desa,
                state,
                (f"{text} {desa}" if text and desa else text or desa).lower(),
                count,
                tuple(kinds.split("\x1f")) if kinds is not None else (),
                _refused(moved, server_kode) if moved else None,
            )  # fmt: skip
        )
    return rows


def _refused(moved: str, server_kode) -> MoveRecord | None:
    return moves.refused([MoveRecord.from_json(m) for m in load(moved, [])], server_kode)
