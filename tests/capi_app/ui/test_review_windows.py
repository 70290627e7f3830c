"""The reviewer's windows driven against a real demo server after real field work and syncs."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLineEdit, QRadioButton
from review_scenario import POINT_TWO, enumerator, make_conflict, verify_found

from capi_app import account, demo
from capi_app.profile import Profile
from capi_app.review import FLAGS, distance_m, field_label
from capi_app.sync.session import run_sync
from capi_app.ui.app import main_window_for
from capi_app.ui.main_window import MainWindow
from capi_app.ui.review_household import ReviewHouseholdDialog
from capi_app.ui.review_queue_model import ReviewQueueModel, _chip_lines
from capi_app.ui.review_window import AWAITING_APPROVAL, ReviewWindow

ROUND = "2026-11"
DESA = "3204122002"


@pytest.fixture(scope="module")
def field(tmp_path_factory, qapp):
    """A demo server after two enumerators' work: two households in conflict, two plainly verified."""
    root = tmp_path_factory.mktemp("review")
    server = demo.start_demo_server(root / "demo", log=lambda *_: None)
    one = enumerator(root, server.url, "enum1", demo.DEMO_PASSWORD)
    two = enumerator(root, server.url, "enum2", demo.DEMO_PASSWORD)
    ids = [h.household_id for h in one.store.list_households(limit=6)]
    make_conflict(one, two, ids[0], "Jl. Mawar 5", "Jl. Melati 7")
    make_conflict(one, two, ids[1], "Jl. Satu 1", "Jl. Dua 2")
    for hid, photo in zip(ids[2:4], ("Canon_40D.jpg", "DSCN0010.jpg"), strict=True):
        verify_found(one, hid, photo)  # found at home, still eligible: no flag
    assert run_sync(one).ok
    reviewer = account.login_online(
        Profile(root / "reviewer"), server.url, "reviewer1", demo.DEMO_PASSWORD
    )
    yield {"server": server, "ids": ids, "reviewer": reviewer, "one": one, "root": root}
    for s in (one, two, reviewer):
        s.close()
    server.stop()


def has_route(field, path: str) -> bool:
    """True when the server offers the path (the server side of issue 7 lands in steps)."""
    spec = requests.get(field["server"].url + "/api/v1/openapi.json", timeout=10).json()
    return any(p.startswith("/api/v1" + path) or p.startswith(path) for p in spec["paths"])


def server_db(field) -> sqlite3.Connection:
    """The demo server's database, read only, as an auditor would."""
    path = field["server"].directory / "server-data" / "verivali.sqlite3"
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def queue_window(qtbot, field) -> ReviewWindow:
    window = ReviewWindow(field["reviewer"])
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: bool(window.jobs) is False and window.model.rowCount() > 0, timeout=20000
    )
    return window


def shown_ids(window) -> list[str]:
    return [window.model.item_at(i).household_id for i in range(window.model.rowCount())]


def test_reviewers_open_the_review_queue_and_enumerators_their_list(qtbot, field):
    window = main_window_for(field["reviewer"])
    qtbot.addWidget(window)
    assert isinstance(window, ReviewWindow)
    listing = main_window_for(field["one"])
    qtbot.addWidget(listing)
    assert isinstance(listing, MainWindow)


def test_wilayah_choice_offers_the_scope_its_kecamatan_and_desa(qtbot, field):
    window = queue_window(qtbot, field)
    codes = [window.wilayah.itemData(i) for i in range(window.wilayah.count())]
    assert codes[0] == "3204"  # reviewer1's scope: Kabupaten Bandung
    assert "320412" in codes and DESA in codes
    assert codes.index("320412") < codes.index(DESA)
    assert "Dayeuhkolot" in window.wilayah.itemText(codes.index(DESA))


def test_queue_lists_flagged_households_with_counts_filter_and_search(qtbot, field):
    window = queue_window(qtbot, field)
    conflicted = field["ids"][:2]
    assert set(conflicted) <= set(shown_ids(window))
    item = window.model.all_items()[shown_ids(window).index(conflicted[0])]
    assert "conflict" in item.flags and item.open_conflicts == 1 and item.desa == "Dayeuhkolot"
    hard = next(b for b in window.flag_buttons.buttons() if b.property("flag") == "conflict")
    assert hard.text().endswith("(2)")

    with qtbot.waitSignal(window.loaded, timeout=20000):
        qtbot.mouseClick(hard, Qt.MouseButton.LeftButton)
    assert sorted(shown_ids(window)) == sorted(conflicted)

    word = window.model.item_at(0).nama_krt.split()[0].lower()
    expected = [i.household_id for i in window.model.all_items() if word in i.search_text]
    qtbot.keyClicks(window.search, word)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(expected), timeout=3000)
    assert sorted(shown_ids(window)) == sorted(expected)
    window.search.clear()
    qtbot.keyClicks(window.search, conflicted[1][-5:])  # part of a household id
    qtbot.waitUntil(lambda: shown_ids(window) == [conflicted[1]], timeout=3000)


def test_verified_households_without_flags_are_counted_and_listed_as_waiting_for_approval(
    qtbot, field
):
    window = queue_window(qtbot, field)
    # Everything waiting for a reviewer is in the first view and its count: the flagged
    # households, then the two waiting for approval, shown in their real state.
    everything = next(b for b in window.flag_buttons.buttons() if b.property("flag") == "")
    assert everything.isChecked() and everything.text().endswith("(4)"), everything.text()
    assert sorted(shown_ids(window)) == sorted(field["ids"][:4])
    column = ReviewQueueModel.COLUMNS.index("state")
    first = {window.model.data(window.model.index(r, column)) for r in range(4)}
    assert first == {"Needs review", "Waiting for approval"}
    waiting = next(
        b for b in window.flag_buttons.buttons() if b.property("flag") == AWAITING_APPROVAL
    )
    assert waiting.text().endswith("(2)")  # the two verified households, found and eligible
    with qtbot.waitSignal(window.loaded, timeout=20000):
        qtbot.mouseClick(waiting, Qt.MouseButton.LeftButton)
    assert sorted(shown_ids(window)) == sorted(field["ids"][2:4])
    column = ReviewQueueModel.COLUMNS.index("state")
    states = {window.model.data(window.model.index(r, column)) for r in range(2)}
    assert states == {"Waiting for approval"}  # not "In the field"
    dialog = window.open_household(field["ids"][2])
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=20000)
    assert "Waiting for approval" in dialog.subheading.text()
    assert dialog.approve_button.isEnabled() and not dialog.resolve_button.isEnabled()
    dialog.close()


def test_a_double_click_in_the_queue_opens_one_review_window(qtbot, field):
    window = queue_window(qtbot, field)
    window.show()
    qtbot.waitExposed(window)
    rect = window.table.visualRect(window.proxy.index(0, 1))
    window.table.selectRow(0)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    opened = window.findChildren(ReviewHouseholdDialog)
    assert len(opened) == 1
    assert window.open_current() is opened[0]
    opened[0].close()


def test_flag_chips_keep_to_two_lines_and_say_how_many_more(qapp):
    font = QFont()
    font.setBold(True)
    metrics = QFontMetrics(font)
    flags = list(FLAGS)
    lines = _chip_lines(flags, metrics, 200, 2)
    assert len(lines) == 2
    for line in lines:
        assert sum(width for _, _, width in line) + 4 * (len(line) - 1) <= 200
    shown = [flag for line in lines for flag, _, _ in line if flag]
    more = lines[-1][-1]
    assert more[0] == "" and more[1] == f"+{len(flags) - len(shown)}"
    assert shown == flags[: len(shown)]


def test_choosing_another_desa_narrows_the_queue(qtbot, field):
    window = queue_window(qtbot, field)
    other = window.wilayah.findData("3204052001")  # Cileunyi Kulon: nobody worked there
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.wilayah.setCurrentIndex(other)
    assert window.model.rowCount() == 0 and not window.error
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.wilayah.setCurrentIndex(window.wilayah.findData(DESA))
    assert set(field["ids"][:2]) <= set(shown_ids(window))


def test_household_review_shows_photo_gps_distance_and_both_verifications(qtbot, field):
    window = queue_window(qtbot, field)
    dialog = window.open_household(field["ids"][0])
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=20000)
    d = dialog.detail
    assert [v.user for v in d.verifications] == ["enum1", "enum2"]
    (photo,) = d.photos
    assert photo.user == "enum1" and photo.gps is not None
    expected = distance_m(photo.gps, (POINT_TWO.lat, POINT_TWO.lon))
    assert photo.to_other_m == pytest.approx(expected)
    assert expected > 1  # the two points differ: the distance is worth showing
    label = dialog.photos.thumbs[photo.sha256]
    qtbot.waitUntil(lambda: not label.pixmap().isNull(), timeout=20000)
    texts = " ".join(w.text() for w in dialog.photos.findChildren(type(label)))
    assert f"{photo.to_other_m:.0f} m" in texts
    table = dialog.verification_table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    alamat_row = next(r for t, r in rows.items() if t.startswith("Alamat"))
    assert table.item(alamat_row, 1).text() == "Jl. Mawar 5"
    assert table.item(alamat_row, 2).text() == "Jl. Melati 7"
    assert table.item(alamat_row, 1).font().bold()  # the difference is highlighted
    visit = rows[field_label(dialog.form, "tanggal_kunjungan", dialog.lang)]
    assert table.item(visit, 1).text() == "02-11-2026"  # day-month-year, as the form writes it
    history_fields = [
        dialog.history_table.item(r, 2).text() for r in range(dialog.history_table.rowCount())
    ]
    label = field_label(dialog.form, "alamat", dialog.lang)
    assert label != "alamat" and label in history_fields  # the question, not its id
    dialog.close()


def test_bulk_approve_states_how_many_and_approves_them(qtbot, field, monkeypatch):
    if not has_route(field, "/review/bulk-approve"):
        pytest.skip("the server does not offer bulk approve yet")
    window = queue_window(qtbot, field)
    with qtbot.waitSignal(window.loaded, timeout=20000):
        window.wilayah.setCurrentIndex(window.wilayah.findData(DESA))
    window.rounds.add(ROUND)
    asked = []
    monkeypatch.setattr(window, "confirm", lambda title, text: asked.append(text) or True)
    window.bulk_approve()
    qtbot.waitUntil(lambda: hasattr(window, "last_bulk") or bool(window.error), timeout=30000)
    assert not window.error
    assert "Approve 2 households" in asked[0] or "Setujui 2 rumah tangga" in asked[0]
    assert sorted(window.last_bulk["approved"]) == sorted(field["ids"][2:4])
    with server_db(field) as db:
        states = dict(db.execute("SELECT household_id, state FROM households WHERE household_id IN (?,?,?,?)", field["ids"][:4]).fetchall())  # fmt: skip
    assert [states[h] for h in field["ids"][:4]] == ["needs_review"] * 2 + ["approved"] * 2


def test_export_csv_download_writes_the_rows_of_the_round(qtbot, field, tmp_path, monkeypatch):
    if not has_route(field, "/exports/results"):
        pytest.skip("the server does not offer exports yet")
    window = queue_window(qtbot, field)
    window.wilayah.setCurrentIndex(window.wilayah.findData(DESA))
    target = tmp_path / "hasil.csv"
    monkeypatch.setattr(window.exports, "ask_round", lambda: ROUND)
    monkeypatch.setattr(window.exports, "ask_save_path", lambda *a: str(target))
    job = window.exports.download("csv")
    qtbot.waitUntil(lambda: job not in window.exports.jobs, timeout=30000)
    assert window.exports.last_error is None and window.exports.last_path == str(target)
    with open(target, newline="", encoding="utf-8-sig") as f:
        rows = {r["household_id"]: r for r in csv.DictReader(f)}
    with server_db(field) as db:
        verified = {h for (h,) in db.execute("SELECT DISTINCT household_id FROM verifications WHERE round = ?", (ROUND,))}  # fmt: skip
        values = {
            h: json.loads(v) for h, v in db.execute('SELECT household_id, "values" FROM households')
        }
    assert set(rows) == verified and set(field["ids"][:4]) <= verified
    for hid, row in rows.items():
        assert row["alamat"] == values[hid]["alamat"]
    assert not list(tmp_path.glob("*.part"))


def test_bnba_pdf_is_made_from_the_review_window(qtbot, field, tmp_path, monkeypatch):
    pytest.importorskip("capi_app.reports")
    if not has_route(field, "/reports/bnba"):
        pytest.skip("the server does not offer the BNBA report yet")
    window = queue_window(qtbot, field)
    window.wilayah.setCurrentIndex(window.wilayah.findData(DESA))
    target = tmp_path / "bnba.pdf"
    monkeypatch.setattr(window.exports, "ask_round", lambda: ROUND)
    monkeypatch.setattr(window.exports, "ask_save_path", lambda *a: str(target))
    job = window.exports.make_pdf("bnba")
    qtbot.waitUntil(lambda: job not in window.exports.jobs, timeout=60000)
    assert window.exports.last_error is None, window.exports.last_error
    assert target.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(target), str(tmp_path / "page")], check=True)  # fmt: skip
        assert list(tmp_path.glob("page*.png"))


def test_pengesahan_draft_pdf_and_signed_scan_upload(qtbot, field, tmp_path, monkeypatch):
    pytest.importorskip("capi_app.reports")
    if not has_route(field, "/rounds/"):
        pytest.skip("the server does not keep pengesahan scans yet")
    window = queue_window(qtbot, field)
    window.wilayah.setCurrentIndex(window.wilayah.findData(DESA))
    draft = tmp_path / "pengesahan.pdf"
    monkeypatch.setattr(window.exports, "ask_round", lambda: ROUND)
    monkeypatch.setattr(window.exports, "ask_save_path", lambda *a: str(draft))
    job = window.exports.make_pdf("pengesahan")
    qtbot.waitUntil(lambda: job not in window.exports.jobs, timeout=60000)
    assert window.exports.last_error is None, window.exports.last_error
    assert draft.read_bytes()[:5] == b"%PDF-"

    monkeypatch.setattr(window.exports, "ask_open_path", lambda *a: str(draft))  # "signed"
    job = window.exports.upload_scan()
    qtbot.waitUntil(lambda: job not in window.exports.jobs, timeout=30000)
    assert window.exports.last_error is None, window.exports.last_error
    docs = field["reviewer"].api.pengesahan_documents(ROUND, DESA)
    assert any(d["size"] == draft.stat().st_size for d in docs)
    assert "1" in window.status.text()


def test_approving_a_proposal_shows_its_permanent_dtks_id(qtbot, field):
    from review_scenario import verify_found

    from capi_app import proposal

    one = field["one"]
    desa = proposal.desa_choices(one.store)[0]
    texts = {"alamat": "Kp. Usulan No. 9", "rt": "003", "rw": "004", "nama_krt": "Ujang Usulan",
             "no_kk": "3204121508100001"}  # fmt: skip
    uuid = proposal.propose(one.store, desa, texts, "enum1")
    head = {"nama": "Ujang Usulan", "nik": "3204120508900003", "hubungan": 1, "jenis_kelamin": 1,
            "tanggal_lahir": "1990-08-05", "status_kawin": 2, "nama_ibu": "Siti Aminah",
            "pekerjaan": 4, "pendidikan": 2}  # fmt: skip
    one.store.add_member(uuid, head, "enum1")
    verify_found(one, uuid, "Nikon_D70.jpg")
    assert run_sync(one).outcomes["applied"] == 1
    window = queue_window(qtbot, field)
    dialog = window.open_household(uuid)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=20000)
    dialog.approve()
    qtbot.waitUntil(lambda: dialog.household_id != uuid, timeout=20000)
    assert dialog.household_id.startswith(desa.code) and len(dialog.household_id) == 16
    qtbot.waitUntil(lambda: dialog.household_id in dialog.heading.text(), timeout=20000)
    assert dialog.household_id in dialog.status.text()
    summary = run_sync(one, phases=("pull",))
    assert summary.completed
    assert one.store.household(dialog.household_id).values["alamat"] == "Kp. Usulan No. 9"
    dialog.close()


def test_resolving_the_only_conflict_leaves_no_choice_behind_and_approval_ends_the_decisions(
    qtbot, field
):
    window = queue_window(qtbot, field)
    dialog = window.open_household(field["ids"][1])
    qtbot.waitUntil(lambda: dialog.detail is not None and not dialog.jobs, timeout=20000)
    (choice,) = dialog.choices
    qtbot.waitExposed(dialog)
    assert choice.client.isVisibleTo(dialog)  # the rows of a load after the window opened show
    assert "(from enum1)" in choice.server.text()  # who wrote the server's value
    assert "(from enum2)" in choice.client.text()
    assert not dialog.approve_button.isEnabled() and dialog.resolve_button.isEnabled()
    assert dialog.approve_button.toolTip() == "Approval waits for: Hard conflict"
    choice.client.setChecked(True)
    with qtbot.waitSignal(dialog.decided, timeout=20000):
        qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.jobs and dialog.detail.conflicts == [], timeout=20000)
    page = dialog.conflict_area.widget()
    assert page.findChildren(QRadioButton) == [] and page.findChildren(QLineEdit) == []
    assert dialog.choices == [] and not dialog.resolve_button.isEnabled()

    with qtbot.waitSignal(dialog.decided, timeout=20000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.jobs and dialog.detail.state == "approved", timeout=20000)
    assert not dialog.approve_button.isEnabled() and not dialog.resolve_button.isEnabled()
    assert dialog.return_button.isEnabled()  # an approved household may still go back
    dialog.close()


def test_returning_a_household_ends_the_return_and_its_note(qtbot, field):
    window = queue_window(qtbot, field)
    dialog = window.open_household(field["ids"][5])
    qtbot.waitUntil(lambda: dialog.detail is not None and not dialog.jobs, timeout=20000)
    assert dialog.return_button.isEnabled() and dialog.note.isEnabled()
    dialog.note.setText("Periksa alamat di lapangan")
    with qtbot.waitSignal(dialog.decided, timeout=20000):
        qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.jobs and dialog.detail.state == "returned", timeout=20000)
    assert not dialog.return_button.isEnabled() and not dialog.note.isEnabled()
    assert not dialog.resolve_button.isEnabled()
    dialog.close()


def test_a_household_reached_from_another_wilayah_is_marked_in_the_queue(qapp):
    from capi_app.review import QueueItem
    from capi_app.ui import i18n

    base = {"household_id": "3204122002000001", "nama_krt": "Asep", "state": "needs_review",
            "flags": ["anomaly"], "open_conflicts": 0}  # fmt: skip
    model = ReviewQueueModel()
    model.set_items(
        [
            QueueItem.from_json({**base, "kode_wilayah": "3205011001", "reached": True}),
            QueueItem.from_json(
                {**base, "household_id": "3204122002000002", "kode_wilayah": "3204122002"}
            ),  # fmt: skip
        ]
    )
    column = ReviewQueueModel.COLUMNS.index("desa")
    reached, own = model.index(0, column), model.index(1, column)
    assert model.data(own, Qt.ItemDataRole.ToolTipRole) is None
    i18n.set_language("id")
    try:
        tip = model.data(reached, Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("Terdaftar di 32.05.01.1001 Kota Kulon, tetapi ID rumah tangga")
    finally:
        i18n.set_language("en")
    assert model.data(reached, Qt.ItemDataRole.ForegroundRole).name() == "#b45309"
