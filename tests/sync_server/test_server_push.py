"""Push: the merge rule applied over real HTTP, one transaction per change-set."""

import gzip
import json
import uuid

from server_harness import HID, HID2, HID_B, changeset, edit, verification


def _alamat(server, hid=HID):
    return json.loads(
        server.scalar('SELECT "values" FROM households WHERE household_id = :h', h=hid)
    )["alamat"]


def _counts(server) -> dict:
    tables = ["changesets", "audit", "conflicts", "flags", "verifications"]
    return {t: server.scalar(f"SELECT count(*) FROM {t}") for t in tables} | {
        "seq": server.scalar("SELECT max(seq) FROM households"),
        "households": server.scalar("SELECT sum(version) FROM households"),
    }


def test_push_applies_a_field_change_and_audits_it(server):
    enum1 = server.client("enum1")
    r = enum1.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Melati 9"))])
    assert r.status_code == 200, r.text
    reply = r.json()["households"][0]
    assert reply["outcome"] == "applied" and reply["version"] == 2 and reply["conflicts"] == []
    assert _alamat(server) == "Jl. Melati 9"
    events = enum1.get(enum1.url(f"/households/{HID}/history")).json()["events"]
    assert [(e["field"], e["old"], e["new"], e["user"]) for e in events] == [
        ("alamat", "Jl. Mawar 1", "Jl. Melati 9", "enum1")
    ]
    assert enum1.household(server.assignment_ids["enum1"], HID)["version"] == 2


def test_two_enumerators_same_field_conflict_keeps_both_values(server):
    enum1, enum2 = server.client("enum1"), server.client("enum2")
    assert enum1.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Melati 9"))]).ok
    r = enum2.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Kenanga 4"))])
    assert r.status_code == 200, r.text
    reply = r.json()["households"][0]
    assert reply["outcome"] == "conflict"
    assert reply["conflicts"] == [
        {
            "field": "alamat",
            "base": "Jl. Mawar 1",
            "server": "Jl. Melati 9",
            "client": "Jl. Kenanga 4",
        }
    ]
    assert _alamat(server) == "Jl. Melati 9"
    rows = server.sql(
        "SELECT base, server, client, kind FROM conflicts WHERE household_id = :h", h=HID
    )
    assert [tuple(json.loads(v) if i < 3 else v for i, v in enumerate(r)) for r in rows] == [
        ("Jl. Mawar 1", "Jl. Melati 9", "Jl. Kenanga 4", "hard")
    ]
    assert (
        server.scalar("SELECT state FROM households WHERE household_id = :h", h=HID)
        == "needs_review"
    )


def test_two_enumerators_different_fields_merge_softly(server):
    enum1, enum2 = server.client("enum1"), server.client("enum2")
    assert enum1.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Melati 9"))]).ok
    r = enum2.push([edit(HID, 1, rt=("002", "007"))])
    reply = r.json()["households"][0]
    assert reply["outcome"] == "merged" and reply["version"] == 3 and reply["conflicts"] == []
    values = json.loads(
        server.scalar('SELECT "values" FROM households WHERE household_id = :h', h=HID)
    )
    assert (values["alamat"], values["rt"]) == ("Jl. Melati 9", "007")
    kinds = [r[0] for r in server.sql("SELECT kind FROM flags WHERE household_id = :h", h=HID)]
    assert kinds == ["parallel_edit"]
    assert server.scalar("SELECT state FROM households WHERE household_id = :h", h=HID) == "open"


def test_same_changeset_twice_applies_once(server):
    enum1 = server.client("enum1")
    body = changeset([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Melati 9"))], enum1.device_id)
    first = enum1.post(enum1.url("/changesets"), json=body)
    before = _counts(server)
    second = enum1.post(enum1.url("/changesets"), json=body)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert _counts(server) == before
    assert server.scalar("SELECT version FROM households WHERE household_id = :h", h=HID) == 2


def test_altered_replay_is_409_and_writes_nothing(server):
    enum1 = server.client("enum1")
    cid = str(uuid.uuid4())
    assert enum1.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Melati 9"))], cid).ok
    before = _counts(server)
    r = enum1.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Anggrek 2"))], cid)
    assert r.status_code == 409
    assert cid in r.json()["detail"]
    assert _counts(server) == before


def test_household_outside_scope_is_403_naming_it_and_nothing_written(server):
    enum1 = server.client("enum1")
    before = _counts(server)
    r = enum1.push(
        [edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Melati 9")), edit(HID_B, 1, rt=("002", "005"))]
    )
    assert r.status_code == 403
    body = r.json()
    assert body["household_id"] == HID_B and HID_B in body["detail"]
    assert _counts(server) == before
    assert _alamat(server) == "Jl. Mawar 1"


def test_invalid_value_is_422_naming_household_and_field_and_nothing_written(server):
    enum1 = server.client("enum1")
    before = _counts(server)
    r = enum1.push(
        [edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Melati 9")), edit(HID2, 1, rt=("003", "7"))]
    )
    assert r.status_code == 422
    body = r.json()
    assert (body["household_id"], body["field"]) == (HID2, "rt")
    assert f"household {HID2}, field rt" in body["detail"]
    assert _counts(server) == before


def test_unknown_field_and_wrong_type_are_422(server):
    enum1 = server.client("enum1")
    r = enum1.push([edit(HID, 1, warna_rumah=(None, "hijau"))])
    assert r.status_code == 422 and r.json()["field"] == "warna_rumah"
    r = enum1.push([edit(HID, 1, desil=(2, "3"))])
    assert r.status_code == 422 and r.json()["field"] == "desil"
    r = enum1.push([{"household_id": HID, "base_version": "x"}])
    assert r.status_code == 422 and r.json()["household_id"] == HID
    assert r.json()["detail"].startswith(f"household {HID}, field base_version")


def test_member_removal_is_a_flag_with_reason(server):
    enum1 = server.client("enum1")
    member = f"{HID}02"
    change = {
        "household_id": HID,
        "base_version": 1,
        "members": [
            {"op": "remove", "member_id": member, "reason": "meninggal", "date": "2026-10-20"}
        ],
    }
    r = enum1.push([change])
    assert r.json()["households"][0]["outcome"] == "applied"
    row = server.sql(
        "SELECT status, removal_reason, removal_date FROM members WHERE member_id = :m", m=member
    )
    assert tuple(row[0]) == ("removed", "meninggal", "2026-10-20")
    flags = server.sql("SELECT kind, detail FROM flags WHERE household_id = :h", h=HID)
    assert [f[0] for f in flags] == ["member_removed"] and "meninggal" in flags[0][1]
    pulled = enum1.household(server.assignment_ids["enum1"], HID)
    assert {m["member_id"]: m["status"] for m in pulled["members"]}[member] == "removed"


def test_member_removal_for_an_unknown_reason_is_422_naming_the_member(server):
    enum1 = server.client("enum1")
    member = f"{HID}02"
    change = {
        "household_id": HID,
        "base_version": 1,
        "members": [{"op": "remove", "member_id": member, "reason": "hilang", "date": None}],
    }
    r = enum1.push([change])
    assert r.status_code == 422
    assert r.json()["field"] == f"members.{member}.reason"
    assert "not one of meninggal, pindah, lainnya" in r.json()["detail"]
    status = server.sql("SELECT status FROM members WHERE member_id = :m", m=member)
    assert status[0][0] == "active"


def test_member_add_and_change(server):
    enum1 = server.client("enum1")
    new_id = str(uuid.uuid4())
    values = {
        "nik": "3204125505150003",
        "nama": "Bayu",
        "hubungan": 3,
        "jenis_kelamin": 1,
        "tanggal_lahir": "2015-05-15",
        "status_kawin": 1,
    }
    change = {
        "household_id": HID,
        "base_version": 1,
        "members": [
            {"op": "add", "member_id": new_id, "values": values},
            {
                "op": "change",
                "member_id": f"{HID}01",
                "fields": {"pekerjaan": {"base": 2, "value": 6}},
            },
        ],
    }
    r = enum1.push([change])
    assert r.status_code == 200, r.text
    members = {
        m["member_id"]: m for m in enum1.household(server.assignment_ids["enum1"], HID)["members"]
    }
    assert members[new_id]["values"]["nama"] == "Bayu"
    assert members[f"{HID}01"]["values"]["pekerjaan"] == 6


def test_bad_member_value_is_422_naming_member_field(server):
    enum1 = server.client("enum1")
    change = {
        "household_id": HID,
        "base_version": 1,
        "members": [
            {
                "op": "change",
                "member_id": f"{HID}01",
                "fields": {"nik": {"base": None, "value": "123"}},
            }
        ],
    }
    r = enum1.push([change])
    assert r.status_code == 422
    assert r.json()["field"] == f"members.{HID}01.nik"


def test_two_verifications_in_one_round_are_both_kept_and_flagged(server):
    enum1, clerk1 = server.client("enum1"), server.client("clerk1")
    assert enum1.push([{**edit(HID, 1), "verification": verification()}]).ok
    r = clerk1.push([{**edit(HID, 1), "verification": verification(result="pindah")}], mode="PAPI")
    assert r.status_code == 200, r.text
    assert server.scalar("SELECT count(*) FROM verifications WHERE household_id = :h", h=HID) == 2
    kinds = {r[0] for r in server.sql("SELECT kind FROM flags WHERE household_id = :h", h=HID)}
    assert "duplicate_verification" in kinds
    assert (
        server.scalar("SELECT state FROM households WHERE household_id = :h", h=HID)
        == "needs_review"
    )


def test_new_household_is_stored_as_a_proposal(server):
    enum1 = server.client("enum1")
    hid = str(uuid.uuid4())
    values = {
        "no_kk": "3204120101200001",
        "kode_wilayah": "3204122002",
        "alamat": "Kp. Baru 1",
        "rt": "001",
        "rw": "001",
        "nama_krt": "Ujang Baru",
        "jumlah_art": 1,
    }
    r = enum1.push([{"household_id": hid, "base_version": 0, "new": True, "values": values}])
    assert r.status_code == 200, r.text
    assert r.json()["households"][0]["version"] == 1
    row = server.sql("SELECT proposed, state FROM households WHERE household_id = :h", h=hid)[0]
    assert bool(row[0]) and row[1] == "needs_review"
    assert hid in enum1.pull_all(server.assignment_ids["enum1"])


def test_gzip_encoded_push_is_accepted(server):
    enum1 = server.client("enum1")
    body = changeset([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Melati 9"))], enum1.device_id)
    r = enum1.post(
        enum1.url("/changesets"),
        data=gzip.compress(json.dumps(body).encode()),
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert r.status_code == 200, r.text
    assert _alamat(server) == "Jl. Melati 9"


def test_reviewer_cannot_push(server):
    r = server.client("reviewer1").push([edit(HID, 1, alamat=("Jl. Mawar 1", "x"))])
    assert r.status_code == 403


def test_finalized_verification_is_checked_against_the_form(server):
    enum1 = server.client("enum1")
    before = _counts(server)
    r = enum1.push([{**edit(HID, 1), "verification": verification(status="finalized", answers={})}])
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["household_id"] == HID
    assert body["field"].startswith("verification.answers.")
    assert _counts(server) == before
