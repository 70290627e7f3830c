"""The submissions windows driven against a real demo server: the kabkota reviewer makes a
submission and submits it with the signed scan, the provinsi reviewer (pytest-qt) returns a
household with a note and forwards the rest, Kemensos establishes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from review_scenario import enumerator, verify, verify_found

from capi_app import account, demo
from capi_app.profile import Profile
from capi_app.sync.session import run_sync
from capi_app.ui.app import main_window_for
from capi_app.ui.review_window import ReviewWindow
from capi_app.ui.submission_models import SubmittedHouseholdsModel
from capi_app.ui.submissions_window import SubmissionsWindow
from dtks import review

ROUND = "2026-11"  # the suite's clock (tests/conftest.py) is in it
PDF = b"%PDF-1.4\n% pengesahan ditandatangani Bupati Bandung\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def login(field, name):
    return account.login_online(
        Profile(field["root"] / f"profile-{name}"), field["server"].url, name, demo.DEMO_PASSWORD
    )


@pytest.fixture(scope="module")
def field(tmp_path_factory, qapp):
    """A demo server where the kabkota reviewer approved four verified households."""
    root = tmp_path_factory.mktemp("submissions")
    server = demo.start_demo_server(root / "demo", log=lambda *_: None)
    one = enumerator(root, server.url, "enum1", demo.DEMO_PASSWORD)
    ids = [h.household_id for h in one.store.list_households(limit=4)]
    verify_found(one, ids[0], "Canon_40D.jpg")  # layak
    for hid in ids[1:]:
        verify(one, hid)  # not found: tidak layak
    assert run_sync(one).ok
    field = {"server": server, "root": root, "ids": ids}
    kabkota = login(field, "reviewer1")
    for hid in ids:
        assert kabkota.api.review_decide(hid, review.APPROVE)["state"] == review.APPROVED
    field["kabkota"] = kabkota
    yield field
    for s in (one, kabkota):
        s.close()
    server.stop()


def wait_idle(qtbot, window, timeout=20000):
    qtbot.waitUntil(lambda: not window.jobs, timeout=timeout)


def open_window(qtbot, session) -> SubmissionsWindow:
    window = main_window_for(session)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, window)
    return window


def click(qtbot, window, name):
    button = window.buttons[name]
    assert button.isEnabled() and button.isVisible(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


def row_of(window, household_id) -> int:
    proxy = window.households_proxy
    for row in range(proxy.rowCount()):
        if proxy.data(proxy.index(row, 1), Qt.ItemDataRole.UserRole) == household_id:
            return row
    raise AssertionError(household_id)


def test_the_chain_through_the_windows(qtbot, field, tmp_path):
    ids = field["ids"]
    # kabkota: the review queue offers the submissions window
    queue = main_window_for(field["kabkota"])
    qtbot.addWidget(queue)
    assert isinstance(queue, ReviewWindow)
    kab = queue.open_submissions()
    qtbot.addWidget(kab)
    wait_idle(qtbot, kab)
    assert kab.new_action.isVisible()
    kab.ask_round = lambda: ROUND
    kab.new_action.trigger()
    wait_idle(qtbot, kab)
    qtbot.waitUntil(lambda: kab.detail is not None and kab.detail.item.state == "draft")
    assert kab.detail.item.count == 4 and kab.households.rowCount() == 4
    assert not kab.buttons[review.FORWARD].isEnabled()
    scan = tmp_path / "pengesahan-bupati.pdf"
    scan.write_bytes(PDF)
    kab.ask_open_path = lambda title, pattern: str(scan)
    click(qtbot, kab, review.SUBMIT)
    assert kab.last_reply["state"] == "submitted" and kab.last_reply["level"] == "provinsi"
    assert kab.last_reply["pengesahan"]["uploaded_by"] == "reviewer1"
    sid = kab.last_reply["submission_id"]

    # provinsi: its home is the submissions window, the submission waits there
    prov = open_window(qtbot, login(field, "prov1"))
    assert isinstance(prov, SubmissionsWindow) and not prov.new_action.isVisible()
    assert prov.list_model.rowCount() == 1
    qtbot.waitUntil(lambda: prov.detail is not None)
    d = prov.detail
    assert d.item.submission_id == sid and d.by_result == {"1": 1, "2": 3, "": 0}
    assert [(r.households, r.layak, r.tidak_layak) for r in d.by_desa] == [(4, 1, 3)]
    assert prov.recap.rowCount() == 2  # the desa and the total
    assert not prov.buttons[review.ESTABLISH].isVisible()
    assert prov.history.rowCount() == 2  # made, submitted

    # tick one household without a note: the window asks for the note first
    view = prov.household_table
    pick = prov.households_proxy.index(row_of(prov, ids[1]), SubmittedHouseholdsModel.PICK)
    assert prov.households_proxy.setData(
        pick, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    click(qtbot, prov, "return_some")
    assert ids[1] in prov.status.text() and prov.detail.item.returned == 0
    note = prov.households_proxy.index(row_of(prov, ids[1]), SubmittedHouseholdsModel.NOTE)
    view.setCurrentIndex(note)
    view.edit(note)
    editor = view.viewport().findChild(QLineEdit)
    qtbot.keyClicks(editor, "foto rumah tidak jelas")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(prov.households.notes))  # the view commits queued
    assert prov.households.returns() == {ids[1]: "foto rumah tidak jelas"}
    click(qtbot, prov, "return_some")
    reply = prov.last_reply
    assert reply["returned"] == 1 and reply["count"] == 3 and len(reply["children"]) == 1
    back = field["kabkota"].api.review_household(ids[1])["household"]
    assert (back["state"], back["note"]) == ("needs_review", "foto rumah tidak jelas")

    # forward the rest; it leaves the provinsi's waiting list
    prov.show_filter.setCurrentIndex(1)  # all submissions
    wait_idle(qtbot, prov)
    prov.select(sid)
    qtbot.waitUntil(lambda: prov.detail is not None and prov.detail.item.submission_id == sid)
    wait_idle(qtbot, prov)
    click(qtbot, prov, review.FORWARD)
    assert (prov.last_reply["level"], prov.last_reply["state"]) == ("kemensos", "submitted")

    # kemensos establishes
    kem = open_window(qtbot, login(field, "kemensos1"))
    assert kem.list_model.rowCount() == 1
    qtbot.waitUntil(lambda: kem.detail is not None)
    kem.confirm = lambda title, text: True
    click(qtbot, kem, review.ESTABLISH)
    assert kem.last_reply["state"] == "established"
    history = [e["decision"] for e in kem.last_reply["history"]]
    assert history == ["create", "submit", "return", "forward", "establish"]
    wait_idle(qtbot, kem)
    assert kem.list_model.rowCount() == 0  # nothing waits for Kemensos any more
    kem.show_filter.setCurrentIndex(1)
    qtbot.waitUntil(lambda: kem.detail is not None and kem.detail.item.state == "established")
    wait_idle(qtbot, kem)
    assert not kem.buttons[review.ESTABLISH].isEnabled()
    pdf = tmp_path / "draft.pdf"
    kem.ask_save_path = lambda title, name, pattern: str(pdf)
    click(qtbot, kem, "draft_pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
