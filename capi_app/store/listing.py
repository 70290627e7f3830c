"""Rows for the household list screen, with the text that search-as-you-type matches."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from capi_app.store.state import DELETED
from dtks import wilayah


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
    """Lower-case id, No KK, address and every member's name and NIK, for matching words."""
    anomalies: int = 0
    """Open anomalies of the worklist (dtks.anomalies), after the local edits."""
    tasks: tuple[str, ...] = ()
    """Kinds of the household's tasks (dtks.tasks)."""


def list_rows(db: Database) -> list[ListRow]:
    """Every household of the store that is not a bare tombstone, in id order (one query)."""
    sql = """
        SELECT h.household_id, h.nama_krt, h.no_kk, h.alamat, h.kode_wilayah, h.state,
               h.server_values, h.anomaly_count, h.tasks,
               (SELECT group_concat(coalesce(m.nama, '') || ' ' || coalesce(m.nik, ''), ' ')
                  FROM members m WHERE m.household_id = h.household_id) AS people
        FROM households h WHERE h.state != ? ORDER BY h.household_id"""
    rows = []
    for hid, head, kk, address, kode, state, server_values, count, tasks, people in db.execute(
        sql, [DELETED]
    ):
        values = json.loads(server_values or "{}")
        rt_rw = f"{values.get('rt') or '-'}/{values.get('rw') or '-'}"
        desa = (wilayah.lookup(kode) or kode or "") if kode else ""
        text = " ".join(str(x) for x in (hid, kk, address, head, people, desa) if x)
        kinds = tuple(t.get("kind", "") for t in json.loads(tasks or "[]"))
        rows.append(
            ListRow(
                hid,
                head or "",
                kk or "",
                address or "",
                rt_rw,
                desa,
                state,
                text.lower(),
                count,
                kinds,
            )  # fmt: skip
        )
    return rows
