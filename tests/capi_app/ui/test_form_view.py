"""The form renderer against the real verivali form: real widgets, driven by the keyboard."""

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402

from capi_app.ui.form import FormView  # noqa: E402
from dtks.forms import load_form  # noqa: E402
from dtks.forms.prefill import prefill  # noqa: E402
from dtks.sample import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
HOUSING = {
    "status_bangunan": "1",
    "luas_lantai": "36",
    "lantai": "6",
    "dinding": "1",
    "kondisi_dinding": "1",
    "atap": "4",
    "kondisi_atap": "2",
    "kamar_tidur": "2",
    "sumber_air": "5",
    "cara_air": "3",
    "penerangan": "1",
    "daya": "1",
    "bahan_bakar": "3",
    "fasilitas_bab": "1",
    "kloset": "1",
    "tinja": "1",
}
ASSETS = (
    "tabung_gas lemari_es ac pemanas_air telepon_rumah televisi emas komputer sepeda "
    "sepeda_motor mobil perahu motor_tempel perahu_motor lahan rumah_lain"
).split()


@pytest.fixture(scope="module")
def form():
    return load_form(ROOT / "forms" / "verivali-dtks.xlsx")


@pytest.fixture
def view(qtbot, form):
    """The form on a fresh answer set, in English, shown at laptop size."""
    v = FormView(form, language="en", photo_importer=_importer)
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    qtbot.waitExposed(v)
    return v


def _importer(name):
    pixmap = QPixmap(64, 48)
    pixmap.fill(Qt.GlobalColor.darkGreen)
    return ("ab" * 32, pixmap, {"lat": -6.98765, "lon": 107.62912, "accuracy_m": 8})


def _age(born: str) -> int:
    return int((date.today() - date.fromisoformat(born)).days / 365.25)


@pytest.fixture(scope="module")
def complete(form):
    """A complete, valid answer set for a found household of the sample pre-list."""
    households, members = generate(40, "32.04.12.2002", seed=7)
    for household in households:
        mine = [m for m in members if m["household_id"] == household["household_id"]]
        clean = not household["anomaly"] and not any(m["anomaly"] for m in mine)
        if clean and len(mine) >= 3:
            break
    answers = prefill(form, household, mine)
    answers.update(HOUSING)
    answers.update(dict.fromkeys(ASSETS, "2"))
    answers.update(
        tanggal_kunjungan="2026-10-30",
        gps="-6.98765 107.62912 700 8",
        foto_rumah="ab" * 32,
        status_rt="1",
        art_lengkap="1",
        program="1 2",
        hasil="1",
    )
    for m in answers["members"]:
        m.update(status_art="1", disabilitas="2", penyakit_kronis="1")
        if m.get("jenis_kelamin") == "2" and 10 <= _age(m["tanggal_lahir"]) <= 55:
            m["hamil"] = "2"
    return answers


def focus(qtbot, view, path):
    """Put the cursor in the question at ``path``."""
    target = view.editor(path).focus_target()
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    return target


def type_into(qtbot, view, path, text, enter=True):
    """Type into a question as a clerk would, then Enter."""
    target = focus(qtbot, view, path)
    qtbot.keyClicks(target, text)
    if enter:
        qtbot.keyClick(target, Qt.Key.Key_Return)
    return target


def test_typing_fills_answers_and_enter_moves_to_the_next_question(qtbot, view):
    type_into(qtbot, view, "alamat", "Jl. Mawar 3")
    assert view.editor("rt").focus_target().hasFocus()
    qtbot.keyClicks(view.editor("rt").focus_target(), "002")
    qtbot.keyClick(view.editor("rt").focus_target(), Qt.Key.Key_Return)
    assert view.editor("rw").focus_target().hasFocus()
    date_edit = focus(qtbot, view, "tanggal_kunjungan")
    date_edit.selectAll()
    qtbot.keyClicks(date_edit, "30102026")
    answers = view.answers()
    assert answers["alamat"] == "Jl. Mawar 3"
    assert answers["rt"] == "002"
    assert answers["tanggal_kunjungan"] == "2026-10-30"


def test_changed_is_emitted_on_every_edit(qtbot, view):
    with qtbot.waitSignal(view.changed, timeout=1000):
        type_into(qtbot, view, "alamat", "J", enter=False)


def test_numbers_take_a_decimal_comma_and_show_a_typo_at_the_field_instead_of_changing_it(
    qtbot, view
):
    type_into(qtbot, view, "status_rt", "1")
    type_into(qtbot, view, "luas_lantai", "36,5")
    assert view.answers()["luas_lantai"] == "36.5"  # the Indonesian decimal comma
    assert not view.editor("luas_lantai").message.isVisibleTo(view)
    view.editor("luas_lantai").input.clear()
    type_into(qtbot, view, "luas_lantai", "4a5,b")
    type_into(qtbot, view, "kamar_tidur", "2.5x")
    answers = view.answers(keep_hidden=True)
    assert answers["luas_lantai"] == "4a5,b" and answers["kamar_tidur"] == "2.5x"  # as typed
    floor, rooms = view.editor("luas_lantai"), view.editor("kamar_tidur")
    assert floor.message.isVisibleTo(view) and "“4a5,b”" in floor.message.text()
    assert rooms.message.isVisibleTo(view) and "“2.5x”" in rooms.message.text()
    assert {p.path for p in view.problems()} >= {"luas_lantai", "kamar_tidur"}


def test_a_letter_in_a_gps_box_is_shown_in_the_words_of_the_boxes(qtbot, view):
    gps = view.editor("gps")
    qtbot.keyClicks(gps.lat, "-6.98765")
    qtbot.keyClicks(gps.lon, "1o7.6")
    qtbot.keyClick(gps.lon, Qt.Key.Key_Return)
    assert gps.lon.text() == "1o7.6"  # nothing dropped: not silently 17.6
    assert "1o7.6" in view.answers()["gps"]
    problem = next(p for p in view.problems() if p.path == "gps")
    shown = view.problem_text(problem)
    assert "Longitude" in shown and "“1o7.6”" in shown and "each box" in shown
    assert "'lat lon" not in shown  # not the one-line format of the stored answer
    gps.lon.clear()
    qtbot.keyClicks(gps.lon, "107,62912")
    assert view.answers()["gps"] == "-6.98765 107.62912"


def test_household_not_found_hides_the_household_sections(qtbot, view):
    household_sections = ("perumahan", "aset", "art", "program_bantuan")
    type_into(qtbot, view, "status_rt", "1")
    assert all(view.is_shown(s) for s in household_sections)
    assert view.editor("status_bangunan").isVisible()
    nav = view._nav
    assert not nav.item(view.sections().index("perumahan")).isHidden()

    type_into(qtbot, view, "status_rt", "2")
    assert view.answers()["status_rt"] == "2"
    assert not any(view.is_shown(s) for s in household_sections)
    assert not view.editor("status_bangunan").isVisible()
    assert nav.item(view.sections().index("perumahan")).isHidden()
    assert view.editor("hasil").isVisible()


def test_hidden_answers_are_kept_in_the_widget_but_left_out_of_answers(qtbot, view):
    type_into(qtbot, view, "status_rt", "1")
    type_into(qtbot, view, "lahan", "1")
    type_into(qtbot, view, "luas_lahan", "50")
    assert view.answers()["luas_lahan"] == "50"
    type_into(qtbot, view, "lahan", "2")
    assert "luas_lahan" not in view.answers()
    assert not view.editor("luas_lahan").isVisible()
    type_into(qtbot, view, "lahan", "1")
    assert view.answers()["luas_lahan"] == "50"


def test_select_codes_are_typed_two_digit_codes_too(qtbot, view):
    type_into(qtbot, view, "status_rt", "1")
    type_into(qtbot, view, "sumber_air", "12", enter=False)
    assert view.answers()["sumber_air"] == "12"
    qtbot.keyClick(view.editor("sumber_air").focus_target(), Qt.Key.Key_Delete)
    assert "sumber_air" not in view.answers()
    type_into(qtbot, view, "program", "13", enter=False)
    assert view.answers()["program"] == "1 3"


def test_add_member_and_its_title(qtbot, view):
    type_into(qtbot, view, "status_rt", "1")
    qtbot.mouseClick(view._block_for("members").add, Qt.MouseButton.LeftButton)
    assert len(view.answers()["members"]) == 1
    qtbot.waitUntil(lambda: view.editor("members[0].nama").focus_target().hasFocus())
    type_into(qtbot, view, "members[0].nama", "Siti Aminah")
    type_into(qtbot, view, "members[0].status_art", "1")
    type_into(qtbot, view, "members[0].hubungan", "2")
    assert view.instance_titles("members") == ["1. Siti Aminah (Wife/husband)"]
    assert view.answers()["members"][0]["nama"] == "Siti Aminah"

    view.editor("members[0].nama").focus_target().setFocus()
    qtbot.keyClick(
        view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(view.answers()["members"]) == 2
    assert view.instance_titles("members")[1] == "2. (no name yet)"


def test_pregnancy_is_asked_only_of_a_woman_aged_10_to_55(qtbot, view):
    type_into(qtbot, view, "status_rt", "1")
    view.add_instance("members")
    type_into(qtbot, view, "members[0].nama", "Siti")
    type_into(qtbot, view, "members[0].status_art", "1")
    type_into(qtbot, view, "members[0].jenis_kelamin", "2")
    born = date.today().replace(year=date.today().year - 30)
    type_into(qtbot, view, "members[0].tanggal_lahir", born.strftime("%d%m%Y"))
    assert view.is_shown("members[0].hamil")
    assert view.editor("members[0].hamil").isVisible()

    type_into(qtbot, view, "members[0].jenis_kelamin", "1")
    assert not view.editor("members[0].hamil").isVisible()

    type_into(qtbot, view, "members[0].jenis_kelamin", "2")
    assert view.editor("members[0].hamil").isVisible()
    old = date.today().replace(year=date.today().year - 60)
    edit = focus(qtbot, view, "members[0].tanggal_lahir")
    edit.selectAll()
    qtbot.keyClicks(edit, old.strftime("%d%m%Y"))
    assert not view.editor("members[0].hamil").isVisible()


def test_an_invalid_nik_shows_its_message_when_the_field_is_left(qtbot, view):
    type_into(qtbot, view, "status_rt", "1")
    view.add_instance("members")
    type_into(qtbot, view, "members[0].status_art", "1")
    nik = view.editor("members[0].nik")
    type_into(qtbot, view, "members[0].nik", "1234", enter=False)
    assert not nik.message.isVisible()  # not while typing
    qtbot.keyClicks(nik.focus_target(), "567890123456")
    qtbot.keyClick(nik.focus_target(), Qt.Key.Key_Return)
    assert nik.message.isVisible()
    assert "Invalid NIK" in nik.message.text()
    assert any(p.path == "members[0].nik" and p.kind == "constraint" for p in view.problems())


def test_required_messages_wait_for_finalize(qtbot, view):
    assert view.problems()  # a fresh form is not complete...
    assert not view.editor("alamat").message.isVisible()  # ...but says nothing yet
    problems = view.show_all_problems()
    assert "alamat" in {p.path for p in problems}
    assert view.editor("alamat").message.isVisible()
    assert view.editor("alamat").message.text().endswith("Required.")


def test_switching_language_changes_labels(qtbot, view):
    label = view.editor("status_rt").label
    assert "Household status" in label.text()
    section = view._nav.item(view.sections().index("perumahan"))
    assert section.text().startswith("3. Housing")
    view.set_language("id")
    assert "Status rumah tangga" in label.text()
    assert section.text().startswith("3. Perumahan")
    assert view.editor("ac").buttons["2"].text() == "2. Tidak"
    view.show_all_problems()
    assert view.editor("alamat").message.text().endswith("Wajib diisi.")


def test_answers_round_trip_through_set_answers(qtbot, view, complete):
    view.set_answers(complete)
    answers = view.answers()
    for name, value in complete.items():
        if name != "members":
            assert answers[name] == value, name
    assert [m["nama"] for m in answers["members"]] == [m["nama"] for m in complete["members"]]
    assert answers["jumlah_art"] == str(len(complete["members"]))  # calculations included
    view.set_answers(answers)
    assert view.answers() == answers


def test_a_complete_valid_answer_set_has_no_problems(qtbot, view, complete):
    view.set_answers(complete)
    assert view.problems() == []
    assert view.show_all_problems() == []
    titles = view.instance_titles("members")
    assert titles[0].startswith("1. " + complete["members"][0]["nama"])


def test_photo_import_shows_it_and_fills_an_empty_gps(qtbot, view):
    focus(qtbot, view, "foto_rumah")
    qtbot.keyClick(
        view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    answers = view.answers()
    assert answers["foto_rumah"] == "ab" * 32
    assert answers["gps"].split()[:2] == ["-6.987650", "107.629120"]
    assert answers["gps"].split()[-1] == "8"
    assert view.gps_sources() == {"gps": "exif"}
    assert "-6.98765" in view.editor("foto_rumah").info.text()


def test_ctrl_page_down_moves_between_sections(qtbot, view):
    type_into(qtbot, view, "status_rt", "2")  # skips housing to members
    focus(qtbot, view, "alamat")
    with qtbot.waitSignal(view.section_changed) as signal:
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert signal.args == ["status"]
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert view.current_section() == "hasil_verivali"
    assert view.editor("hasil").isAncestorOf(view.focusWidget())
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert view.current_section() == "status"


def test_tab_order_follows_the_form(qtbot, view, complete):
    view.set_answers(complete)
    first = focus(qtbot, view, "members[0].pendidikan")
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert view.editor("members[0].disabilitas").isAncestorOf(view.focusWidget())
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)  # one stop per radio question
    assert view.editor("members[0].penyakit_kronis").isAncestorOf(view.focusWidget())


SMALL_SURVEY = [
    ["type", "name", "label", "calculation", "repeat_count", "read_only", "required"],
    ["begin group", "basics", "Basics", "", "", "", ""],
    ["integer", "n", "How many children?", "", "", "", "yes"],
    ["select_one fruit or_other", "fav", "Favourite fruit", "", "", "", ""],
    ["calculate", "double", "Twice n", "${n} * 2", "", "", ""],
    ["calculate", "hidden_calc", "", "${n} + 1", "", "", ""],
    ["note", "said", "You said ${n} children", "", "", "", ""],
    ["text", "fixed", "Fixed", "", "", "yes", ""],
    ["end group", "", "", "", "", "", ""],
    ["begin repeat", "kids", "Child", "", "${n}", "", ""],
    ["text", "kname", "Name of child", "", "", "", "yes"],
    ["end repeat", "", "", "", "", "", ""],
]
SMALL_CHOICES = [["list_name", "name", "label"], ["fruit", "1", "Apple"], ["fruit", "2", "Mango"]]


@pytest.fixture
def small(qtbot, tmp_path):
    """A small second form: repeat_count, or_other, calculations, a note, a read-only field."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "survey"
    for row in SMALL_SURVEY:
        book.active.append(row)
    choices = book.create_sheet("choices")
    for row in SMALL_CHOICES:
        choices.append(row)
    book.save(tmp_path / "small.xlsx")
    v = FormView(load_form(tmp_path / "small.xlsx"), language="en")
    qtbot.addWidget(v)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_repeat_count_sets_the_number_of_entries(qtbot, small):
    type_into(qtbot, small, "n", "3")
    assert small.instance_titles("kids") == [
        "1. (no name yet)",
        "2. (no name yet)",
        "3. (no name yet)",
    ]
    assert not small._block_for("kids").add.isVisible()
    type_into(qtbot, small, "kids[1].kname", "Budi")
    edit = focus(qtbot, small, "n")
    edit.selectAll()
    qtbot.keyClicks(edit, "2")
    assert [k.get("kname") for k in small.answers()["kids"]] == [None, "Budi"]


def test_calculations_notes_other_and_read_only(qtbot, small):
    assert small.editor("hidden_calc") is None  # a calculation without a label is not shown
    assert small.editor("fixed").focus_target() is None  # read only: no way in
    type_into(qtbot, small, "n", "4")
    assert small.editor("double").output.text() == "8"
    assert "You said 4 children" in small.editor("said").label.text()
    assert small.answers()["hidden_calc"] == "5"
    assert not small.is_shown("fav_other")
    qtbot.mouseClick(small.editor("fav").buttons["other"], Qt.MouseButton.LeftButton)
    assert small.editor("fav_other").isVisible()
    type_into(qtbot, small, "fav_other", "Durian")
    assert small.answers()["fav_other"] == "Durian"


def test_prelist_members_are_not_removed_but_new_ones_can_be(qtbot, view, complete):
    view.set_answers(complete)
    count = len(complete["members"])
    panels = view._block_for("members").panels
    assert not any(p.remove.isVisible() for p in panels)  # pre-list: set a status instead
    view.add_instance("members")
    assert panels[-1].remove.isVisible()
    type_into(qtbot, view, f"members[{count}].nama", "Bayi")
    assert view.remove_instance("members", count, confirm=False)
    assert [m["nama"] for m in view.answers()["members"]] == [
        m["nama"] for m in complete["members"]
    ]


def test_drafts_keep_hidden_prelist_values(qtbot, view, complete):
    members = [dict(m) for m in complete["members"]]
    for m in members:
        del m["status_art"]  # not asked yet: the member's details are hidden
    view.set_answers({**complete, "members": members})
    assert "nik" not in view.answers()["members"][0]
    draft = view.answers(keep_hidden=True)
    assert draft["members"][0]["nik"] == complete["members"][0]["nik"]
    view.set_answers(draft)
    type_into(qtbot, view, "members[0].status_art", "1")
    assert view.answers()["members"][0]["nik"] == complete["members"][0]["nik"]


def test_edits_do_not_reach_the_callers_dict(qtbot, view, complete):
    view.set_answers(complete)
    type_into(qtbot, view, "members[0].nama_ibu", "x", enter=False)
    assert not complete["members"][0]["nama_ibu"].endswith("x")


def test_gps_typed_by_hand_is_checked_and_a_loaded_photo_point_is_recognised(qtbot, view, complete):
    view.set_gps_checker(lambda lat, lon: "Far from the desa" if lat > 0 else None)
    type_into(qtbot, view, "status_rt", "2")
    gps = view.editor("gps")
    type_into(qtbot, view, "gps", "6,9", enter=False)
    qtbot.keyClicks(gps.lon, "107.6")
    assert view.answers()["gps"] == "6.9 107.6"
    assert view.gps_sources() == {"gps": "manual"}
    assert gps.warning.isVisible() and "Far from the desa" in gps.warning.text()

    view.set_answers(complete)  # -6.98765 107.62912, from the photo
    assert not gps.warning.isVisible()
    view.set_photo("foto_rumah", None, {"lat": -6.98765, "lon": 107.62912, "altitude_m": 700})
    assert view.gps_sources() == {"gps": "exif"}


def test_hidden_task_values_make_no_card_and_the_finding_section_follows_the_request(
    qtbot, view, form
):
    from dtks.forms.prefill import with_tasks

    assert all(s.group is not None for s in view._section_list), "no card for hidden values"
    assert view.sections()[-1] == "verifikasi_permintaan"
    items = [view._navigator.list.item(i) for i in range(view._navigator.list.count())]
    assert len(items) == len(view.sections())
    view.set_answers(with_tasks(form, {}, []))
    assert view._navigator.list.item(len(items) - 1).isHidden()
    sanggahan = {"kind": "sanggahan", "id": "SGH-1", "note": "penerima dinilai mampu"}
    view.set_answers(with_tasks(form, {}, [sanggahan]))
    assert not view._navigator.list.item(len(items) - 1).isHidden()
    note = view.editor("permintaan_ringkasan").label.text()
    assert "Objection (sanggahan) number SGH-1" in note and "penerima dinilai mampu" in note
    view.editor("temuan_hasil").buttons["tidak_layak"].click()
    assert view.answers()["temuan_hasil"] == "tidak_layak"
    assert view.answers()["permintaan_jenis"] == "sanggahan"  # travels with the answers


def test_a_list_of_word_codes_is_typed_by_position_as_shown(qtbot, view, form):
    from dtks.forms.prefill import with_tasks

    view.set_answers(with_tasks(form, {}, [{"kind": "usul_warga", "id": "USW-1"}]))
    editor = view.editor("temuan_hasil")
    assert editor.buttons["tidak_layak"].text() == "2. Not eligible"
    type_into(qtbot, view, "temuan_hasil", "2")
    assert view.answers()["temuan_hasil"] == "tidak_layak"
    type_into(qtbot, view, "temuan_hasil", "1")
    assert view.answers()["temuan_hasil"] == "layak"
