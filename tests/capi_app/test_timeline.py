"""capi_app.timeline: the local audit of a real store read back as who changed what, when."""

import doctest

from capi_app import timeline

HID = "3204122002000001"


def test_the_module_examples_hold():
    assert doctest.testmod(timeline).failed == 0


def test_a_save_lists_only_the_answers_it_changed_newest_first(pulled):
    pulled.save_verification(
        HID, {"status_rt": "1", "members": [{"nama": "Siti"}]}, "draft", "siti"
    )
    pulled.set_field(HID, "alamat", "Jl. Melati 2", "siti")
    answers = {"status_rt": "1", "hasil": "2", "members": [{"nama": "Siti", "status_art": "2"}]}
    pulled.save_verification(HID, answers, "finalized", "siti")
    steps = timeline.timeline(pulled.audit(HID))
    kinds = [(s.kind, s.field, s.old, s.new) for s in steps]
    assert kinds == [
        ("saved", None, None, "finalized"),
        ("answer", "status_art", None, "2"),
        ("answer", "hasil", None, "2"),
        ("field", "alamat", "Jl. Mawar 1", "Jl. Melati 2"),
        ("saved", None, None, "draft"),
        ("answer", "status_rt", None, "1"),
        ("answer", "nama", None, "Siti"),
    ]
    member_step = steps[1]
    assert member_step.instance == ("members", 0) and member_step.instance_name == "Siti"
    assert all(s.at is not None and s.user == "siti" for s in steps)


def test_member_and_photo_steps_carry_who_and_why(pulled):
    member = pulled.household(HID).members[1].member_id
    pulled.remove_member(HID, member, "meninggal", None, "siti")
    pulled.restore_member(HID, member, "siti")
    steps = timeline.timeline(pulled.audit(HID))
    assert [s.kind for s in steps] == ["member_restored", "member_removed"]
    assert steps[1].member_id == member and steps[1].new["reason"] == "meninggal"
