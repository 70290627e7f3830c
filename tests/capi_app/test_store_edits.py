"""capi_app.store: pulled data, pending edits with their base, members, verification, states."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from store_samples import ASSIGNMENT, make_household

from capi_app.store import HouseholdLocked, InvalidEdit, UnknownHousehold, UnknownMember
from dtks.model import Gps, Household, PullPage, ReviewInfo

HID = "3204122002000001"
MID = HID + "02"
WIB = timezone(timedelta(hours=7))


def test_pulled_household_reads_back_typed(pulled):
    hv = pulled.household(HID)
    assert hv.version == 1 and hv.state == "not_visited" and not hv.pending
    assert hv.values["alamat"] == "Jl. Mawar 1"
    assert [m.member_id for m in hv.members] == [HID + "01", HID + "02", HID + "03"]
    assert hv.members[1].values["pekerjaan"] == 2
    assert hv.verification is None


def test_set_field_keeps_the_server_value_as_base_and_audits(pulled):
    assert pulled.set_field(HID, "alamat", "Jl. Mawar 5", user="siti")
    hv = pulled.household(HID)
    assert hv.values["alamat"] == "Jl. Mawar 5"
    assert hv.server_values["alamat"] == "Jl. Mawar 1"
    assert hv.pending["alamat"].base == "Jl. Mawar 1"
    assert hv.state == "draft" and hv.base_version == 1
    pulled.set_field(HID, "alamat", "Jl. Mawar 7", user="siti")
    assert pulled.household(HID).pending["alamat"].base == "Jl. Mawar 1"
    log = pulled.audit(HID)
    assert [(r["user"], r["field"], r["old"], r["new"]) for r in log] == [
        ("siti", "alamat", '"Jl. Mawar 1"', '"Jl. Mawar 5"'),
        ("siti", "alamat", '"Jl. Mawar 5"', '"Jl. Mawar 7"'),
    ]


def test_setting_the_same_value_is_not_an_edit(pulled):
    assert not pulled.set_field(HID, "alamat", "Jl. Mawar 1", user="siti")
    assert pulled.household_state(HID) == "not_visited"


def test_setting_a_field_back_to_its_base_drops_the_pending_edit(pulled):
    pulled.set_field(HID, "rt", "009", user="siti")
    pulled.set_field(HID, "rt", "002", user="siti")
    assert "rt" not in pulled.household(HID).pending


def test_bad_edits_are_refused_with_the_field_named(pulled):
    with pytest.raises(InvalidEdit, match="household_id"):
        pulled.set_field(HID, "household_id", "x", user="siti")
    with pytest.raises(InvalidEdit, match="alamat"):
        pulled.set_field(HID, "alamat", {"nested": 1}, user="siti")
    with pytest.raises(UnknownHousehold, match="3204122002999999"):
        pulled.set_field("3204122002999999", "alamat", "x", user="siti")
    with pytest.raises(UnknownMember):
        pulled.change_member(HID, "nope", {"nama": "x"}, user="siti")


def test_pull_never_overwrites_a_pending_edit_and_records_the_new_server_value(pulled):
    pulled.set_field(HID, "alamat", "Jl. Mawar 5", user="siti")
    pulled.change_member(HID, MID, {"pekerjaan": 6}, user="siti")
    newer = make_household(1, version=2, alamat="Jl. Mawar 1A", rw="003")
    pulled.upsert_pulled([newer], ASSIGNMENT.id)
    hv = pulled.household(HID)
    assert hv.version == 2 and hv.base_version == 1
    assert hv.values["alamat"] == "Jl. Mawar 5"  # the user's edit stays
    assert hv.values["rw"] == "003"  # untouched fields follow the server
    assert hv.pending["alamat"].base == "Jl. Mawar 1"  # the base stays for the merge rule
    assert hv.pending["alamat"].server_changed and hv.pending["alamat"].server == "Jl. Mawar 1A"
    assert hv.members[1].values["pekerjaan"] == 6
    assert not hv.members[1].pending["pekerjaan"].server_changed
    assert hv.state == "draft"


def test_members_can_be_changed_added_and_removed(pulled):
    pulled.change_member(HID, MID, {"nama": "Dewi Kartika", "pekerjaan": 5}, user="siti")
    new_id = pulled.add_member(HID, {"nama": "Bayi Baru", "hubungan": 5}, user="siti")
    pulled.remove_member(HID, HID + "03", "meninggal", date(2026, 10, 20), user="siti")
    hv = pulled.household(HID)
    by_id = {m.member_id: m for m in hv.members}
    assert by_id[MID].values["nama"] == "Dewi Kartika" and by_id[MID].pending["nama"].base
    assert by_id[new_id].origin == "local" and by_id[new_id].values["nama"] == "Bayi Baru"
    removed = by_id[HID + "03"]
    assert removed.status == "removed" and removed.removal_pending
    assert removed.removal_reason == "meninggal" and removed.removal_date == date(2026, 10, 20)
    pulled.change_member(HID, new_id, {"nama": "Bayi Laki"}, user="siti")
    assert {m.member_id: m for m in pulled.household(HID).members}[new_id].values["nama"] == (
        "Bayi Laki"
    )
    pulled.restore_member(HID, HID + "03", user="siti")
    assert {m.member_id: m for m in pulled.household(HID).members}[HID + "03"].status == "active"


def test_removing_needs_a_reason(pulled):
    with pytest.raises(InvalidEdit, match="reason"):
        pulled.remove_member(HID, MID, "  ", None, user="siti")


def test_removing_for_a_reason_outside_the_dtks_list_is_refused(pulled):
    with pytest.raises(InvalidEdit, match="not one of meninggal, pindah, lainnya"):
        pulled.remove_member(HID, MID, "hilang", None, user="siti")
    pulled.remove_member(HID, MID, "lainnya", None, user="siti")
    removed = {m.member_id: m for m in pulled.household(HID).members}[MID]
    assert removed.status == "removed" and removed.removal_reason == "lainnya"


def test_removing_a_member_added_here_takes_it_back(pulled):
    new_id = pulled.add_member(HID, {"nama": "Salah Ketik"}, user="siti")
    pulled.remove_member(HID, new_id, "lainnya", None, user="siti")
    assert new_id not in {m.member_id for m in pulled.household(HID).members}


def test_verification_draft_then_finalized(pulled):
    gps = Gps(lat=-6.98765, lon=107.62912, accuracy_m=8, source="device")
    started = datetime(2026, 11, 2, 9, 30, tzinfo=WIB)
    assert (
        pulled.save_verification(HID, {"q1": "ya"}, "draft", "siti", started_at=started) == "draft"
    )
    state = pulled.save_verification(
        HID, {"q1": "ya", "q2": 3}, "finalized", "siti", result="found", gps=gps
    )
    assert state == "finalized"
    v = pulled.household(HID).verification
    assert v.answers == {"q1": "ya", "q2": 3} and v.result == "found"
    assert v.gps == gps and v.started_at == started and v.finished_at is not None


def test_verification_refuses_naive_timestamps(pulled):
    with pytest.raises(InvalidEdit, match="time zone"):
        pulled.save_verification(HID, {}, "draft", "siti", started_at=datetime(2026, 11, 2))


def test_review_state_from_the_server(pulled):
    returned = make_household(2, version=3)
    returned = Household(**{**returned.__dict__, "review": ReviewInfo("returned", "foto buram")})
    pulled.upsert_pulled([returned], ASSIGNMENT.id)
    hid = returned.household_id
    assert pulled.household_state(hid) == "returned"
    assert pulled.household(hid).review == ReviewInfo("returned", "foto buram")
    assert pulled.review_notes(hid)[0]["note"] == "foto buram"
    flagged = Household(**{**returned.__dict__, "review": ReviewInfo("needs_review", None)})
    pulled.upsert_pulled([flagged], ASSIGNMENT.id)
    assert pulled.household_state(hid) == "in_review"


def test_a_tombstone_hides_a_clean_household_but_keeps_local_edits(pulled):
    pulled.set_field(HID, "alamat", "Jl. Mawar 5", user="siti")
    gone = [
        Household(household_id=HID, version=4, deleted=True),
        Household(household_id="3204122002000002", version=4, deleted=True),
    ]
    pulled.upsert_pulled(gone, ASSIGNMENT.id)
    assert pulled.household_state(HID) == "draft"
    assert pulled.household(HID).deleted
    assert pulled.household_state("3204122002000002") == "deleted"
    assert pulled.counts_by_state()["not_visited"] == 18
    assert not [h for h in pulled.search("3204122002000002") if h.member_id is None]


def test_apply_pull_page_advances_last_seq_with_the_data(pulled):
    page = PullPage(households=[make_household(30)], next_since=1234, more=False)
    pulled.apply_pull_page(ASSIGNMENT.id, page)
    assert pulled.last_seq(ASSIGNMENT.id) == 1234
    assert pulled.household("3204122002000030").version == 1


def test_counts_by_state_covers_every_state(pulled):
    pulled.set_field(HID, "rt", "009", user="siti")
    pulled.save_verification("3204122002000002", {}, "finalized", "siti")
    counts = pulled.counts_by_state()
    assert counts == {
        "not_visited": 18,
        "draft": 1,
        "finalized": 1,
        "pending_sync": 0,
        "synced": 0,
        "in_review": 0,
        "returned": 0,
    }
    assert [h.household_id for h in pulled.list_households("draft")] == [HID]


def test_new_household_proposed_in_the_field(pulled):
    hid = pulled.add_household(
        {"alamat": "Jl. Baru 1", "nama_krt": "Rudi Hartono", "no_kk": "3204122002990001"},
        ASSIGNMENT.id,
        user="siti",
    )
    hv = pulled.household(hid)
    assert hv.is_new and hv.values["nama_krt"] == "Rudi Hartono" and hv.state == "draft"
    assert pulled.search("rudi")[0].household_id == hid


def test_edits_are_locked_while_the_household_waits_in_the_outbox(pulled):
    pulled.save_verification(HID, {}, "finalized", "siti")
    pulled.build_changeset(pulled.device_id(), ASSIGNMENT.form_id, ASSIGNMENT.form_version)
    with pytest.raises(HouseholdLocked, match=HID):
        pulled.set_field(HID, "alamat", "x", user="siti")


def test_a_member_the_server_dropped_keeps_its_unsent_edits(pulled):
    pulled.change_member(HID, MID, {"pekerjaan": 6}, user="siti")
    fewer = make_household(1, version=2)
    fewer = Household(**{**fewer.__dict__, "members": [fewer.members[0]]})
    pulled.upsert_pulled([fewer], ASSIGNMENT.id)
    members = {m.member_id: m for m in pulled.household(HID).members}
    assert members[MID].values["pekerjaan"] == 6
    assert HID + "03" not in members
