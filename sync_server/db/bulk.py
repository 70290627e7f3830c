"""Insert many rows at once: COPY on PostgreSQL, the driver's executemany on SQLite.

Rows are dicts with the same keys; columns they leave out get their scalar Python default
(as SQLAlchemy's insert would) or the database's own (an autoincrement id).

>>> from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select
>>> t = Table("t", MetaData(), Column("id", Integer, primary_key=True),
...           Column("name", String(8)), Column("n", Integer, default=7))
>>> e = create_engine("sqlite://")
>>> t.metadata.create_all(e)
>>> with e.begin() as conn:
...     insert_rows(conn, t, [{"name": "a"}, {"name": "b"}])
...     conn.execute(select(t.c.name, t.c.n)).all()
[('a', 7), ('b', 7)]
"""

from sqlalchemy import Connection, Table


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
    """One compiled INSERT, run by the driver for every row (no per-row compilation)."""
    names = list(rows[0])
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join(f":{n}" for n in names)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', rows)


def _copy(conn: Connection, table: Table, rows: list[dict]) -> None:
    names = list(rows[0])
    columns = ", ".join(f'"{n}"' for n in names)
    raw = conn.connection.driver_connection
    with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for r in rows:
            copy.write_row([r[n] for n in names])
