"""The server's tables (SQLAlchemy Core). Every change here needs an Alembic migration.

Values (household and member attributes, answers, replies) are JSON text, written and read by
``sync_server.db.jsontext``: the same bytes on SQLite and PostgreSQL. Times are ISO-8601 UTC
text, which sorts correctly as text.
"""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from dtks import review

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = String(64)
TIME = String(40)
MAX_ROW_ID = 2**31 - 1
"""The largest row id (Integer columns are 32-bit on PostgreSQL); seq is a BigInteger."""

counters = Table(
    "counters",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)
"""The global change sequence ('seq'): every write takes its row lock first, so writers are
serialised and sequence numbers become visible in order (pull by seq never skips a row)."""

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
)

user_scopes = Table(
    "user_scopes",
    metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("scope", String(10), primary_key=True),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("device_id", ID, nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("expires_at", TIME, nullable=False),
    Column("revoked_at", TIME),
)

assignments = Table(
    "assignments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("round", String(7), nullable=False),
    Column("scope", String(10), nullable=False),
    Column("form_id", String(64), nullable=False),
    Column("form_version", String(32), nullable=False),
    Column("created_at", TIME, nullable=False),
    UniqueConstraint("user_id", "round", "scope", name="uq_assignments_user_round_scope"),
)

households = Table(
    "households",
    metadata,
    Column("household_id", ID, primary_key=True),
    Column("kode_wilayah", String(10), nullable=False),
    Column("values", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("state", String(16), nullable=False, default=review.OPEN),
    Column("review_note", Text),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("proposed", Boolean, nullable=False, default=False),
    Column("proposed_by", ForeignKey("users.id")),
    Column("created_at", TIME, nullable=False),
    Column("updated_at", TIME, nullable=False),
    Column("replaces", ID),
    Column("replaced_by", ID),
)
"""state: one of dtks.review.STATES. deleted: a tombstone for everyone. proposed: a new
household (usulan baru) sent from the field under a client UUID. replaces: the client UUID of
an approved proposal now under its permanent id; replaced_by: on the proposal's tombstone,
that permanent id. Who approved when, at each level, is in ``approvals`` (0004)."""

members = Table(
    "members",
    metadata,
    Column("member_id", ID, primary_key=True),
    Column(
        "household_id",
        ForeignKey("households.household_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("values", Text, nullable=False),
    Column("status", String(16), nullable=False, default="active"),
    Column("version", Integer, nullable=False, default=0),
    Column("removal_reason", String(64)),
    Column("removal_date", String(10)),
    Column("replaces", ID),
)
"""replaces: the client UUID of a member of an approved proposal, renumbered household id + NN."""

tombstones = Table(
    "tombstones",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("household_id", ID, nullable=False),
    Column("kode_wilayah", String(10), nullable=False),
    Column("seq", BigInteger, nullable=False),
)
"""A household that left kode_wilayah at seq: pulls of scopes covering the old code see it
as deleted."""

changesets = Table(
    "changesets",
    metadata,
    Column("changeset_id", ID, primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("user_id", ForeignKey("users.id"), nullable=False),
    Column("device_id", ID, nullable=False),
    Column("form_id", String(64)),
    Column("form_version", String(32)),
    Column("mode", String(8)),
    Column("created_at", TIME),
    Column("received_at", TIME, nullable=False),
    Column("reply", Text, nullable=False),
    Column("relayer_id", ForeignKey("users.id")),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("household_id", ID, nullable=False, index=True),
    Column("member_id", ID),
    Column("field", String(64), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("base", Text),
    Column("server", Text),
    Column("client", Text),
    Column("changeset_id", ID),
    Column("user_id", ForeignKey("users.id")),
    Column("created_at", TIME, nullable=False),
    Column("resolved_by", ForeignKey("users.id")),
    Column("resolved_at", TIME),
    Column("resolution", Text),
)
"""kind: hard (values diverged, a reviewer decides) or soft (parallel edits of other fields,
for information). base/server/client/resolution are JSON text."""

flags = Table(
    "flags",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("household_id", ID, nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("detail", Text),
    Column("changeset_id", ID),
    Column("created_at", TIME, nullable=False),
    Column("cleared_by", ForeignKey("users.id")),
    Column("cleared_at", TIME),
)
Index(
    "ix_flags_open_kind",
    flags.c.kind,
    flags.c.household_id,
    sqlite_where=flags.c.cleared_at.is_(None),
    postgresql_where=flags.c.cleared_at.is_(None),
)
"""The open flags of a kind (0017): the review queue of a province counts them, capped."""

verifications = Table(
    "verifications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("household_id", ID, nullable=False, index=True),
    Column("round", String(7), nullable=False),
    Column("changeset_id", ID, nullable=False),
    Column("user_id", ForeignKey("users.id"), nullable=False),
    Column("device_id", ID, nullable=False),
    Column("mode", String(8)),
    Column("form_id", String(64)),
    Column("form_version", String(32)),
    Column("status", String(16)),
    Column("result", String(64)),
    Column("answers", Text, nullable=False),
    Column("gps", Text),
    Column("photos", Text, nullable=False),
    Column("started_at", TIME),
    Column("finished_at", TIME),
    Column("received_at", TIME, nullable=False),
    Column("late", Boolean, nullable=False, default=False, server_default=false()),
    Column("late_for", String(7)),
    Column("papi", Text),
    Column("papi_batch", ID, index=True),
    Column("papi_entry", Integer),
    Column("paradata", Text),
)
"""round: the round the verification counts toward. late (0003): it arrived after the window
of late_for (the round it was collected for) had closed, so it counts toward the next round
whose window was still open (dtks.cycle.counting_round). papi (0011): the verification's
papi block as JSON, with its batch and entry (1, 2) beside it for the PAPI lists; null for
CAPI."""

papi_sampling = Table(
    "papi_sampling",
    metadata,
    Column("round", String(7), primary_key=True),
    Column("scope", String(10), primary_key=True),
    Column("every", Integer),
    Column("percent", Float),
    Column("set_by", ForeignKey("users.id"), nullable=False),
    Column("set_at", TIME, nullable=False),
)
"""Which questionnaires dependent verification re-keys, per round and scope (dtks.papi.Sampling)."""

papi_differences = Table(
    "papi_differences",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("household_id", ID, nullable=False, index=True),
    Column("round", String(7), nullable=False),
    Column("batch", ID, nullable=False),
    Column("member_id", ID),
    Column("field", String(64), nullable=False),
    Column("entry1", Text),
    Column("entry2", Text),
    Column("keyed_by1", ID, nullable=False),
    Column("keyed_by2", ID, nullable=False),
    Column("verify", String(16), nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("resolved_by", ForeignKey("users.id")),
    Column("resolved_at", TIME),
    Column("take", String(8)),
    Column("value", Text),
)
"""Where two entries of a paper questionnaire differ (dtks.forms.compare). verify:
independent (open until a supervisor picks: take entry1, entry2 or value) or dependent (the
verifier's check, resolved as it was keyed: take is what the paper held). entry1, entry2 and
value are JSON text."""

photos = Table(
    "photos",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("path", String(200), nullable=False),
    Column("uploaded_by", ForeignKey("users.id"), nullable=False),
    Column("uploaded_at", TIME, nullable=False),
    Column("dhash", String(16)),
    Column("ahash", String(16)),
)

photo_uploads = Table(
    "photo_uploads",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("uploaded_at", TIME, nullable=False),
)
"""Who uploaded which photo (0006): every uploader, not only the first (photos.uploaded_by)."""

verification_photos = Table(
    "verification_photos",
    metadata,
    Column(
        "verification_id",
        ForeignKey("verifications.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("sha256", String(64), primary_key=True, index=True),
)
"""The photos a verification names (0006), so that a photo's households (and so its wilayah
scope) are found by index; it follows a verification that moves to another household id."""

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", TIME, nullable=False),
    Column("user_id", ForeignKey("users.id")),
    Column("device_id", ID),
    Column("changeset_id", ID),
    Column("household_id", ID, nullable=False),
    Column("member_id", ID),
    Column("field", String(64), nullable=False),
    Column("old", Text),
    Column("new", Text),
    Column("relayer_id", ForeignKey("users.id")),
)
"""Append-only: the server only ever inserts here. ``user_id`` is who collected the change (the
enumerator), ``relayer_id`` who uploaded it for them in a bundle (null for a direct push)."""

Index("ix_audit_household", audit.c.household_id, audit.c.id)

pengesahan = Table(
    "pengesahan",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("round", String(7), nullable=False),
    Column("scope", String(10), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("content_type", String(32), nullable=False),
    Column("path", String(200), nullable=False),
    Column("uploaded_by", ForeignKey("users.id"), nullable=False),
    Column("uploaded_at", TIME, nullable=False),
    UniqueConstraint("round", "scope", "sha256", name="uq_pengesahan_round_scope_sha256"),
)
"""Signed approval scans (pengesahan) of a round and wilayah; insert-only, files in the data dir."""

round_windows = Table(
    "round_windows",
    metadata,
    Column("round", String(7), primary_key=True),
    Column("scope", String(10), primary_key=True),
    Column("activity", String(16), primary_key=True),
    Column("opens", String(10)),
    Column("closes", String(10), nullable=False),
    Column("set_by", ForeignKey("users.id")),
    Column("set_at", TIME, nullable=False),
)
"""An admin's change to a round's window (0003) for every region under scope ('' for the
whole country); the most specific scope wins, the DTKS defaults (dtks.cycle) fill the rest.
Dates are local calendar dates, inclusive."""

submissions = Table(
    "submissions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("round", String(7), nullable=False),
    Column("activity", String(32), nullable=False),
    Column("scope", String(10), nullable=False),
    Column("level", String(16), nullable=False),
    Column("state", String(16), nullable=False),
    Column("note", Text),
    Column("parent_id", ForeignKey("submissions.id")),
    Column("pengesahan_id", ForeignKey("pengesahan.id"), unique=True),
    Column("created_by", ForeignKey("users.id"), nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("updated_at", TIME, nullable=False),
    Index("ix_submissions_level_state", "level", "state"),
)
"""A pengajuan of a kabupaten/kota's approved households of a round (0004). level: where it
waits now (dtks.review.LEVELS); state: dtks.review.SUBMISSION_STATES. parent_id: the
submission a partial return split it from. pengesahan_id: its signed scan (one scan, one
submission)."""

submission_households = Table(
    "submission_households",
    metadata,
    Column("submission_id", ForeignKey("submissions.id"), primary_key=True),
    Column("household_id", ID, primary_key=True),
    Column("state", String(16), nullable=False),
    Column("note", Text),
    Column("content", Text, nullable=False),
    Index("ix_submission_households_household", "household_id", "state"),
)
"""Households of a submission (0004). state: submitted while in it, returned (taken out by a
return, with its note), established, withdrawn. content: the household (values, members,
result) as submitted, JSON: what the levels above see and establish."""

submission_events = Table(
    "submission_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("submission_id", ForeignKey("submissions.id"), nullable=False, index=True),
    Column("at", TIME, nullable=False),
    Column("user_id", ForeignKey("users.id"), nullable=False),
    Column("decision", String(16), nullable=False),
    Column("from_level", String(16), nullable=False),
    Column("to_level", String(16), nullable=False),
    Column("from_state", String(16), nullable=False),
    Column("to_state", String(16), nullable=False),
    Column("note", Text),
    Column("detail", Text),
)
"""A submission's own history, append-only (0004). detail: JSON (household returns, scan)."""

approvals = Table(
    "approvals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("household_id", ID, nullable=False),
    Column("level", String(16), nullable=False),
    Column("user_id", ForeignKey("users.id")),
    Column("at", TIME, nullable=False),
    Column("submission_id", ForeignKey("submissions.id")),
    Index("ix_approvals_household", "household_id", "id"),
)
"""Every approval of a household, append-only (0004): kabkota's household approval (no
submission), a forward (provinsi) or the establishment (kemensos) of its submission."""

established = Table(
    "established",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("household_id", ID, nullable=False),
    Column("kode_wilayah", String(10), nullable=False),
    Column("round", String(7), nullable=False),
    Column("submission_id", ForeignKey("submissions.id"), nullable=False),
    Column("content", Text, nullable=False),
    Column("established_by", ForeignKey("users.id"), nullable=False),
    Column("established_at", TIME, nullable=False),
    Index("ix_established_household", "household_id", "id"),
    Index("ix_established_kode_wilayah", "kode_wilayah"),
)
"""The data of record (0004): a household's values and members as established, append-only;
the newest row of a household is its record, the next round's pre-list starts from it."""

anomalies = Table(
    "anomalies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("household_id", ID, nullable=False, index=True),
    Column("member_id", ID),
    Column("kind", String(32), nullable=False),
    Column("field", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("value", Text),
    Column("related", Text, nullable=False),
    Column("detected_at", TIME, nullable=False),
    Column("cleared_at", TIME),
)
"""The anomaly worklist (0005): what dtks.anomalies found in a household on import or push;
open while cleared_at is null, cleared when a later detection no longer finds it. value and
related are JSON text."""

citizen_requests = Table(
    "citizen_requests",
    metadata,
    Column("reference", String(100), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("day", String(10), nullable=False),
    Column("nik", String(16)),
    Column("name", Text, nullable=False),
    Column("address", Text),
    Column("kode_wilayah", String(10), nullable=False, index=True),
    Column("household_id", ID, index=True),
    Column("member_id", ID),
    Column("reason", Text),
    Column("programme", Text),
    Column("imported_at", TIME, nullable=False),
    Column("finding_result", String(16)),
    Column("finding_reason", Text),
    Column("finding_verification_id", Integer),
    Column("finding_by", Integer),
    Column("finding_at", TIME),
    Column("closed_at", TIME),
)
"""Usul warga, sanggahan and usulan Kemensos from sync-server import-requests (0015), one row
per reference number (an import again keeps the first). household_id: the household whose
pull carries the task (the one a sanggahan objects to, the proposed household an usul warga
made, or the one already holding its NIK). finding_* (0016): the newest finding pushed for
it (dtks.findings: result, reason, the verification's id, its collector's users.id, when it
was collected); closed_at: when the household's approval closed it (the task leaves the
pull)."""

household_reach = Table(
    "household_reach",
    metadata,
    Column("household_id", ID, primary_key=True),
    Column("kode", String(10), primary_key=True),
    Column("common", Integer, nullable=False, server_default="0"),
    Index("ix_household_reach_kode", "kode", "household_id"),
    Index("ix_household_reach_common_kode", "common", "kode", "household_id"),
)
"""Where a household listed in the wrong wilayah also reaches (0014): the regions its ids
point to (the household id's desa, the No KK's kecamatan), from its open wrong_wilayah
anomaly. Pulls and pushes of a scope covering kode see the household as their own.
common (0017): how many leading digits kode shares with the kode wilayah the household is
listed in; a scope of n digits covering kode reaches the household only when common < n (else
the household is listed inside it already), so a pull of a wide scope reads only the
households that come from outside (ix_household_reach_common_kode) instead of every reach
row under it. 0 (the default) is always safe: the row is read and the household checked."""

member_niks = Table(
    "member_niks",
    metadata,
    Column("member_id", ID, primary_key=True),
    Column("nik", String(64), nullable=False, index=True),
    Column("household_id", ID, nullable=False, index=True),
)
"""The NIK of every active member of a live household (0005), kept by the anomaly refresh:
the index of the store-wide duplicate NIK check."""

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("address", String(64), primary_key=True),
    Column("attempts", Integer, nullable=False),
    Column("locked_until", Float, nullable=False),
    Column("last_at", Float, nullable=False, index=True),
)
"""Login throttling (0007, services/login_throttle.py): attempts counted since the pair's last
good login, the lock's end and the last attempt, as Unix seconds; idle pairs are trimmed."""

household_moves = Table(
    "household_moves",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("household_id", ID, nullable=False),
    Column("from_kode", String(10), nullable=False),
    Column("to_kode", String(10), nullable=False),
    Column("base", String(10)),
    Column("state", String(16), nullable=False),
    Column("source", String(16), nullable=False),
    Column("changeset_id", ID),
    Column("proposed_by", ForeignKey("users.id"), nullable=False),
    Column("proposed_at", TIME, nullable=False),
    Column("note", Text),
    Column("decided_by", ForeignKey("users.id")),
    Column("decided_at", TIME),
    Column("decision_note", Text),
    Index("ix_household_moves_household", "household_id", "state"),
    Index("ix_household_moves_state", "state", "to_kode"),
)
"""A household's proposed change of wilayah that the receiving side confirms (0008,
services/moves.py): from_kode -> to_kode, state by dtks.moves (pending, confirmed, refused,
superseded), source (push, or another proposer), who proposed and who decided; rows are never
deleted, so the proposed value is kept whatever the decision."""

import_runs = Table(
    "import_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("directory", Text, nullable=False),
    Column("files", String(200), nullable=False),
    Column("owner", String(32), nullable=False),
    Column("step", String(16), nullable=False),
    Column("households_line", Integer, nullable=False),
    Column("members_line", Integer, nullable=False),
    Column("applied_through", ID, nullable=False),
    Column("counts", Text, nullable=False),
    Column("started_at", TIME, nullable=False),
    Column("finished_at", TIME),
)
"""One pre-list import (0009): which files (sizes and modification times), the step reached
(households, members, apply, report, done, abandoned), the last line of each file read and
the last household id applied, and the counts so far (JSON). owner: the process working on it;
a second process that resumes the run takes it over, and the first stops at its next batch."""

import_rows = Table(
    "import_rows",
    metadata,
    Column("run_id", Integer, primary_key=True),
    Column("household_id", ID, primary_key=True),
    Column("kind", String(1), primary_key=True),
    Column("line", Integer, primary_key=True),
    Column("row_id", ID, nullable=False),
    Column("kode_wilayah", String(10)),
    Column("values", Text, nullable=False),
    Column("warnings", Text),
    sqlite_with_rowid=False,
)
"""Rows of a running import that passed their checks, waiting to be applied (kind h: a
household, m: a member; warnings: the defects kept as written, one a line). The apply step
reads them by household and deletes them in the transaction that applies them."""

import_problems = Table(
    "import_problems",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, nullable=False),
    Column("file", String(32), nullable=False),
    Column("line", Integer, nullable=False),
    Column("row_id", ID),
    Column("reason", Text, nullable=False),
    Column("outcome", String(16), nullable=False),
)
"""The report of a running import: rows rejected, and rows imported but flagged (outcome
rejected or flagged), each written
in the transaction of the batch that found it, so a resumed import's report is complete."""

Index(
    "ix_import_problems_run",
    import_problems.c.run_id,
    import_problems.c.file,
    import_problems.c.line,
)


def _scope_indexes(table: Table) -> None:
    """(scope, seq) indexes (0010): a pull page of any scope walks its own index in seq order
    instead of the whole seq index or a sort of the whole scope (sync_server.scopes.under_scope
    writes the matching condition)."""
    from sqlalchemy import func, literal_column

    code = table.c.kode_wilayah
    Index(f"ix_{table.name}_kode_wilayah_seq", code, table.c.seq)
    for n in (2, 4, 6):
        prefix = func.substr(code, literal_column("1"), literal_column(str(n)))
        Index(f"ix_{table.name}_scope{n}_seq", prefix, table.c.seq)


_scope_indexes(households)
_scope_indexes(tombstones)
Index("ix_households_state_kode_wilayah", households.c.state, households.c.kode_wilayah)
"""The review queue: a state's households under a scope, without reading the others."""

devices = Table(
    "devices",
    metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("device_id", ID, primary_key=True),
    Column("ed25519", String(64), nullable=False),
    Column("x25519", String(64), nullable=False),
    Column("registered_at", TIME, nullable=False),
    Column("revoked_at", TIME),
)
"""A device's public keys as its user registered them at login (0012, services/devices.py);
revoked_at is set when an admin revokes the device's login, cleared by the next login."""

bundles = Table(
    "bundles",
    metadata,
    Column("bundle_id", ID, primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("user_id", ForeignKey("users.id"), nullable=False),
    Column("device_id", ID, nullable=False),
    Column("relayer_id", ForeignKey("users.id"), nullable=False),
    Column("received_at", TIME, nullable=False),
    Column("households", Integer, nullable=False),
    Column("reply_id", ID, nullable=False, unique=True),
    Column("reply", LargeBinary, nullable=False),
)
"""Push bundles received (0012, services/bundles.py): whose (user_id, device_id), who uploaded
it (relayer_id), and the sealed reply bundle kept for GET /bundles/{reply_id}."""

integrity_findings = Table(
    "integrity_findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("household_id", ID, nullable=False, index=True),
    Column("kode_wilayah", String(10), nullable=False, index=True),
    Column("user_id", ForeignKey("users.id")),
    Column("indicator", String(32), nullable=False),
    Column("message", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("computed_at", TIME, nullable=False),
)
"""The visit-integrity findings of each household's latest field verification (0013,
services/integrity.py; dtks.integrity), made anew for a desa at each push and on request; the
household's open ``integrity`` flag says the same in one line."""
