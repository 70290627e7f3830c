"""The anomaly worklist on the server: found by the import and every push, kept per household,
carried by the pull, cleared when a change fixes it, duplicates found across the whole store."""

import csv
import json

from server_harness import HID, HID2, HID_B, ROUND, edit, verification
from sqlalchemy import text

from dtks.sample import write_prelist
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.services.exports import result_rows
from sync_server.services.prelist_import import import_prelist


def _open(engine_or_server, hid=None) -> set[tuple]:
    q = "SELECT household_id, member_id, kind, field FROM anomalies WHERE cleared_at IS NULL"
    if hasattr(engine_or_server, "sql"):
        rows = engine_or_server.sql(q)
    else:
        with engine_or_server.connect() as conn:
            rows = conn.execute(text(q)).all()
    return {tuple(r) for r in rows if hid is None or r[0] == hid}


def test_import_finds_every_planted_anomaly_on_its_household(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine)
    write_prelist(tmp_path / "p", 700, "32.04", seed=3)
    import_prelist(engine, tmp_path / "p")
    found = _open(engine)
    planted = set()
    with open(tmp_path / "p" / "households.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["anomaly"]:
                planted.add((row["household_id"], None, row["anomaly"]))
    with open(tmp_path / "p" / "members.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["anomaly"]:
                planted.add((row["household_id"], row["member_id"], row["anomaly"]))
    assert {k for _, _, k in planted} == {
        "wrong_wilayah",
        "missing_mother_name",
        "duplicate_nik",
        "impossible_birth_date",
    }
    for hid, mid, kind in planted:
        assert any(f[0] == hid and f[1] == mid and f[2] == kind for f in found), (hid, kind)
    # Nothing else but the other side of each copied NIK, and a copied NIK that disagrees
    # with its new holder's birth date or sex.
    copied = {(h, m) for h, m, k in planted if k == "duplicate_nik"}
    extra = {f for f in found if (f[0], f[1], f[2]) not in planted}
    assert extra and all(
        f[2] == "duplicate_nik" or (f[2] == "nik_mismatch" and f[:2] in copied) for f in extra
    )
    engine.dispose()


def test_the_same_nik_in_another_import_is_found_on_both_households(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine)
    write_prelist(tmp_path / "a", 5, "32.04.12.2002", seed=1)
    write_prelist(tmp_path / "b", 5, "32.73.01.1001", seed=2)
    import_prelist(engine, tmp_path / "a")
    with open(tmp_path / "a" / "members.csv", encoding="utf-8") as f:
        source = next(csv.DictReader(f))
    rows = list(csv.DictReader(open(tmp_path / "b" / "members.csv", encoding="utf-8")))
    rows[0]["nik"] = source["nik"]
    with open(tmp_path / "b" / "members.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    import_prelist(engine, tmp_path / "b")
    dup = {(h, m) for h, m, k, _ in _open(engine) if k == "duplicate_nik"}
    assert (source["household_id"], source["member_id"]) in dup
    assert (rows[0]["household_id"], rows[0]["member_id"]) in dup
    engine.dispose()


def _change_member(hid, base_version, mid, **fields):
    return {
        **edit(hid, base_version),
        "members": [
            {
                "op": "change",
                "member_id": mid,
                "fields": {k: {"base": b, "value": v} for k, (b, v) in fields.items()},
            }
        ],
    }


def test_pull_carries_anomalies_and_tasks_and_a_fix_clears_them(server):
    enum1 = server.client("enum1")
    aid = server.assignment_ids["enum1"]
    pulled = enum1.pull_all(aid)
    assert all(h["anomalies"] == [] for h in pulled.values())
    assert pulled[HID]["tasks"] == [{"kind": "verivali", "id": f"verivali-{HID}", "note": None}]
    mid = f"{HID}02"
    r = enum1.push([_change_member(HID, 1, mid, nama_ibu=("Ibu", None))])
    assert r.status_code == 200, r.text
    h = enum1.pull_until(aid, 0, lambda got: HID in got and got[HID]["anomalies"])[HID]
    assert [(a["kind"], a["member_id"], a["field"]) for a in h["anomalies"]] == [
        ("missing_mother_name", mid, "nama_ibu")
    ]
    assert h["tasks"][0]["kind"] == "anomali" and "missing_mother_name" in h["tasks"][0]["note"]
    flags = server.sql("SELECT kind, cleared_at FROM flags WHERE household_id = :h", h=HID)
    assert [(k, c is None) for k, c in flags] == [("anomaly", True)]
    reviewer = server.client("reviewer1")
    seen = reviewer.get(reviewer.url(f"/review/households/{HID}")).json()
    assert [a["kind"] for a in seen["anomalies"]] == ["missing_mother_name"]
    assert "anomaly" in [f["kind"] for f in seen["flags"]]
    with server.engine.connect() as conn:
        rows = {r["household_id"]: r for r in result_rows(conn, ROUND, None, verified_only=False)}
    assert rows[HID]["anomalies"] == "missing_mother_name" and rows[HID2]["anomalies"] == ""
    version = h["version"]
    assert enum1.push([_change_member(HID, version, mid, nama_ibu=(None, "Siti Aminah"))]).ok
    h = enum1.pull_until(aid, 0, lambda got: HID in got and got[HID]["anomalies"] == [])[HID]
    assert h["anomalies"] == [] and h["tasks"][0]["kind"] == "verivali"
    assert _open(server, HID) == set()
    flags = server.sql("SELECT kind, cleared_at FROM flags WHERE household_id = :h", h=HID)
    assert [(k, c is not None) for k, c in flags] == [("anomaly", True)]


def test_a_duplicate_made_by_a_push_shows_on_both_households_and_clears_on_both(server):
    enum1, enum3 = server.client("enum1"), server.client("enum3")
    other = enum3.household(server.assignment_ids["enum3"], HID_B)
    theirs = other["members"][0]
    mine = enum1.household(server.assignment_ids["enum1"], HID2)["members"][0]
    change = _change_member(
        HID2, 1, mine["member_id"], nik=(mine["values"]["nik"], theirs["values"]["nik"])
    )
    # The copied NIK also disagrees with the member's birth date: two anomalies on HID2.
    assert enum1.push([change]).ok
    assert ("duplicate_nik", "nik") in {(k, f) for _, _, k, f in _open(server, HID2)}
    assert _open(server, HID_B) == {(HID_B, theirs["member_id"], "duplicate_nik", "nik")}
    pulled_b = enum3.household(server.assignment_ids["enum3"], HID_B)
    assert pulled_b["anomalies"][0]["related"] == [mine["member_id"]]
    version = enum1.household(server.assignment_ids["enum1"], HID2)["version"]
    back = _change_member(
        HID2, version, mine["member_id"], nik=(theirs["values"]["nik"], mine["values"]["nik"])
    )
    assert enum1.push([back]).ok
    assert _open(server, HID2) == set() and _open(server, HID_B) == set()
    values = json.loads(
        server.scalar('SELECT "values" FROM members WHERE member_id = :m', m=mine["member_id"])
    )
    assert values["nik"] == mine["values"]["nik"]


def _list_elsewhere(server, hid, kode):
    """List a household under another desa, as a pre-list with a wrong kode wilayah does."""
    from sync_server.services import anomalies

    with server.engine.begin() as conn:
        values = json.loads(
            conn.execute(
                text('SELECT "values" FROM households WHERE household_id = :h'), {"h": hid}
            ).scalar_one()
        )
        values["kode_wilayah"] = kode
        conn.execute(
            text('UPDATE households SET kode_wilayah = :k, "values" = :v WHERE household_id = :h'),
            {"k": kode, "v": json.dumps(values), "h": hid},
        )
        anomalies.refresh(conn, [hid])
    return values


def test_a_household_listed_in_the_wrong_desa_reaches_the_desa_of_its_id_too(server):
    from server_prelist import DESA, OTHER_DESA

    enum1, enum3 = server.client("enum1"), server.client("enum3")
    a1, a3 = server.assignment_ids["enum1"], server.assignment_ids["enum3"]
    since1 = enum1.pull(a1)["next_since"]
    since3 = enum3.pull(a3)["next_since"]
    _list_elsewhere(server, HID, OTHER_DESA)
    assert server.sql("SELECT kode FROM household_reach WHERE household_id = :h", h=HID) == [
        (DESA,)
    ]
    # The desa its id names gets it (with the anomaly), and so does the desa it is listed in.
    mine = enum1.pull_until(a1, since1, lambda got: HID in got)
    assert [a["kind"] for a in mine[HID]["anomalies"]] == ["wrong_wilayah"]
    assert mine[HID]["values"]["kode_wilayah"] == OTHER_DESA and not mine[HID]["deleted"]
    theirs = enum3.pull_until(a3, since3, lambda got: HID in got)
    assert not theirs[HID]["deleted"]
    # The enumerator of the id's desa may edit it, and finds the family at home: the fix
    # moves it within their scope and kabupaten (no confirmation), the anomaly clears.
    version = mine[HID]["version"]
    alamat = mine[HID]["values"]["alamat"]
    entry = edit(HID, version, kode_wilayah=(OTHER_DESA, DESA), alamat=(alamat, "Jl. A"))
    r = enum1.push([{**entry, "verification": verification()}])
    assert r.status_code == 200, r.text
    assert r.json()["households"][0]["outcome"] != "conflict", r.text
    assert _open(server, HID) == set()
    assert server.sql("SELECT kode FROM household_reach WHERE household_id = :h", h=HID) == []
    # The visit counts toward enum1's round (the assignment of the desa it was found in).
    assert server.sql("SELECT round FROM verifications WHERE household_id = :h", h=HID) == [
        (ROUND,)
    ]
    after = enum3.pull_until(a3, since3, lambda got: got.get(HID, {}).get("deleted"))
    assert after[HID]["deleted"]
    mine = enum1.pull_until(
        a1, 0, lambda got: HID in got and got[HID]["values"]["kode_wilayah"] == DESA
    )
    assert mine[HID]["values"]["kode_wilayah"] == DESA


def test_a_household_outside_the_scope_and_not_pointing_into_it_stays_refused(server):
    from server_prelist import OTHER_DESA

    enum1 = server.client("enum1")
    assert HID_B[:10] == OTHER_DESA
    r = enum1.push([edit(HID_B, 1, alamat=(None, "Jl. B"))])
    assert r.status_code == 403, r.text
    assert HID_B not in enum1.pull_all(server.assignment_ids["enum1"])


def test_the_reviewer_of_the_region_its_ids_name_finds_a_wrongly_listed_household(server):
    """Listed in Kab. Garut, its household id names a desa of Kab. Bandung: Bandung's reviewer
    finds it under flag=anomaly and reads it; deciding on it stays with Garut."""
    import hashlib

    from server_harness import jpeg

    garut = "3205011001"
    _list_elsewhere(server, HID, garut)
    reviewer1, reviewer2 = server.client("reviewer1"), server.client("reviewer2")  # 3204, 3205
    # The enumerator of the id's desa visits it (they reach it) with a photo.
    enum1 = server.client("enum1")
    photo = jpeg(9)
    sha = hashlib.sha256(photo).hexdigest()
    put = enum1.put(enum1.url(f"/photos/{sha}"), data=photo, headers={"Content-Type": "image/jpeg"})
    assert put.status_code == 201, put.text
    aid = server.assignment_ids["enum1"]
    version = enum1.pull_until(aid, 0, lambda got: HID in got)[HID]["version"]
    pushed = enum1.push([{**edit(HID, version), "verification": verification([sha])}])
    assert pushed.status_code == 200, pushed.text
    body = reviewer1.get(reviewer1.url("/review/queue"), params={"flag": "anomaly"}).json()
    found = {h["household_id"]: h for h in body["households"]}
    assert found[HID]["reached"] is True and found[HID]["kode_wilayah"] == garut
    assert all(not h["reached"] for hid, h in found.items() if hid != HID)
    assert body["counts"]["anomaly"] == len(found)
    # Only the anomaly filter reaches out; the default queue and other flags stay as listed.
    plain = reviewer1.get(reviewer1.url("/review/queue"), params={"limit": 500}).json()
    assert HID not in {h["household_id"] for h in plain["households"]}
    # It reads the household; the decisions are Garut's.
    detail = reviewer1.get(reviewer1.url(f"/review/households/{HID}"))
    assert detail.status_code == 200, detail.text
    assert [a["kind"] for a in detail.json()["anomalies"]] == ["wrong_wilayah"]
    assert [p["sha256"] for p in detail.json()["photos"]] == [sha]
    assert reviewer1.get(reviewer1.url(f"/photos/{sha}")).content == photo
    decided = reviewer1.post(reviewer1.url(f"/review/households/{HID}"), json={"decision": "approve"})  # fmt: skip
    assert decided.status_code == 403, decided.text
    theirs = reviewer2.get(reviewer2.url("/review/queue"), params={"flag": "anomaly"}).json()
    assert {h["household_id"]: h["reached"] for h in theirs["households"]}[HID] is False
    # Fixed (listed where its id says): no longer reached, Bandung reviews it as its own.
    _list_elsewhere(server, HID, HID[:10])
    again = reviewer2.get(reviewer2.url("/review/queue"), params={"flag": "anomaly"}).json()
    assert HID not in {h["household_id"] for h in again["households"]}
    assert reviewer2.get(reviewer2.url(f"/review/households/{HID}")).status_code == 403
    assert reviewer2.get(reviewer2.url(f"/photos/{sha}")).status_code == 404


def test_a_wide_scope_reads_the_reach_of_households_listed_outside_it_and_follows_a_move(server):
    from server_prelist import DESA, OTHER_DESA

    from sync_server.services.pull import pull_page, reached_query

    def reached(scope):
        with server.engine.connect() as conn:
            return [r.household_id for r in conn.execute(reached_query(scope, 0, 100))]

    def pulled(scope):
        with server.engine.connect() as conn:
            page = pull_page(conn, scope, 0, 1000)
        return {h["household_id"]: h["deleted"] for h in page["households"]}

    def reach_rows():
        q = "SELECT kode, common FROM household_reach WHERE household_id = :h AND kode = :k"
        return server.sql(q, h=HID, k=DESA)

    # Listed in the next desa of the same kecamatan: its id's desa reads it through the reach
    # table, the kecamatan does not need to (it is listed inside it).
    _list_elsewhere(server, HID, OTHER_DESA)
    assert reach_rows() == [(DESA, 9)]
    assert reached(DESA) == [HID] and reached(DESA[:6]) == [] and reached(DESA[:4]) == []
    assert pulled(DESA[:6])[HID] is False and pulled(DESA)[HID] is False
    # Listed in another kabupaten now: the shared prefix follows, so the kabupaten and the
    # kecamatan of its id still get it (through the reach table) and never miss it.
    _list_elsewhere(server, HID, "3273011001")
    assert reach_rows() == [(DESA, 2)]
    assert reached(DESA[:4]) == [HID] and reached(DESA[:6]) == [HID] and reached("32") == []
    assert pulled(DESA[:4])[HID] is False and pulled(DESA[:6])[HID] is False
