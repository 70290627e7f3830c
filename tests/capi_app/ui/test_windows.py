"""The desktop windows driven like a user would, against a real demo sync server on 127.0.0.1."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_form_view import ASSETS, HOUSING, focus, type_into

from capi_app import account, demo
from capi_app.profile import Profile
from capi_app.sync.session import run_sync
from capi_app.ui import i18n
from capi_app.ui.household_view import HouseholdDialog
from capi_app.ui.login import LoginDialog
from capi_app.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The demo server (a desa of 300 households, user enum1) in a process of its own."""
    s = demo.start_demo_server(tmp_path_factory.mktemp("demo"), log=lambda *_: None)
    yield s
    s.stop()


@pytest.fixture
def profile(tmp_path):
    return Profile(tmp_path / "profile")


@pytest.fixture
def session(server, profile, qapp):
    s = account.login_online(profile, server.url, demo.DEMO_USER, demo.DEMO_PASSWORD)
    run_sync(s)
    yield s
    if s.store.db.conn is not None:
        s.close()


def log_in(qtbot, dialog: LoginDialog, url: str, user: str, password: str):
    dialog.server.clear()
    qtbot.keyClicks(dialog.server, url)
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, user)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)


def test_login_window_logs_in_against_the_server(qtbot, server, profile):
    dialog = LoginDialog(profile)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.logged_in, timeout=30000) as signal:
        log_in(qtbot, dialog, server.url, demo.DEMO_USER, demo.DEMO_PASSWORD)
    session = signal.args[0]
    assert session.online and session.username == demo.DEMO_USER
    assert profile.is_set_up()
    session.close()


def test_wrong_password_shows_a_clear_error_and_keeps_the_window(qtbot, server, profile):
    dialog = LoginDialog(profile)
    qtbot.addWidget(dialog)
    log_in(qtbot, dialog, server.url, demo.DEMO_USER, "not-the-password")
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=30000)
    assert "did not accept" in dialog.error.text() or "tidak menerima" in dialog.error.text()
    assert dialog.session is None and dialog.button.isEnabled()


def test_unreachable_server_offers_offline_work_once_set_up(qtbot, server, profile):
    account.login_online(profile, server.url, demo.DEMO_USER, demo.DEMO_PASSWORD).close()
    dialog = LoginDialog(profile)
    qtbot.addWidget(dialog)
    log_in(
        qtbot, dialog, f"http://127.0.0.1:{demo.free_port()}", demo.DEMO_USER, demo.DEMO_PASSWORD
    )
    qtbot.waitUntil(lambda: dialog.offline_button.isVisibleTo(dialog), timeout=60000)
    with qtbot.waitSignal(dialog.logged_in, timeout=30000) as signal:
        qtbot.mouseClick(dialog.offline_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].online is False
    signal.args[0].close()


def test_search_as_you_type_finds_a_household_by_part_of_a_name(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 300
    target = window.model.row_at(123)
    part = target.head_name.split()[0][1:5].lower()
    qtbot.keyClicks(window.search, part)
    qtbot.waitUntil(lambda: window.model.rowCount() < 300, timeout=3000)
    ids = [window.model.row_at(i).household_id for i in range(window.model.rowCount())]
    assert target.household_id in ids
    assert all(part in window.model.row_at(i).search_text for i in range(len(ids)))


def test_search_by_nik_and_no_kk(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    view = session.store.household(window.model.row_at(7).household_id)
    nik = view.members[-1].values["nik"]
    qtbot.keyClicks(window.search, nik)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    assert window.model.row_at(0).household_id == view.household_id
    window.search.clear()
    qtbot.keyClicks(window.search, view.values["no_kk"])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)


def test_state_filter_and_counts(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert window.model.counts()["not_visited"] == 300
    window.filters.setCurrentRow(2)  # draft
    assert window.model.rowCount() == 0
    window.filters.setCurrentRow(1)  # not visited
    assert window.model.rowCount() == 300


def test_language_switch_changes_the_labels(qtbot, profile):
    dialog = LoginDialog(profile)
    qtbot.addWidget(dialog)
    assert i18n.set_language("en")
    qtbot.waitUntil(lambda: dialog.button.text() == "Log in", timeout=2000)
    assert dialog.user_label.text() == "User name"
    assert i18n.set_language("id")
    qtbot.waitUntil(lambda: dialog.button.text() == "Masuk", timeout=2000)
    assert dialog.user_label.text() == "Nama pengguna"


PHOTO = Path(__file__).resolve().parents[1] / "photos" / "bandung_south_gps.jpg"


def found_household_answers(dialog) -> dict:
    """The dialog's answers completed as for a found household (keyboard parts done by the test)."""
    answers = dialog.form_view.answers(keep_hidden=True)
    answers.update(HOUSING)
    answers.update(dict.fromkeys(ASSETS, "2"))
    answers.update(art_lengkap="1", program="1")
    for m in answers["members"]:
        m.update(status_art="1", disabilitas="2", penyakit_kronis="2")
        if m.get("jenis_kelamin") == "2":
            m["hamil"] = "2"
    return answers


def test_verify_a_household_end_to_end(qtbot, session, monkeypatch):
    window = MainWindow(session)
    qtbot.addWidget(window)
    target = window.model.row_at(41)
    qtbot.keyClicks(window.search, target.head_name.split()[0][:4])
    qtbot.waitUntil(lambda: window.model.rowCount() < 300, timeout=3000)
    row = next(
        i
        for i in range(window.model.rowCount())
        if window.model.row_at(i).household_id == target.household_id
    )
    window.table.selectRow(window.proxy.mapFromSource(window.model.index(row, 0)).row())
    dialog = window.open_current() or window.findChild(HouseholdDialog)
    qtbot.addWidget(dialog)
    view = dialog.form_view

    # A household not found skips every household section.
    type_into(qtbot, view, "status_rt", "2")
    assert not view.is_shown("perumahan") and not view.is_shown("art")
    type_into(qtbot, view, "status_rt", "1")
    assert view.is_shown("perumahan") and view.is_shown("art")

    # The house photo with its EXIF GPS (southern hemisphere).
    monkeypatch.setattr(dialog, "choose_photo_file", lambda: str(PHOTO))
    focus(qtbot, view, "foto_rumah")
    qtbot.keyClick(
        view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    # The photo is processed off the GUI thread; the form gets it when that is done.
    qtbot.waitUntil(lambda: "foto_rumah" in view.answers(), timeout=15000)
    lat, lon = (float(x) for x in view.answers()["gps"].split()[:2])
    assert lat == pytest.approx(-6.98765, abs=1e-5) and lon == pytest.approx(107.62912, abs=1e-5)

    # Finalizing an incomplete form is refused and shows why.
    assert not dialog.finalize()
    assert "Not finalized" in dialog.status.text() or "Belum bisa" in dialog.status.text()
    view.set_answers(found_household_answers(dialog))
    type_into(qtbot, view, "hasil", "1")
    assert dialog.finalize(), dialog.status.text()
    assert session.store.household_state(target.household_id) == "finalized"
    dialog.close()

    sync = window.open_sync()
    qtbot.addWidget(sync)
    qtbot.waitUntil(lambda: sync.close_button.isEnabled(), timeout=60000)
    assert sync.error is None, sync.message.text()
    assert sync.summary.outcomes["applied"] == 1
    assert session.store.household_state(target.household_id) == "synced"
    sync.accept()
    qtbot.waitUntil(lambda: window.model.counts()["synced"] == 1, timeout=3000)

    # Reopened offline, the data is still there.
    profile = session.profile
    session.close()
    again = account.unlock_offline(profile, demo.DEMO_PASSWORD)
    try:
        reopened = HouseholdDialog(again, target.household_id)
        qtbot.addWidget(reopened)
        answers = reopened.form_view.answers()
        assert answers["hasil"] == "1" and answers["status_rt"] == "1"
        assert answers["foto_rumah"] == view.answers()["foto_rumah"]
        assert again.store.photos(target.household_id)[0].uploaded
    finally:
        again.close()


def test_a_draft_keeps_prelist_values_that_a_skip_rule_hides(qtbot, session):
    household_id = session.store.list_households()[5].household_id
    dialog = HouseholdDialog(session, household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    niks = [m["nik"] for m in dialog.form_view.answers(keep_hidden=True)["members"]]
    assert all(niks)
    type_into(qtbot, dialog.form_view, "status_rt", "1")
    assert dialog.save_draft()
    reopened = HouseholdDialog(session, household_id)
    qtbot.addWidget(reopened)
    kept = reopened.form_view.answers(keep_hidden=True)["members"]
    assert [m.get("nik") for m in kept] == niks
    assert session.store.household_state(household_id) == "draft"


def test_the_household_window_records_paradata_as_the_enumerator_works(qtbot, session):
    """Answers typed, a section chosen and a GPS point typed are paradata events, kept with the
    draft in the store and going on after the window is opened again."""
    household_id = session.store.list_households()[7].household_id
    dialog = HouseholdDialog(session, household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.form_view, "status_rt", "1")
    dialog.form_view.go_to_section("perumahan")
    editor = dialog.form_view.editor("gps")
    qtbot.keyClicks(editor.lat, "-6.98765")
    qtbot.keyClicks(editor.lon, "107.62912")
    assert dialog.save_draft()
    saved = session.store.paradata(household_id)
    kinds = [e.kind for e in saved.events]
    assert kinds[0] == "o" and "a" in kinds and kinds.count("g") == 1  # typing merged
    assert any(e.kind == "s" and e.name == "perumahan" for e in saved.events)
    assert any(e.kind == "a" and e.name == "status_rt" for e in saved.events)
    dialog.close()
    again = HouseholdDialog(session, household_id)
    qtbot.addWidget(again)
    assert again.visit.paradata.events[: len(saved.events)] == saved.events
    assert again.visit.paradata.events[-1].kind == "o"


def test_a_typed_gps_point_north_of_the_equator_is_warned_about(qtbot, session):
    dialog = HouseholdDialog(session, session.store.list_households()[9].household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.form_view.editor("gps")
    qtbot.keyClicks(editor.lat, "6.98765")  # the minus sign forgotten
    qtbot.keyClicks(editor.lon, "107.62912")
    qtbot.waitUntil(lambda: editor.warning.isVisibleTo(dialog), timeout=3000)
    assert "Indonesia" in editor.warning.text()
    editor.lat.clear()
    qtbot.keyClicks(editor.lat, "-6.98765")
    qtbot.waitUntil(lambda: not editor.warning.isVisibleTo(dialog), timeout=3000)


def test_propose_a_new_household_fill_it_and_sync_it(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    new = window.new_household()
    qtbot.addWidget(new)
    assert new.desa.currentData() == "3204122002"
    for name, text in {
        "alamat": "Kp. Baru No. 1",
        "rt": "4",
        "rw": "007",
        "nama_krt": "Ujang Baru",
        "no_kk": "3204121508100001",
    }.items():
        qtbot.keyClicks(new.edits[name], text)
    new.create()
    assert new.errors["rt"].isVisibleTo(new) and "3 digits" in new.errors["rt"].text()
    assert not new.errors["alamat"].isVisibleTo(new)
    assert new.household_id is None
    new.edits["rt"].setText("004")
    new.create()
    household_id = new.household_id
    assert household_id and len(household_id) == 36
    dialog = window.findChild(HouseholdDialog)
    qtbot.addWidget(dialog)
    assert dialog.household_id == household_id
    # A proposal's UUID is no id to read out: the heading says what it is, the tooltip has it.
    assert household_id not in dialog.heading.text()
    assert "proposal, DTKS id given on approval" in dialog.heading.text()
    assert dialog.heading.toolTip() == household_id
    assert dialog.form_view.answers()["alamat"] == "Kp. Baru No. 1"
    head = {
        "nama": "Ujang Baru",
        "status_art": "4",
        "nik": "3204120508900003",
        "hubungan": "1",
        "jenis_kelamin": "1",
        "tanggal_lahir": "1990-08-05",
        "status_kawin": "2",
        "nama_ibu": "Siti Aminah",
        "pekerjaan": "4",
        "pendidikan": "2",
    }
    answers = dialog.form_view.answers(keep_hidden=True)
    answers["members"] = [head]
    dialog.form_view.set_answers(answers)
    answers = found_household_answers(dialog)
    answers["members"][0]["status_art"] = "4"
    sha, _, gps = dialog.attach_photo(str(PHOTO))
    answers.update(status_rt="1", hasil="1", foto_rumah=sha, gps=f"{gps['lat']} {gps['lon']}")
    dialog.form_view.set_answers(answers)
    assert dialog.form_view.answers()["foto_rumah"] == sha, (sha, answers.get("foto_rumah"))
    assert dialog.finalize(), dialog.status.text()
    dialog.close()
    summary = run_sync(session)
    assert summary.outcomes["applied"] == 1, summary.messages
    assert window.model.counts()["not_visited"] == 300


def double_click_row(qtbot, window: MainWindow, row: int) -> None:
    """Double-click a row of the list as a user would."""
    window.table.selectRow(row)
    rect = window.table.visualRect(window.proxy.index(row, 1))
    viewport = window.table.viewport()
    # A real double-click: a click first, then the double-click event.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())


def activate(qtbot, dialog) -> None:
    """Bring a window to the front, as clicking on it would."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)


def test_a_double_click_opens_one_window_and_opening_again_raises_it(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    double_click_row(qtbot, window, 3)
    qtbot.waitUntil(lambda: bool(window.findChildren(HouseholdDialog)), timeout=3000)
    opened = window.findChildren(HouseholdDialog)
    assert len(opened) == 1
    again = window.open_current()
    assert again is opened[0] and len(window.findChildren(HouseholdDialog)) == 1
    opened[0].close()
    qtbot.waitUntil(lambda: not opened[0].isVisible(), timeout=3000)
    reopened = window.open_current()
    qtbot.addWidget(reopened)
    assert reopened is not opened[0] and reopened.isVisible()
    reopened.close()


def test_a_stale_window_cannot_save_over_a_household_finalized_in_another(qtbot, session):
    household_id = session.store.list_households()[4].household_id
    # Two windows on one household, as a second code path could still make them.
    first = HouseholdDialog(session, household_id)
    stale = HouseholdDialog(session, household_id)
    for dialog in (first, stale):
        qtbot.addWidget(dialog)
        dialog.show()
    sha, _, gps = first.attach_photo(str(PHOTO))
    answers = found_household_answers(first)
    answers.update(status_rt="1", hasil="1", foto_rumah=sha, gps=f"{gps['lat']} {gps['lon']}")
    answers["alamat"] = "Jl. Baru No. 41"
    first.form_view.set_answers(answers)
    assert first.finalize(), first.status.text()

    activate(qtbot, stale)
    type_into(qtbot, stale.form_view, "alamat", " lama")
    assert stale.dirty
    assert not stale.save_draft()
    assert stale.stale_notice is not None and stale.stale_notice.isVisible()
    assert household_id in stale.stale_notice.text()
    # The store kept the finalized work; the stale window now shows it.
    hv = session.store.household(household_id)
    assert hv.state == "finalized" and hv.values["alamat"] == "Jl. Baru No. 41"
    assert hv.verification.answers["foto_rumah"] == sha
    assert stale.form_view.answers()["alamat"] == "Jl. Baru No. 41"
    assert stale.form_view.answers()["foto_rumah"] == sha and not stale.dirty
    stale.stale_notice.accept()
    # After the reload it saves from the current revision again.
    type_into(qtbot, stale.form_view, "rt", "")
    assert stale.finalize(), stale.status.text()
    first.close()
    stale.close()


def test_closing_a_stale_window_with_edits_keeps_it_open_on_the_saved_version(qtbot, session):
    household_id = session.store.list_households()[6].household_id
    first = HouseholdDialog(session, household_id)
    stale = HouseholdDialog(session, household_id)
    for dialog in (first, stale):
        qtbot.addWidget(dialog)
        dialog.show()
    activate(qtbot, first)
    type_into(qtbot, first.form_view, "status_rt", "1")
    assert first.save_draft()
    activate(qtbot, stale)
    type_into(qtbot, stale.form_view, "status_rt", "2")
    stale.close()
    assert stale.isVisible() and stale.stale_notice.isVisible()
    assert stale.form_view.answers()["status_rt"] == "1"
    assert session.store.household(household_id).verification.answers["status_rt"] == "1"
    stale.stale_notice.accept()
    stale.close()
    assert not stale.isVisible()


def table_texts(table) -> list[list[str]]:
    """The cells of a table widget, row by row."""
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_history_tab_is_a_readable_timeline_and_the_prelist_tab_uses_labels(qtbot, session):
    import re

    household_id = session.store.list_households()[8].household_id
    dialog = HouseholdDialog(session, household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.form_view, "status_rt", "1")
    assert dialog.save_draft()
    lang = session.profile.settings.language
    dialog.tabs.setCurrentIndex(2)
    rows = table_texts(dialog.history_table)
    assert rows, "the save is in the history"
    assert all(re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", r[0]) for r in rows)
    cells = [c for r in rows for c in r]
    assert not any("{" in c or c in ("verification", "set", "photo", "draft") for c in cells)
    status_label = dialog.form.label("status_rt", lang)
    step = next(r for r in rows if r[2] == status_label)
    assert step[1] == session.username and step[3] == "—" and step[4].startswith("1 ")

    dialog.tabs.setCurrentIndex(1)
    labels = [r[0].lstrip("✎ ") for r in table_texts(dialog.household_table)]
    assert "no_kk" not in labels and "jumlah_art" not in labels
    births = [r[4] for r in table_texts(dialog.member_table)]
    assert births and all(re.fullmatch(r"\d\d-\d\d-\d{4}", b) for b in births if b)
    dialog.close()


def test_enter_right_after_a_household_opens_goes_to_the_next_question(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.table.selectRow(2)
    dialog = window.open_current()
    chosen = []
    dialog.choose_photo_file = lambda: chosen.append("asked") or ""
    view = dialog.form_view
    first = view.editor("tanggal_kunjungan").focus_target()
    qtbot.waitUntil(first.hasFocus, timeout=5000)  # the cursor starts in the first question
    qtbot.keyClick(first, Qt.Key.Key_Return)
    qtbot.waitUntil(view.editor("alamat").focus_target().hasFocus, timeout=3000)
    # Enter where no question takes it (the tab bar has the focus) moves on too; it never
    # presses the photo button as a dialog's default button.
    dialog.tabs.tabBar().setFocus()
    qtbot.waitUntil(dialog.tabs.tabBar().hasFocus, timeout=3000)
    qtbot.keyClick(dialog.tabs.tabBar(), Qt.Key.Key_Return)
    assert chosen == []
    qtbot.waitUntil(first.hasFocus, timeout=3000)  # back in the form, at its first question
    dialog.close()
