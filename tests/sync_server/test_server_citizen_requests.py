"""sync-server import-requests: a sanggahan reaches the enumerator of its household's desa as
a task with its reason, the reviewer sees it, a second import of the file adds nothing, bad
rows are named by line and column."""

import subprocess
import sys

from server_harness import HID, HID_B

HEADER = "jenis,nomor,tanggal,nik,nama,alamat,kode_wilayah,sasaran,alasan,program\n"


def _cli(server, path):
    return subprocess.run(
        [sys.executable, "-m", "sync_server.cli", "import-requests", str(path),
         "--db", server.db_url, "--data-dir", str(server.data_dir)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_a_sanggahan_reaches_the_desa_enumerator_and_the_reviewer(server, tmp_path):
    path = tmp_path / "requests.csv"
    path.write_text(
        HEADER
        + f"sanggahan,SGH-2026-1,2026-11-03,,Warga,Jl. A,32.04.12.2002,{HID},punya mobil,PKH\n"
        + "usul_warga,USL-2026-1,2026-11-04,,Ibu Sari,Jl. B,3204122002,,tidak mampu,BPNT\n"
        + "sanggahan,SGH-2026-2,2026-11-31,,Warga,Jl. A,3204122002,3204122002000001,x,PKH\n"
        + "sanggahan,SGH-2026-3,2026-11-05,,Warga,Jl. A,3204122002,3204122002999999,x,PKH\n",
        encoding="utf-8",
    )
    enum1, enum3 = server.client("enum1"), server.client("enum3")
    since = enum1.pull(server.assignment_ids["enum1"])["next_since"]
    r = _cli(server, path)
    assert r.returncode == 1, r.stderr
    assert "requests: 2 new, 0 already imported, 2 rows refused" in r.stdout
    assert "line 4, column tanggal:" in r.stderr
    assert "line 5, column sasaran: the store holds no household 3204122002999999" in r.stderr
    page = enum1.pull(server.assignment_ids["enum1"], since)["households"]
    (h,) = [x for x in page if x["household_id"] == HID]
    assert {"kind": "sanggahan", "id": "SGH-2026-1", "note": "punya mobil"} in h["tasks"]
    other = enum3.household(server.assignment_ids["enum3"], HID_B)
    assert all(t["kind"] != "sanggahan" for t in other["tasks"])
    reviewer = server.client("reviewer1")
    seen = reviewer.get(reviewer.url(f"/review/households/{HID}")).json()
    assert [t["id"] for t in seen["household"]["tasks"] if t["kind"] == "sanggahan"] == [
        "SGH-2026-1"
    ]
    again = _cli(server, path)
    assert "requests: 0 new, 2 already imported, 2 rows refused" in again.stdout
    assert server.scalar("SELECT count(*) FROM citizen_requests") == 2
