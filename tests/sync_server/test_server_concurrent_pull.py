"""A pull that runs while pushes commit misses nothing (issue 17), over real HTTP.

On PostgreSQL the server's push transactions run concurrently (no global lock: sequence
numbers come from the transaction id and a pull stops below the oldest running transaction),
so commits reach the database out of sequence order; every push here holds its transaction
open a moment before commit to make that happen often. On SQLite writers serialise on the
database's write lock, so sequence order is commit order by construction; the test runs there
too and checks the same thing.
"""

import threading

from server_harness import edit
from server_prelist import DESA, household_id, household_row, write_prelist

from sync_server.services.prelist_import import import_prelist

HOUSEHOLDS = 120
PUSHERS = 6
PAUSE_S = "0.03"


def test_a_pull_running_during_concurrent_pushes_misses_no_change(server, tmp_path):
    write_prelist(tmp_path / "more", HOUSEHOLDS, DESA)
    import_prelist(server.engine, tmp_path / "more")
    server.kill()
    server.start(VERIVALI_FAULT_PAUSE_BEFORE_COMMIT_S=PAUSE_S)
    aid = server.assignment_ids["enum1"]
    reader = server.client("enum1")
    first = reader.pull(aid, 0, 1000)
    assert not first["more"]
    seen = {h["household_id"]: h["version"] for h in first["households"]}
    since = first["next_since"]
    errors: list[str] = []

    clients = [server.client("enum2" if n % 2 else "enum1") for n in range(PUSHERS)]

    def pusher(n: int) -> None:
        client = clients[n]
        for i in range(n + 1, HOUSEHOLDS + 1, PUSHERS):  # each household edited exactly once
            hid = household_id(DESA, i)
            r = client.push([edit(hid, seen[hid], alamat=(_alamat(i), f"Jl. Baru {i}"))])
            if r.status_code != 200 or r.json()["households"][0]["outcome"] != "applied":
                errors.append(r.text)

    threads = [threading.Thread(target=pusher, args=(n,)) for n in range(PUSHERS)]
    for t in threads:
        t.start()
    pulls = 0
    while any(t.is_alive() for t in threads) or pulls == 0:
        page = reader.pull(aid, since, 7)
        seen.update({h["household_id"]: h["version"] for h in page["households"]})
        since, pulls = page["next_since"], pulls + 1
    for t in threads:
        t.join()
    more = True
    while more:  # what the next sync would fetch, from the stored next_since only
        page = reader.pull(aid, since, 7)
        seen.update({h["household_id"]: h["version"] for h in page["households"]})
        since, more = page["next_since"], page["more"]
    assert errors == []
    assert pulls > 5, "the pushes ended before the pull loop ran"
    stored = dict(server.sql("SELECT household_id, version FROM households"))
    assert {h: seen[h] for h in stored if h.startswith(DESA)} == {
        h: v for h, v in stored.items() if h.startswith(DESA)
    }
    assert sum(1 for i in range(1, HOUSEHOLDS + 1) if seen[household_id(DESA, i)] == 2) == (
        HOUSEHOLDS
    )


def _alamat(i: int) -> str:
    return household_row(DESA, i)["alamat"]


def test_a_long_transaction_in_another_database_does_not_hold_pulls_back(server, db_url):
    # On PostgreSQL a pull stops below the oldest running writer. A transaction that holds a
    # transaction id in another database of the same server cannot write our tables: a pull
    # must still bring a push made after it began (it brought nothing before the fix).
    if not db_url.startswith("postgresql"):
        return  # SQLite has no other database and no watermark
    import psycopg

    plain = db_url.split("?")[0].replace("postgresql+psycopg://", "postgresql://")
    other = plain.rsplit("/", 1)[0] + "/postgres"
    aid = server.assignment_ids["enum1"]
    reader = server.client("enum1")
    first = reader.pull(aid, 0, 1000)
    versions = {h["household_id"]: h["version"] for h in first["households"]}
    hid = household_id(DESA, 1)
    with psycopg.connect(other) as elsewhere:
        elsewhere.execute("SELECT pg_current_xact_id()")  # holds an id until it ends
        r = server.client("enum1").push([edit(hid, versions[hid], alamat=(_alamat(1), "Jl. X"))])
        assert r.status_code == 200, r.text
        page = reader.pull(aid, first["next_since"], 100)
        assert [h["household_id"] for h in page["households"]] == [hid]
        elsewhere.rollback()
