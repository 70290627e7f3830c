"""The import's rule for proposals, as a property: whatever the order, the batches and the
repeats of usul warga and usulan Kemensos, a NIK never gets a second household, a NIK the
pre-list holds gets none, every request is kept once on a live household holding its NIK,
and importing a file again makes nothing (services/citizen_requests.py, on a real SQLite
store)."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from server_prelist import DESA, write_prelist
from sqlalchemy import text

from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.services import citizen_requests
from sync_server.services.prelist_import import import_prelist

HEADER = "jenis,nomor,tanggal,nik,nama,alamat,kode_wilayah,sasaran,alasan,program\n"
NEW = ["A", "B", "C"]
"""Three NIKs new to the store in each example (made from the example's serial)."""
_serial = itertools.count(1)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("request-rule")
    engine = make_engine(f"sqlite:///{root / 'verivali.sqlite3'}")
    upgrade(engine)
    write_prelist(root / "prelist", 3, DESA)
    import_prelist(engine, root / "prelist")
    with engine.connect() as conn:
        held = conn.execute(text("SELECT nik FROM member_niks ORDER BY nik")).scalars().first()
    yield engine, root, held
    engine.dispose()


def _rows(conn, sql, **params):
    return conn.execute(text(sql), params).all()


requests_ = st.lists(
    st.tuples(
        st.sampled_from(["usul_warga", "usulan_kemensos"]),
        st.sampled_from([*NEW, "HELD", ""]),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=requests_, batch=st.integers(1, 4))
def test_a_nik_gets_at_most_one_household_and_an_import_again_makes_nothing(store, items, batch):
    engine, root, held = store
    n = next(_serial)
    lines, refs = [], []
    for i, (kind, nik) in enumerate(items):
        ref = f"R{n}-{i}"
        if nik in NEW:  # a man born 12-03-1985 in Kec. Dayeuhkolot, serial of this example
            nik = f"320412120385{n * 3 + NEW.index(nik) + 1:04d}"
        elif nik == "HELD":
            nik = held
        lines.append(f"{kind},{ref},2026-11-04,{nik},Warga {i},Jl. {i},{DESA},,alasan,PKH")
        refs.append((ref, nik))
    path = root / f"r{n}.csv"
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    old_batch = citizen_requests.BATCH
    citizen_requests.BATCH = batch
    try:
        first = citizen_requests.import_requests(engine, path)
        with engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM households")).scalar()
        again = citizen_requests.import_requests(engine, path)
    finally:
        citizen_requests.BATCH = old_batch
    assert (first.new, first.known, first.errors) == (len(items), 0, [])
    assert (again.new, again.known, again.proposed) == (0, len(items), 0)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM households")).scalar() == count
        holders = _rows(
            conn,
            "SELECT n.nik, count(DISTINCT n.household_id) FROM member_niks n "
            "JOIN households h ON h.household_id = n.household_id "
            "WHERE NOT h.deleted GROUP BY n.nik",
        )
        assert all(k == 1 for _, k in holders), holders
        made = _rows(conn, "SELECT household_id FROM households WHERE household_id LIKE '%-%'")
        for ref, nik in refs:
            ((hid,),) = _rows(
                conn, "SELECT household_id FROM citizen_requests WHERE reference = :r", r=ref
            )
            if nik:
                assert _rows(
                    conn, "SELECT 1 FROM member_niks WHERE nik = :n AND household_id = :h",
                    n=nik, h=hid,
                )  # fmt: skip
            if nik == held:
                assert "-" not in hid  # the pre-list household, not a proposal
        assert len(made) == len({h for (h,) in made})
