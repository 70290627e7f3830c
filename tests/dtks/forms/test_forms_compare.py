"""The double-entry comparison of dtks.forms.compare on the verivali form."""

import copy

from forms_fixtures import NOW
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtks.forms.compare import (
    INSTANCE_FIELD,
    Entry,
    answer_at,
    compare,
    compare_answers,
    keyed_fields,
    same,
    set_answer,
)
from dtks.model import FieldChange, MemberChange


def keys(differences):
    return [(d.key, d.entry1, d.entry2) for d in differences]


def test_identical_entries_have_no_difference(verivali, good):
    assert compare_answers(verivali, good, copy.deepcopy(good), NOW) == []


def test_a_household_and_a_member_difference_are_named_by_field_and_member_id(verivali, good):
    other = copy.deepcopy(good)
    other["luas_lantai"] = 40
    member = other["members"][2]
    member["pekerjaan"] = "9" if member["pekerjaan"] != "9" else "8"
    found = keys(compare_answers(verivali, good, other, NOW))
    mid = member["id_art"]
    assert found == [
        ("luas_lantai", 36, 40),
        (f"{mid}.pekerjaan", good["members"][2]["pekerjaan"], member["pekerjaan"]),
    ]


def test_members_pair_by_pre_list_id_not_by_order(verivali, good):
    other = copy.deepcopy(good)
    other["members"].reverse()
    assert compare_answers(verivali, good, other, NOW) == []


def test_a_member_keyed_by_one_clerk_only_is_an_instance_difference(verivali, good):
    other = copy.deepcopy(good)
    other["members"].append({"nama": "Bayi", "status_art": "4"})
    found = [d for d in compare_answers(verivali, good, other, NOW) if d.field == INSTANCE_FIELD]
    assert [(d.member_id, d.entry1, d.entry2) for d in found] == [
        (f"members.{len(good['members']) + 1}", False, True)
    ]


def test_answers_of_irrelevant_questions_are_not_compared(verivali, good):
    good["penerangan"] = "2"
    other = copy.deepcopy(good)
    good["daya"], other["daya"] = "1", "3"  # not asked when the light is not PLN
    assert compare_answers(verivali, good, other, NOW) == []


def test_values_compare_as_keyed():
    assert same("36", 36) and same(36.0, "36") and same(None, "")
    assert not same("002", "2") and not same("1", None) and not same("a", "A")
    assert same("1 2", "2 1", multiple=True) and not same("1 2", "1", multiple=True)


def test_unbound_field_and_member_changes_compare_against_the_other_entrys_base(verivali, good):
    first = Entry(good, {"telepon": FieldChange(None, "0812")})
    second = Entry(
        copy.deepcopy(good), {}, [MemberChange("change", "m1", {"hp": FieldChange("1", "2")})]
    )
    found = keys(compare(verivali, first, second, NOW))
    assert found == [("telepon", "0812", None), ("m1.hp", "1", "2")]


def test_bound_field_changes_are_compared_once_through_the_answers(verivali, good):
    other = copy.deepcopy(good)
    other["alamat"] = "Jl. Lain 1"
    first = Entry(good, {})
    second = Entry(other, {"alamat": FieldChange(good["alamat"], "Jl. Lain 1")})
    assert keys(compare(verivali, first, second, NOW)) == [("alamat", good["alamat"], "Jl. Lain 1")]


def test_set_answer_writes_at_a_difference_key(verivali, good):
    mid = good["members"][1]["id_art"]
    assert set_answer(verivali, good, f"{mid}.nama_ibu", "Aminah")
    assert answer_at(verivali, good, f"{mid}.nama_ibu") == "Aminah"
    assert set_answer(verivali, good, "alamat", "Jl. X 2") and good["alamat"] == "Jl. X 2"
    assert not set_answer(verivali, good, "nobody.nama", "x")


def test_keyed_fields_count_answered_questions_not_calculations_or_read_only(verivali, good):
    fields = keyed_fields(verivali, good, NOW)
    mid = good["members"][0]["id_art"]
    assert "alamat" in fields and f"{mid}.nama" in fields
    assert "kode_wilayah" not in fields and f"{mid}.id_art" not in fields
    assert "jumlah_art" not in fields and f"{mid}.umur" not in fields
    assert len(fields) == len(set(fields))


def test_answers_keyed_from_paper_need_no_photo(verivali, good):
    del good["foto_rumah"]
    assert [p.field for p in verivali.validate(good, now=NOW)] == ["foto_rumah"]
    assert verivali.validate(good, now=NOW, paper=True) == []


ASSET_FIELDS = ["tabung_gas", "lemari_es", "ac", "televisi", "sepeda", "mobil", "komputer"]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sets(st.sampled_from(ASSET_FIELDS)), st.text(max_size=12))
def test_compare_finds_exactly_what_was_changed_and_is_symmetric(verivali, good, flipped, note):
    other = copy.deepcopy(good)
    for name in flipped:
        other[name] = "1" if good[name] == "2" else "2"
    other["catatan"] = note
    found = compare_answers(verivali, good, other, NOW)
    assert {d.key for d in found} - {"catatan"} == set(flipped)
    back = compare_answers(verivali, other, good, NOW)
    assert [(d.key, d.entry2, d.entry1) for d in back] == [
        (d.key, d.entry1, d.entry2) for d in found
    ]
