"""The enumerator's window actions for sync by file (issue 14): export a bundle to the stick,
import the reply the supervisor brought back; a reply for another laptop is refused in
Indonesian with nothing applied."""

from __future__ import annotations

import time

import pytest
from e2e_helpers import dispose, edit_many, listed_here, login
from PySide6.QtCore import QCoreApplication
from server_process import SyncServer

from capi_app.profile import Profile
from capi_app.sync.bundles import relay
from capi_app.sync.session import run_sync
from capi_app.ui import i18n
from capi_app.ui.main_window import MainWindow


def _wait(done, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "timed out waiting for the dialog"
        QCoreApplication.processEvents()
        time.sleep(0.01)


@pytest.fixture(scope="module")
def field(tmp_path_factory, qapp):
    """enum1 and enum2 pulled online, then enum1 finalized 3 households offline."""
    root = tmp_path_factory.mktemp("bundle-windows")
    server = SyncServer(root / "server", households=30)
    for name in ("enum1", "enum2"):
        server.add_user(name)
    server.add_user("spv1", role="supervisor")
    server.start()
    sessions = {}
    for name in ("enum1", "enum2"):
        sessions[name] = login(Profile(root / name), server.url, name)
        run_sync(sessions[name], phases=("pull",))
    ids = sorted(listed_here(sessions["enum1"].store, 100))[:3]
    edit_many(sessions["enum1"].store, ids, "enum1")
    supervisor = login(Profile(root / "spv1"), server.url, "spv1")
    i18n.set_language("id")
    yield {"server": server, "root": root, "sessions": sessions, "supervisor": supervisor,
           "ids": ids}  # fmt: skip
    i18n.set_language("en")
    for s in (*sessions.values(), supervisor):
        s.close()
    server.stop()


def test_export_writes_the_bundle_and_the_reply_imports_as_a_sync(field, tmp_path):
    laptop = field["sessions"]["enum1"]
    window = MainWindow(laptop)
    dialog = window.export_bundle_to(tmp_path / "enum1")
    _wait(lambda: dialog.close_button.isEnabled())
    assert dialog.error is None, dialog.message.text()
    assert (dialog.result.households, dialog.result.photos) == (3, 1)
    assert dialog.message.text().startswith(f"Bundel ditulis ke {tmp_path / 'enum1.vvb'}: 3 rumah")
    assert len(laptop.store.pending_changesets()) == 1  # pending until the reply comes back
    dialog.accept()

    (relayed,) = relay(field["supervisor"].api, [tmp_path / "enum1.vvb"], tmp_path)
    assert relayed.ok, relayed.message
    field["reply"] = relayed.reply

    dialog = window.import_reply_from(tmp_path / "enum1.reply.vvb")
    _wait(lambda: dialog.close_button.isEnabled())
    assert dialog.error is None, dialog.message.text()
    assert "3 rumah tangga dikirim: 3 diterima" in dialog.message.text()
    assert laptop.store.pending_changesets() == [] and laptop.store.photos_to_upload() == []
    dialog.accept()
    server = field["server"]
    for hid in field["ids"]:
        values, version = server.household(hid)
        assert values["alamat"].startswith("Jl. Verivali No.") and version == 2
    dispose(window)


def test_a_reply_for_another_laptop_is_refused_with_nothing_applied(field, tmp_path):
    other = field["sessions"]["enum2"]
    reply = field.get("reply")
    assert reply is not None, "runs after the export test, with enum1's reply"
    before = other.store.db.execute(
        "SELECT household_id, version, sync_state FROM households ORDER BY 1"
    ).fetchall()
    window = MainWindow(other)
    dialog = window.import_reply_from(reply)
    _wait(lambda: dialog.close_button.isEnabled())
    assert dialog.message.text().startswith("Berkas bundel ini untuk laptop atau server lain")
    after = other.store.db.execute(
        "SELECT household_id, version, sync_state FROM households ORDER BY 1"
    ).fetchall()
    assert after == before
    dialog.accept()
    dispose(window)
