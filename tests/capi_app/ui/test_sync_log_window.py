"""The sync log window on a real encrypted store: every sync listed, one's details below, in
Indonesian with the questions by their labels, fitting a 1366x728 screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from store_samples import ASSIGNMENT, PASSWORD, make_household

from capi_app.profile import Profile
from capi_app.session import Session
from capi_app.store import Store
from capi_app.store import sync_log as log
from capi_app.store.sync_log import HouseholdOutcome, SyncLogEntry
from capi_app.sync.client import ApiClient
from capi_app.ui import i18n, window_size
from capi_app.ui.main_window import MainWindow
from capi_app.ui.sync_log_window import SyncLogWindow

H1, H2, H3 = (f"3204122002{i:06d}" for i in (1, 2, 3))


@pytest.fixture
def session(tmp_path, qapp):
    profile = Profile(tmp_path / "profile")
    store = Store.create(profile.dir, PASSWORD)
    store.save_assignments([ASSIGNMENT])
    store.upsert_pulled([make_household(i) for i in (1, 2, 3)], ASSIGNMENT.id)
    s = Session(profile, store, ApiClient("http://127.0.0.1:9"), "enum1", "enumerator")
    log.record(
        store.db,
        SyncLogEntry(
            "pull", "2026-11-02T08:00:00+07:00", "2026-11-02T08:00:03+07:00", "enum1", "ok",
            received=3, bytes_received=20480,
        ),
    )  # fmt: skip
    log.record(
        store.db,
        SyncLogEntry(
            "sync", "2026-11-03T09:00:00+07:00", "2026-11-03T09:00:09+07:00", "enum1",
            "problems", households_sent=3, changesets_sent=1, bytes_sent=4096,
            households=(
                HouseholdOutcome(H1, "applied", 4, changeset_id="c1"),
                HouseholdOutcome(H2, "conflict", 5, ("alamat",), changeset_id="c1"),
                HouseholdOutcome(H3, "refused", None, ("rt",), "rt: too long", "c1", "validation"),
            ),
        ),
    )  # fmt: skip
    log.record(
        store.db,
        SyncLogEntry(
            "sync", "2026-11-04T10:00:00+07:00", "2026-11-04T10:00:30+07:00", "enum1",
            "failed", error="cannot reach http://x", error_kind="ServerUnreachable",
        ),
    )  # fmt: skip
    yield s
    s.close()


def texts(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_lists_every_sync_newest_first_with_the_failed_ones_said_in_indonesian(qtbot, session):
    i18n.set_language("id")
    window = SyncLogWindow(session)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Riwayat sinkronisasi"
    assert texts(window.model, 0) == [
        "04-11-2026 10:00:30",
        "03-11-2026 09:00:09",
        "02-11-2026 08:00:03",
    ]
    assert texts(window.model, 3) == ["Gagal", "Selesai, ada yang ditolak", "Selesai"]
    assert texts(window.model, 2)[2] == "Unduh saja"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Waktu"
    assert "Server tidak dapat dihubungi" in window.detail.text()  # the newest is selected
    assert "cannot reach" not in window.detail.text()
    assert "3 sinkronisasi" in window.count_label.text()


def test_one_syncs_households_with_their_outcome_and_the_questions_labels(qtbot, session):
    i18n.set_language("id")
    window = SyncLogWindow(session)
    qtbot.addWidget(window)
    window.table.selectRow(1)
    assert "Dikirim 3 rumah tangga" in window.detail.text()
    model = window.households
    assert texts(model, 0) == [H1, H2, H3]
    assert texts(model, 1) == [make_household(i).values["nama_krt"] for i in (1, 2, 3)]
    assert texts(model, 2) == ["Diterima", "Dikirim ke pemeriksaan", "Ditolak: menunggu perbaikan"]
    details = texts(model, 3)
    assert "Versi 4" in details[0]
    assert "Alamat" in details[1] and "alamat" not in details[1]  # the label, not the field id
    assert "RT" in details[2] and "too long" not in details[2]
    window.household_table.selectRow(2)  # its result whole, beside the table
    assert window.household_detail.text().endswith(details[2])
    window.table.selectRow(2)
    assert window.households.rowCount() == 0 and "Diunduh 3 rumah tangga" in window.detail.text()


def test_english_is_available_and_the_window_fits_a_laptop(qtbot, session):
    i18n.set_language("en")
    window = SyncLogWindow(session)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Sync log"
    assert texts(window.model, 3)[0] == "Failed"
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 - window_size.FRAME.width()
    assert hint.height() <= 728 - window_size.FRAME.height()
    room = window_size.room(window)
    assert window.width() <= room.width() and window.height() <= room.height()


def test_the_main_window_opens_it_from_the_toolbar(qtbot, session):
    i18n.set_language("id")
    main = MainWindow(session)
    qtbot.addWidget(main)
    assert main.sync_log_action.text().startswith("Riwayat sinkronisasi")
    main.sync_log_action.trigger()
    opened = main.findChild(SyncLogWindow)
    assert opened is not None and opened.isVisible()
    assert opened.model.rowCount() == 3
    opened.close()
