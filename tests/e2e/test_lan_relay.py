"""The LAN relay (issue 14, optional part), on 127.0.0.1 only: the office has no uplink; an
enumerator's laptop sends its bundle to the supervisor's client over the office network, the
supervisor relays the relay's folder when the uplink is back, the laptop fetches and imports
the reply on its next lan-sync. The relay keeps nothing but whole push bundles."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
import requests
from e2e_helpers import dispose, edit_many, login
from server_process import PASSWORD, SyncServer

from capi_app.profile import Profile
from capi_app.sync.bundles import bundles_in, relay
from capi_app.sync.errors import BundleInvalid
from capi_app.sync.lan_relay import LanRelay, lan_sync, send_bundle
from capi_app.sync.session import run_sync


def _capi(profile_dir, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "capi_app.cli", *args, "--profile", str(profile_dir),
         "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A server, enum1 pulled once online and then edited 5 households offline; the
    supervisor's LAN relay listening on 127.0.0.1."""
    import gc

    gc.collect()  # windows earlier tests left go now, on this thread, not in a handler's
    root = tmp_path_factory.mktemp("lan")
    server = SyncServer(root / "server", households=30)
    server.add_user("enum1")
    server.add_user("spv1", role="supervisor")
    server.start()
    laptop = login(Profile(root / "enum1"), server.url, "enum1")
    run_sync(laptop, phases=("pull",))
    ids = sorted(h.household_id for h in laptop.store.list_households(limit=100))[:5]
    edit_many(laptop.store, ids, "enum1")
    laptop.close()
    supervisor = login(Profile(root / "spv1"), server.url, "spv1")
    lan = LanRelay(root / "spv1-lan", "127.0.0.1", 0).start()
    yield {"server": server, "root": root, "lan": lan, "supervisor": supervisor, "ids": ids}
    lan.stop()
    supervisor.close()
    server.stop()


def test_a_laptop_syncs_through_the_lan_relay_and_ends_as_a_direct_sync(office):
    root, lan, server = office["root"], office["lan"], office["server"]
    first = _capi(root / "enum1", "lan-sync", "--relay", lan.url)
    assert first.returncode == 0, first.stderr
    assert "sent to the LAN relay" in first.stdout
    assert "1 bundle(s) waiting" in first.stdout
    (kept,) = bundles_in(lan.folder)
    assert kept.name.startswith("enum1-") and oct(kept.stat().st_mode & 0o777) == "0o600"
    assert server.query("SELECT count(*) FROM changesets")[0][0] == 0  # no uplink yet

    waiting = _capi(root / "enum1", "lan-sync", "--relay", lan.url)
    assert waiting.returncode == 0, waiting.stderr
    assert "sent" not in waiting.stdout and len(bundles_in(lan.folder)) == 1

    (relayed,) = relay(office["supervisor"].api, bundles_in(lan.folder), lan.folder)
    assert relayed.ok and relayed.households == 5, relayed.message

    from capi_app.account import unlock_offline

    laptop = unlock_offline(Profile(root / "enum1"), PASSWORD)
    try:
        result = lan_sync(laptop, lan.url)
        assert [i.summary.households_pushed for i in result.imported] == [5]
        assert laptop.store.pending_changesets() == []
        assert laptop.store.photos_to_upload() == []
        assert result.sent is not None and result.waiting == [result.sent.bundle_id]
    finally:
        laptop.close()
    rows = server.query(
        "SELECT DISTINCT a.household_id, u.username, r.username FROM audit a "
        "JOIN users u ON u.id = a.user_id JOIN users r ON r.id = a.relayer_id"
    )
    assert sorted(rows) == sorted((h, "enum1", "spv1") for h in office["ids"])


def test_the_relay_refuses_a_changed_byte_and_keeps_nothing(office, tmp_path):
    lan = office["lan"]
    before = sorted(p.name for p in lan.folder.iterdir())
    (kept,) = bundles_in(lan.folder)[:1]
    data = bytearray(kept.read_bytes())
    data[len(data) // 2] ^= 0x01
    (tmp_path / "bad.vvb").write_bytes(bytes(data))
    with pytest.raises(BundleInvalid) as refused:
        send_bundle(lan.url, tmp_path / "bad.vvb")
    assert refused.value.code == "bundle_damaged"
    assert sorted(p.name for p in lan.folder.iterdir()) == before


def test_the_relay_refuses_a_reply_and_anything_that_is_not_a_bundle(office, tmp_path):
    lan = office["lan"]
    (reply,) = [p for p in lan.folder.iterdir() if p.name.endswith(".reply.vvb")][:1]
    (tmp_path / "reply.vvb").write_bytes(reply.read_bytes())
    with pytest.raises(BundleInvalid) as refused:
        send_bundle(lan.url, tmp_path / "reply.vvb")
    assert refused.value.code == "bundle_foreign"
    r = requests.post(lan.url + "/bundles", data=b'{"hello": 1}', timeout=30)
    assert (r.status_code, r.json()["code"]) == (422, "bundle_damaged")
    r = requests.get(lan.url + "/bundles/../../etc/passwd/reply", timeout=30)
    assert r.status_code == 404 and json.loads(r.text)["code"] == "not_found"


def test_a_body_larger_than_a_bundle_is_refused_before_it_is_read(office):
    address = urlsplit(office["lan"].url)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    conn.putrequest("POST", "/bundles")
    conn.putheader("Content-Length", str(70 * 1024 * 1024))
    conn.endheaders()
    answer = conn.getresponse()
    assert answer.status == 413 and json.loads(answer.read())["code"] == "too_large"
    conn.close()


def test_a_reply_not_relayed_yet_is_not_found(office):
    r = requests.get(
        office["lan"].url + "/bundles/00000000-0000-4000-8000-000000000000/reply", timeout=30
    )
    assert r.status_code == 404 and "not relayed" in r.json()["detail"]


def _wait(qapp, done, seconds: float = 60) -> None:
    import time

    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "timed out waiting for the window"
        QCoreApplication.processEvents()
        time.sleep(0.01)


def test_the_supervisors_window_takes_bundles_on_the_lan_and_relays_them(office, qapp):
    from capi_app.account import unlock_offline
    from capi_app.ui.supervisor_window import SupervisorWindow

    window = SupervisorWindow(office["supervisor"])
    panel = window.relay
    panel.lan.address.setText("127.0.0.1:0")
    panel.lan.switch.setChecked(True)
    assert panel.lan.relay is not None, panel.lan.where.text()
    url = panel.lan.url()
    assert url.startswith("http://127.0.0.1:") and url in panel.lan.where.text()
    assert panel.folder == office["supervisor"].profile.dir / "lan-inbox"
    laptop = unlock_offline(Profile(office["root"] / "enum1"), PASSWORD)
    try:
        hid = office["ids"][0]
        laptop.store.set_field(hid, "alamat", "Jl. Lewat Wi-Fi Kantor 9", "enum1")
        from e2e_helpers import answers

        laptop.store.save_verification(
            hid, answers(laptop.store.household(hid).values), "finalized", "enum1", result="2"
        )
        sent = lan_sync(laptop, url, again=True).sent
        _wait(qapp, lambda: [r.info.bundle_id for r in panel.model.rows] == [sent.bundle_id])
        assert panel.model.rows[0].info.username == "enum1"
        ended = []
        panel.finished.connect(lambda: ended.append(True))
        panel.relay_all()
        _wait(qapp, lambda: ended)
        assert panel.results[0].ok, panel.results[0].message
        imported = lan_sync(laptop, url)
        assert [i.summary.households_pushed for i in imported.imported][-1:] == [1]
        assert laptop.store.pending_changesets() == []
    finally:
        laptop.close()
    values, _version = office["server"].household(hid)
    assert values["alamat"] == "Jl. Lewat Wi-Fi Kantor 9"
    window.close()
    assert panel.lan.relay is None
    dispose(window)
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/health", timeout=5)


def test_a_full_relay_refuses_more_and_keeps_what_it_has(office, tmp_path, monkeypatch):
    from capi_app.account import unlock_offline
    from capi_app.sync import lan_relay
    from capi_app.sync.bundles import export_bundle

    lan = office["lan"]
    before = sorted(p.name for p in lan.folder.iterdir())
    monkeypatch.setattr(lan_relay, "MAX_KEPT", len(bundles_in(lan.folder)))
    laptop = unlock_offline(Profile(office["root"] / "enum1"), PASSWORD)
    try:
        bundle = export_bundle(laptop, tmp_path / "more.vvb").path
    finally:
        laptop.close()
    with pytest.raises(BundleInvalid) as refused:
        send_bundle(lan.url, bundle)
    assert refused.value.code == "too_large" and "once they are relayed" in str(refused.value)
    assert sorted(p.name for p in lan.folder.iterdir()) == before
