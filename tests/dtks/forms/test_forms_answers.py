"""Answer semantics of dtks.forms.answers: what is saved, where an instance lives, which
dynamic expressions hold and how many instances a repeat_count asks for."""

import pytest
from forms_fixtures import FORMS, NOW

from dtks.forms import load_form
from dtks.forms.answers import MAX_REPEAT_COUNT, holds_at, lookup, prune, scope_at, wanted_count


def saved(form, answers):
    state = form.state(answers, NOW)
    return prune(form.fields, state.data, state.relevant)


def test_prune_drops_answers_of_questions_that_became_irrelevant(verivali, good):
    good["penerangan"] = "2"  # not PLN: the installed power is not asked
    good["daya"] = "3"
    out = saved(verivali, good)
    assert "daya" not in out and out["penerangan"] == "2"
    assert good["daya"] == "3", "the caller's answers are not changed"


def test_prune_drops_a_whole_irrelevant_section_with_its_members(verivali, good):
    good["status_rt"] = "3"  # moved away: housing, assets, members are not asked
    out = saved(verivali, good)
    assert "luas_lantai" not in out and "tabung_gas" not in out and "members" not in out
    assert out["status_rt"] == "3" and out["alamat"] == good["alamat"]


def test_prune_works_per_member(verivali, good):
    good["members"][1]["status_art"] = "2"  # left the household: nik and the rest not asked
    out = saved(verivali, good)
    assert "nik" not in out["members"][1] and out["members"][1]["nama"]
    assert out["members"][0]["nik"] == good["members"][0]["nik"]


def test_prune_keeps_everything_of_a_relevant_answer_set(verivali, good):
    good.update(permintaan_jenis="sanggahan", temuan_hasil="layak", temuan_alasan="benar")
    state = verivali.state(good, NOW)
    assert prune(verivali.fields, state.data, state.relevant) == state.data


def test_scope_at_and_lookup_find_an_instance_and_fall_back_to_the_top(good):
    member = scope_at(good, ("members", 2))
    assert member is good["members"][2]
    assert scope_at(good, ("members", 99)) == {} and scope_at(good, ("nope", 0)) == {}
    assert lookup("nama", member, good) == member["nama"]
    assert lookup("alamat", member, good) == good["alamat"]
    assert lookup("nothing", member, good) == ""


def test_holds_at_evaluates_in_the_instance_and_counts_a_failure_as_true(good):
    good["members"][0]["jenis_kelamin"] = "2"
    good["members"][1]["jenis_kelamin"] = "1"
    assert holds_at("${jenis_kelamin} = 2", good, ("members", 0)) is True
    assert holds_at("${jenis_kelamin} = 2", good, ("members", 1)) is False
    assert holds_at("${status_rt} = 1 and", good) is True  # does not parse: shown as required


@pytest.fixture(scope="module")
def member_update():
    return load_form(FORMS / "member-update.xlsx")


@pytest.mark.parametrize(
    ("count", "want"),
    [
        ("3", 3),
        ("0", 0),
        ("", None),
        ("abc", None),
        ("-1", None),
        (str(MAX_REPEAT_COUNT + 1), None),
    ],
)
def test_wanted_count_follows_the_repeat_count_within_bounds(member_update, count, want):
    repeat = member_update.field("perubahan")
    assert wanted_count(repeat, {"jumlah_perubahan": count}) == want


def test_wanted_count_is_none_without_a_repeat_count(verivali):
    assert wanted_count(verivali.field("members"), {"members": []}) is None
