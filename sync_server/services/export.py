"""Export a round's results: one CSV row per household in the round's assignment scopes."""

import csv
from pathlib import Path

from sqlalchemy import Engine, and_, func, or_, select

from dtks.prelist import HOUSEHOLD_COLUMNS
from sync_server.db import jsontext
from sync_server.db.tables import assignments, conflicts, flags, households, users, verifications
from sync_server.errors import UsageError
from sync_server.scopes import scope_range

EXTRA = [
    "version",
    "state",
    "review_note",
    "proposed",
    "open_conflicts",
    "open_flags",
    "verified_by",
    "verification_status",
    "verification_result",
    "verification_finished_at",
    "verifications",
    "gps_lat",
    "gps_lon",
    "gps_source",
    "photos",
]


def export_round(engine: Engine, round_: str, out: Path) -> int:
    """Write the round's households to out (CSV, UTF-8); return the number of rows."""
    with engine.connect() as conn:
        scopes = sorted(
            set(
                conn.execute(
                    select(assignments.c.scope).where(assignments.c.round == round_)
                ).scalars()
            )
        )
        if not scopes:
            raise UsageError(f"round {round_} has no assignments")
        conds = [
            and_(households.c.kode_wilayah >= lo, households.c.kode_wilayah < hi)
            for lo, hi in map(scope_range, scopes)
        ]
        rows = conn.execute(
            select(households).where(or_(*conds)).order_by(households.c.household_id)
        ).all()
        latest = _latest_verifications(conn, round_)
        counts = dict(
            conn.execute(
                select(conflicts.c.household_id, func.count())
                .where(conflicts.c.resolved_at.is_(None))
                .group_by(conflicts.c.household_id)
            ).all()
        )
        open_flags: dict[str, set] = {}
        for f in conn.execute(
            select(flags.c.household_id, flags.c.kind).where(flags.c.cleared_at.is_(None))
        ):
            open_flags.setdefault(f.household_id, set()).add(f.kind)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(list(HOUSEHOLD_COLUMNS) + EXTRA)
        for r in rows:
            values = jsontext.loads(r.values)
            v, n = latest.get(r.household_id, (None, 0))
            gps = jsontext.loads(v.gps) if v is not None and v.gps else {}
            w.writerow(
                [
                    r.household_id if c == "household_id" else _cell(values.get(c))
                    for c in HOUSEHOLD_COLUMNS
                ]
                + [
                    r.version,
                    r.state,
                    r.review_note or "",
                    int(r.proposed),
                    counts.get(r.household_id, 0),
                    " ".join(sorted(open_flags.get(r.household_id, ()))),
                    v.username if v is not None else "",
                    v.status if v is not None else "",
                    v.result or "" if v is not None else "",
                    v.finished_at or "" if v is not None else "",
                    n,
                    gps.get("lat", ""),
                    gps.get("lon", ""),
                    gps.get("source", ""),
                    " ".join(jsontext.loads(v.photos)) if v is not None else "",
                ]
            )
    return len(rows)


def _cell(value) -> str:
    return "" if value is None else str(value)


def _latest_verifications(conn, round_) -> dict:
    out = {}
    q = (
        select(verifications, users.c.username)
        .join(users, users.c.id == verifications.c.user_id)
        .where(verifications.c.round == round_)
        .order_by(verifications.c.id)
    )
    for v in conn.execute(q):
        _, n = out.get(v.household_id, (None, 0))
        out[v.household_id] = (v, n + 1)
    return out
