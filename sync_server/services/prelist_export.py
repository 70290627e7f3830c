"""The next round's pre-list from the data of record: the newest established values of each
household (and its active members) under a scope, written as docs/prelist-format.md.

Importing the file (``sync-server import-prelist``) into the server it came from changes
nothing while the households still hold their established values.

    n = export_prelist(engine, Path("prelist-2026-12"), scopes=["3204"])
"""

import csv
from pathlib import Path

from sqlalchemy import Engine, and_, func, or_, select

from dtks.prelist import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, format_row
from dtks.private_files import open_private
from sync_server.db import jsontext
from sync_server.db.tables import established
from sync_server.scopes import scope_range
from sync_server.services.prelist_import import HOUSEHOLDS_FILE, MEMBERS_FILE

ACTIVE = "active"


def records(engine: Engine, scopes: list[str] | None = None, round_: str | None = None):
    """The newest established content of each household (under scopes, of a round), by id."""
    newest = select(func.max(established.c.id)).group_by(established.c.household_id)
    if round_:
        newest = newest.where(established.c.round == round_)
    q = select(established).where(established.c.id.in_(newest))
    if scopes:
        q = q.where(_under(scopes))
    with engine.connect() as conn:
        rows = conn.execute(q.order_by(established.c.household_id)).all()
    return [jsontext.loads(r.content) for r in rows]


def _under(scopes: list[str]):
    """A SQL condition: the record's kode_wilayah lies under one of the scopes."""
    return or_(
        *(
            and_(established.c.kode_wilayah >= lo, established.c.kode_wilayah < hi)
            for lo, hi in map(scope_range, scopes)
        )
    )


def export_prelist(
    engine: Engine, out_dir: Path, scopes: list[str] | None = None, round_: str | None = None
) -> tuple[int, int]:
    """Write households.csv and members.csv of the records; return (households, members)."""
    found = records(engine, scopes, round_)
    out_dir.mkdir(parents=True, exist_ok=True)
    members = 0
    with (
        open_private(out_dir / HOUSEHOLDS_FILE, "w", newline="", encoding="utf-8") as hf,
        open_private(out_dir / MEMBERS_FILE, "w", newline="", encoding="utf-8") as mf,
    ):
        hw, mw = csv.writer(hf, lineterminator="\n"), csv.writer(mf, lineterminator="\n")
        hw.writerow(HOUSEHOLD_COLUMNS)
        mw.writerow(MEMBER_COLUMNS)
        for h in found:
            hw.writerow(
                format_row(HOUSEHOLD_COLUMNS, {**h["values"], "household_id": h["household_id"]})
            )
            for m in h.get("members") or []:
                if m.get("status", ACTIVE) != ACTIVE:
                    continue  # a removed member (meninggal, pindah) is not on the next list
                row = {
                    **m["values"],
                    "member_id": m["member_id"],
                    "household_id": h["household_id"],
                }
                mw.writerow(format_row(MEMBER_COLUMNS, row))
                members += 1
    return len(found), members
