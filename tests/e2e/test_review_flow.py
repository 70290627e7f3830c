"""The Dinas Sosial review end to end: real server, real enumerator clients, the review windows."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from e2e_helpers import WIB, answers, listed_here, login
from PySide6.QtCore import Qt

from capi_app.profile import Profile
from capi_app.store.listing import list_rows
from capi_app.sync.session import run_sync
from capi_app.ui.household_view import HouseholdDialog
from capi_app.ui.main_window import MainWindow
from capi_app.ui.review_window import ReviewWindow


@pytest.fixture
def team(tmp_path, small_server, qapp):
    """Two enumerators (pulled) and a reviewer of the desa, each with their own profile."""
    small_server.add_user("rev1", role="reviewer")
    sessions = [
        login(Profile(tmp_path / name), small_server.url, name)
        for name in ("enum1", "enum2", "rev1")
    ]
    for s in sessions[:2]:
        run_sync(s, phases=("pull",))
    yield sessions
    for s in sessions:
        s.close()


def finalize(session, hid):
    started = datetime(2026, 11, 3, 10, 0, tzinfo=WIB)
    session.store.save_verification(
        hid, answers(session.store.household(hid).values), "finalized", session.username,
        result="2", started_at=started, finished_at=started + timedelta(minutes=5),
    )  # fmt: skip


def push_edit(session, hid, **fields):
    for name, value in fields.items():
        session.store.set_field(hid, name, value, session.username)
    finalize(session, hid)
    return run_sync(session)


def open_review(qtbot, reviewer, hid):
    """The queue loaded, then the household's review screen loaded."""
    window = ReviewWindow(reviewer)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 or bool(window.error), timeout=20000)
    assert not window.error
    ids = [window.model.item_at(i).household_id for i in range(window.model.rowCount())]
    assert hid in ids
    qtbot.keyClicks(window.search, hid[-6:])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    window.table.selectRow(0)
    dialog = window.open_current()
    qtbot.waitUntil(lambda: dialog.detail is not None or bool(dialog.error), timeout=20000)
    assert not dialog.error, dialog.error
    # Clicks land where the widgets are only once the window is shown and laid out.
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=20000)
    return window, dialog


def test_reviewer_takes_the_client_value_and_both_enumerators_pull_it(qtbot, team, small_server):
    one, two, reviewer = team
    hid = listed_here(one.store, 1)[0]
    assert push_edit(one, hid, alamat="Jl. Satu 1").outcomes["applied"] == 1
    assert push_edit(two, hid, alamat="Jl. Dua 2").outcomes["conflict"] == 1

    window, dialog = open_review(qtbot, reviewer, hid)
    (choice,) = dialog.choices
    assert "Jl. Satu 1" in choice.server.text()  # the server's value
    assert "Jl. Dua 2" in choice.client.text() and "enum2" in choice.client.text()
    assert len(dialog.detail.verifications) == 2
    assert any(r.name == "alamat" and r.differs for r in dialog.detail.answers_compared())
    qtbot.mouseClick(choice.client, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(choice.client.isChecked, timeout=5000)
    # Ctrl+Enter reaches the dialog only once the window manager made it active, which an
    # offscreen test cannot count on: the button is what the shortcut presses.
    qtbot.waitUntil(dialog.resolve_button.isEnabled, timeout=20000)
    with qtbot.waitSignal(dialog.decided, timeout=20000) as decided:
        qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
    assert decided.args[0]["household_id"] == hid
    qtbot.waitUntil(lambda: not dialog.jobs and dialog.detail.conflicts == [], timeout=20000)
    assert small_server.household(hid)[0]["alamat"] == "Jl. Dua 2"

    for s in (one, two):
        run_sync(s)
        assert s.store.household(hid).values["alamat"] == "Jl. Dua 2"
    dialog.close()


def test_return_with_a_note_fix_and_approve(qtbot, team, small_server):
    one, _, reviewer = team
    hid = listed_here(one.store, 1)[0]
    assert push_edit(one, hid, alamat="Jl. Salah 9").ok

    window = ReviewWindow(reviewer)
    qtbot.addWidget(window)
    dialog = window.open_household(hid)
    qtbot.waitUntil(lambda: dialog.detail is not None or bool(dialog.error), timeout=20000)
    qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)
    assert "note" in dialog.error.lower() or "catatan" in dialog.error.lower()
    assert (
        small_server.query("SELECT state FROM households WHERE household_id=?", (hid,))[0][0]
        != "returned"
    )
    qtbot.keyClicks(dialog.note, "Alamat salah: cek nomor rumah")
    with qtbot.waitSignal(dialog.decided, timeout=20000):
        qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)

    run_sync(one)
    row = next(r for r in list_rows(one.store.db) if r.household_id == hid)
    assert row.state == "returned"
    listing = MainWindow(one)
    qtbot.addWidget(listing)
    returned = [listing.model.row_at(i) for i in range(listing.model.rowCount())]
    assert any(r.household_id == hid and r.state == "returned" for r in returned)
    view = HouseholdDialog(one, hid, listing)
    qtbot.addWidget(view)
    assert "Alamat salah: cek nomor rumah" in view.banner.text() and view.banner.isVisibleTo(view)
    view.close()

    assert push_edit(one, hid, alamat="Jl. Benar 10").ok
    dialog.reload()
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=20000)
    with qtbot.waitSignal(dialog.decided, timeout=20000) as decided:
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert decided.args[0]["state"] == "approved"
    assert (
        small_server.query("SELECT state FROM households WHERE household_id=?", (hid,))[0][0]
        == "approved"
    )
    assert small_server.household(hid)[0]["alamat"] == "Jl. Benar 10"
    run_sync(one)
    assert one.store.household(hid).values["alamat"] == "Jl. Benar 10"


def test_approve_is_refused_while_a_conflict_is_open(qtbot, team, small_server):
    one, two, reviewer = team
    hid = listed_here(one.store, 1)[0]
    push_edit(one, hid, rt="003")
    push_edit(two, hid, rt="004")

    _, dialog = open_review(qtbot, reviewer, hid)
    assert not dialog.approve_button.isEnabled()  # the open conflict holds it
    qtbot.keyClick(
        dialog,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: bool(dialog.error), timeout=20000)
    assert "conflict" in dialog.error.lower() or "konflik" in dialog.error.lower()
    assert (
        small_server.query("SELECT state FROM households WHERE household_id=?", (hid,))[0][0]
        == "needs_review"
    )

    (choice,) = dialog.choices
    qtbot.keyClicks(choice.value, "005")  # typing a value chooses "enter a value"
    assert choice.choice() == {"take": "value", "value": "005"}
    with qtbot.waitSignal(dialog.decided, timeout=20000):
        qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=20000)
    with qtbot.waitSignal(dialog.decided, timeout=20000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert small_server.household(hid)[0]["rt"] == "005"
