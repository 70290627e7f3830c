"""A pulled household that ``replaces`` a local proposal moves it to the permanent id: pending
fields, members, verification, photos and outbox references, in the pull page's transaction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_samples import ASSIGNMENT

from capi_app.media import import_photo
from capi_app.store import households as store_households
from capi_app.store.errors import UnknownHousehold
from dtks.model import Household, Member, PullPage, ReviewInfo, parse_pull_page

PHOTO = Path(__file__).resolve().parent / "photos" / "Canon_40D.jpg"
NEW_ID = "3204122002000021"
VALUES = {
    "no_kk": "3204120101150009",
    "kode_wilayah": "3204122002",
    "alamat": "Jl. Baru 1",
    "rt": "001",
    "rw": "001",
    "nama_krt": "Ujang Baru",
    "jumlah_art": 1,
}
HEAD = {
    "nik": "3204120508900003",
    "nama": "Ujang Baru",
    "hubungan": 1,
    "jenis_kelamin": 1,
    "tanggal_lahir": "1990-08-05",
    "status_kawin": 2,
}


def _proposal(store):
    hid = store.add_household(VALUES, ASSIGNMENT.id, "enum1")
    mid = store.add_member(hid, HEAD, "enum1")
    record = import_photo(store, hid, PHOTO, "enum1")
    answers = {"status_rt": "1", "hasil": "1"}
    store.save_verification(hid, answers, "finalized", "enum1", result="1")
    assert store.build_changeset("device-1", "verivali_dtks", "2026110101") is not None
    return hid, mid, record.sha256


def _page(hid, mid):
    member = Member(member_id=f"{NEW_ID}01", values=HEAD, version=1, replaces=mid)
    approved = Household(
        household_id=NEW_ID,
        version=2,
        values=VALUES,
        members=[member],
        review=ReviewInfo("approved", None),
        replaces=hid,
    )
    page = PullPage([approved, Household(household_id=hid, version=2, deleted=True)], 42, False)
    return parse_pull_page(json.dumps(page.to_json()))  # as it arrives: replaces survives the wire


def test_pull_moves_the_local_proposal_to_its_permanent_id(store):
    hid, mid, sha = _proposal(store)
    store.apply_pull_page(ASSIGNMENT.id, _page(hid, mid))
    with pytest.raises(UnknownHousehold):
        store.household(hid)
    hv = store.household(NEW_ID)
    assert not hv.is_new and hv.values["alamat"] == "Jl. Baru 1"
    assert [m.member_id for m in hv.members] == [f"{NEW_ID}01"]
    assert hv.verification.answers == {"status_rt": "1", "hasil": "1"}
    assert hv.photos == [sha] and [p.sha256 for p in store.photos(NEW_ID)] == [sha]
    (item,) = store.pending_changesets()
    assert list(item.household_ids) == [NEW_ID]
    body = json.loads(item.payload)
    assert [h["household_id"] for h in body["households"]] == [NEW_ID]
    assert [op["member_id"] for op in body["households"][0]["members"]] == [f"{NEW_ID}01"]
    assert {h.household_id for h in store.search("Ujang")} == {NEW_ID}
    assert store.last_seq(ASSIGNMENT.id) == 42
    for table in ("pending_fields", "pending_members", "verifications", "photos", "audit"):
        n = store.db.execute(f"SELECT count(*) FROM {table} WHERE household_id = ?", [hid])
        assert n.fetchone()[0] == 0, table


def test_a_failed_page_leaves_the_proposal_where_it_was(store, monkeypatch):
    hid, mid, _ = _proposal(store)

    def broken(*args):
        raise RuntimeError("power cut")

    monkeypatch.setattr(store_households, "_upsert_household", broken)
    with pytest.raises(RuntimeError):
        store.apply_pull_page(ASSIGNMENT.id, _page(hid, mid))
    assert store.household(hid).is_new
    with pytest.raises(UnknownHousehold):
        store.household(NEW_ID)


def test_replaces_of_a_household_not_on_this_device_is_a_plain_pull(store):
    store.apply_pull_page(ASSIGNMENT.id, _page("not-here", "nobody"))
    assert store.household(NEW_ID).values["nama_krt"] == "Ujang Baru"
