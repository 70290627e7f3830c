"""A second form, written separately, runs on the same engine: the engine is general."""

import pytest
from forms_fixtures import FORMS, NOW

from dtks.forms import load_form
from dtks.sample import generate


@pytest.fixture(scope="module")
def form():
    return load_form(FORMS / "member-update.xlsx")


@pytest.fixture
def answers():
    households, members = generate(2, "32.04.12.2002", seed=3)
    return {
        "kode_wilayah": households[0]["kode_wilayah"],
        "no_kk": households[0]["no_kk"],
        "alasan_update": "1",
        "jumlah_perubahan": 2,
        "perubahan": [
            {
                "jenis": "1",
                "nama": "Bayi",
                "jenis_kelamin": "2",
                "tanggal_lahir": "2026-10-01",
                "hubungan": "3",
                "tanggal_peristiwa": "2026-10-01",
            },
            {
                "jenis": "3",
                "id_art": members[1]["member_id"],
                "nama": members[1]["nama"],
                "alasan_hapus": "1",
                "tanggal_peristiwa": "2026-09-01",
            },
        ],
        "foto_dokumen": "akta.jpg",
        "lokasi": {"lat": -6.98, "lon": 107.63},
    }


def test_second_form_identity_and_types(form):
    assert (form.id, form.version) == ("member_update", "2026110101")
    types = {f.type for f in form.iter_fields()}
    assert {
        "note",
        "text",
        "select_one",
        "integer",
        "repeat",
        "calculate",
        "date",
        "decimal",
        "select_multiple",
        "group",
        "image",
        "geopoint",
    } <= types
    assert form.field("alasan_update").or_other
    assert form.field("perubahan").repeat_count.text == "${jumlah_perubahan}"


def test_second_form_validates_a_good_answer_set(form, answers):
    assert form.validate(answers, now=NOW) == []
    assert form.calculate(answers, now=NOW)["jumlah_tambah"] == "1"
    assert form.calculate(answers, now=NOW)["perubahan[1].nomor"] == "2"


def test_second_form_finds_problems(form, answers):
    answers["no_kk"] = "1234"
    answers["alasan_update"] = "other"
    answers["jumlah_perubahan"] = 3
    answers["perubahan"][0]["hubungan"] = "1"  # a baby cannot head the household (choice_filter)
    answers["perubahan"][0]["tanggal_peristiwa"] = "2026-09-01"  # before the birth
    found = {(p.path, p.kind) for p in form.validate(answers, lang="en", now=NOW)}
    assert found == {
        ("no_kk", "constraint"),
        ("perubahan", "constraint"),
        ("perubahan[0].hubungan", "constraint"),
        ("perubahan[0].tanggal_peristiwa", "constraint"),
    }
    assert form.relevance(answers, now=NOW)["alasan_update_other"] is True


def test_choice_filter_by_name_and_age(form, answers):
    baby = [c.name for c in form.choices_for("hubungan", answers, ("perubahan", 0), now=NOW)]
    assert "1" not in baby and "2" not in baby and "3" in baby
    answers["perubahan"][0]["tanggal_lahir"] = "1990-01-01"
    adult = [c.name for c in form.choices_for("hubungan", answers, ("perubahan", 0), now=NOW)]
    assert adult[:2] == ["1", "2"]


def test_committed_xlsx_is_what_the_build_script_makes(tmp_path):
    import importlib.util

    import openpyxl

    spec = importlib.util.spec_from_file_location(
        "build_member_update", FORMS / "build_member_update.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = module.build(tmp_path / "member-update.xlsx")

    def cells(path):
        book = openpyxl.load_workbook(path, read_only=True)
        return {s.title: [tuple(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}

    assert cells(rebuilt) == cells(FORMS / "member-update.xlsx")
