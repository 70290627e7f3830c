"""Visit integrity on the server: the indicators of dtks.integrity run over a desa's latest
field verifications, their findings stored with evidence, one ``integrity`` flag per household.

A push that stores a finalized verification refreshes the desas it touched (after the push
has committed, so a failure here never refuses field data); a reviewer or supervisor may
refresh a scope (``POST /integrity/refresh``). Each refresh replaces the findings of the
desas it reads: a sign that went away (the other household's photo was replaced) clears the
flag. The flag informs and never blocks (dtks.review).

    refresh_desas(conn, ["3204122002"])
    evidence(conn, user, "3204122002000123")
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, update

from dtks import integrity, review, wilayah
from dtks.integrity import PhotoFacts, Point, VisitFacts
from dtks.model import ChangeSet
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.engine import lock_items, write_transaction
from sync_server.db.tables import (
    flags,
    households,
    integrity_findings,
    members,
    photos,
    users,
    verification_photos,
    verifications,
)
from sync_server.errors import Forbidden, InvalidContent
from sync_server.roles import can
from sync_server.services import rounds
from sync_server.services.access import readable_household
from sync_server.services.household_store import chunks
from sync_server.services.review_queue import reviewer_scopes
from sync_server.services.users import User

log = logging.getLogger(__name__)
ACTION = "read_household"
"""Who reads and refreshes integrity evidence: supervisors, reviewers and admins."""
DESA_DIGITS = 10
MAX_PHOTO_DESAS = 20
"""Desas read beside a refreshed one because they share a photo with it (by sha256)."""
MAX_DESAS = 500
"""Desas one refresh request reads at most (a kabupaten has ~300): the rest are left."""


# --- what the indicators read ------------------------------------------------------------


def _latest_field_rows(conn: Connection, desas: list[str], only: str | None = None) -> list:
    """The latest finalized field (not PAPI) verification of each live household of desas
    (of one household with ``only``)."""
    newest = (
        select(func.max(verifications.c.id))
        .join(households, households.c.household_id == verifications.c.household_id)
        .where(
            households.c.kode_wilayah.in_(desas),
            households.c.deleted.is_(False),
            verifications.c.status == "finalized",
            or_(verifications.c.mode.is_(None), verifications.c.mode != "PAPI"),
        )
        .group_by(verifications.c.household_id)
    )
    if only is not None:
        newest = newest.where(verifications.c.household_id == only)
    q = (
        select(
            verifications,
            households.c.kode_wilayah,
            users.c.username,
        )
        .join(households, households.c.household_id == verifications.c.household_id)
        .join(users, users.c.id == verifications.c.user_id)
        .where(verifications.c.id.in_(newest))
    )
    return conn.execute(q).all()


def _member_counts(conn: Connection, ids: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in chunks(ids):
        q = (
            select(members.c.household_id, func.count())
            .where(members.c.household_id.in_(part), members.c.status == "active")
            .group_by(members.c.household_id)
        )
        out.update({hid: n for hid, n in conn.execute(q).all()})
    return out


def _photo_hashes(conn: Connection, shas: set[str]) -> dict[str, tuple]:
    out = {}
    for part in chunks(sorted(shas)):
        q = select(photos.c.sha256, photos.c.dhash, photos.c.ahash).where(photos.c.sha256.in_(part))
        out.update({r.sha256: (r.dhash, r.ahash) for r in conn.execute(q)})
    return out


def _time(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def _summary(text: str | None) -> integrity.ParadataSummary | None:
    if not text:
        return None
    try:
        return integrity.summarise(jsontext.loads(text))
    except (KeyError, TypeError, ValueError, IndexError):
        return None  # stored before a change of encoding: the clock times still count


def _paradata(text: str | None) -> integrity.Paradata | None:
    if not text:
        return None
    try:
        return integrity.from_json(jsontext.loads(text))
    except integrity.ParadataError:
        return None


def _photo_facts(shas: list[str], summary, server_hashes: dict) -> tuple[PhotoFacts, ...]:
    """Each photo with the server's hashes (made at upload; the client's from the paradata
    when the server has none) and the EXIF time the client recorded at capture."""
    client = summary.photos if summary else {}
    out = []
    for sha in dict.fromkeys(shas):
        event = client.get(sha)
        dhash, ahash = server_hashes.get(sha, (None, None))
        taken = None
        if event is not None:
            dhash, ahash = dhash or event.dhash, ahash or event.ahash
            if event.exif_at is not None:
                taken = summary.t0 + timedelta(seconds=event.exif_at)
        out.append(PhotoFacts(sha, dhash, ahash, taken))
    return tuple(out)


def visit_facts(
    conn: Connection, desas: list[str], only: str | None = None
) -> tuple[list[VisitFacts], dict[str, int]]:
    """The visits of desas as dtks.integrity reads them, and {household_id: user id}; with
    ``only``, that household's with its whole paradata (for its timeline)."""
    rows = _latest_field_rows(conn, desas, only)
    ids = [r.household_id for r in rows]
    counts = _member_counts(conn, ids)
    shas = {sha for r in rows for sha in jsontext.loads(r.photos) or []}
    hashes = _photo_hashes(conn, shas)
    out, user_ids = [], {}
    for r in rows:
        gps = jsontext.loads(r.gps) if r.gps else None
        point = Point(gps["lat"], gps["lon"], gps.get("accuracy_m")) if gps else None
        summary = _summary(r.paradata)
        answers = jsontext.loads(r.answers)
        out.append(
            VisitFacts(
                household_id=r.household_id,
                enumerator=r.username,
                kode_wilayah=r.kode_wilayah,
                started_at=_time(r.started_at),
                finished_at=_time(r.finished_at),
                members=counts.get(r.household_id, 0),
                answers=integrity.count_answers(answers),
                point=point,
                photos=_photo_facts(jsontext.loads(r.photos) or [], summary, hashes),
                mode=r.mode or "CAPI",
                summary=summary,
                paradata=_paradata(r.paradata) if only else None,
            )
        )
        user_ids[r.household_id] = r.user_id
    return out, user_ids


def prelist_points(conn: Connection, desas: list[str]) -> dict[str, list[Point]]:
    """Pre-list coordinates of the desas' households (lat/lon columns), for their extents."""
    out: dict[str, list[Point]] = defaultdict(list)
    q = select(households.c.kode_wilayah, households.c["values"]).where(
        households.c.kode_wilayah.in_(desas), households.c.deleted.is_(False)
    )
    for kode, text in conn.execute(q):
        values = jsontext.loads(text)
        lat, lon = values.get("lat"), values.get("lon")
        if isinstance(lat, int | float) and isinstance(lon, int | float):
            out[kode].append(Point(float(lat), float(lon)))
    return out


# --- refresh -----------------------------------------------------------------------------


def photo_neighbours(conn: Connection, desas: list[str]) -> set[str]:
    """Other desas whose households' verifications name a photo (the same sha256) that a
    verification of desas names: read together, the same photo in two desas is found."""
    mine, theirs = verification_photos.alias("mine"), verification_photos.alias("theirs")
    v1, v2 = verifications.alias("v1"), verifications.alias("v2")
    h1, h2 = households.alias("h1"), households.alias("h2")
    q = (
        select(h2.c.kode_wilayah)
        .distinct()
        .select_from(mine)
        .join(v1, v1.c.id == mine.c.verification_id)
        .join(h1, h1.c.household_id == v1.c.household_id)
        .join(theirs, theirs.c.sha256 == mine.c.sha256)
        .join(v2, v2.c.id == theirs.c.verification_id)
        .join(h2, h2.c.household_id == v2.c.household_id)
        .where(h1.c.kode_wilayah.in_(desas), h2.c.kode_wilayah.not_in(desas))
        .limit(MAX_PHOTO_DESAS)
    )
    return set(conn.execute(q).scalars())


def refresh_desas(conn: Connection, desas) -> dict:
    """Run the indicators over each desa (with the desas it shares a photo with) and store
    findings and flags; {desas, households, flagged}."""
    desas = sorted(set(desas))
    if not desas:
        return {"households": 0, "flagged": 0, "desas": 0}
    desas = sorted(set(desas) | photo_neighbours(conn, desas))
    lock_items(conn, "integrity", desas)
    visits, user_ids = visit_facts(conn, desas)
    extents = integrity.extents_from_visits(visits, prelist_points(conn, desas))
    found = integrity.analyse(visits, extents)
    kode = {v.household_id: v.kode_wilayah for v in visits}
    now = clock.now()
    conn.execute(delete(integrity_findings).where(integrity_findings.c.kode_wilayah.in_(desas)))
    rows = [
        {
            "household_id": f.household_id,
            "kode_wilayah": kode[f.household_id],
            "user_id": user_ids.get(f.household_id),
            "indicator": f.indicator,
            "message": f.message,
            "evidence": jsontext.dumps(f.evidence),
            "computed_at": now,
        }
        for f in found
    ]
    if rows:
        conn.execute(insert(integrity_findings), rows)
    by_household: dict[str, list] = defaultdict(list)
    for f in found:
        by_household[f.household_id].append(f)
    _set_flags(conn, desas, by_household, now)
    return {"households": len(visits), "flagged": len(by_household), "desas": len(desas)}


def _set_flags(conn: Connection, desas: list[str], found: dict[str, list], now: str) -> None:
    """One open integrity flag per household with findings (detail updated), none for others."""
    in_desas = select(households.c.household_id).where(households.c.kode_wilayah.in_(desas))
    open_rows = conn.execute(
        select(flags.c.id, flags.c.household_id).where(
            flags.c.kind == review.FLAG_INTEGRITY,
            flags.c.cleared_at.is_(None),
            flags.c.household_id.in_(in_desas),
        )
    ).all()
    open_by = {r.household_id: r.id for r in open_rows}
    for hid, items in found.items():
        detail = integrity.summary(items)
        if hid in open_by:
            conn.execute(update(flags).where(flags.c.id == open_by[hid]).values(detail=detail))
        else:
            conn.execute(
                insert(flags).values(
                    household_id=hid, kind=review.FLAG_INTEGRITY, detail=detail, created_at=now
                )
            )
    gone = [fid for hid, fid in open_by.items() if hid not in found]
    if gone:
        conn.execute(update(flags).where(flags.c.id.in_(gone)).values(cleared_at=now))


def after_push(engine: Engine, changeset: ChangeSet) -> None:
    """Refresh the desas of a pushed change-set's finalized verifications, in a transaction of
    its own after the push committed; a failure is logged, the push stands."""
    ids = [
        h.household_id
        for h in changeset.households
        if h.verification is not None and h.verification.status == "finalized"
    ]
    if not ids or changeset.mode == "PAPI":
        return
    try:
        with write_transaction(engine, shared=True) as conn:
            desas = set()
            for part in chunks(ids):
                desas.update(
                    conn.execute(
                        select(households.c.kode_wilayah).where(households.c.household_id.in_(part))
                    ).scalars()
                )
            refresh_desas(conn, desas)
    except Exception:  # noqa: BLE001 - integrity is evidence for later; the push is stored
        log.exception("integrity refresh after change-set %s failed", changeset.changeset_id)


def refresh_scope(engine: Engine, user: User, scope: str | None) -> dict:
    """POST /integrity/refresh: recompute the desas under a scope of the user's."""
    with write_transaction(engine, shared=True) as conn:
        scopes = reviewer_scopes(user, scope, ACTION)
        desas = conn.execute(
            select(households.c.kode_wilayah)
            .distinct()
            .where(rounds.under(scopes))
            .order_by(households.c.kode_wilayah)
            .limit(MAX_DESAS)
        ).scalars()
        return refresh_desas(conn, list(desas))


# --- reading the evidence ----------------------------------------------------------------


def _findings(conn: Connection, where) -> list:
    q = (
        select(integrity_findings, users.c.username)
        .outerjoin(users, users.c.id == integrity_findings.c.user_id)
        .where(where)
        .order_by(integrity_findings.c.household_id, integrity_findings.c.id)
    )
    return conn.execute(q).all()


def _finding(r) -> dict:
    return {
        "indicator": r.indicator,
        "message": r.message,
        "evidence": jsontext.loads(r.evidence),
        "computed_at": r.computed_at,
    }


def evidence(conn: Connection, user: User, household_id: str) -> dict:
    """GET /integrity/households/{id}: findings, the interview timeline and its facts."""
    if not can(user.role, ACTION):
        raise Forbidden(f"role {user.role} cannot read integrity evidence")
    row = readable_household(conn, user, household_id)
    found = _findings(conn, integrity_findings.c.household_id == household_id)
    visits, _ = visit_facts(conn, [row.kode_wilayah], only=household_id)
    visit = visits[0] if visits else None
    return {
        "household_id": household_id,
        "kode_wilayah": row.kode_wilayah,
        "findings": [_finding(r) for r in found],
        "visit": _visit_json(visit),
        "timeline": integrity.timeline(visit.paradata) if visit and visit.paradata else [],
        "related": sorted(
            {h for r in found for h in _related(jsontext.loads(r.evidence))} - {household_id}
        ),
    }


def _related(evidence: dict) -> list[str]:
    """The other households a finding names (the photo's, the sitting's, the cluster's)."""
    out = []
    if evidence.get("other_household_id"):
        out.append(evidence["other_household_id"])
    out += [o["household_id"] for o in evidence.get("others", [])]
    out += evidence.get("households", [])
    return out


def _visit_json(v: VisitFacts | None) -> dict | None:
    if v is None:
        return None
    seconds = integrity.interview_seconds(v)
    return {
        "enumerator": v.enumerator,
        "started_at": v.started_at.isoformat() if v.started_at else None,
        "finished_at": v.finished_at.isoformat() if v.finished_at else None,
        "interview_seconds": seconds,
        "minimum_seconds": integrity.minimum_seconds(v.members, v.answers),
        "members": v.members,
        "answers": v.answers,
        "gps": None if v.point is None else {"lat": v.point.lat, "lon": v.point.lon},
        "photos": [
            {
                "sha256": p.sha256,
                "dhash": p.dhash,
                "ahash": p.ahash,
                "taken_at": p.taken_at.isoformat() if p.taken_at else None,
            }
            for p in v.photos
        ],
        "paradata_events": len(v.paradata.events) if v.paradata else 0,
    }


def points(conn: Connection, user: User, desa: str) -> dict:
    """GET /integrity/points: a desa's households' GPS points (latest field verification, else
    the pre-list's) with whether each is flagged, and the desa's extent, for an offline map."""
    desa_code = reviewer_scopes(user, desa, ACTION)[0]
    if len(desa_code) != DESA_DIGITS:
        raise InvalidContent(
            f"scope {desa}: the map is of one desa, a kode wilayah of {DESA_DIGITS} digits",
            field="scope",
        )
    visits, _ = visit_facts(conn, [desa_code])
    gps = {v.household_id: v.point for v in visits if v.point is not None}
    flagged = {
        r.household_id: r.detail
        for r in conn.execute(
            select(flags.c.household_id, flags.c.detail).where(
                flags.c.kind == review.FLAG_INTEGRITY, flags.c.cleared_at.is_(None)
            )
            .join(households, households.c.household_id == flags.c.household_id)
            .where(households.c.kode_wilayah == desa_code)
        )
    }  # fmt: skip
    signs: dict[str, set] = defaultdict(set)
    for hid, indicator in conn.execute(
        select(integrity_findings.c.household_id, integrity_findings.c.indicator).where(
            integrity_findings.c.kode_wilayah == desa_code
        )
    ):
        signs[hid].add(indicator)
    out = []
    q = select(households.c.household_id, households.c["values"]).where(
        households.c.kode_wilayah == desa_code, households.c.deleted.is_(False)
    )
    for hid, text in conn.execute(q.order_by(households.c.household_id)):
        values = jsontext.loads(text)
        point, source = gps.get(hid), "verification"
        if point is None and isinstance(values.get("lat"), int | float):
            point, source = Point(values["lat"], values["lon"]), "prelist"
        if point is None:
            continue
        out.append(
            {
                "household_id": hid,
                "nama_krt": values.get("nama_krt"),
                "lat": point.lat,
                "lon": point.lon,
                "source": source,
                "flagged": hid in flagged,
                "detail": flagged.get(hid),
                "indicators": sorted(signs.get(hid, ())),
            }
        )
    extent = integrity.DesaExtent.from_points(desa_code, [Point(p["lat"], p["lon"]) for p in out])
    return {
        "kode_wilayah": desa_code,
        "desa": wilayah.lookup(desa_code),
        "points": out,
        "extent": None
        if extent is None
        else {
            "south": extent.south,
            "west": extent.west,
            "north": extent.north,
            "east": extent.east,
            "centre": {"lat": extent.centre.lat, "lon": extent.centre.lon},
            "radius_m": round(extent.radius_m),
            "source": extent.source,
        },
    }


def enumerators(conn: Connection, user: User, scope: str | None, round_: str | None) -> dict:
    """GET /integrity/enumerators: per enumerator, verifications read and households flagged,
    by indicator, within a scope (and round) of the user's."""
    scopes = reviewer_scopes(user, scope, ACTION)
    where = and_(households.c.deleted.is_(False), rounds.under(scopes))
    counted = (
        select(users.c.username, func.count(func.distinct(verifications.c.household_id)))
        .join(verifications, verifications.c.user_id == users.c.id)
        .join(households, households.c.household_id == verifications.c.household_id)
        .where(
            where,
            verifications.c.status == "finalized",
            or_(verifications.c.mode.is_(None), verifications.c.mode != "PAPI"),
        )
        .group_by(users.c.username)
    )
    if round_:
        counted = counted.where(verifications.c.round == round_)
    totals = dict(conn.execute(counted).all())
    found = (
        select(users.c.username, integrity_findings.c.indicator, integrity_findings.c.household_id)
        .join(users, users.c.id == integrity_findings.c.user_id)
        .join(households, households.c.household_id == integrity_findings.c.household_id)
        .where(where)
    )
    by_user: dict[str, dict] = defaultdict(lambda: {"households": set(), "by": defaultdict(set)})
    for name, indicator, hid in conn.execute(found):
        by_user[name]["households"].add(hid)
        by_user[name]["by"][indicator].add(hid)
    out = []
    for name in sorted(set(totals) | set(by_user)):
        mine = by_user.get(name, {"households": set(), "by": {}})
        n = totals.get(name, 0)
        out.append(
            {
                "username": name,
                "verifications": n,
                "flagged_households": len(mine["households"]),
                "flagged_share": round(len(mine["households"]) / n, 3) if n else 0.0,
                "by_indicator": {k: len(v) for k, v in sorted(mine["by"].items())},
            }
        )
    out.sort(key=lambda e: (-e["flagged_share"], e["username"]))
    return {"scope": scope, "round": round_, "enumerators": out}
