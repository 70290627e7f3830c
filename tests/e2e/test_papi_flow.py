"""PAPI end to end: clerks key paper questionnaires heads-down (keystrokes only) into real
SQLCipher profiles, sync to a real server; dependent and independent double entry, the
supervisor's adjudication, and keyer error rates equal to the planted errors."""

from __future__ import annotations

import json

import pytest
import requests
from e2e_helpers import login
from papi_paper import Keyer, clean, paper_for
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from server_process import DESA, PASSWORD, ROUND

from capi_app.forms import load
from capi_app.papi_export import write_keyer_report
from capi_app.profile import Profile
from capi_app.sync.session import run_sync
from capi_app.ui.papi.entry_window import PapiEntryWindow
from capi_app.ui.papi.supervisor_window import PapiSupervisorWindow
from capi_app.visit import start_visit
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


def _focused_in(w) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and w.isAncestorOf(focus)


def window(qtbot, session):
    w = PapiEntryWindow(session, FORM)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: _focused_in(w), timeout=5000)
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
        # The keying session's paradata: opened, each value keyed, finalized.
        kinds = [e.kind for e in saved.paradata.events]
        assert kinds[0] == "o" and kinds[-1] == "f" and kinds.count("a") >= 10
    assert keyer.keys.other == 0
    assert w.batch.count() == 2


def ready(qtbot, w):
    """Wait until the batch is open (a second entry fetches the first entries first)."""
    qtbot.waitUntil(lambda: w.keying is not None or w._job is None, timeout=15000)
    assert w.keying is not None, w.status.text()


def keyers(server):
    """GET /papi/keyers as the supervisor: {username: row}, and the batch rows."""
    s = api(server, "super1")
    r = s.get(f"{s.base}/papi/keyers", params={"scope": DESA, "round": ROUND})
    assert r.status_code == 200, r.text
    body = r.json()
    return {k["username"]: k for k in body["keyers"]}, {b["batch"]: b for b in body["batches"]}


def final_answers(server, hid):
    """The answers of record on the server (entry 1's, after verification or adjudication)."""
    rows = server.query(
        "SELECT answers FROM verifications WHERE household_id = ? AND papi_entry = 1 ORDER BY id DESC",
        (hid,),
    )
    return json.loads(rows[0][0])


def test_batch_of_ten_then_dependent_verification_of_every_second(qtbot, office, small_server):
    clerk1, clerk2 = office
    s = api(small_server, "super1")
    r = s.put(f"{s.base}/papi/sampling", json={"round": ROUND, "scope": DESA, "every": 2})
    assert r.status_code == 200, r.text
    batch = papers(clerk1, 10)
    w1 = window(qtbot, clerk1)
    k1 = Keyer(w1)
    k1.open_batch("B-01", 1)
    planted = {4: ("kamar_tidur", "4")}  # clerk1 keys 4 bedrooms where the paper says otherwise
    for n, (number, _hid, paper) in enumerate(batch, 1):
        wrong = {planted[n][0]: planted[n][1]} if n in planted else {}
        assert not wrong or paper[planted[n][0]] != planted[n][1]
        k1.key(f"{n:04d}", number, paper, wrong)
    assert k1.keys.other == 0 and w1.batch.count() == 10
    assert run_sync(clerk1).completed
    w1.close()

    w2 = window(qtbot, clerk2)
    k2 = Keyer(w2)
    k2.open_batch("B-01", 3)
    ready(qtbot, w2)
    sampled = sorted(w2.keying.firsts)
    assert sampled == sorted(hid for _, hid, _ in batch[1::2])
    for hid in sampled:  # the verifier starts from the pre-list, never from the first entry
        original = start_visit(clerk2.store, FORM, hid).answers  # clerk2 pulled before entry 1
        assert compare_answers(FORM, w2.keying.start(hid), original) == []
    assert batch[9][2]["rt"] != start_visit(clerk2.store, FORM, batch[9][1]).answers["rt"]
    for n, (number, hid, paper) in enumerate(batch, 1):
        if hid not in w2.keying.firsts:
            continue
        k2.key(f"{n:04d}", number, paper)
        saved = clerk2.store.household(hid).verification
        assert saved.papi.entry == 2 and saved.papi.verify == "dependent"
        if n == 4:
            assert [c.field for c in saved.papi.checks] == ["kamar_tidur"]
            assert saved.papi.checks[0].paper == paper["kamar_tidur"]
        else:
            assert saved.papi.checks == []
    assert (k2.stops, k2.prompts) == (1, 1)  # stopped once at the mismatch, then asked once
    assert run_sync(clerk2).completed

    hid4 = batch[3][1]
    assert final_answers(small_server, hid4)["kamar_tidur"] == batch[3][2]["kamar_tidur"]
    by_user, by_batch = keyers(small_server)
    assert (by_user["clerk1"]["errors"], by_user["clerk2"]["errors"]) == (1, 0)
    assert by_user["clerk1"]["questionnaires"] == 10 and by_user["clerk2"]["questionnaires"] == 5
    assert by_user["clerk1"]["fields_verified"] == by_user["clerk2"]["fields_keyed"]
    assert by_batch["B-01"]["errors"] == 1


def test_independent_double_entry_adjudicated_to_the_paper(qtbot, office, small_server, tmp_path):
    clerk1, clerk2 = office
    batch = papers(clerk1, 5, skip=10)
    member = batch[2][2]["members"][1]["id_art"]
    # three planted differences: clerk1 twice (a household and a member answer), clerk2 once
    wrong1 = {1: {"luas_lantai": "99"}, 3: {"members[1].pekerjaan": "9"}}
    wrong2 = {5: {"rt": "017"}}
    for session, wrong, entry in ((clerk1, wrong1, 1), (clerk2, wrong2, 2)):
        w = window(qtbot, session)
        k = Keyer(w)
        k.open_batch("B-02", entry)
        ready(qtbot, w)
        for n, (number, _hid, paper) in enumerate(batch, 1):
            k.key(f"{n:04d}", number, paper, wrong.get(n))
        assert k.keys.other == 0
        assert run_sync(session).completed
        w.close()

    s = api(small_server, "super1")
    r = s.get(f"{s.base}/papi/differences", params={"scope": DESA, "batch": "B-02"})
    assert r.status_code == 200, r.text
    found = {(d["household_id"], d["key"]): d for d in r.json()["differences"]}
    h1, h3, h5 = batch[0][1], batch[2][1], batch[4][1]
    assert set(found) == {(h1, "luas_lantai"), (h3, f"{member}.pekerjaan"), (h5, "rt")}
    # the supervisor looks at the paper in the PAPI window: entry 2 is right for h1, entry 1
    # for h5, and for h3 neither, so the paper's value is typed
    boss = login(Profile(tmp_path / "super1"), small_server.url, "super1")
    sup = PapiSupervisorWindow(boss)
    qtbot.addWidget(sup)
    qtbot.waitUntil(lambda: len(sup.differences) == 3 or sup.error is not None, timeout=15000)
    assert sup.error is None
    table = sup.diff_table
    rows = {(d["household_id"], d["key"]): i for i, d in enumerate(sup.differences)}
    assert (h1, "luas_lantai") in rows, rows
    table.setCurrentCell(rows[(h1, "luas_lantai")], 4)
    QTest.keyClicks(table, "2")
    table.setCurrentCell(rows[(h5, "rt")], 4)
    QTest.keyClicks(table, "1")
    table.item(rows[(h3, f"{member}.pekerjaan")], 5).setText(batch[2][2]["members"][1]["pekerjaan"])
    assert sup.choices() == {
        h1: {"luas_lantai": {"take": "entry2"}},
        h5: {"rt": {"take": "entry1"}},
        h3: {
            f"{member}.pekerjaan": {
                "take": "value",
                "value": batch[2][2]["members"][1]["pekerjaan"],
            }
        },
    }
    sup.save_choices()
    qtbot.waitUntil(lambda: not sup.differences and bool(sup.report.get("keyers")), timeout=15000)
    rates = sup.rate_tables["keyers"]
    shown = {rates.item(i, 0).text(): rates.item(i, 4).text() for i in range(rates.rowCount())}
    assert shown == {"clerk1": "2", "clerk2": "1"}
    for kind in ("csv", "xlsx"):
        out = write_keyer_report(sup.report, tmp_path / f"keyers.{kind}")
        assert out.stat().st_size > 0
    assert "keyers,clerk1,5," in (tmp_path / "keyers.csv").read_text()
    boss.close()
    for _, hid, paper in batch:
        assert compare_answers(FORM, final_answers(small_server, hid), paper) == []
        values, _ = small_server.household(hid)
        assert values["rt"] == paper["rt"] and values["alamat"] == paper["alamat"]
    pekerjaan = small_server.members(h3)[member]["values"]["pekerjaan"]
    assert str(pekerjaan) == batch[2][2]["members"][1]["pekerjaan"]
    by_user, by_batch = keyers(small_server)
    assert (by_user["clerk1"]["errors"], by_user["clerk2"]["errors"]) == (2, 1)
    assert by_batch["B-02"]["errors"] == 3
    rate = by_user["clerk1"]["error_rate"]
    assert rate == pytest.approx(2 / by_user["clerk1"]["fields_verified"])
