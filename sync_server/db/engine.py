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
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


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


@contextmanager
def write_transaction(engine: Engine):
    """Open a transaction that holds the write lock (the 'seq' counter row) until commit.

    Writers are serialised by this lock on both SQLite and PostgreSQL, so the global sequence
    numbers of committed rows always grow in commit order.
    """
    with engine.begin() as conn:
        conn.execute(
            update(counters).where(counters.c.name == "seq").values(value=counters.c.value)
        )
        yield conn


class Sequence:
    """Hand out global sequence numbers inside a write transaction; saved by ``save()``."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.value = conn.execute(
            counters.select().with_only_columns(counters.c.value).where(counters.c.name == "seq")
        ).scalar_one()
        self.start = self.value

    def next(self) -> int:
        """Return the next sequence number."""
        self.value += 1
        return self.value

    def save(self) -> None:
        """Write the counter back (call before commit when numbers were taken)."""
        if self.value != self.start:
            self.conn.execute(
                update(counters).where(counters.c.name == "seq").values(value=self.value)
            )
            self.start = self.value
