"""The verivali form's finding on a request (temuan_hasil, temuan_alasan) as the server's form
check (services/form_check) sees a pushed, finalized verification."""

import pytest
from server_harness import HID, edit, verification
from server_prelist import DESA

NOT_FOUND = {
    "tanggal_kunjungan": "2026-11-02",
    "kode_wilayah": DESA,
    "alamat": "Jl. Mawar 1",
    "rt": "001",
    "rw": "002",
    "gps": "-6.98765 107.62912",
    "status_rt": "2",
    "hasil": "2",
    "alasan": "2",
}
SANGGAHAN = {
    "permintaan_jenis": "sanggahan",
    "permintaan_nomor": "SGH-2026-000123",
    "permintaan_alasan": "penerima dinilai mampu",
}


def _push(server, answers):
    v = verification(status="finalized", answers=answers)
    return server.client("enum1").push([{**edit(HID, 1), "verification": v}])


def test_a_finalized_finding_on_a_request_is_accepted(server):
    answers = {**NOT_FOUND, **SANGGAHAN, "temuan_hasil": "tidak_layak", "temuan_alasan": "Pindah"}
    r = _push(server, answers)
    assert r.status_code == 200, r.text
    assert r.json()["households"][0]["outcome"] == "applied"
    stored = server.scalar(
        "SELECT answers FROM verifications WHERE household_id = :h ORDER BY id DESC", h=HID
    )
    assert '"temuan_hasil": "tidak_layak"' in stored.replace('":"', '": "')


@pytest.mark.parametrize(
    "finding, field",
    [
        ({}, "temuan_hasil"),
        ({"temuan_hasil": "layak"}, "temuan_alasan"),
        ({"temuan_hasil": "ya", "temuan_alasan": "x"}, "temuan_hasil"),
        ({"temuan_hasil": "layak", "temuan_alasan": "x" * 501}, "temuan_alasan"),
    ],
)
def test_a_request_without_a_good_finding_is_refused_naming_it(server, finding, field):
    r = _push(server, {**NOT_FOUND, **SANGGAHAN, **finding})
    assert r.status_code == 422, r.text
    assert r.json()["field"] == f"verification.answers.{field}"


def test_no_request_no_finding_asked(server):
    assert _push(server, NOT_FOUND).status_code == 200
