"""The supervisor's window on a real server (issue 14): a USB stick's bundles relayed with
progress and Cancel, their replies written back, each outcome said in Indonesian; the progress
per desa and per enumerator as planted, one not synced for 4 days and one never; the chart, the
CSV (0600); a reviewer sees the same progress from the review queue."""

from __future__ import annotations

import csv
import os
import shutil
from datetime import datetime, timedelta

import pytest
from e2e_helpers import dispose, edit_many, listed_here, login
from PySide6.QtCore import QCoreApplication, Qt
from server_process import DESA, ROUND, SUITE_TIME, SyncServer

from capi_app.profile import Profile
from capi_app.progress import DESA_COUNTS
from capi_app.sync.bundles import export_bundle
from capi_app.sync.session import run_sync
from capi_app.ui import i18n
from capi_app.ui.app import main_window_for
from capi_app.ui.desa_chart import BARS
from capi_app.ui.progress_view import STALE_COLOR
from capi_app.ui.supervisor_window import PROGRESS_TAB, SupervisorWindow
from sync_server.services.users import revoke_tokens

NOW = datetime.fromisoformat(SUITE_TIME)


def _wait(qapp, done, seconds: float = 60) -> None:
    """Run the event loop until done() (a worker's result arrived)."""
    deadline = datetime.now() + timedelta(seconds=seconds)
    while not done():
        assert datetime.now() < deadline, "timed out waiting for the window"
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents()


def _pull_and_edit(server, root, name, ids_slice):
    session = login(Profile(root / name), server.url, name)
    run_sync(session, phases=("pull",))
    ids = sorted(listed_here(session.store, 500))
    edit_many(session.store, ids[ids_slice], name)
    return session, ids[ids_slice]


@pytest.fixture(scope="module")
def field(tmp_path_factory):
    """enum2 synced directly 4 days ago; enum1 worked offline and exported a bundle to the
    stick; enum3 pulled and never synced; enum4's bundle is from a device an admin revoked;
    a copy of enum1's bundle has a changed byte. A reviewer approved one household and
    returned another."""
    root = tmp_path_factory.mktemp("supervisor")
    server = SyncServer(root / "server", households=60, own_clock=True)
    for name in ("enum1", "enum2", "enum3", "enum4"):
        server.add_user(name)
    server.add_user("spv1", role="supervisor")
    server.add_user("rev1", role="reviewer", scopes=("32.04",))
    server.start()
    server.set_clock(NOW - timedelta(days=4, hours=1))
    enum2, enum2_ids = _pull_and_edit(server, root, "enum2", slice(40, 42))
    assert run_sync(enum2).ok
    server.set_clock(NOW)
    stick = root / "usb"
    stick.mkdir()
    enum1, _ = _pull_and_edit(server, root, "enum1", slice(0, 12))
    export_bundle(enum1, stick / "enum1.vvb")
    enum3 = login(Profile(root / "enum3"), server.url, "enum3")
    run_sync(enum3, phases=("pull",))
    enum4, _ = _pull_and_edit(server, root, "enum4", slice(20, 21))
    export_bundle(enum4, stick / "enum4.vvb")
    with server.engine.begin() as conn:
        revoke_tokens(conn, "enum4", enum4.device_id)
    data = bytearray((stick / "enum1.vvb").read_bytes())
    data[len(data) // 2] ^= 0x01
    (stick / "rusak.vvb").write_bytes(bytes(data))
    reviewer = login(Profile(root / "rev1"), server.url, "rev1")
    reviewer.api.review_decide(enum2_ids[0], "approve")
    reviewer.api.review_decide(enum2_ids[1], "return", note="foto rumah kurang jelas")
    supervisor = login(Profile(root / "spv1"), server.url, "spv1")
    devices = {"enum1": enum1.device_id, "enum2": enum2.device_id, "enum4": enum4.device_id}
    for s in (enum1, enum2, enum3, enum4):
        s.close()
    yield {"server": server, "root": root, "stick": stick, "supervisor": supervisor,
           "reviewer": reviewer, "devices": devices}  # fmt: skip
    supervisor.close()
    reviewer.close()
    server.stop()


@pytest.fixture(scope="module")
def relayed(field, qapp):
    """The supervisor's window, in Indonesian, relays the stick: listed, then relayed."""
    i18n.set_language("id")
    window = main_window_for(field["supervisor"])
    assert isinstance(window, SupervisorWindow)
    panel = window.relay
    listed = []
    panel.listed.connect(lambda: listed.append(True))
    panel.set_folder(field["stick"])
    _wait(qapp, lambda: listed)
    rows_before = [(r.info.path.name, r.info.username, r.info.device_id, r.info.size)
                   for r in panel.model.rows]  # fmt: skip
    ended = []
    panel.finished.connect(lambda: ended.append(True))
    panel.relay_all()
    assert panel.busy() and panel.cancel_button.isEnabled()
    _wait(qapp, lambda: ended)
    outcomes = {
        panel.model.rows[r].info.path.name: panel.model.data(panel.model.index(r, 5))
        for r in range(panel.model.rowCount())
    }
    status = panel.status.text()
    yield {"window": window, "rows": rows_before, "outcomes": outcomes, "status": status,
           "bar": (panel.bar.value(), panel.bar.maximum())}  # fmt: skip
    dispose(window)
    i18n.set_language("en")


def test_the_supervisor_lands_on_relay_and_progress(relayed):
    window = relayed["window"]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Teruskan bundel",
        "Progres",
    ]


def test_the_relay_tab_lists_each_bundle_with_enumerator_device_and_size(field, relayed):
    stick, devices = field["stick"], field["devices"]
    assert relayed["rows"] == [
        ("enum1.vvb", "enum1", devices["enum1"], (stick / "enum1.vvb").stat().st_size),
        ("enum4.vvb", "enum4", devices["enum4"], (stick / "enum4.vvb").stat().st_size),
        ("rusak.vvb", None, None, (stick / "rusak.vvb").stat().st_size),
    ]


def test_relay_all_writes_the_replies_back_and_says_each_outcome_in_indonesian(field, relayed):
    out = relayed["outcomes"]
    assert out["enum1.vvb"] == "Diteruskan: 12 rumah tangga; balasan ditulis"
    assert out["enum4.vvb"].startswith("Ditolak, tidak ada yang diterapkan: perangkat petugas")
    assert "dicabut" in out["enum4.vvb"]
    assert out["rusak.vvb"].startswith("Ditolak, tidak ada yang diterapkan: berkas rusak")
    assert relayed["bar"] == (3, 3)
    assert relayed["status"].startswith("1 dari 3 bundel diteruskan")
    stick = field["stick"]
    assert (stick / "enum1.reply.vvb").is_file()
    assert not (stick / "enum4.reply.vvb").exists() and not (stick / "rusak.reply.vvb").exists()


def test_the_refused_bundles_applied_nothing_and_the_relayer_is_the_supervisor(field, relayed):
    server = field["server"]
    rows = server.query(
        "SELECT DISTINCT u.username, r.username FROM audit a JOIN users u ON u.id = a.user_id "
        "LEFT JOIN users r ON r.id = a.relayer_id WHERE a.changeset_id IS NOT NULL"
    )
    assert sorted(rows) == [("enum1", "spv1"), ("enum2", None)]  # nothing of enum4's
    assert server.query("SELECT count(*) FROM bundles")[0][0] == 1


def test_cancel_stops_between_bundles_and_relaying_again_is_harmless(
    field, relayed, qapp, tmp_path
):
    server = field["server"]
    audit_before = server.audit_count()
    for name in ("a", "b", "c"):
        shutil.copy(field["stick"] / "enum1.vvb", tmp_path / f"{name}.vvb")
    panel = relayed["window"].relay
    listed, ended = [], []
    panel.listed.connect(lambda: listed.append(True))
    panel.finished.connect(lambda: ended.append(True))
    panel.set_folder(tmp_path)
    _wait(qapp, lambda: listed)
    panel.relay_all()
    job = panel.relay_job
    # Cancel pressed while the first bundle is under way: the worker sees it before the next.
    job.signals.progress.connect(lambda *_: job.cancel.set(), Qt.ConnectionType.DirectConnection)
    _wait(qapp, lambda: ended)
    assert [r.source.name for r in panel.results] == ["a.vvb"]
    assert (tmp_path / "a.reply.vvb").is_file() and not (tmp_path / "b.reply.vvb").exists()
    assert "Dibatalkan: 2 belum dikirim" in panel.status.text()
    ended.clear()
    panel.relay_all()
    _wait(qapp, lambda: ended)
    assert [r.source.name for r in panel.results] == ["a.vvb", "b.vvb", "c.vvb"]
    texts = [panel.model.data(panel.model.index(r, 5)) for r in range(3)]
    assert all(t.startswith("Sudah pernah diteruskan") for t in texts), texts
    assert server.audit_count() == audit_before
    assert (tmp_path / "c.reply.vvb").read_bytes() == (tmp_path / "a.reply.vvb").read_bytes()


@pytest.fixture(scope="module")
def progress(relayed, qapp):
    """The Progress tab of the window after the relay, round 2026-11."""
    window = relayed["window"]
    panel = window.show_progress()
    assert window.tabs.currentIndex() == PROGRESS_TAB
    _wait(qapp, lambda: panel.progress is not None and not panel.jobs)
    loads = []
    panel.loaded.connect(lambda: loads.append(True))
    panel.set_round(ROUND)
    _wait(qapp, lambda: loads and not panel.jobs)
    return panel


def _planted(server) -> dict:
    live = server.query(
        "SELECT count(*) FROM households WHERE deleted = 0 AND kode_wilayah = ?",
        (DESA.replace(".", ""),),
    )[0][0]
    anomalies = server.query(
        "SELECT count(*) FROM anomalies a JOIN households h USING (household_id) "
        "WHERE a.cleared_at IS NULL AND h.kode_wilayah = ?",
        (DESA.replace(".", ""),),
    )[0][0]
    return {"households": live, "visited": 14, "finalized": 14, "synced": 14, "approved": 1,
            "returned": 1, "anomalies_open": anomalies, "requests_pending": 0}  # fmt: skip


def test_progress_shows_the_planted_counts_per_desa(field, progress):
    m = progress.desa_model
    row = [m.data(m.index(0, c)) for c in range(m.columnCount())]
    expected = _planted(field["server"])
    assert row[0] == DESA and m.rowCount() == 1
    assert row[2:] == [str(expected[c]) for c in DESA_COUNTS]
    heads = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert heads[2:] == ["Rumah tangga", "Dikunjungi", "Final", "Terkirim", "Disetujui",
                         "Dikembalikan", "Anomali terbuka", "Permintaan tertunda"]  # fmt: skip


def _users(panel) -> dict[str, dict]:
    m = panel.user_model
    out = {}
    for r in range(m.rowCount()):
        cells = [m.data(m.index(r, c)) for c in range(m.columnCount())]
        out[cells[0]] = {"cells": cells, "stale": m.data(m.index(r, 0), Qt.ItemDataRole.BackgroundRole) == STALE_COLOR}  # fmt: skip
    return out


def test_progress_shows_each_enumerators_last_sync_and_device(field, progress):
    users = _users(progress)
    assert set(users) == {"enum1", "enum2", "enum3", "enum4"}
    devices = field["devices"]
    assert users["enum1"]["cells"][3:5] == ["0", devices["enum1"][:8]]
    assert users["enum2"]["cells"][3:5] == ["4", devices["enum2"][:8]]
    assert users["enum3"]["cells"][2:5] == ["belum pernah", "—", "—"]
    assert users["enum1"]["cells"][6] == "12" and users["enum2"]["cells"][6] == "2"
    tip = progress.user_model.data(progress.user_model.index(0, 4), Qt.ItemDataRole.ToolTipRole)
    assert tip == devices["enum1"]


def test_those_not_synced_for_n_days_are_highlighted_and_n_can_change(progress):
    progress.days.setValue(3)
    assert {u for u, v in _users(progress).items() if v["stale"]} == {"enum2", "enum3", "enum4"}
    assert "enum2, enum3, enum4" in progress.stale_label.text()
    progress.days.setValue(5)
    assert {u for u, v in _users(progress).items() if v["stale"]} == {"enum3", "enum4"}
    progress.days.setValue(3)


def test_the_chart_draws_a_bar_per_count_against_the_households(field, progress):
    chart = progress.chart
    chart.resize(500, chart.sizeHint().height())
    image = chart.grab().toImage()  # painted at the size bar_rects measures
    rects = chart.bar_rects()
    expected = _planted(field["server"])
    full = rects[(DESA, "finalized")].width() / expected["finalized"] * expected["households"]
    assert full > 300
    for name, colour in BARS:
        r = rects[(DESA, name)]
        assert r.width() == pytest.approx(full * expected[name] / expected["households"])
        if expected[name]:
            pixel = image.pixelColor(int(r.x() + r.width() / 2), int(r.y() + r.height() / 2))
            assert pixel.name() == colour, name


def test_the_csv_export_holds_both_tables_and_is_0600(field, progress, tmp_path):
    old = os.umask(0o022)
    try:
        progress.save_csv(str(tmp_path / "progres.csv"))
    finally:
        os.umask(old)
    path = tmp_path / "progres.csv"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    (desa,) = [r for r in rows if r["table"] == "desa"]
    expected = _planted(field["server"])
    assert {c: int(desa[c]) for c in DESA_COUNTS} == expected
    users = {r["username"]: r for r in rows if r["table"] == "user"}
    assert users["enum2"]["days_since_sync"] == "4"
    assert users["enum1"]["last_device_id"] == field["devices"]["enum1"]
    assert (users["enum1"]["finalized"], users["enum3"]["last_sync"]) == ("12", "")


def test_a_reviewer_sees_the_same_progress_from_the_review_queue(field, progress, qapp):
    queue = main_window_for(field["reviewer"])
    window = queue.open_progress()
    panel = window.panel
    _wait(qapp, lambda: panel.progress is not None and not panel.jobs)
    loads = []
    panel.loaded.connect(lambda: loads.append(True))
    panel.set_round(ROUND)
    _wait(qapp, lambda: loads and not panel.jobs)
    mine = {d.kode_wilayah: d for d in panel.progress.desa}
    assert mine[DESA] == progress.progress.desa[0]
    assert {u.username for u in panel.progress.users} == {"enum1", "enum2", "enum3", "enum4"}
    assert queue.open_progress() is window
    dispose(window, queue)
