"""Usul warga and sanggahan end to end (issue 15, Done when): `sync-server import-requests`
on a real server process; each request reaches the enumerator of its desa (and not another
desa's); the enumerator verifies it through the real form, answering the finding on the
request, and syncs; the reviewer sees the request beside the finding and approves; the usul
warga, a proposed household, gets its permanent DTKS id."""

from __future__ import annotations

import subprocess
import sys
import uuid

import pytest
from e2e_helpers import PHOTOS, dispose, import_photo, login
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from server_process import DESA, PASSWORD, ROUND, SyncServer

from capi_app.profile import Profile
from capi_app.progress import Progress
from capi_app.review import detail_from_json
from capi_app.sync.session import run_sync
from capi_app.ui.household_list import TASK_PREFIX
from capi_app.ui.main_window import MainWindow
from capi_app.ui.review_household import ReviewHouseholdDialog
from dtks import review
from dtks.scope import plain
from sync_server.services.assignments import assign
from sync_server.services.users import create_user

DESA_CODE = plain(DESA)
OTHER = "3204122003"
"""Another desa of the same kecamatan, with an enumerator of its own and no pre-list."""
USUL_NIK = "3204121203850001"  # a man born 12-03-1985 in Kec. Dayeuhkolot
OTHER_NIK = "3204125506900002"  # a woman born 15-06-1990
HOUSING = {
    "status_bangunan": "1", "luas_lantai": "24", "lantai": "9", "dinding": "6",
    "kondisi_dinding": "2", "atap": "4", "kondisi_atap": "2", "kamar_tidur": "1",
    "sumber_air": "7", "cara_air": "3", "penerangan": "1", "daya": "1", "bahan_bakar": "8",
    "fasilitas_bab": "3", "kloset": "3", "tinja": "3",
}  # fmt: skip
ASSETS = (
    "tabung_gas lemari_es ac pemanas_air telepon_rumah televisi emas komputer sepeda "
    "sepeda_motor mobil perahu motor_tempel perahu_motor lahan rumah_lain"
).split()
HEADER = "jenis,nomor,tanggal,nik,nama,alamat,kode_wilayah,sasaran,alasan,program"


@pytest.fixture
def server(tmp_path_factory):
    s = SyncServer(tmp_path_factory.mktemp("requests"), households=20)
    s.add_user("enum1")
    s.add_user("rev1", role="reviewer")
    with s.engine.begin() as conn:
        create_user(conn, "enum3", "enumerator", [OTHER], PASSWORD)
        assign(conn, "enum3", OTHER, ROUND)
    s.start()
    yield s
    s.stop()


def import_requests(server, rows: list[str]):
    """An admin runs `sync-server import-requests FILE.csv` on the server's database."""
    path = server.root / "requests.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "sync_server.cli", "import-requests", str(path),
         "--data-dir", str(server.data_dir)],
        capture_output=True, text=True, env=server._env(), timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def pending(session) -> int:
    """Requests still without a finding in the desa, as the progress window shows them."""
    (desa,) = Progress.from_json(session.api.progress(DESA, ROUND)).desa
    return desa.requests_pending


def request_households(store, kind: str) -> list[str]:
    """Ids of the device's households with a task of this kind."""
    rows = store.list_households(limit=10_000)
    return [r.household_id for r in rows if kind in {t.kind for t in store.tasks(r.household_id)}]


def finding_in_form(qtbot, dialog, result: str, reason: str) -> None:
    """The enumerator picks the finding and types its reason in the form's section 8."""
    view = dialog.form_view
    view.go_to_section("verifikasi_permintaan")
    qtbot.mouseClick(view.editor("temuan_hasil").buttons[result], Qt.MouseButton.LeftButton)
    target = view.editor("temuan_alasan").focus_target()
    target.setFocus()
    qtbot.keyClicks(target, reason)


def not_found(answers: dict) -> dict:
    """The household was not at the address (the sanggahan's household moved away)."""
    out = dict(answers)
    out.update(
        tanggal_kunjungan="2026-11-02", gps="-6.98765 107.62912 700 8",
        status_rt="3", hasil="2", alasan="3",
    )  # fmt: skip
    return out


def found(photo: str):
    """The proposed household found at home: its head as the request names him, the house
    (``photo``: the sha256 of the photo of the house, taken before)."""
    return lambda answers: _found(answers, photo)


def _found(answers: dict, photo: str) -> dict:
    out = dict(answers)
    out.update(HOUSING)
    out.update(dict.fromkeys(ASSETS, "2"))
    out.update(
        tanggal_kunjungan="2026-11-02", gps="-6.987650 107.629120 700 8", foto_rumah=photo,
        status_rt="1", art_lengkap="1", program="7", hasil="1", rt="003", rw="004",
    )  # fmt: skip
    (head,) = out["members"]
    head.update(
        status_art="1", hubungan="1", jenis_kelamin="1", tanggal_lahir="1985-03-12",
        status_kawin="2", nama_ibu="Onih", pekerjaan="4", pendidikan="2", disabilitas="2",
        penyakit_kronis="1",
    )  # fmt: skip
    return out


def test_requests_reach_their_desa_are_verified_in_the_form_and_reviewed(server, tmp_path, qtbot):
    enum1 = login(Profile(tmp_path / "enum1"), server.url)
    enum3 = login(Profile(tmp_path / "enum3"), server.url, "enum3")
    run_sync(enum1)
    target = next(
        h.household_id
        for h in enum1.store.list_households(limit=100)
        if not enum1.store.anomalies(h.household_id)
    )
    out = import_requests(
        server,
        [
            f"sanggahan,SGH-2026-000123,2026-11-01,3204124508900003,Ani,Jl. Kenanga 2,{DESA},"
            f"{target},penerima dinilai mampu: punya mobil,PKH",
            f"usul_warga,USW-2026-000045,2026-11-01,{USUL_NIK},Dadang Suryana,"
            f"Kp. Cipeujeuh RT 003/RW 004,{DESA},,belum terdaftar padahal tidak mampu,BPNT",
            f"usul_warga,USW-2026-000046,2026-11-01,{OTHER_NIK},Euis Komariah,"
            f"Kp. Lebak RT 001/RW 002,{OTHER},,korban banjir,BPNT",
        ],
    )
    assert "3 new" in out

    # Each request reaches the enumerator of its own desa, and only them.
    run_sync(enum1)
    run_sync(enum3)
    assert request_households(enum1.store, "sanggahan") == [target]
    (usul,) = request_households(enum1.store, "usul_warga")
    assert uuid.UUID(usul)  # a proposed household, under a UUID until approved
    usul_view = enum1.store.household(usul)
    assert usul_view.values["kode_wilayah"] == DESA_CODE
    assert [m.values.get("nik") for m in usul_view.members] == [USUL_NIK]
    (other,) = request_households(enum3.store, "usul_warga")
    assert other not in {h.household_id for h in enum1.store.list_households(limit=10_000)}
    assert not request_households(enum3.store, "sanggahan")
    assert enum3.store.household(other).members[0].values.get("nik") == OTHER_NIK

    # The reviewer's progress counts them as waiting for their visit.
    rev = login(Profile(tmp_path / "rev1"), server.url, "rev1")
    assert pending(rev) == 2  # the sanggahan and enum1's usul warga; enum3's desa is not rev1's

    # The list shows them as such: a filter per request kind, the kind by name in its column.
    window = MainWindow(enum1)
    kinds = {window.filters.item(i).data(256) for i in range(window.filters.count())}
    assert {TASK_PREFIX + "sanggahan", TASK_PREFIX + "usul_warga"} <= kinds
    labels = {window.model.row_at(r).household_id: window.model.data(window.model.index(r, 2))
              for r in range(window.model.rowCount())}  # fmt: skip
    assert labels[usul].startswith("Usul warga") and labels[target].startswith("Sanggahan")

    # Verified through the real form: the finding section asks, the note says the request.
    photo = import_photo(enum1.store, usul, PHOTOS / "Canon_40D.jpg", "enum1").sha256
    for hid, result, reason, visited in (
        (target, "tidak_layak", "Sudah pindah ke Kota Bandung sejak Agustus", not_found),
        (usul, "layak", "Rumah bambu, lantai tanah, buruh harian", found(photo)),
    ):
        dialog = window.open_household(hid)
        qtbot.wait(20)  # the window starts the cursor in the form once shown
        view = dialog.form_view
        view.set_answers(visited(view.answers(keep_hidden=True)))
        assert not dialog.finalize(), "the finding on the request is required"
        assert {p.field for p in view.problems()} == {"temuan_hasil", "temuan_alasan"}
        note = view.editor("permintaan_ringkasan").label.text()
        assert ("SGH-2026-000123" if hid == target else "USW-2026-000045") in note
        finding_in_form(qtbot, dialog, result, reason)
        assert dialog.finalize(), view.problems()
        dispose(dialog)
    dispose(window)
    report = run_sync(enum1)
    assert report.ok and report.outcomes["applied"] == 2, report

    # The reviewer sees each request beside its finding, and approves.
    assert pending(rev) == 0
    for hid, kind, reference, result in (
        (target, "sanggahan", "SGH-2026-000123", "tidak_layak"),
        (usul, "usul_warga", "USW-2026-000045", "layak"),
    ):
        data = rev.api.review_household(hid)
        (r,) = detail_from_json(data).requests
        assert (r.kind, r.reference, r.finding.result) == (kind, reference, result)
        assert r.finding.collected_by == "enum1" and r.finding.reason
        assert "requests" in data  # the server's own record of the request, not the task
        assert r.nik and r.name and r.date == "2026-11-01" and r.programme
        dialog = ReviewHouseholdDialog(rev, hid)
        qtbot.waitUntil(lambda d=dialog: d.detail is not None and not d.jobs, timeout=20000)
        tab = dialog.tabs.indexOf(dialog.requests_area)
        assert dialog.tabs.isTabVisible(tab)
        cards = dialog.requests_area.widget().findChildren(QLabel)
        texts = " ".join(w.text() for w in cards)
        assert reference in texts and r.finding.reason in texts
        dispose(dialog)
        reply = rev.api.review_decide(hid, review.APPROVE)
        if hid == usul:
            permanent = reply["household_id"]
            assert permanent != usul and permanent.startswith(DESA_CODE), reply
    # The usul warga lives on under its permanent id, with its request and finding.
    (r,) = detail_from_json(rev.api.review_household(permanent)).requests
    assert (r.reference, r.finding.result) == ("USW-2026-000045", "layak")
    run_sync(enum1)
    ids = {h.household_id for h in enum1.store.list_households(limit=10_000)}
    assert permanent in ids and usul not in ids
    for s in (enum1, enum3, rev):
        s.close()
