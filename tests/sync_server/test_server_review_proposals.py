"""A household proposed in the field (usulan baru) gets a permanent DTKS id on approval: its
members, verification, photos and history move along, the UUID becomes a tombstone, and the
reply and the next pull carry ``replaces``."""

import hashlib
import uuid

from server_harness import HOUSEHOLDS_A, edit, jpeg, verification
from server_prelist import DESA

JPEG = jpeg(8)
ELIGIBLE = {"status_rt": "1", "hasil": "1"}


def _proposal(hid, head, child):
    values = {
        "no_kk": "3204120101150009",
        "kode_wilayah": DESA,
        "alamat": "Jl. Baru 1",
        "rt": "001",
        "rw": "001",
        "nama_krt": "Ujang Baru",
        "jumlah_art": 2,
    }
    member = {
        "nama": "Ujang Baru",
        "hubungan": 1,
        "jenis_kelamin": 1,
        "tanggal_lahir": "1990-08-05",
        "status_kawin": 2,
        "nik": "3204120508900003",
    }
    kid = {**member, "nama": "Anak Baru", "hubungan": 3, "tanggal_lahir": "2015-03-02"}
    kid.update(nik="3204120203150004", status_kawin=1)
    return {
        "household_id": hid,
        "base_version": 0,
        "new": True,
        "values": values,
        # the child first: renumbering puts the head first anyway
        "members": [
            {"op": "add", "member_id": child, "values": kid},
            {"op": "add", "member_id": head, "values": member},
        ],
        "verification": verification(photos=[hashlib.sha256(JPEG).hexdigest()], answers=ELIGIBLE),
    }


def test_approved_proposal_gets_a_permanent_id_and_pulls_with_replaces(server):
    enum1, enum2 = server.client("enum1"), server.client("enum2")
    aid = server.assignment_ids["enum1"]
    since = enum1.pull(aid)["next_since"]
    sha = hashlib.sha256(JPEG).hexdigest()
    assert enum1.put(enum1.url(f"/photos/{sha}"), data=JPEG).status_code == 201
    hid, head, child = (str(uuid.uuid4()) for _ in range(3))
    r = enum1.push([_proposal(hid, head, child)])
    assert r.status_code == 200, r.text
    reviewer = server.client("reviewer1")
    queue = reviewer.get(reviewer.url("/review/queue"), params={"flag": "new_household"}).json()
    (item,) = queue["households"]
    assert (
        item["household_id"] == hid and item["proposed"] and "eligibility_changed" in item["flags"]
    )
    r = reviewer.post(reviewer.url(f"/review/households/{hid}"), json={"decision": "approve"})
    assert r.status_code == 200, r.text
    new_id = f"{DESA}{HOUSEHOLDS_A + 1:06d}"
    assert r.json()["household_id"] == new_id and r.json()["replaces"] == hid
    assert r.json()["state"] == "approved"
    approved = server.sql("SELECT household_id, level FROM approvals")
    assert [tuple(a) for a in approved] == [(new_id, "kabkota")]

    page = enum1.pull(aid, since)["households"]
    by_id = {h["household_id"]: h for h in page}
    assert by_id[hid]["deleted"] is True
    pulled = by_id[new_id]
    assert pulled["replaces"] == hid and pulled["values"]["alamat"] == "Jl. Baru 1"
    assert [(m["member_id"], m["replaces"]) for m in pulled["members"]] == [
        (f"{new_id}01", head),
        (f"{new_id}02", child),
    ]
    ids = [h["household_id"] for h in page]
    assert ids.index(new_id) < ids.index(hid), "the move must come before the tombstone"
    other = enum2.pull_all(server.assignment_ids["enum2"])
    assert other[hid]["deleted"] is True and other[new_id]["replaces"] == hid

    detail = reviewer.get(reviewer.url(f"/review/households/{new_id}")).json()
    assert detail["household"]["state"] == "approved"
    assert [v["user"] for v in detail["verifications"]] == ["enum1"]
    assert [p["sha256"] for p in detail["photos"]] == [sha]
    assert {f["kind"] for f in detail["flags"]} >= {"new_household"}
    fields = [e["field"] for e in detail["history"]]
    assert fields[-2:] == ["@review", "@id"] and len(fields) > 2, fields
    assert server.scalar("SELECT count(*) FROM members WHERE household_id = :h", h=hid) == 0
    assert (
        server.scalar("SELECT replaced_by FROM households WHERE household_id = :h", h=hid) == new_id
    )
    r = reviewer.post(reviewer.url(f"/review/households/{hid}"), json={"decision": "approve"})
    assert r.status_code == 409 and new_id in r.json()["detail"]

    stale = enum1.push([{**edit(hid, 1, alamat=("Jl. Baru 1", "Jl. Baru 1A"))}])
    assert stale.status_code == 409 and new_id in stale.json()["detail"]
    fixed = enum1.push([edit(new_id, pulled["version"], alamat=("Jl. Baru 1", "Jl. Baru 1A"))])
    assert fixed.json()["households"][0]["outcome"] == "applied", fixed.text


def test_permanent_ids_count_up_within_the_desa(server):
    enum1, reviewer = server.client("enum1"), server.client("reviewer1")
    sha = hashlib.sha256(JPEG).hexdigest()
    enum1.put(enum1.url(f"/photos/{sha}"), data=JPEG)
    proposals = [tuple(str(uuid.uuid4()) for _ in range(3)) for _ in range(2)]
    for hid, head, child in proposals:
        proposal = _proposal(hid, head, child)
        proposal["values"]["alamat"] = f"Jl. Baru {hid[:4]}"
        assert enum1.push([proposal]).status_code == 200
    new_ids = []
    for hid, _, _ in proposals:
        r = reviewer.post(reviewer.url(f"/review/households/{hid}"), json={"decision": "approve"})
        new_ids.append(r.json()["household_id"])
    assert new_ids == [f"{DESA}{HOUSEHOLDS_A + n:06d}" for n in (1, 2)]
