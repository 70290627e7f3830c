"""Insert many rows at once (COPY on PostgreSQL, the driver's executemany on SQLite) and
update many rows by key (one UPDATE the driver runs for every row).

Rows are dicts with the same keys; columns they leave out get their scalar Python default
(as SQLAlchemy's insert would) or the database's own (an autoincrement id).

>>> from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select
>>> t = Table("t", MetaData(), Column("id", Integer, primary_key=True),
...           Column("name", String(8)), Column("n", Integer, default=7))
>>> e = create_engine("sqlite://")
>>> t.metadata.create_all(e)
>>> with e.begin() as conn:
...     insert_rows(conn, t, [{"name": "a"}, {"name": "b"}])
...     update_rows(conn, t, "id", [{"id": 2, "name": "c", "n": 8}])
...     conn.execute(select(t.c.name, t.c.n)).all()
[('a', 7), ('c', 8)]
"""

from operator import itemgetter

from sqlalchemy import Connection, Table
from sqlalchemy.exc import DBAPIError


def insert_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Insert rows into table inside the connection's transaction."""
    if not rows:
        return
    rows = _with_defaults(table, rows)
    if conn.dialect.name == "postgresql":
        _copy(conn, table, rows)
    else:
        _executemany(conn, table, rows)


def _with_defaults(table: Table, rows: list[dict]) -> list[dict]:
    missing = {
        c.name: c.default.arg
        for c in table.columns
        if c.name not in rows[0] and c.default is not None and c.default.is_scalar
    }
    return [{**missing, **r} for r in rows] if missing else rows


def _executemany(conn: Connection, table: Table, rows: list[dict]) -> None:
    """One compiled INSERT, run by the driver for every row (no per-row compilation), its
    parameters by position (sqlite3 binds a tuple faster than it looks names up in a dict)."""
    names = list(rows[0])
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
    conn.exec_driver_sql(sql, _positional(rows, names))


def _positional(rows: list[dict], names: list[str]) -> list[tuple]:
    """Each row's values in the order of names."""
    if len(names) == 1:
        return [(r[names[0]],) for r in rows]
    return list(map(itemgetter(*names), rows))


def _copy(conn: Connection, table: Table, rows: list[dict]) -> None:
    """COPY the rows; a driver error comes out as SQLAlchemy's (IntegrityError, a deadlock's
    OperationalError...), as from any other statement."""
    names = list(rows[0])
    columns = ", ".join(f'"{n}"' for n in names)
    sql = f'COPY "{table.name}" ({columns}) FROM STDIN'
    raw = conn.connection.driver_connection
    try:
        with raw.cursor() as cur:
            # Foreign key checks are statements planned by PostgreSQL itself: planned for
            # every row under force_custom_plan (engine.py), a third of a member's COPY.
            cur.execute("SET LOCAL plan_cache_mode = auto")
            with cur.copy(sql) as copy:
                for r in rows:
                    copy.write_row([r[n] for n in names])
            cur.execute("SET LOCAL plan_cache_mode = force_custom_plan")
    except conn.dialect.dbapi.Error as e:
        raise DBAPIError.instance(sql, None, e, conn.dialect.dbapi.Error) from e


def update_rows(conn: Connection, table: Table, key: str, rows: list[dict]) -> None:
    """Set every other column the rows name on the row whose key column equals the row's
    key, inside the connection's transaction; the rows must all name the same columns."""
    if not rows:
        return
    others = [n for n in rows[0] if n != key]
    if conn.dialect.name == "postgresql":
        sets = ", ".join(f'"{n}" = %({n})s' for n in others)
        sql = f'UPDATE "{table.name}" SET {sets} WHERE "{key}" = %({key})s'
        conn.exec_driver_sql(sql, rows)
        return
    sets = ", ".join(f'"{n}" = ?' for n in others)
    sql = f'UPDATE "{table.name}" SET {sets} WHERE "{key}" = ?'
    conn.exec_driver_sql(sql, _positional(rows, [*others, key]))
