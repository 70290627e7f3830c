"""The verivali form against good and bad answer sets built from dtks.sample households."""

import copy
import shutil

import openpyxl
import pytest
from forms_fixtures import FORMS, NOW, age, complete

from dtks.forms import load_form
from dtks.forms.prefill import with_tasks, write_back
from dtks.prelist import CODES


def problems(form, answers, lang="en"):
    return {(p.path, p.kind) for p in form.validate(answers, lang=lang, now=NOW)}


def test_form_identity(verivali):
    assert (verivali.id, verivali.version, verivali.title) == (
        "verivali_dtks",
        "2026120401",
        "Verivali DTKS",
    )
    assert verivali.language_codes() == ["id", "en"] or sorted(verivali.language_codes()) == [
        "en",
        "id",
    ]


def test_complete_sample_households_have_no_problems(verivali, good_households):
    assert len(good_households) > 150
    for household, members in good_households:
        answers = complete(verivali, household, members)
        assert verivali.validate(answers, now=NOW) == [], household["household_id"]


@pytest.mark.parametrize(
    "anomaly, field, kind",
    [
        ("missing_mother_name", "nama_ibu", "required"),
        ("impossible_birth_date", "tanggal_lahir", None),
        ("duplicate_nik", "tanggal_lahir", "constraint"),
    ],
)
def test_planted_member_defects_are_found(verivali, sample, anomaly, field, kind):
    cases = [(h, ms) for h, ms in sample if any(m.get("anomaly") == anomaly for m in ms)]
    if not cases:
        pytest.skip(f"no {anomaly} household in this sample")
    for household, members in cases:
        found = verivali.validate(complete(verivali, household, members), now=NOW)
        assert any(p.field == field and (kind is None or p.kind == kind) for p in found), found


def test_empty_answers_ask_for_the_first_questions(verivali):
    found = problems(verivali, {})
    assert ("status_rt", "required") in found
    assert ("kode_wilayah", "required") in found
    assert ("hasil", "required") in found
    # housing is not relevant before the household is found
    assert not any(path == "luas_lantai" for path, _ in found)


@pytest.mark.parametrize("status", ["2", "3", "4", "5", "6"])
def test_household_not_found_skips_to_the_result(verivali, status):
    answers = {
        "tanggal_kunjungan": "2026-10-30",
        "kode_wilayah": "3204122002",
        "alamat": "Kp. Sukamanah",
        "rt": "001",
        "rw": "003",
        "gps": "-6.98765 107.62912",
        "status_rt": status,
        "hasil": "2",
        "alasan": status,
    }
    assert verivali.validate(answers, now=NOW) == []
    relevant = verivali.relevance(answers, now=NOW)
    assert relevant["hasil"] and relevant["alasan"]
    for section in ("perumahan", "aset", "art", "program_bantuan", "luas_lantai", "members"):
        assert relevant[section] is False


def test_not_found_cannot_be_eligible_and_reasons_follow_the_status(verivali, good):
    good.update(status_rt="2", hasil="1")
    assert ("hasil", "constraint") in problems(verivali, good)
    good.update(hasil="2", alasan="1")  # 'economically well off' is a reason for found households
    assert ("alasan", "constraint") in problems(verivali, good)
    good.update(alasan="7")
    assert ("alasan_lain", "required") in problems(verivali, good)
    names = [c.name for c in verivali.choices_for("alasan", good, now=NOW)]
    assert names == ["2", "7"]


def test_required_only_where_relevant(verivali, good):
    good["penerangan"] = "3"  # no electricity: installed power is not asked
    del good["daya"]
    assert verivali.validate(good, now=NOW) == []
    good["penerangan"] = "1"
    assert problems(verivali, good) == {("daya", "required")}
    good["fasilitas_bab"] = "4"
    del good["kloset"], good["tinja"]
    assert problems(verivali, good) == {("daya", "required")}


def test_exactly_one_head_among_active_members(verivali, good):
    two = copy.deepcopy(good)
    two["members"][1]["hubungan"] = "1"
    found = problems(verivali, two)
    assert ("members[0].hubungan", "constraint") in found
    assert ("members[1].hubungan", "constraint") in found
    assert ("art_lengkap", "constraint") in found

    none = copy.deepcopy(good)
    none["members"][0]["status_art"] = "2"  # the head died: nobody heads the household now
    assert problems(verivali, none) == {("art_lengkap", "constraint")}
    none["members"][1]["hubungan"] = "1"
    assert verivali.validate(none, now=NOW) == []


def test_deceased_member_needs_no_details(verivali, good):
    member = good["members"][-1]
    member["status_art"] = "3"
    for key in ("nik", "hubungan", "tanggal_lahir", "pekerjaan"):
        member.pop(key, None)
    if member.get("hubungan") == "1":
        pytest.skip("last member is the head")
    assert verivali.validate(good, now=NOW) == []


def test_nik_is_checked_and_matched_with_birth_date_and_sex(verivali, good):
    i = next(i for i, m in enumerate(good["members"]) if m["jenis_kelamin"] == "1")
    member = good["members"][i]
    nik = member["nik"]

    member["nik"] = nik[:6] + "99" + nik[8:]  # day 99 does not exist
    assert problems(verivali, good) == {(f"members[{i}].nik", "constraint")}

    member["nik"] = nik
    member["jenis_kelamin"] = "2"
    found = problems(verivali, good)
    assert (f"members[{i}].jenis_kelamin", "constraint") in found
    member["jenis_kelamin"] = "1"

    born = member["tanggal_lahir"]
    member["tanggal_lahir"] = f"{int(born[:4]) - 1}{born[4:]}" if born[5:] != "02-29" else born
    if born[5:] != "02-29":
        assert problems(verivali, good) == {(f"members[{i}].tanggal_lahir", "constraint")}


def test_pregnancy_is_asked_only_of_women_aged_10_to_55(verivali, good):
    relevant = verivali.relevance(good, now=NOW)
    for i, m in enumerate(good["members"]):
        woman = m["jenis_kelamin"] == "2" and 10 <= age(m["tanggal_lahir"]) <= 55
        assert relevant[f"members[{i}].hamil"] is woman, m
    girl = {"status_art": "1", "jenis_kelamin": "2", "tanggal_lahir": "2020-01-01"}
    woman = {"status_art": "1", "jenis_kelamin": "2", "tanggal_lahir": "1990-01-01"}
    elder = {"status_art": "1", "jenis_kelamin": "2", "tanggal_lahir": "1950-01-01"}
    man = {"status_art": "1", "jenis_kelamin": "1", "tanggal_lahir": "1990-01-01"}
    answers = {"status_rt": "1", "members": [girl, woman, elder, man]}
    relevant = verivali.relevance(answers, now=NOW)
    assert [relevant[f"members[{i}].hamil"] for i in range(4)] == [False, True, False, False]
    assert ("members[1].hamil", "required") in problems(verivali, answers)


def test_calculations(verivali, good):
    values = verivali.calculate(good, now=NOW)
    n = len(good["members"])
    assert values["jumlah_art"] == str(n)
    assert values["jumlah_kepala"] == "1"
    assert values["members[0].umur"] == str(age(good["members"][0]["tanggal_lahir"]))
    filled = verivali.with_calculations(good, now=NOW)
    assert filled["members"][0]["aktif"] == "1" and "aktif" not in good["members"][0]


def test_type_problems(verivali, good):
    good.update(luas_lantai="abc", kamar_tidur=2.5, lantai="99", gps="north", foto_rumah=7)
    good["members"][0]["tanggal_lahir"] = "1990-02-30"
    good["members"][1]["jenis_disabilitas"] = "1"  # not relevant: ignored
    found = problems(verivali, good)
    assert {
        ("luas_lantai", "type"),
        ("kamar_tidur", "type"),
        ("lantai", "type"),
        ("gps", "type"),
        ("foto_rumah", "type"),
        ("members[0].tanggal_lahir", "type"),
    } <= found
    assert not any(path.endswith("jenis_disabilitas") for path, _ in found)


def test_select_multiple_codes_and_constraint(verivali, good):
    good["program"] = "1 7"
    assert problems(verivali, good) == {("program", "constraint")}
    good["program"] = "1 8"
    assert problems(verivali, good) == {("program", "type")}
    good["program"] = ["1", "3"]
    assert verivali.validate(good, now=NOW) == []


def test_messages_in_both_languages_name_the_path(verivali, good):
    good["members"][2]["nik"] = "123"
    (en,) = verivali.validate(good, lang="en", now=NOW)
    (id_,) = verivali.validate(good, lang="id", now=NOW)
    assert en.path == id_.path == "members[2].nik"
    assert en.field == "nik" and en.kind == "constraint"
    assert en.message.startswith("Invalid NIK")
    assert id_.message.startswith("NIK tidak sah")
    del good["members"][2]["nik"]
    (en,) = verivali.validate(good, lang="en", now=NOW)
    (id_,) = verivali.validate(good, lang="id", now=NOW)
    assert (en.kind, en.message, id_.message) == ("required", "Required.", "Wajib diisi.")


def test_member_code_lists_are_the_prelist_codes(verivali):
    for name in ("hubungan", "jenis_kelamin", "status_kawin", "pendidikan", "pekerjaan"):
        choices = verivali.choices[name]
        assert {c.name: c.label["Bahasa Indonesia (id)"] for c in choices} == {
            str(k): v for k, v in CODES[name].items()
        }
        assert all(c.label["English (en)"] for c in choices)


FINDING_CODES = {"temuan": ["layak", "tidak_layak"]}
"""Lists whose codes are words: the finding on a request (the server records the word)."""


def test_every_choice_code_is_a_number_for_papi_clerks(verivali):
    for name, choices in verivali.choices.items():
        if name in FINDING_CODES:
            assert [c.name for c in choices] == FINDING_CODES[name]
            continue
        assert all(c.name.isdigit() for c in choices), name
        assert [int(c.name) for c in choices] == list(range(1, len(choices) + 1)), name


def test_bindings_to_the_prelist(verivali):
    bound = {k: f.name for k, f in verivali.bindings().items()}
    for column in ("alamat", "rt", "rw", "kode_wilayah"):
        assert f"household.{column}" in bound
    for column in (
        "nama",
        "nik",
        "hubungan",
        "jenis_kelamin",
        "tanggal_lahir",
        "status_kawin",
        "nama_ibu",
        "pekerjaan",
        "pendidikan",
    ):
        assert verivali.field(bound[f"member.{column}"]).repeats == ("members",)


def test_prefill_and_write_back_round_trip(verivali, good_households):
    household, members = good_households[3]
    answers = complete(verivali, household, members)
    answers["alamat"] = "Jl. Mawar 5"
    values, member_values = write_back(verivali, answers)
    assert values["alamat"] == "Jl. Mawar 5" and values["rt"] == household["rt"]
    assert [m["nik"] for m in member_values] == [m["nik"] for m in members]
    assert member_values[0]["member_id"] == members[0]["member_id"]


SANGGAHAN = {"kind": "sanggahan", "id": "SGH-2026-000123", "note": "penerima dinilai mampu"}


@pytest.mark.parametrize("kind", ["sanggahan", "usul_warga", "usulan_kemensos"])
def test_a_request_task_asks_for_the_finding(verivali, good, kind):
    answers = with_tasks(
        verivali, good, [{"kind": "anomali", "id": "a"}, {**SANGGAHAN, "kind": kind}]
    )
    assert answers["permintaan_jenis"] == kind
    assert problems(verivali, answers) == {
        ("temuan_hasil", "required"),
        ("temuan_alasan", "required"),
    }
    answers.update(temuan_hasil="tidak_layak", temuan_alasan="Rumah permanen, punya mobil")
    assert verivali.validate(answers, now=NOW) == []
    answers["temuan_hasil"] = "2"
    assert problems(verivali, answers) == {("temuan_hasil", "type")}


def test_no_request_task_no_finding_section(verivali, good):
    answers = with_tasks(verivali, good, [{"kind": "anomali", "id": "a", "note": "nik_invalid"}])
    assert answers["permintaan_jenis"] == "" and answers["permintaan_alasan"] == ""
    assert verivali.validate(answers, now=NOW) == []
    relevant = verivali.relevance(answers, now=NOW)
    assert not relevant["verifikasi_permintaan"] and not relevant["temuan_hasil"]
    # an answer set from before the section (no permintaan_jenis at all) is still clean
    assert verivali.validate(good, now=NOW) == []


def test_the_finding_reason_has_at_most_500_characters(verivali, good):
    answers = with_tasks(verivali, good, [SANGGAHAN])
    answers.update(temuan_hasil="layak", temuan_alasan="x" * 500)
    assert verivali.validate(answers, now=NOW) == []
    answers["temuan_alasan"] = "x" * 501
    (en,) = verivali.validate(answers, lang="en", now=NOW)
    (id_,) = verivali.validate(answers, lang="id", now=NOW)
    assert (en.path, en.kind) == ("temuan_alasan", "constraint")
    assert "500 characters" in en.message and "500 huruf" in id_.message


def test_the_finding_section_says_what_the_request_is(verivali, good):
    answers = with_tasks(
        verivali, good, [SANGGAHAN, {**SANGGAHAN, "id": "SGH-2", "note": "pindah"}]
    )
    assert answers["permintaan_nomor"] == "SGH-2026-000123; SGH-2"
    assert verivali.label("permintaan_ringkasan", "id", answers, now=NOW) == (
        "Sanggahan nomor SGH-2026-000123; SGH-2. "
        "Alasan dalam permintaan: penerima dinilai mampu; pindah"
    )
    assert verivali.label("permintaan_ringkasan", "en", answers, now=NOW).startswith(
        "Objection (sanggahan) number SGH-2026-000123; SGH-2."
    )


def test_tasks_are_not_written_back_to_the_prelist(verivali, good):
    household, _ = write_back(verivali, with_tasks(verivali, good, [SANGGAHAN]))
    assert not any(k in household for k in ("kind", "id", "note"))


def test_labels_in_both_languages(verivali):
    for f in verivali.iter_fields():
        if f.type in ("calculate",):
            continue
        assert set(f.label) == {"Bahasa Indonesia (id)", "English (en)"}, f.name
    assert verivali.label("status_rt", "en") == "Household status"
    assert verivali.label("status_rt") == "Status rumah tangga"


def test_labels_show_values_of_references(verivali, good):
    n = len(good["members"])
    assert verivali.label("art_lengkap", "en", good, now=NOW) == (
        f"Is the member list complete and correct ({n} people)?"
    )
    assert "${jumlah_art}" in verivali.label("art_lengkap", "en")


def test_committed_xlsx_is_what_the_build_script_makes(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_verivali", FORMS / "build_verivali.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = module.build(tmp_path / "verivali-dtks.xlsx")
    assert _cells(rebuilt) == _cells(FORMS / "verivali-dtks.xlsx"), (
        "forms/verivali-dtks.xlsx is stale: run python forms/build_verivali.py"
    )


def _cells(path):
    book = openpyxl.load_workbook(path, read_only=True)
    return {s.title: [tuple(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}


@pytest.mark.slow
def test_full_conversion_with_pyxform_and_odk_validate(tmp_path):
    from pyxform.xls2xform import convert

    validate = shutil.which("java") is not None
    result = convert(str(FORMS / "verivali-dtks.xlsx"), validate=validate)
    assert 'xmlns:dtks="https://verivali.id/xforms"' in result.xform
    assert 'dtks:field="member.nik"' in result.xform
    assert 'dtks:field="household.alamat"' in result.xform
    if not validate:
        pytest.skip("java is missing: converted without ODK Validate")


def test_load_form_is_cached_and_reloads_a_changed_file(tmp_path):
    path = tmp_path / "v.xlsx"
    shutil.copy(FORMS / "verivali-dtks.xlsx", path)
    first = load_form(path)
    assert load_form(path) is first


def _json_values():
    from hypothesis import strategies as st

    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-5, 100),
        st.floats(allow_nan=True),
        st.sampled_from(
            ["", "1", "2", "7", "1 7", "abc", "2026-02-30", "1990-01-01", "-6.9 107.6"]
        ),
    )
    return st.recursive(
        scalars,
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=3), c, max_size=3),
        max_leaves=6,
    )


def test_validate_never_raises_on_arbitrary_json(verivali):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    names = sorted(f.name for f in verivali.iter_fields() if not f.repeats)
    member_names = sorted(f.name for f in verivali.field("members").children)
    member = st.dictionaries(st.sampled_from(member_names), _json_values(), max_size=8)
    answers = st.dictionaries(
        st.sampled_from(names),
        _json_values() | st.lists(member, max_size=3),
        max_size=20,
    ).map(lambda a: {**a, "status_rt": "1"} if len(a) % 2 else a)

    @settings(max_examples=150, deadline=None)
    @given(answers, st.lists(member, max_size=3))
    def check(a, members):
        a = {**a, "members": members} if "members" not in a else a
        for p in verivali.validate(a, now=NOW):
            assert p.kind in {"required", "constraint", "type", "error"}
            assert p.message

    check()


def test_the_finding_is_asked_exactly_when_a_request_task_is_there(verivali):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from dtks.tasks import KINDS, REQUEST_KINDS

    task = st.fixed_dictionaries(
        {"kind": st.sampled_from(KINDS), "id": st.text(max_size=8), "note": st.text(max_size=12)}
    )

    @settings(max_examples=200, deadline=None)
    @given(st.lists(task, max_size=4))
    def check(tasks):
        answers = with_tasks(verivali, {}, tasks)
        requests = [t for t in tasks if t["kind"] in REQUEST_KINDS]
        assert answers["permintaan_jenis"].split() == [t["kind"] for t in requests]
        ids = [t["id"] for t in requests if t["id"]]
        assert answers["permintaan_nomor"] == "; ".join(ids)
        assert verivali.relevance(answers, now=NOW)["temuan_hasil"] is bool(requests)
        asked = {p.field for p in verivali.validate(answers, now=NOW)}
        assert ("temuan_hasil" in asked) is bool(requests)

    check()
