"""Forms shaped like other people's XLSForms: metadata, every common question type, choices
from a CSV file, nested repeats, XPath paths, once(), jr:choice-name(), indexed-repeat()."""

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from xlsform_md import md_to_xlsx

from dtks.forms import FormError, load_form

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 11, 1, 9, 30)


@pytest.fixture
def village_form(tmp_path):
    """The village survey fixture as an .xlsx, with its CSVs beside it."""
    for csv in ("districts.csv", "villages.csv"):
        shutil.copy(FIXTURES / csv, tmp_path / csv)
    md = (FIXTURES / "village_survey.md").read_text(encoding="utf-8")
    return load_form(md_to_xlsx(md, tmp_path / "village_survey.xlsx"))


def answers() -> dict:
    """A complete, valid answer set of the village survey."""
    return {
        "start": "2026-11-01T08:00:00.000+07:00",
        "district": "3204",
        "village": "3204122003",
        "centre": "-6.9 107.6 700 5",
        "boundary": "0 0;0 0.01;0.01 0.01;0.01 0;0 0",
        "visit_date": "2026-10-30",
        "visit_time": "09:15:00.000+07:00",
        "next_visit": "2026-11-08T09:00:00+07:00",
        "water_score": 6,
        "consent": "OK",
        "card": "ABC-123",
        "interview_audio": "1730421.m4a",
        "n_households": 2,
        "household": [
            {
                "head": "Siti",
                "assets": "tv bike",
                "n_members": 2,
                "member": [
                    {"mname": "Siti", "age": 40},
                    {"mname": "Budi", "age": 12, "school": "1"},
                ],
            },
            {
                "head": "Agus",
                "assets": "none",
                "n_members": 1,
                "member": [{"mname": "Agus", "age": 70}],
            },
        ],
    }


def test_the_village_survey_loads_with_every_type(village_form):
    f = village_form
    assert (f.id, f.version) == ("village_survey", "2026110101")
    types = {x.name: x.type for x in f.iter_fields()}
    assert types["visit_time"] == "time" and types["next_visit"] == "datetime"
    assert types["boundary"] == "geoshape" and types["consent"] == "acknowledge"
    assert types["start"] == "start" and not f.field("start").is_input
    assert [c.name for c in f.field("village").choices] == [
        "3204122002",
        "3204122003",
        "3273010001",
    ]
    assert f.field("member").repeats == ("household",)


def test_a_complete_answer_set_is_clean(village_form):
    assert village_form.validate(answers(), lang="en", now=NOW) == []


def test_calculations_use_paths_once_choice_name_and_indexed_repeat(village_form):
    calc = village_form.calculate(answers(), now=NOW)
    assert calc["village_label"] == "Desa Sukasari"  # the default language, Indonesian
    assert calc["first_head"] == "Siti"
    assert calc["people"] == "3"
    assert calc["household[1].hh_no"] == "2"
    assert calc["household[0].n_listed"] == "2"
    assert len(calc["record_id"]) == 36
    assert float(calc["boundary_m2"]) == pytest.approx(
        (111318.85 * 0.01) ** 2, rel=1e-3
    )  # a 0.01 degree square


def test_once_keeps_a_stored_value(village_form):
    data = answers() | {"record_id": "kept-from-the-device"}
    assert village_form.calculate(data, now=NOW)["record_id"] == "kept-from-the-device"


def test_label_languages_without_a_code_answer_to_en_and_id(village_form):
    assert village_form.label("district", "en") == "District"
    assert village_form.label("district", "id") == "Kabupaten"
    assert village_form.label("summary", "en", answers(), now=NOW) == "3 people in Desa Sukasari"


def test_relative_paths_decide_relevance_and_requiredness_in_nested_repeats(village_form):
    relevant = village_form.relevance(answers(), now=NOW)
    assert relevant["household[0].member[1].school"] is True  # 12 years old
    assert relevant["household[0].member[0].school"] is False  # 40
    data = answers()
    del data["household"][0]["member"][1]["school"]
    problems = village_form.validate(data, lang="en", now=NOW)
    assert [(p.path, p.kind) for p in problems] == [("household[0].member[1].school", "required")]


def test_choice_filter_with_a_path_limits_csv_choices(village_form):
    names = [c.name for c in village_form.choices_for("village", answers(), now=NOW)]
    assert names == ["3204122002", "3204122003"]
    data = answers() | {"village": "3273010001"}
    problems = village_form.validate(data, lang="en", now=NOW)
    assert [(p.field, p.kind) for p in problems] == [("village", "constraint")]


@pytest.mark.parametrize(
    "change, field, kind",
    [
        ({"visit_time": "9:15"}, "visit_time", "type"),
        ({"visit_time": "24:00:00"}, "visit_time", "type"),
        ({"next_visit": "2026-11-08"}, "next_visit", "type"),
        ({"next_visit": "2026-11-08T25:00"}, "next_visit", "type"),
        ({"water_score": 7}, "water_score", "constraint"),
        ({"water_score": 12}, "water_score", "constraint"),
        ({"water_score": "lots"}, "water_score", "type"),
        ({"consent": "no"}, "consent", "type"),
        ({"consent": ""}, "consent", "required"),
        ({"boundary": "0 0;0 1"}, "boundary", "type"),
        ({"boundary": "0 0;0 1;x y"}, "boundary", "type"),
        ({"interview_audio": ""}, None, None),
        ({"visit_date": "2026-11-02"}, "visit_date", "constraint"),
        ({"n_households": 3}, "household", "constraint"),
    ],
)
def test_answers_of_the_other_types_are_checked(village_form, change, field, kind):
    problems = village_form.validate(answers() | change, lang="en", now=NOW)
    assert [(p.field, p.kind) for p in problems] == ([(field, kind)] if field else [])


def test_selected_on_dot_in_a_constraint(village_form):
    data = answers()
    data["household"][1]["assets"] = "none tv"
    problems = village_form.validate(data, lang="en", now=NOW)
    assert [(p.path, p.kind) for p in problems] == [("household[1].assets", "constraint")]


def test_a_missing_choices_file_is_a_clear_load_error(tmp_path):
    md = (FIXTURES / "village_survey.md").read_text(encoding="utf-8")
    shutil.copy(FIXTURES / "districts.csv", tmp_path / "districts.csv")
    with pytest.raises(
        FormError, match=r"survey sheet, row 11, column type: villages.csv not found"
    ):
        load_form(md_to_xlsx(md, tmp_path / "village_survey.xlsx"))


@pytest.mark.parametrize(
    "expression, message",
    [
        ("count(${age}[. >= 18])", "predicates [...] are not supported"),
        ("instance('villages')/root/item[name = ${village}]/label", "secondary instances"),
        ("pulldata('villages', 'label', 'name', ${village})", "unknown function pulldata()"),
        ("/village_survey/nosuch", "${nosuch} is not a field of the form"),
    ],
)
def test_unsupported_xpath_is_a_load_error_naming_the_place(tmp_path, expression, message):
    for csv in ("districts.csv", "villages.csv"):
        shutil.copy(FIXTURES / csv, tmp_path / csv)
    md = (FIXTURES / "village_survey.md").read_text(encoding="utf-8")
    md = md.replace("| count(${mname}) |", f"| {expression} |")
    with pytest.raises(FormError) as err:
        load_form(md_to_xlsx(md, tmp_path / "village_survey.xlsx"))
    assert f"survey sheet, row 37, column calculation: {message}" in str(err.value)


# After pyxform's tests/test_repeat.py (test_repeat_relative_reference): relative references
# inside a repeat, written as ${x} and pyxform turns them into ../x; our engine reads both.
RELATIVE = """
| survey |
| | type | name | relevant | label | calculation |
| | text | Z | | Fruit | |
| | begin repeat | section | | Section | |
| | text | AA | | Anything really | |
| | text | A | | A oat | |
| | text | B | ${A}='oat' | B w ${A} | |
| | note | note1 | | Noted ${AA} w ${A} | |
| | calculate | C | | | concat(../A, '-', ${Z}, '-', /data/Z) |
| | end repeat | | | | |
| | calculate | D | | | join(' ', /data/section/A) |
"""


def test_relative_and_absolute_references_in_a_repeat(tmp_path):
    form = load_form(md_to_xlsx(RELATIVE, tmp_path / "data.xlsx"))
    data = {"Z": "z", "section": [{"A": "oat"}, {"A": "rye"}]}
    assert form.calculate(data)["section[1].C"] == "rye-z-z"
    assert form.calculate(data)["D"] == "oat rye"
    assert form.relevance(data)["section[0].B"] is True
    assert form.relevance(data)["section[1].B"] is False
