"""PAPI end to end: clerks key paper questionnaires heads-down (keystrokes only) into real
SQLCipher profiles, sync to a real server; dependent and independent double entry, the
supervisor's adjudication, and keyer error rates equal to the planted errors."""

from __future__ import annotations

import pytest
import requests
from e2e_helpers import login
from papi_paper import Keyer, clean, paper_for
from PySide6.QtWidgets import QApplication
from server_process import PASSWORD

from capi_app.forms import load
from capi_app.profile import Profile
from capi_app.sync.session import run_sync
from capi_app.ui.papi.entry_window import PapiEntryWindow
from dtks.forms.compare import compare_answers

FORM = load("verivali_dtks")


@pytest.fixture
def office(tmp_path, small_server, qapp):
    """Two clerks (pulled) and a supervisor of the desa, each with their own profile."""
    small_server.add_user("clerk1", role="clerk")
    small_server.add_user("clerk2", role="clerk")
    small_server.add_user("super1", role="supervisor")
    clerks = [login(Profile(tmp_path / n), small_server.url, n) for n in ("clerk1", "clerk2")]
    for s in clerks:
        run_sync(s, phases=("pull",))
    yield clerks
    for s in clerks:
        s.close()


def api(server, user):
    """A requests session logged in as ``user``."""
    s = requests.Session()
    r = s.post(
        f"{server.url}/api/v1/auth/token",
        json={
            "username": user,
            "password": PASSWORD,
            "device_id": "0" * 8 + "-0000-4000-8000-" + "0" * 12,
        },
    )
    assert r.status_code == 200, r.text
    s.headers["Authorization"] = f"Bearer {r.json()['token']}"
    s.base = f"{server.url}/api/v1"
    return s


def papers(session, count, skip=0):
    """``count`` paper questionnaires of clean households: (pre-list number, id, answers)."""
    store = session.store
    ids = [
        h.household_id for h in store.list_households() if clean(store.household(h.household_id))
    ]
    chosen = ids[skip : skip + count]
    return [
        (hid[-6:].lstrip("0"), hid, paper_for(FORM, store, hid, n))
        for n, hid in enumerate(chosen, 1)
    ]


def window(qtbot, session):
    w = PapiEntryWindow(session, FORM)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    return w


def test_clerk_keys_a_batch_with_keystrokes_only(qtbot, office, small_server):
    clerk1 = office[0]
    w = window(qtbot, clerk1)
    keyer = Keyer(w)
    keyer.open_batch("B-01", 1)
    batch = papers(clerk1, 2)
    for n, (number, hid, paper) in enumerate(batch, 1):
        keyer.key(f"{n:04d}", number, paper)
        saved = clerk1.store.household(hid).verification
        assert saved.status == "finalized" and saved.papi.batch == "B-01"
        assert compare_answers(FORM, saved.answers, paper) == []
    assert keyer.keys.other == 0
    assert w.batch.count() == 2
