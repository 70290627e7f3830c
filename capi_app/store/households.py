"""Pulled households and members: upsert pages, tombstones, effective values, search index."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlite_utils import Database

from capi_app.store import search, state, worklist
from capi_app.store.codec import dump, load, now_iso, parse_time
from capi_app.store.errors import UnknownHousehold
from capi_app.store.views import HouseholdSummary, HouseholdView, MemberView, PendingField
from dtks import integrity, review
from dtks.integrity import Paradata
from dtks.model import Gps, Household, Papi, ReviewInfo, Verification
from dtks.moves import MoveRecord

_HOUSEHOLD_SEARCH = ("no_kk", "nama_krt", "alamat", "kode_wilayah")


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _ids_in(db: Database, sql: str, ids: list[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        out |= {r[0] for r in db.execute(sql.format(marks), chunk * sql.count("{0}"))}
    return out


def households_with_pending(db: Database, ids: list[str]) -> set[str]:
    """Which of these households hold local edits (fields or members) not yet acknowledged."""
    return _ids_in(
        db,
        """SELECT household_id FROM pending_fields WHERE household_id IN ({0})
           UNION SELECT household_id FROM pending_members WHERE household_id IN ({0})""",
        ids,
    )


def _existing(db: Database, ids: list[str]) -> dict[str, tuple]:
    out: dict[str, tuple] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            f"""SELECT h.household_id, h.review_state, h.review_note, h.sync_state, h.dirty,
                       v.status, EXISTS (SELECT 1 FROM changeset_households ch
                            JOIN changesets c USING (changeset_id)
                            WHERE ch.household_id = h.household_id AND c.state = 'pending')
                FROM households h LEFT JOIN verifications v USING (household_id)
                WHERE h.household_id IN ({marks})""",
            chunk,
        ):
            out[row[0]] = row[1:]
    return out


def upsert_pulled(db: Database, households: list[Household], assignment_id: int | None) -> None:
    """Store a page of pulled households; never touches a pending local edit (call inside write())."""
    _follow_replacements(db, households)
    ids = [h.household_id for h in households]
    existing = _existing(db, ids)
    pending = households_with_pending(db, ids) if existing else set()
    now = now_iso()
    member_rows: list[tuple] = []
    word_rows: list[tuple] = []
    for h in households:
        old = existing.get(h.household_id)
        if h.deleted:
            _tombstone(db, h, old, now)
            continue
        _upsert_household(db, h, old, assignment_id, now)
        if old is not None:
            _drop_stale_members(db, h)
            db.execute("DELETE FROM search_words WHERE household_id = ?", [h.household_id])
        if h.household_id in pending:
            _insert_members(db, _member_rows(h))
            _note_server_values(db, h)
            reindex_household(db, h.household_id)
            worklist.store_pulled(db, h, has_pending=True)
            continue
        worklist.store_pulled(db, h, has_pending=False)
        member_rows += _member_rows(h)
        word_rows += search.word_rows(
            h.household_id, "", (h.values.get("nama_krt"), h.values.get("alamat"))
        )
        for m in h.members:
            word_rows += search.word_rows(h.household_id, m.member_id, [m.values.get("nama")])
    _insert_members(db, member_rows)
    db.conn.executemany("INSERT OR IGNORE INTO search_words VALUES (?, ?, ?)", word_rows)


# An approved proposal (usulan baru) comes back under its permanent id with ``replaces`` = the
# UUID this device made; its members likewise. Tables that name households or members:
_HOUSEHOLD_TABLES = (
    "households", "members", "search_words", "pending_fields", "pending_members",
    "verifications", "photos", "changeset_households", "review_notes", "audit",
    "photo_households", "paradata",
)  # fmt: skip
_MEMBER_TABLES = ("members", "search_words", "pending_fields", "pending_members", "audit")


def _follow_replacements(db: Database, households: list[Household]) -> None:
    """Move each local proposal a pulled household replaces to the permanent id, first."""
    for h in households:
        old = h.replaces
        if h.deleted or not old or old == h.household_id:
            continue
        found = _ids_in(
            db,
            "SELECT household_id FROM households WHERE household_id IN ({0})",
            [old, h.household_id],
        )
        if found == {old}:
            renamed = {m.replaces: m.member_id for m in h.members if m.replaces}
            move_household(db, old, h.household_id, renamed)


def move_household(db: Database, old: str, new: str, members: dict[str, str]) -> None:
    """Rename a local household (and members old id -> new id) everywhere, the outbox too."""
    for table in _HOUSEHOLD_TABLES:
        db.execute(f"UPDATE {table} SET household_id = ? WHERE household_id = ?", [new, old])
    for before, after in members.items():
        for table in _MEMBER_TABLES:
            db.execute(f"UPDATE {table} SET member_id = ? WHERE member_id = ?", [after, before])
    db.execute("UPDATE households SET is_new = 0 WHERE household_id = ?", [new])
    # Pending change-sets were refused by the server under the old id (nothing stored), so
    # their payloads may be renamed under the same changeset_id.
    for cid, payload in db.execute(
        """SELECT c.changeset_id, c.payload FROM changesets c JOIN changeset_households ch
           USING (changeset_id) WHERE ch.household_id = ? AND c.state = 'pending'""",
        [new],
    ).fetchall():
        body = load(bytes(payload).decode("utf-8"))
        for entry in body.get("households", []):
            if entry.get("household_id") == old:
                entry["household_id"] = new
                for op in entry.get("members") or []:
                    op["member_id"] = members.get(op.get("member_id"), op.get("member_id"))
        db.execute(
            "UPDATE changesets SET payload = ? WHERE changeset_id = ?",
            [dump(body).encode("utf-8"), cid],
        )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _upsert_household(
    db: Database, h: Household, old: tuple | None, assignment_id: int | None, now: str
) -> None:
    review_state = h.review.state if h.review else None
    review_note = h.review.note if h.review else None
    sync_state = old[2] if old else None
    if sync_state == "in_review" and (
        review_state is None or review_state in review.DONE_FOR_FIELD
    ):
        sync_state = "synced"  # the reviewer is done with it
    if h.review and (old is None or (old[0], old[1]) != (review_state, review_note)):
        db.execute(
            "INSERT INTO review_notes (household_id, state, note, received_at) VALUES (?, ?, ?, ?)",
            [h.household_id, review_state, review_note, now],
        )
    st = state.derive(
        deleted=False,
        dirty=bool(old and old[3]),
        in_outbox=bool(old and old[5]),
        verification_status=old[4] if old else None,
        review_state=review_state,
        sync_state=sync_state,
    )
    v = h.values
    db.execute(
        """INSERT INTO households (household_id, assignment_id, version, deleted, server_values,
               review_state, review_note, sync_state, state, no_kk, nama_krt, alamat,
               kode_wilayah, pulled_at)
           VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (household_id) DO UPDATE SET
               assignment_id = coalesce(excluded.assignment_id, assignment_id),
               version = excluded.version, deleted = 0, server_values = excluded.server_values,
               review_state = excluded.review_state, review_note = excluded.review_note,
               sync_state = excluded.sync_state, state = excluded.state,
               no_kk = excluded.no_kk, nama_krt = excluded.nama_krt, alamat = excluded.alamat,
               kode_wilayah = excluded.kode_wilayah, pulled_at = excluded.pulled_at,
               revision = revision + 1""",
        [
            h.household_id,
            assignment_id,
            h.version,
            dump(v),
            review_state,
            review_note,
            sync_state,
            st,
            *(_text(v.get(c)) for c in _HOUSEHOLD_SEARCH),
            now,
        ],
    )


def _tombstone(db: Database, h: Household, old: tuple | None, now: str) -> None:
    # Keep the row: local edits of a household that left the assignment are never dropped.
    if old is None:
        return
    db.execute(
        "UPDATE households SET deleted = 1, version = ?, pulled_at = ? WHERE household_id = ?",
        [h.version, now, h.household_id],
    )
    state.refresh(db, h.household_id)


def _drop_stale_members(db: Database, h: Household) -> None:
    # A member the server no longer lists goes, unless the user has unsent edits on it.
    keep = [m.member_id for m in h.members]
    marks = ",".join("?" * len(keep))
    db.execute(
        f"""DELETE FROM members WHERE household_id = ? AND origin = 'server'
            AND member_id NOT IN ({marks or "''"})
            AND member_id NOT IN (SELECT member_id FROM pending_fields WHERE household_id = ?)
            AND member_id NOT IN (SELECT member_id FROM pending_members WHERE household_id = ?)""",
        [h.household_id, *keep, h.household_id, h.household_id],
    )


def _member_rows(h: Household) -> list[tuple]:
    return [
        (
            m.member_id,
            h.household_id,
            m.status,
            m.version,
            dump(m.values),
            m.removal_reason,
            m.removal_date.isoformat() if m.removal_date else None,
            _text(m.values.get("nik")),
            _text(m.values.get("nama")),
        )
        for m in h.members
    ]


def _insert_members(db: Database, rows: list[tuple]) -> None:
    db.conn.executemany(
        """INSERT INTO members (member_id, household_id, origin, status, version, server_values,
               removal_reason, removal_date, nik, nama)
           VALUES (?, ?, 'server', ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (member_id) DO UPDATE SET household_id = excluded.household_id,
               origin = 'server', status = excluded.status, version = excluded.version,
               server_values = excluded.server_values, removal_reason = excluded.removal_reason,
               removal_date = excluded.removal_date, nik = excluded.nik, nama = excluded.nama""",
        rows,
    )


def _note_server_values(db: Database, h: Household) -> None:
    """Record a newer server value beside each pending edit; the edit and its base stay."""
    members = {m.member_id: m.values for m in h.members}
    rows = db.execute(
        "SELECT member_id, field, base FROM pending_fields WHERE household_id = ?",
        [h.household_id],
    ).fetchall()
    for member_id, field, base in rows:
        values = h.values if member_id == "" else members.get(member_id)
        if values is None:
            continue
        server = values.get(field)
        changed = server != load(base)
        db.execute(
            "UPDATE pending_fields SET server = ? WHERE household_id = ? AND member_id = ? AND field = ?",
            [dump(server) if changed else None, h.household_id, member_id, field],
        )


# --- effective values ------------------------------------------------------------------------


def pending_fields(db: Database, household_id: str) -> dict[str, dict[str, PendingField]]:
    """Local edits of one household by member ('' for the household's own fields)."""
    out: dict[str, dict[str, PendingField]] = {}
    for member_id, field, base, value, server in db.execute(
        "SELECT member_id, field, base, value, server FROM pending_fields WHERE household_id = ?",
        [household_id],
    ):
        out.setdefault(member_id, {})[field] = PendingField(
            base=load(base),
            value=load(value),
            server_changed=server is not None,
            server=load(server),
        )
    return out


def _household_row(db: Database, household_id: str) -> dict:
    rows = list(db.query("SELECT * FROM households WHERE household_id = ?", [household_id]))
    if not rows:
        raise UnknownHousehold(f"household {household_id}: not in this store")
    return rows[0]


def _members(db: Database, household_id: str, pending: dict) -> list[MemberView]:
    removals = {
        r["member_id"]: r
        for r in db.query(
            "SELECT * FROM pending_members WHERE household_id = ? ORDER BY updated_at",
            [household_id],
        )
    }
    out = []
    for row in db.query(
        "SELECT * FROM members WHERE household_id = ? ORDER BY origin DESC, member_id",
        [household_id],
    ):
        mid = row["member_id"]
        edits = pending.get(mid, {})
        local = removals.get(mid)
        if row["origin"] == "local":
            values = load(local["add_values"], {}) if local and local["op"] == "add" else {}
        else:
            values = load(row["server_values"], {})
        values = {**values, **{f: p.value for f, p in edits.items()}}
        removing = local is not None and local["op"] == "remove"
        out.append(
            MemberView(
                member_id=mid,
                origin=row["origin"],
                status="removed" if removing else row["status"],
                values=values,
                pending=edits,
                removal_reason=local["reason"] if removing else row["removal_reason"],
                removal_date=_date(local["date"] if removing else row["removal_date"]),
                removal_pending=removing,
            )
        )
    return out


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def verification(db: Database, household_id: str) -> Verification | None:
    """The household's verification record on this device, with its photo hashes."""
    rows = list(db.query("SELECT * FROM verifications WHERE household_id = ?", [household_id]))
    if not rows:
        return None
    v = rows[0]
    gps = None
    if v["lat"] is not None and v["lon"] is not None:
        gps = Gps(
            lat=v["lat"],
            lon=v["lon"],
            accuracy_m=v["accuracy_m"],
            source=v["gps_source"] or "device",
            altitude_m=v["altitude_m"],
        )
    return Verification(
        status=v["status"],
        result=v["result"],
        answers=load(v["answers"], {}),
        gps=gps,
        photos=photo_hashes(db, household_id),
        started_at=parse_time(v["started_at"]),
        finished_at=parse_time(v["finished_at"]),
        papi=Papi.from_json(load(v["papi"])) if v.get("papi") else None,
        paradata=paradata(db, household_id),
    )


def paradata(db: Database, household_id: str) -> Paradata | None:
    """The paradata recorded for the household's verification on this device, or None."""
    row = db.execute("SELECT body FROM paradata WHERE household_id = ?", [household_id]).fetchone()
    return integrity.decode(row[0]) if row else None


def photo_hashes(db: Database, household_id: str) -> list[str]:
    """The sha256 of each photo of a household, oldest first."""
    return [
        r[0]
        for r in db.execute(
            """SELECT sha256 FROM photo_households WHERE household_id = ?
               ORDER BY created_at, sha256""",
            [household_id],
        )
    ]


def view(db: Database, household_id: str) -> HouseholdView:
    """The household as the enumerator sees it: server values overlaid with local edits."""
    row = _household_row(db, household_id)
    pending = pending_fields(db, household_id)
    server_values = load(row["server_values"], {})
    own = pending.get("", {})
    review = ReviewInfo(row["review_state"], row["review_note"]) if row["review_state"] else None
    return HouseholdView(
        household_id=household_id,
        assignment_id=row["assignment_id"],
        version=row["version"],
        base_version=row["base_version"],
        revision=row["revision"],
        state=row["state"],
        is_new=bool(row["is_new"]),
        deleted=bool(row["deleted"]),
        values={**server_values, **{f: p.value for f, p in own.items()}},
        server_values=server_values,
        pending=own,
        members=_members(db, household_id, pending),
        review=review,
        verification=verification(db, household_id),
        photos=photo_hashes(db, household_id),
        message=row["sync_message"],
        message_code=row["sync_code"],
        message_field=row["sync_field"],
        moves=tuple(MoveRecord.from_json(m) for m in load(row["moves"], [])),
    )


def reindex_household(db: Database, household_id: str) -> None:
    """Rewrite the search columns and words of one household from its effective values."""
    hv = view(db, household_id)
    db.execute(
        "UPDATE households SET no_kk = ?, nama_krt = ?, alamat = ?, kode_wilayah = ? WHERE household_id = ?",
        [*(_text(hv.values.get(c)) for c in _HOUSEHOLD_SEARCH), household_id],
    )
    db.execute("DELETE FROM search_words WHERE household_id = ?", [household_id])
    rows = search.word_rows(household_id, "", (hv.values.get("nama_krt"), hv.values.get("alamat")))
    for m in hv.members:
        db.execute(
            "UPDATE members SET nik = ?, nama = ? WHERE member_id = ?",
            [_text(m.values.get("nik")), _text(m.values.get("nama")), m.member_id],
        )
        rows += search.word_rows(household_id, m.member_id, [m.values.get("nama")])
    db.conn.executemany("INSERT OR IGNORE INTO search_words VALUES (?, ?, ?)", rows)


def summaries(
    db: Database, state_filter: str | None = None, limit: int = 1000, offset: int = 0
) -> list[HouseholdSummary]:
    """Households for the list screen, optionally of one state, ordered by address."""
    where, params = "state != 'deleted'", []
    if state_filter:
        where, params = "state = ?", [state_filter]
    return [
        HouseholdSummary(**r)
        for r in db.query(
            f"""SELECT household_id, nama_krt, alamat, no_kk, state, updated_at FROM households
                WHERE {where} ORDER BY kode_wilayah, alamat, household_id LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        )
    ]
