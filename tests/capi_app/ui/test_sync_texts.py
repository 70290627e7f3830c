"""A sync's outcomes and the server's refusals are said in the user's language, by the error's
code and field, on a real sync against the demo server (the server words its errors in
English)."""

import re

import pytest
from review_scenario import POINT_TWO, edit_and_push, enumerator, verify

from capi_app import demo
from capi_app.ui import i18n
from capi_app.ui.household_view import HouseholdDialog
from capi_app.ui.sync_dialog import SyncDialog
from capi_app.ui.sync_texts import refusal_text
from dtks.error_codes import ErrorCode

ENGLISH = re.compile(r"\b(household|refused|conflict|field|change-set|reviewer|rejected)\b", re.I)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = demo.start_demo_server(tmp_path_factory.mktemp("demo"), log=lambda *_: None)
    yield s
    s.stop()


@pytest.fixture
def field(server, tmp_path, qapp):
    """Two enumerators of the demo desa, pulled, their windows in Indonesian."""
    sessions = [enumerator(tmp_path, server.url, u, demo.DEMO_PASSWORD) for u in ("enum1", "enum2")]
    for s in sessions:
        s.profile.settings.language = "id"
    i18n.set_language("id")
    yield sessions
    for s in sessions:
        s.close()


def run_dialog(qtbot, session) -> SyncDialog:
    """Sync through the dialog, as the F5 key does, and wait until it is done."""
    dialog = SyncDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(dialog.close_button.isEnabled, timeout=60000)
    return dialog


def test_a_refused_household_is_said_in_indonesian_naming_the_question(qtbot, field):
    one, _ = field
    bad = one.store.list_households(limit=1)[0].household_id

    summary = edit_and_push(one, bad, {"rt": "2"})  # rt is three digits: refused whole
    assert summary.failed_changesets == 1  # the server's refusal, in English, names rt
    assert any("rt" in m for m in summary.messages)
    one.store.set_field(bad, "alamat", "Jl. Mawar 9", one.username)
    dialog = run_dialog(qtbot, one)

    text = dialog.message.text()
    assert f"Rumah tangga {bad}: Server tidak menerima “RT”" in text, text
    assert "1 ditolak" in text, text  # the household of the change-set refused whole
    assert not ENGLISH.search(text), text
    household = HouseholdDialog(one, bad)
    qtbot.addWidget(household)
    banner = household.banner.text()
    assert "Server tidak menerima “RT”" in banner and not ENGLISH.search(banner), banner


def test_a_conflict_outcome_names_the_question_by_its_label(qtbot, field):
    one, two = field
    hid = one.store.list_households(limit=1)[0].household_id
    assert edit_and_push(one, hid, {"alamat": "Jl. Mawar 5"}).ok
    two.store.set_field(hid, "alamat", "Jl. Melati 7", two.username)

    verify(two, hid, gps=POINT_TWO)
    dialog = run_dialog(qtbot, two)

    text = dialog.message.text()
    assert f"Rumah tangga {hid}: “Alamat (jalan, nomor, dusun)” juga diubah di server" in text, text
    assert not ENGLISH.search(text), text


def test_every_error_code_has_an_indonesian_sentence(qapp):
    """A code added to dtks.error_codes without words would show the server's English."""
    english = {code: refusal_text(code, "rt", detail="DETAIL") for code in ErrorCode}
    i18n.set_language("id")
    indonesian = {code: refusal_text(code, "rt", detail="DETAIL") for code in ErrorCode}
    same = [c for c in ErrorCode if indonesian[c] == english[c] or "DETAIL" in indonesian[c]]
    assert same == [], f"codes without an Indonesian sentence: {same}"


def test_a_reviewers_refused_value_is_said_in_indonesian(qapp):
    from capi_app.sync.client import error_for
    from capi_app.ui.review_errors import plain_error

    body = {"code": "validation", "household_id": "3204122002000001", "field": "choices.alamat"}
    error = error_for(422, "household 3204122002000001, field alamat: too long", body)
    error.code = ErrorCode.VALIDATION
    forbidden = error_for(403, "role enumerator may not review", {"code": "forbidden"})
    i18n.set_language("id")
    texts = [plain_error(error), plain_error(forbidden)]
    assert texts[0] == "Server tidak menerima nilai “alamat”: periksa, lalu coba lagi.", texts
    assert not any(ENGLISH.search(t) or "may not" in t for t in texts), texts


def test_a_window_refused_by_the_server_says_why_in_indonesian(qtbot, field):
    """An enumerator's session asks the PAPI supervisor's routes: 403, said in Indonesian."""
    from capi_app.ui.papi.supervisor_window import PapiSupervisorWindow

    one, _ = field
    window = PapiSupervisorWindow(one)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window.error), timeout=20000)
    text = window.status.text()
    assert "Peran Anda tidak boleh melakukan ini" in text, text
    assert not re.search(r"\b(role|may not|cannot|papi)\b", text, re.I), text


def test_an_unreachable_server_is_said_in_indonesian_with_its_address(qtbot, field):
    """A real closed port: the login and the sync dialog say it without the client's English."""
    import socket

    from capi_app.ui.login import LoginDialog

    one, _ = field
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}"  # closed once the block ends
    one.api.base_url, one.api.retries = url, 0
    dialog = run_dialog(qtbot, one)
    text = dialog.message.text()
    assert f"Tidak ada sambungan ke {url}" in text, text
    assert not re.search(r"\b(cannot|reach|refused|connection)\b", text, re.I), text

    login = LoginDialog(one.profile)
    qtbot.addWidget(login)
    login.server.setText(url)
    login.user.setText("enum1")
    login.password.setText(demo.DEMO_PASSWORD)
    login.log_in() if hasattr(login, "log_in") else login.button.click()
    qtbot.waitUntil(lambda: bool(login.error.text()), timeout=30000)
    shown = login.error.text()
    assert f"Tidak ada sambungan ke {url}" in shown, shown
    assert not re.search(r"\b(cannot|reach|refused|connection)\b", shown, re.I), shown


def test_a_changeset_kept_for_the_households_new_state_is_said_in_indonesian(qapp):
    from capi_app.sync.client import error_for
    from capi_app.sync.errors import ChangesetReused, StateRefused
    from capi_app.sync.summary import SyncNote
    from capi_app.ui.sync_texts import note_text

    # The server's 409 kinds: only changeset_mismatch (or none, an older server) is a reuse.
    replaced = error_for(409, "household X was approved as Y", {"code": "conflict_state", "household_id": "X"})  # fmt: skip
    assert isinstance(replaced, StateRefused) and not isinstance(replaced, ChangesetReused)
    assert replaced.household_id == "X"
    assert isinstance(
        error_for(409, "other content", {"code": "changeset_mismatch"}), ChangesetReused
    )
    assert isinstance(error_for(409, "other content", {}), ChangesetReused)
    i18n.set_language("id")
    text = note_text(SyncNote("held", "3204122002000001", code="conflict_state", detail="..."))
    assert text.startswith("Rumah tangga 3204122002000001 berubah di server"), text
    assert "dikirim lagi pada sinkronisasi berikutnya" in text
