"""Issue 16 end to end: a real server, real HTTP, a real enumerator client, the provinsi and
Kemensos windows. Kabkota approves and submits (409 without the signed scan), the provinsi
returns two households with notes, one goes on to the field and comes back fixed, everything
is submitted again, forwarded and established, and the next round's pre-list carries it."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from e2e_helpers import WIB, answers, listed_here, login
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from server_process import ROUND

from capi_app.profile import Profile
from capi_app.sync.errors import StateRefused
from capi_app.sync.session import run_sync
from capi_app.ui.app import main_window_for
from capi_app.ui.review_window import ReviewWindow
from capi_app.ui.submission_models import SubmittedHouseholdsModel
from capi_app.ui.submissions_window import SubmissionsWindow
from dtks import review
from dtks.error_codes import ErrorCode

SCAN = b"%PDF-1.4\n% Keputusan Bupati Bandung, ditandatangani\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
SCAN2 = b"%PDF-1.4\n% Keputusan Bupati Bandung (susulan), ditandatangani\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def chain(tmp_path, small_server, qapp):
    """The enumerator (pulled), the Dinas Sosial reviewer of the desa, provinsi and Kemensos."""
    small_server.add_user("rev1", role="reviewer")
    small_server.add_user("prov1", role="reviewer", scopes=["32"])
    small_server.add_user("kem1", role="reviewer", scopes=["national"])
    sessions = {
        name: login(Profile(tmp_path / name), small_server.url, name)
        for name in ("enum1", "rev1", "prov1", "kem1")
    }
    run_sync(sessions["enum1"], phases=("pull",))
    yield sessions
    for s in sessions.values():
        s.close()


def finalize(session, hid, **fields):
    for name, value in fields.items():
        session.store.set_field(hid, name, value, session.username)
    started = datetime(2026, 11, 3, 10, 0, tzinfo=WIB)
    session.store.save_verification(
        hid, answers(session.store.household(hid).values), "finalized", session.username,
        result="2", started_at=started, finished_at=started + timedelta(minutes=5),
    )  # fmt: skip


def window(qtbot, session) -> SubmissionsWindow:
    w = main_window_for(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: not w.jobs, timeout=20000)
    assert isinstance(w, SubmissionsWindow), type(w)
    return w


def choose(qtbot, w, sid):
    w.select(sid)
    qtbot.waitUntil(
        lambda: not w.jobs and w.detail is not None and w.detail.item.submission_id == sid,
        timeout=20000,
    )


def press(qtbot, w, name):
    button = w.buttons[name]
    assert button.isVisible() and button.isEnabled(), name
    with qtbot.waitSignal(w.decided, timeout=20000) as decided:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.jobs, timeout=20000)
    return decided.args[0]


def write_note(qtbot, w, hid, text):
    """Type the note into the household's Note cell, as a reviewer does."""
    proxy = w.households_proxy
    row = next(
        r for r in range(proxy.rowCount())
        if proxy.data(proxy.index(r, 1), Qt.ItemDataRole.UserRole) == hid
    )  # fmt: skip
    index = proxy.index(row, SubmittedHouseholdsModel.NOTE)
    viewport = w.household_table.viewport()
    qtbot.waitUntil(lambda: not viewport.findChildren(QLineEdit), timeout=5000)  # old editor gone
    w.household_table.setCurrentIndex(index)
    w.household_table.edit(index)
    editor = viewport.findChild(QLineEdit)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    idle = QAbstractItemView.State.NoState
    qtbot.waitUntil(
        lambda: w.households.notes.get(hid) == text and w.household_table.state() == idle,
        timeout=5000,
    )


def submit(rev, sid, scan):
    doc = rev.api.upload_pengesahan(ROUND, "3204122002", scan, "application/pdf")
    return rev.api.decide_submission(sid, review.SUBMIT, pengesahan_sha256=doc["sha256"])


def cli(server, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sync_server.cli", *args, "--data-dir", str(server.data_dir)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def state(server, hid):
    return server.query("SELECT state FROM households WHERE household_id = ?", (hid,))[0][0]


def test_kabkota_provinsi_kemensos_and_the_next_prelist(qtbot, chain, small_server, tmp_path):
    enum1, rev, prov, kem = (chain[n] for n in ("enum1", "rev1", "prov1", "kem1"))
    ids = listed_here(enum1.store, 4)
    for hid in ids:
        finalize(enum1, hid)
    assert run_sync(enum1).outcomes["applied"] == 4

    # kabkota approves, then submits without the scan: 409 naming it
    for hid in ids:
        assert rev.api.review_decide(hid, review.APPROVE)["state"] == review.APPROVED
    draft = rev.api.create_submission(ROUND)
    assert (draft["state"], draft["count"]) == (review.DRAFT, 4)
    sid = draft["submission_id"]
    with pytest.raises(StateRefused) as refused:
        rev.api.decide_submission(sid, review.SUBMIT)
    assert refused.value.code == ErrorCode.PENGESAHAN_MISSING
    assert "pengesahan" in str(refused.value) and ROUND in str(refused.value)
    assert state(small_server, ids[0]) == review.APPROVED
    up = submit(rev, sid, SCAN)
    assert (up["state"], up["level"]) == (review.SUBMITTED, review.PROVINSI)

    # the provinsi window: return two households, each with its note
    pw = window(qtbot, prov)
    choose(qtbot, pw, sid)
    assert pw.detail.by_result == {"1": 0, "2": 4, "": 0}
    write_note(qtbot, pw, ids[0], "foto rumah tidak terlihat")
    write_note(qtbot, pw, ids[1], "alamat tidak sesuai KK")
    reply = press(qtbot, pw, "return_some")
    assert (reply["count"], reply["returned"]) == (2, 2)

    # back in the kabkota queue with the notes
    queue = ReviewWindow(rev)
    qtbot.addWidget(queue)
    qtbot.waitUntil(lambda: not queue.jobs and queue.model.rowCount() == 2, timeout=20000)
    items = {queue.model.item_at(i).household_id: queue.model.item_at(i) for i in range(2)}
    assert set(items) == set(ids[:2])
    assert all(review.FLAG_RETURNED_FROM_ABOVE in i.flags for i in items.values())
    notes = {h: rev.api.review_household(h)["household"]["note"] for h in ids[:2]}
    assert notes == {ids[0]: "foto rumah tidak terlihat", ids[1]: "alamat tidak sesuai KK"}

    # one goes on to the field; the enumerator fixes it; both are approved and submitted again
    rev.api.review_decide(ids[1], review.RETURN, note="Cek alamat dengan KK, perbaiki RT")
    rev.api.review_decide(ids[0], review.APPROVE)
    run_sync(enum1)
    local = enum1.store.household(ids[1])
    assert local.review is not None and local.review.state == review.RETURNED
    finalize(enum1, ids[1], alamat="Jl. Cempaka 12 RT 004")
    assert run_sync(enum1).ok
    assert state(small_server, ids[1]) == review.NEEDS_REVIEW
    rev.api.review_decide(ids[1], review.APPROVE)
    again = rev.api.create_submission(ROUND)
    assert again["count"] == 2
    submit(rev, again["submission_id"], SCAN2)

    # the provinsi forwards both
    pw.show_filter.setCurrentIndex(0)
    pw.refresh()
    qtbot.waitUntil(lambda: not pw.jobs and pw.list_model.rowCount() == 2, timeout=20000)
    for s in (sid, again["submission_id"]):
        choose(qtbot, pw, s)
        assert press(qtbot, pw, review.FORWARD)["level"] == review.KEMENSOS

    # Kemensos establishes both
    kw = window(qtbot, kem)
    kw.confirm = lambda title, text: True
    for s in (sid, again["submission_id"]):
        choose(qtbot, kw, s)
        assert press(qtbot, kw, review.ESTABLISH)["state"] == review.ESTABLISHED
    assert {state(small_server, h) for h in ids} == {review.ESTABLISHED}
    history = kem.api.submission(sid)["history"]
    assert [e["decision"] for e in history] == ["create", "submit", "return", "forward", "establish"]  # fmt: skip

    # the next round's pre-list carries the established values; importing it changes nothing
    out = tmp_path / "prelist-2026-12"
    done = cli(small_server, "export-prelist", "--out", str(out))
    assert done.returncode == 0 and "4 established households" in done.stdout, done.stderr
    with open(out / "households.csv", newline="", encoding="utf-8") as f:
        rows = {r["household_id"]: r for r in csv.DictReader(f)}
    assert set(rows) == set(ids) and rows[ids[1]]["alamat"] == "Jl. Cempaka 12 RT 004"
    before = small_server.query('SELECT household_id, version, "values" FROM households')
    done = cli(small_server, "import-prelist", str(out))
    assert done.returncode == 0 and "0 new, 0 updated, 4 unchanged" in done.stdout, done.stdout
    assert small_server.query('SELECT household_id, version, "values" FROM households') == before
