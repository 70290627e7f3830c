"""A household a reviewer moved across kabupaten leaves the anomaly worklist (issue 15): its
household id still names the desa it came from, but the confirmed move (dtks.moves.settled)
makes that history, on the server and on the device, which re-runs the same rules after its
own saves. A real server process, a real client store and sync, the list's worklist filter."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from e2e_helpers import WIB, answers, listed_here, login
from server_process import ROUND

from capi_app.profile import Profile
from capi_app.store.listing import list_rows
from capi_app.sync.session import run_sync
from capi_app.ui.household_list import WORKLIST, HouseholdTableModel
from dtks import anomalies, moves
from sync_server.services.assignments import assign
from sync_server.services.users import create_user

GARUT = "3205011001"
"""Desa Kota Kulon, Kab. Garut: another kabupaten than the pre-list's desa."""
PASSWORD = "kunci-desa-2026"


@pytest.fixture
def sessions(tmp_path, small_server):
    """A pendamping assigned the whole province (their device keeps the household before and
    after the move) and the Garut reviewer who confirms it."""
    with small_server.engine.begin() as conn:
        create_user(conn, "enumprov", "enumerator", ["32"], PASSWORD)
        assign(conn, "enumprov", "32", ROUND)
        create_user(conn, "revgarut", "reviewer", ["3205"], PASSWORD)
    out = {n: login(Profile(tmp_path / n), small_server.url, n) for n in ("enumprov", "revgarut")}
    yield out
    for s in out.values():
        s.close()


def _on_worklist(store, hid) -> bool:
    model = HouseholdTableModel(list_rows(store.db))
    model.set_filter(state=WORKLIST)
    return hid in {model.row_at(i).household_id for i in range(model.rowCount())}


def _wrong(store, hid) -> bool:
    return any(a.kind == anomalies.WRONG_WILAYAH for a in store.anomalies(hid))


def test_a_confirmed_move_clears_wrong_wilayah_in_the_next_pull_and_on_the_devices_worklist(
    qapp, sessions, small_server
):
    field, reviewer = sessions["enumprov"], sessions["revgarut"]
    assert run_sync(field).ok
    store = field.store
    (hid,) = listed_here(store, 1)
    assert hid[:10] == "3204122002" and not _wrong(store, hid)

    # The family lives in Garut now: the pendamping sets it. The device's own rules find the
    # id's desa disagreeing at once (nothing confirmed yet).
    store.set_field(hid, "kode_wilayah", GARUT, field.username)
    assert _wrong(store, hid) and _on_worklist(store, hid)
    started = datetime(2026, 11, 3, 10, 0, tzinfo=WIB)
    store.save_verification(
        hid, answers(store.household(hid).values), "finalized", field.username, result="2",
        started_at=started, finished_at=started + timedelta(minutes=7),
    )  # fmt: skip
    summary = run_sync(field)
    assert summary.outcomes["conflict"] == 1, summary.messages  # held for Garut's reviewer

    (move,) = reviewer.api._request("GET", "/review/moves")["moves"]
    assert (move["household_id"], move["to_kode"]) == (hid, GARUT)
    reviewer.api._request("POST", f"/review/moves/{move['move_id']}", json={"decision": "confirm"})
    open_kinds = small_server.query(
        "SELECT kind FROM anomalies WHERE household_id = ? AND cleared_at IS NULL", (hid,)
    )
    assert ("wrong_wilayah",) not in open_kinds

    # The next pull: in Garut, with its confirmed move, without the anomaly; the device
    # keeps it off the worklist, also after a save of its own.
    assert run_sync(field).ok
    view = store.household(hid)
    assert view.values["kode_wilayah"] == GARUT and not view.deleted
    assert [(m.to_kode, m.state) for m in store.moves(hid)] == [(GARUT, moves.CONFIRMED)]
    assert not _wrong(store, hid) and not _on_worklist(store, hid)
    store.set_field(hid, "alamat", "Jl. Cimanuk 12", field.username)
    assert not _wrong(store, hid) and not _on_worklist(store, hid)
