"""Issue 11's move of a household across kabupaten, through the windows: an enumerator of
Kab. Bandung moves two households to a desa of Kab. Garut (a real client sync); the Garut
reviewer finds them in the moves window of their review queue, opens one (its detail and
photo load while the move waits, decisions on it stay with Bandung), confirms one move and
refuses the other with a note; the enumerator's next sync drops the moved household only."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from e2e_helpers import CAMERA_PHOTOS, PHOTOS, WIB, answers, dispose, listed_here, login
from PySide6.QtCore import Qt

from capi_app.media import import_photo
from capi_app.profile import Profile
from capi_app.store.listing import list_rows
from capi_app.sync.session import run_sync
from capi_app.ui import i18n
from capi_app.ui.household_list import MOVE_REFUSED, HouseholdTableModel
from capi_app.ui.household_view import HouseholdDialog
from capi_app.ui.moves_window import MovesWindow
from capi_app.ui.review_window import ReviewWindow
from dtks import moves

GARUT = "3205011001"
"""Desa Kota Kulon, Kab. Garut: another kabupaten than the pre-list's desa."""


@pytest.fixture
def field(tmp_path, small_server, qapp):
    """The Bandung enumerator (pulled), the Bandung reviewer and the Garut reviewer."""
    small_server.add_user("rev1", role="reviewer", scopes=["3204"])
    small_server.add_user("revgarut", role="reviewer", scopes=["3205"])
    sessions = {
        n: login(Profile(tmp_path / n), small_server.url, n) for n in ("enum1", "rev1", "revgarut")
    }
    run_sync(sessions["enum1"], phases=("pull",))
    i18n.set_language("id")
    yield sessions
    i18n.set_language("en")
    for s in sessions.values():
        s.close()


def move_to_garut(session, hid, photo=None):
    """The enumerator finds the family moved to Garut: changes the code and finalizes."""
    store = session.store
    store.set_field(hid, "kode_wilayah", GARUT, session.username)
    if photo:
        import_photo(store, hid, PHOTOS / photo, session.username)
    started = datetime(2026, 11, 3, 10, 0, tzinfo=WIB)
    store.save_verification(
        hid, answers(store.household(hid).values), "finalized", session.username, result="2",
        started_at=started, finished_at=started + timedelta(minutes=7),
    )  # fmt: skip


def idle(qtbot, window, timeout=20000):
    qtbot.waitUntil(lambda: not window.jobs, timeout=timeout)


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def kode(server, hid):
    return server.query("SELECT kode_wilayah FROM households WHERE household_id = ?", (hid,))[0][0]


def test_the_receiving_reviewer_confirms_one_move_and_refuses_another(qtbot, field, small_server):
    enum1, rev1, garut = (field[n] for n in ("enum1", "rev1", "revgarut"))
    one, two = listed_here(enum1.store, 2)
    move_to_garut(enum1, one, photo=CAMERA_PHOTOS[0])
    move_to_garut(enum1, two)
    summary = run_sync(enum1)
    assert summary.outcomes["conflict"] == 2, summary.messages
    assert {kode(small_server, h) for h in (one, two)} == {"3204122002"}  # nothing moved yet

    # the Garut queue says two moves wait; its moves window lists them
    queue = ReviewWindow(garut)
    qtbot.addWidget(queue)
    idle(qtbot, queue)
    assert queue.moves_waiting == 2 and "(2)" in queue.moves_action.text()
    assert "Pindah wilayah" in queue.moves_action.text()
    window = queue.open_moves()
    assert isinstance(window, MovesWindow)
    idle(qtbot, window)
    assert window.model.rowCount() == 2
    assert window.windowTitle() == "Verivali: pindah wilayah"
    assert window.confirm_button.text() == "Konfirmasi pindah"
    window.select(window.model.all_items()[0].move_id)
    first = window.current()
    assert (first.household_id, first.from_kode, first.to_kode) == (one, "3204122002", GARUT)
    assert first.can_decide and window.confirm_button.isEnabled()

    # open the household: the detail and its photo load while the move waits, read only
    click(qtbot, window.open_button)
    dialog = window._windows[one]
    qtbot.addWidget(dialog)
    idle(qtbot, dialog)
    assert dialog.detail is not None, dialog.error
    assert dialog.incoming() and not dialog.approve_button.isEnabled()
    assert not dialog.return_button.isEnabled()
    assert "Pindah wilayah menunggu: dari 32.04.12.2002" in dialog.banner.text()
    assert "32.05.01.1001" in dialog.banner.text() and "enum1" in dialog.banner.text()
    assert not dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.integrity))  # Bandung's
    assert len(dialog.detail.photos) == 1
    qtbot.waitUntil(lambda: not dialog.photos.jobs, timeout=20000)
    thumb = dialog.photos.thumbs[dialog.detail.photos[0].sha256]
    assert not thumb.pixmap().isNull(), thumb.text()  # the photo came, not "could not be loaded"
    dialog.reject()

    # the Bandung reviewer sees the move waiting but cannot decide it
    sending = MovesWindow(rev1)
    qtbot.addWidget(sending)
    idle(qtbot, sending)
    assert sending.model.rowCount() == 0  # nothing waits for Bandung's decision
    sending.show_filter.setCurrentIndex(1)
    assert sending.model.rowCount() == 2
    sending.table.selectRow(0)
    assert not sending.confirm_button.isEnabled() and not sending.refuse_button.isEnabled()

    # confirm the first (asked first), refuse the second only with a note
    asked = []
    window.confirm = lambda title, text: asked.append(text) or True
    with qtbot.waitSignal(window.decided, timeout=20000):
        click(qtbot, window.confirm_button)
    idle(qtbot, window)
    assert one in asked[0] and "32.05.01.1001" in asked[0]
    assert window.last_reply["state"] == moves.CONFIRMED
    assert one in window.status.text() and "32.05.01.1001" in window.status.text()
    assert window.model.rowCount() == 1
    window.table.selectRow(0)
    assert window.current().household_id == two
    click(qtbot, window.refuse_button)
    assert window.error and kode(small_server, two) == "3204122002"  # no note: nothing sent
    window.note.setText("Keluarga masih tinggal di Dayeuhkolot menurut RT")
    with qtbot.waitSignal(window.decided, timeout=20000):
        click(qtbot, window.refuse_button)
    idle(qtbot, window)
    assert window.last_reply["state"] == moves.REFUSED
    assert window.last_reply["decision_note"] == "Keluarga masih tinggal di Dayeuhkolot menurut RT"
    assert window.model.rowCount() == 0
    idle(qtbot, queue)
    assert queue.moves_waiting == 0

    # the server and the enumerator: one moved away, one stayed
    assert (kode(small_server, one), kode(small_server, two)) == (GARUT, "3204122002")
    assert run_sync(enum1).ok
    local = {h.household_id for h in enum1.store.list_households(limit=100)}
    assert one not in local and two in local

    # the enumerator is told the refusal: in the list (a filter, a mark on the desa) and in
    # the household's window, in Bahasa Indonesia
    told = enum1.store.refused_move(two)
    assert (told.to_kode, told.decided_by) == (GARUT, "revgarut")
    assert enum1.store.refused_move(one) is None
    model = HouseholdTableModel(list_rows(enum1.store.db))
    assert model.worklist_counts()[MOVE_REFUSED] == 1
    model.set_filter(state=MOVE_REFUSED)
    assert [model.row_at(i).household_id for i in range(model.rowCount())] == [two]
    tip = model.data(model.index(0, model.COLUMNS.index("desa")), Qt.ItemDataRole.ToolTipRole)
    assert "Pindah ke 32.05.01.1001" in tip and "ditolak oleh revgarut" in tip
    household = HouseholdDialog(enum1, two)
    text = household.banner.text()
    assert "Pindah ke 32.05.01.1001 Kota Kulon ditolak oleh revgarut" in text, text
    assert "Keluarga tetap terdaftar di 32.04.12.2002" in text
    assert "Alasan: Keluarga masih tinggal di Dayeuhkolot menurut RT" in text
    dispose(household)  # gone before the store closes: no later event reaches it
