"""capi_app.store changesets: built once from finalized households, replies applied once."""

from __future__ import annotations

import json
from datetime import date

from store_samples import ASSIGNMENT, make_household

from dtks.model import ChangeSetReply, ConflictRecord, HouseholdReply, parse_changeset

HID = "3204122002000001"
HID2 = "3204122002000002"
MID = HID + "02"


def _build(store):
    return store.build_changeset(
        store.device_id(), ASSIGNMENT.form_id, ASSIGNMENT.form_version, "CAPI"
    )


def _edit_and_finalize(store):
    store.set_field(HID, "alamat", "Jl. Mawar 5", user="siti")
    store.change_member(HID, MID, {"pekerjaan": 6}, user="siti")
    new_id = store.add_member(HID, {"nama": "Bayi Baru", "hubungan": 5}, user="siti")
    store.remove_member(HID, HID + "03", "meninggal", date(2026, 10, 20), user="siti")
    store.save_verification(HID, {"q1": "ya"}, "finalized", "siti", result="found")
    return new_id


def test_nothing_finalized_builds_nothing(pulled):
    pulled.set_field(HID, "alamat", "Jl. Mawar 5", user="siti")
    assert _build(pulled) is None


def test_changeset_payload_follows_the_protocol(pulled):
    new_id = _edit_and_finalize(pulled)
    changeset_id, payload = _build(pulled)
    cs = parse_changeset(payload)
    assert cs.changeset_id == changeset_id and cs.device_id == pulled.device_id()
    assert cs.form_id == "verivali_dtks" and cs.mode == "CAPI"
    (hc,) = cs.households
    assert hc.household_id == HID and hc.base_version == 1 and not hc.new
    assert hc.fields["alamat"].base == "Jl. Mawar 1" and hc.fields["alamat"].value == "Jl. Mawar 5"
    ops = {(m.op, m.member_id): m for m in hc.members}
    assert ops[("change", MID)].fields["pekerjaan"].value == 6
    assert ops[("add", new_id)].values["nama"] == "Bayi Baru"
    assert ops[("remove", HID + "03")].reason == "meninggal"
    assert hc.verification.status == "finalized" and hc.verification.answers == {"q1": "ya"}
    assert pulled.household_state(HID) == "pending_sync"


def test_a_retry_sends_the_same_id_and_bytes(pulled):
    _edit_and_finalize(pulled)
    changeset_id, payload = _build(pulled)
    assert _build(pulled) is None  # nothing new to freeze
    (item,) = pulled.pending_changesets()
    assert (item.changeset_id, item.payload, item.household_ids) == (changeset_id, payload, [HID])


def _reply(changeset_id, outcome, version=2, conflicts=(), message=None, hid=HID):
    return ChangeSetReply(
        changeset_id=changeset_id,
        households=[
            HouseholdReply(
                household_id=hid,
                outcome=outcome,
                version=version,
                conflicts=list(conflicts),
                message=message,
            )
        ],
    )


def test_applied_reply_clears_pending_and_updates_the_server_copy(pulled):
    new_id = _edit_and_finalize(pulled)
    changeset_id, _ = _build(pulled)
    assert pulled.apply_reply(_reply(changeset_id, "applied")) == {HID: "synced"}
    hv = pulled.household(HID)
    assert hv.state == "synced" and hv.version == 2 and hv.base_version is None
    assert not hv.pending and hv.server_values["alamat"] == "Jl. Mawar 5"
    members = {m.member_id: m for m in hv.members}
    assert members[MID].values["pekerjaan"] == 6 and not members[MID].pending
    assert members[new_id].origin == "server"
    assert members[HID + "03"].status == "removed" and not members[HID + "03"].removal_pending
    assert pulled.pending_changesets() == []
    # the same reply again (a retry that got the stored reply) changes nothing
    assert pulled.apply_reply(_reply(changeset_id, "applied")) == {}
    # and the household is editable again
    pulled.set_field(HID, "rt", "004", user="siti")
    assert pulled.household(HID).pending["rt"].base == "002"


def test_conflict_reply_puts_the_household_in_review(pulled):
    _edit_and_finalize(pulled)
    changeset_id, _ = _build(pulled)
    conflict = ConflictRecord(
        field="alamat", base="Jl. Mawar 1", server="Jl. Mawar 1A", client="Jl. Mawar 5"
    )
    pulled.apply_reply(_reply(changeset_id, "conflict", version=3, conflicts=[conflict]))
    hv = pulled.household(HID)
    assert hv.state == "in_review" and hv.version == 3
    assert hv.server_values["alamat"] == "Jl. Mawar 1A"
    assert not hv.pending
    approved = make_household(1, version=4, alamat="Jl. Mawar 5")
    pulled.upsert_pulled([approved], ASSIGNMENT.id)
    assert pulled.household_state(HID) == "synced"


def test_rejected_reply_keeps_edits_pending_with_the_message(pulled):
    _edit_and_finalize(pulled)
    changeset_id, _ = _build(pulled)
    message = "household 3204122002000001, field alamat: too long"
    pulled.apply_reply(_reply(changeset_id, "rejected", version=None, message=message))
    hv = pulled.household(HID)
    assert hv.state == "finalized" and hv.message == message
    assert hv.pending["alamat"].value == "Jl. Mawar 5"
    assert pulled.pending_changesets() == []
    assert _build(pulled) is None  # not resent as is: the user must look at it first
    pulled.set_field(HID, "alamat", "Jl. Mawar 5B", user="siti")
    changeset2, payload2 = _build(pulled)
    assert changeset2 != changeset_id
    assert parse_changeset(payload2).households[0].fields["alamat"].value == "Jl. Mawar 5B"


def test_a_refused_changeset_unfreezes_its_households(pulled):
    _edit_and_finalize(pulled)
    pulled.save_verification(HID2, {}, "finalized", "siti")
    changeset_id, _ = _build(pulled)
    pulled.fail_changeset(changeset_id, "household 3204122002000002: photo missing", HID2)
    assert pulled.household_state(HID) == "finalized"
    assert pulled.household(HID2).message.endswith("photo missing")
    changeset2, payload2 = _build(pulled)
    assert [h.household_id for h in parse_changeset(payload2).households] == [HID]


def test_changeset_limits_its_size_and_the_rest_follows(pulled):
    for i in range(1, 6):
        pulled.save_verification(f"3204122002{i:06d}", {}, "finalized", "siti")
    sizes = []
    while built := pulled.build_changeset(
        pulled.device_id(), ASSIGNMENT.form_id, ASSIGNMENT.form_version, max_households=2
    ):
        sizes.append(len(json.loads(built[1])["households"]))
    assert sizes == [2, 2, 1]
    assert pulled.counts_by_state()["pending_sync"] == 5


def test_new_household_is_sent_with_its_values(pulled):
    hid = pulled.add_household({"alamat": "Jl. Baru 1", "nama_krt": "Rudi"}, ASSIGNMENT.id, "siti")
    pulled.add_member(hid, {"nama": "Rudi"}, user="siti")
    pulled.save_verification(hid, {}, "finalized", "siti")
    changeset_id, payload = _build(pulled)
    (hc,) = parse_changeset(payload).households
    assert (
        hc.new
        and hc.base_version == 0
        and hc.values == {"alamat": "Jl. Baru 1", "nama_krt": "Rudi"}
    )
    assert [m.op for m in hc.members] == ["add"]
    pulled.apply_reply(_reply(changeset_id, "applied", version=1, hid=hid))
    hv = pulled.household(hid)
    assert not hv.is_new and hv.state == "synced" and hv.values["nama_krt"] == "Rudi"
