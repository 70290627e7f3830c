"""Open the database: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL via psycopg 3.

>>> e = make_engine("sqlite://")
>>> with e.connect() as c:
...     c.exec_driver_sql("PRAGMA foreign_keys").scalar()
1
"""

from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, update
from sqlalchemy.engine import make_url

from dtks.private_files import private_sqlite
from sync_server.db.tables import counters

BUSY_TIMEOUT_MS = 30_000


def make_engine(url: str) -> Engine:
    """Create the engine for a database URL, configured the same way for server and CLI."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            private_sqlite(Path(parsed.database).expanduser())
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        )
        _configure_sqlite(engine)
        return engine
    engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)
    _configure_postgresql(engine)
    return engine


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # psycopg prepares a statement run 5 times, and PostgreSQL may then keep a generic
        # plan made while a table was small: the import's NIK-index delete (IN of 500 ids)
        # became a sequential scan per batch, 0.34 s each, 58 s of a 20k import. Planning
        # with the real parameters every time costs well under a millisecond.
        with dbapi_conn.cursor() as cur:
            cur.execute("SET plan_cache_mode = force_custom_plan")
        dbapi_conn.commit()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy's "begin" event emit BEGIN instead of the driver's own guesswork.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")


WRITERS_LOCK = 0x7665_7269
"""The PostgreSQL advisory lock key that orders writers (exclusive) against pushes (shared)."""
ROW_LOCKS = 0x7665_7270
"""The advisory lock class of per-item locks (lock_items: a household, a change-set)."""
TXN_SHIFT = 24
"""On PostgreSQL a sequence number is base + xid * 2**24 + n: n < 2**24 per transaction."""


@contextmanager
def write_transaction(engine: Engine, shared: bool = False):
    """Open a write transaction; writers are ordered so that pulls stay exact.

    SQLite: every writer holds the database's write lock (the 'seq' counter row is written
    first), so sequence numbers grow in commit order. PostgreSQL: sequence numbers come from
    the writing transaction's id (``Sequence``) and pulls stop below the oldest transaction
    still running (``low_watermark``), so no lock is needed for exactness; a writer that
    reads and rewrites many households holds the writers' advisory lock exclusively, and
    pushes (shared=True) hold it shared (pushes run concurrently, each locking the
    households it writes with ``lock_items``).
    """
    with engine.begin() as conn:
        if conn.dialect.name != "postgresql":
            conn.execute(
                update(counters).where(counters.c.name == "seq").values(value=counters.c.value)
            )
        elif shared:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock_shared({WRITERS_LOCK})")
        else:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITERS_LOCK})")
        yield conn


def lock_items(conn: Connection, kind: str, keys) -> None:
    """Lock items (household ids, change-set ids) until commit, in sorted order (PostgreSQL;
    on SQLite the write transaction already excludes every other writer)."""
    if conn.dialect.name != "postgresql":
        return
    names = [f"{kind}:{key}" for key in sorted(set(keys))]
    if not names:
        return
    # One round trip for all (a push of 5,000 households made 5,000): the ordered subquery
    # hands the keys to the lock function in sorted order, so two pushes never deadlock here.
    conn.exec_driver_sql(
        "SELECT count(pg_advisory_xact_lock(%(c)s, hashtext(k))) FROM"
        " (SELECT k FROM unnest(%(k)s::text[]) WITH ORDINALITY AS t(k, i) ORDER BY i) AS s",
        {"c": ROW_LOCKS & 0x7FFF_FFFF, "k": names},
    )


def low_watermark(conn: Connection) -> int | None:
    """The sequence number below which every row that will ever commit is visible now
    (PostgreSQL: set by the oldest running transaction); None on SQLite (writers commit in
    sequence order)."""
    if conn.dialect.name != "postgresql":
        return None
    base, xmin = conn.exec_driver_sql(WATERMARK_SQL).one()
    return base + (xmin << TXN_SHIFT)


WATERMARK_SQL = """
SELECT (SELECT value FROM counters WHERE name = 'seq'),
       coalesce(
           (SELECT min(x::text::bigint) FROM pg_snapshot_xip(q.s) AS x
             WHERE x::text::bigint %% 4294967296 NOT IN (
                   SELECT backend_xid::text::bigint FROM pg_stat_activity
                    WHERE backend_xid IS NOT NULL
                      AND datname IS DISTINCT FROM current_database())),
           pg_snapshot_xmax(q.s)::text::bigint)
  FROM (SELECT pg_current_snapshot() AS s) AS q
"""
"""The oldest running transaction that may write this database: the snapshot's in-progress
ids less those known to belong to a session of another database of the same PostgreSQL
server (they cannot write our tables; one long transaction there held every pull back). A
transaction that cannot be placed (another role's session, a prepared transaction) is kept,
so the mark is never above the true one; none running: the snapshot's xmax. Sequence numbers
use the top-level transaction id (pg_current_xact_id), which pg_stat_activity shows."""


class Sequence:
    """Hand out global sequence numbers inside a write transaction; saved by ``save()``.

    SQLite: the 'seq' counter row, read and written back under the write lock. PostgreSQL:
    the counter row stays as it was when the database moved to this scheme (the base) and
    a number is base + the transaction id * 2**24 + a count within the transaction (kept
    on the connection, so several Sequence objects of one transaction never repeat one)."""

    def __init__(self, conn: Connection):
        self.conn = conn
        if conn.dialect.name == "postgresql":
            self.base, self.xid = conn.exec_driver_sql(
                "SELECT (SELECT value FROM counters WHERE name = 'seq'),"
                " pg_current_xact_id()::text::bigint"
            ).one()
            used = conn.info.get("seq_used")
            self.value = used[1] if used and used[0] == self.xid else 0
            self.start = self.value
            return
        self.xid = None
        self.value = conn.execute(
            counters.select().with_only_columns(counters.c.value).where(counters.c.name == "seq")
        ).scalar_one()
        self.start = self.value

    def next(self) -> int:
        """Return the next sequence number."""
        self.value += 1
        if self.xid is None:
            return self.value
        if self.value >= 1 << TXN_SHIFT:
            raise RuntimeError("more than 2**24 sequence numbers in one transaction")
        self.conn.info["seq_used"] = (self.xid, self.value)
        return self.base + (self.xid << TXN_SHIFT) + self.value

    def save(self) -> None:
        """Write the counter back (call before commit when numbers were taken; PostgreSQL
        keeps its count on the connection)."""
        if self.xid is None and self.value != self.start:
            self.conn.execute(
                update(counters).where(counters.c.name == "seq").values(value=self.value)
            )
            self.start = self.value
