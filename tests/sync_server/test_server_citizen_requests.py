"""sync-server import-requests: a sanggahan reaches the enumerator of its household's desa as
a task with its reason, the reviewer sees it, a second import of the file adds nothing, bad
rows are named by line and column."""

import csv
import io
import subprocess
import sys

from server_harness import HID, HID2, HID_B, edit, verification

HEADER = "jenis,nomor,tanggal,nik,nama,alamat,kode_wilayah,sasaran,alasan,program\n"


def _cli(server, path):
    return subprocess.run(
        [sys.executable, "-m", "sync_server.cli", "import-requests", str(path),
         "--db", server.db_url, "--data-dir", str(server.data_dir)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def _pull(client, aid, since=0, until=lambda got: True):
    """Every household pulled since, once until(got) holds (Client.pull_until)."""
    return client.pull_until(aid, since, until)


def _household(client, aid, hid):
    """One pulled household (waiting for it as _pull does)."""
    return _pull(client, aid, 0, lambda got: hid in got)[hid]


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
    h = _pull(enum1, server.assignment_ids["enum1"], since, lambda got: HID in got)[HID]
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


PROPOSALS = HEADER + "\n".join(
    [
        "usul_warga,USL-2026-7,2026-11-04,3204124508900003,Ibu Sari,Jl. Melati 4,"
        "32.04.12.2002,,tidak mampu,BPNT",
        "usulan_kemensos,KMS-2026-1,2026-11-05,,Pak Udin,Jl. Kenanga 1,3204122002,,"
        "korban banjir,PKH",
        "usul_warga,USL-2026-8,2026-11-05,{held_nik},Warga Lama,Jl. C,3204122002,,belum dapat,PKH",
        "usul_warga,USL-2026-9,2026-11-06,3204124508900003,Ibu Sari,Jl. Melati 4,"
        "3204122002,,usul kedua,PKH",
        "usul_warga,USL-2026-10,2026-11-06,,Orang,Jl. D,3204122999,,x,PKH",
        f"usul_warga,USL-2026-12,2026-11-07,,Warga,Jl. A,3204122002,{HID},tambah PKH,PKH\n",
    ]
)


def _proposal_file(server, tmp_path):
    held_nik = server.scalar("SELECT nik FROM member_niks WHERE household_id = :h", h=HID2)
    assert not server.scalar("SELECT count(*) FROM member_niks WHERE nik = '3204124508900003'")
    path = tmp_path / "proposals.csv"
    path.write_text(PROPOSALS.format(held_nik=held_nik), encoding="utf-8")
    return path, held_nik


def _tasks(h, kind):
    return [t for t in h["tasks"] if t["kind"] == kind]


def test_an_usul_warga_makes_a_proposed_household_in_the_desa_enumerators_pull(server, tmp_path):
    path, held_nik = _proposal_file(server, tmp_path)
    enum1, enum3 = server.client("enum1"), server.client("enum3")
    since = enum1.pull(server.assignment_ids["enum1"])["next_since"]
    r = _cli(server, path)
    assert r.returncode == 1, r.stderr
    assert (
        "requests: 5 new, 0 already imported, 1 rows refused; 2 proposed households to visit, "
        "3 requests given to a household already held" in r.stdout
    )
    assert "line 6, column kode_wilayah: 3204122999 is not a desa/kelurahan" in r.stderr
    assert f"line 4: NIK {held_nik} is an active member of household {HID2}" in r.stdout
    assert "line 5: NIK 3204124508900003 was proposed above in this file" in r.stdout
    assert f"line 7: sasaran {HID} is household {HID} of the store" in r.stdout

    asked = {"usul_warga", "usulan_kemensos"}
    page = _pull(
        enum1,
        server.assignment_ids["enum1"],
        since,
        lambda got: sum(bool({t["kind"] for t in h["tasks"]} & asked) for h in got.values()) >= 4,
    )
    (sari,) = [
        h for h in page.values() if _tasks(h, "usul_warga") and h["household_id"] not in (HID, HID2)
    ]
    assert len(sari["household_id"]) == 36  # a UUID, as a proposal from the field
    assert sari["values"] == {
        "kode_wilayah": "3204122002", "alamat": "Jl. Melati 4", "nama_krt": "Ibu Sari",
        "jumlah_art": 1,
    }  # fmt: skip
    (head,) = sari["members"]
    assert head["values"] == {"nik": "3204124508900003", "nama": "Ibu Sari", "hubungan": 1}
    assert _tasks(sari, "usul_warga") == [
        {"kind": "usul_warga", "id": "USL-2026-7", "note": "tidak mampu, BPNT"},
        {"kind": "usul_warga", "id": "USL-2026-9", "note": "usul kedua, PKH"},
    ]
    kinds = {a["kind"] for a in sari["anomalies"]}
    assert "missing_mother_name" in kinds  # found and said, not a crash
    (udin,) = [h for h in page.values() if _tasks(h, "usulan_kemensos")]
    assert udin["members"][0]["values"] == {"nama": "Pak Udin", "hubungan": 1}
    assert _tasks(udin, "usulan_kemensos")[0]["note"] == "korban banjir, PKH"
    assert _tasks(page[HID2], "usul_warga") == [
        {"kind": "usul_warga", "id": "USL-2026-8", "note": "belum dapat, PKH"}
    ]
    assert not {sari["household_id"], udin["household_id"]} & set(
        enum3.pull_all(server.assignment_ids["enum3"])
    )
    assert dict(server.sql("SELECT reference, household_id FROM citizen_requests")) == {
        "KMS-2026-1": udin["household_id"],
        "USL-2026-7": sari["household_id"],
        "USL-2026-8": HID2,
        "USL-2026-9": sari["household_id"],
        "USL-2026-12": HID,
    }
    before = server.scalar("SELECT count(*) FROM households")
    again = _cli(server, path)
    assert _tasks(page[HID], "usul_warga")[0]["id"] == "USL-2026-12"
    assert "requests: 0 new, 5 already imported, 1 rows refused; 0 proposed" in again.stdout
    assert server.scalar("SELECT count(*) FROM households") == before


def test_an_approved_usul_warga_gets_a_permanent_id_and_its_request_follows(server, tmp_path):
    path, _ = _proposal_file(server, tmp_path)
    _cli(server, path)
    uuid_id = server.scalar(
        "SELECT household_id FROM citizen_requests WHERE reference = 'USL-2026-7'"
    )
    enum1 = server.client("enum1")
    h = _household(enum1, server.assignment_ids["enum1"], uuid_id)
    assert server.scalar("SELECT state FROM households WHERE household_id = :h", h=uuid_id) == (
        "open"
    )
    visit = edit(uuid_id, h["version"], no_kk=(None, "3204120101150099"))
    r = enum1.push([visit | {"verification": verification()}])
    assert r.status_code == 200, r.text
    assert server.scalar("SELECT state FROM households WHERE household_id = :h", h=uuid_id) == (
        "needs_review"
    )
    assert server.scalar(
        "SELECT count(*) FROM flags WHERE household_id = :h AND kind = 'new_household'", h=uuid_id
    )
    reviewer = server.client("reviewer1")
    r = reviewer.post(reviewer.url(f"/review/households/{uuid_id}"), json={"decision": "approve"})
    assert r.status_code == 200, r.text
    new = r.json()["household_id"]
    assert new.startswith("3204122002") and len(new) == 16 and r.json()["replaces"] == uuid_id
    assert server.sql(
        "SELECT household_id FROM citizen_requests WHERE reference IN ('USL-2026-7', 'USL-2026-9')"
    ) == [(new,), (new,)]
    assert (
        server.scalar("SELECT household_id FROM member_niks WHERE nik = '3204124508900003'") == new
    )
    pulled = _pull(enum1, server.assignment_ids["enum1"], 0, lambda got: new in got)
    assert pulled[uuid_id]["deleted"] and pulled[new]["replaces"] == uuid_id
    assert pulled[new]["values"]["no_kk"] == "3204120101150099"
    # A later request for the same NIK goes to the approved household, not a new one.
    later = tmp_path / "later.csv"
    later.write_text(
        HEADER + "usul_warga,USL-2026-11,2026-11-09,3204124508900003,Ibu Sari,Jl. Melati 4,"
        "3204122002,,lagi,PKH\n",
        encoding="utf-8",
    )
    out = _cli(server, later)
    assert f"is an active member of household {new}" in out.stdout, out.stdout + out.stderr


def _sanggahan(server, tmp_path):
    path = tmp_path / "sanggahan.csv"
    path.write_text(
        HEADER + f"sanggahan,SGH-2026-5,2026-11-03,,Warga,Jl. A,3204122002,{HID},punya mobil,PKH\n",
        encoding="utf-8",
    )
    assert _cli(server, path).returncode == 0


def _visit(client, hid, version, **answers):
    return client.push(
        [edit(hid, version) | {"verification": verification(answers={"hasil": "1", **answers})}]
    )


def test_a_pushed_finding_is_recorded_on_the_request_and_shown_beside_it(server, tmp_path):
    _sanggahan(server, tmp_path)
    enum1, reviewer = server.client("enum1"), server.client("reviewer1")
    h = _household(enum1, server.assignment_ids["enum1"], HID)
    r = _visit(enum1, HID, h["version"], temuan_hasil="tidak_layak", temuan_alasan="punya mobil")
    assert r.status_code == 200, r.text
    (row,) = server.sql(
        "SELECT finding_result, finding_reason, finding_verification_id, finding_at, u.username "
        "FROM citizen_requests c JOIN users u ON u.id = c.finding_by"
    )
    vid = server.scalar("SELECT max(id) FROM verifications WHERE household_id = :h", h=HID)
    assert row == ("tidak_layak", "punya mobil", vid, "2026-11-02T02:30:00.000000Z", "enum1")
    seen = reviewer.get(reviewer.url(f"/review/households/{HID}")).json()
    assert seen["requests"] == [
        {
            "kind": "sanggahan", "reference": "SGH-2026-5", "date": "2026-11-03", "nik": None,
            "name": "Warga", "address": "Jl. A", "reason": "punya mobil", "programme": "PKH",
            "finding": {"result": "tidak_layak", "reason": "punya mobil", "collected_by": "enum1",
                        "collected_at": "2026-11-02T02:30:00.000000Z"},
        }
    ]  # fmt: skip
    listed = reviewer.get(reviewer.url("/requests"), params={"scope": "32.04", "status": "found"})
    assert listed.status_code == 200, listed.text
    assert [
        (x["reference"], x["household_id"], x["status"]) for x in listed.json()["requests"]
    ] == [("SGH-2026-5", HID, "found")]
    cli = subprocess.run(
        [sys.executable, "-m", "sync_server.cli", "requests", "--scope", "32.04", "--round",
         "2026-11", "--status", "found", "--db", server.db_url, "--data-dir",
         str(server.data_dir)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    (line,) = csv.DictReader(io.StringIO(cli.stdout))
    assert (line["reference"], line["household_id"], line["status"], line["temuan_hasil"]) == (
        "SGH-2026-5", HID, "found", "tidak_layak"
    )  # fmt: skip
    assert line["collected_by"] == "enum1"
    # Bulk approval leaves it for a reviewer to read; a single approval closes the request,
    # and its task leaves the pull.
    bulk = reviewer.post(
        reviewer.url("/review/bulk-approve"), json={"scope": "32.04.12.2002", "round": "2026-11"}
    )
    assert bulk.status_code == 200 and HID not in bulk.json()["approved"], bulk.text
    since = enum1.pull(server.assignment_ids["enum1"])["next_since"]
    r = reviewer.post(reviewer.url(f"/review/households/{HID}"), json={"decision": "approve"})
    assert r.status_code == 200, r.text
    after = _pull(enum1, server.assignment_ids["enum1"], since, lambda got: HID in got)[HID]
    assert all(t["kind"] != "sanggahan" for t in after["tasks"])
    approved = reviewer.get(reviewer.url("/requests"), params={"status": "approved"}).json()
    assert [x["reference"] for x in approved["requests"]] == ["SGH-2026-5"]
    assert reviewer.get(reviewer.url(f"/review/households/{HID}")).json()["requests"][0][
        "finding"]["result"] == "tidak_layak"  # fmt: skip


def test_an_unknown_finding_is_kept_with_a_validation_warning_not_refused(server, tmp_path):
    _sanggahan(server, tmp_path)
    enum1 = server.client("enum1")
    h = _household(enum1, server.assignment_ids["enum1"], HID)
    r = _visit(enum1, HID, h["version"], temuan_hasil="ya", temuan_alasan="x")
    assert r.status_code == 200, r.text
    assert server.scalar("SELECT finding_result FROM citizen_requests") is None
    detail = server.scalar(
        "SELECT detail FROM flags WHERE household_id = :h AND kind = 'validation_warning'", h=HID
    )
    assert "temuan_hasil: 'ya' is not one of layak, tidak_layak" in detail


def test_a_finding_without_a_request_is_not_recorded_anywhere(server, tmp_path):
    _sanggahan(server, tmp_path)
    enum1 = server.client("enum1")
    h = _household(enum1, server.assignment_ids["enum1"], HID2)
    assert _visit(enum1, HID2, h["version"], temuan_hasil="layak").status_code == 200
    assert server.scalar("SELECT finding_result FROM citizen_requests") is None


def test_the_request_list_is_scoped_and_bounded(server, tmp_path):
    _sanggahan(server, tmp_path)
    other, enum1 = server.client("reviewer2"), server.client("enum1")
    assert other.get(other.url("/requests"), params={"scope": "32.04"}).status_code == 403
    assert other.get(other.url("/requests")).json() == {"requests": [], "total": 0}
    assert enum1.get(enum1.url("/requests")).status_code == 403
    reviewer = server.client("reviewer1")
    for params in ({"limit": 1001}, {"round": "2026-13"}, {"kind": "x"}, {"status": "done"}):
        assert reviewer.get(reviewer.url("/requests"), params=params).status_code == 422
    page = reviewer.get(reviewer.url("/requests"), params={"round": "2026-11", "kind": "sanggahan"})
    assert page.json()["total"] == 1 and page.json()["requests"][0]["status"] == "pending"
    assert reviewer.get(reviewer.url("/requests"), params={"round": "2026-10"}).json()["total"] == 0


def test_findings_count_in_the_export_and_the_bnba_and_follow_an_approval(server, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(
        HEADER + "usul_warga,USL-A,2026-11-04,3204124508900003,Ibu Sari,Jl. Melati 4,3204122002,,"
        "tidak mampu,BPNT\n"
        + "usulan_kemensos,KMS-A,2026-11-05,,Pak Udin,Jl. Kenanga 1,3204122002,,banjir,PKH\n"
        + f"sanggahan,SGH-A,2026-11-03,,Warga,Jl. A,3204122002,{HID},punya mobil,PKH\n",
        encoding="utf-8",
    )
    assert _cli(server, path).returncode == 0
    sari = server.scalar("SELECT household_id FROM citizen_requests WHERE reference = 'USL-A'")
    enum1, reviewer = server.client("enum1"), server.client("reviewer1")

    def pending():
        r = reviewer.get(reviewer.url("/progress"), params={"scope": "32.04", "round": "2026-11"})
        assert r.status_code == 200, r.text
        return {d["kode_wilayah"]: d["requests_pending"] for d in r.json()["desa"]}

    assert pending() == {"32.04.12.2002": 3, "32.04.12.2003": 0}
    pulled = _pull(enum1, server.assignment_ids["enum1"], 0, lambda got: {sari, HID} <= set(got))
    r = _visit(enum1, sari, pulled[sari]["version"], temuan_hasil="layak", temuan_alasan="miskin")
    assert r.status_code == 200, r.text
    r = _visit(
        enum1, HID, pulled[HID]["version"], temuan_hasil="tidak_layak", temuan_alasan="mobil"
    )
    assert r.status_code == 200, r.text

    def bnba():
        r = reviewer.get(
            reviewer.url("/reports/bnba"), params={"round": "2026-11", "scope": "32.04.12.2002"}
        )
        assert r.status_code == 200, r.text
        return r.json()

    assert pending()["32.04.12.2002"] == 1  # the usulan Kemensos, not visited
    report = bnba()
    assert report["counts"]["requests"] == {
        "sanggahan": {"layak": 0, "tidak_layak": 1, "not_visited": 0},
        "usul_warga": {"layak": 1, "tidak_layak": 0, "not_visited": 0},
        "usulan_kemensos": {"layak": 0, "tidak_layak": 0, "not_visited": 1},
    }
    assert report["requests_line"] == (
        "Permintaan: sanggahan layak 0, tidak layak 1, belum dikunjungi 0; usul warga layak 1, "
        "tidak layak 0, belum dikunjungi 0; usulan Kemensos layak 0, tidak layak 0, "
        "belum dikunjungi 1"
    )
    entry = {h["household_id"]: h for h in report["households"]}[HID]
    assert (entry["requests"], entry["temuan_hasil"], entry["temuan_alasan"]) == (
        "sanggahan:SGH-A", "tidak_layak", "mobil"
    )  # fmt: skip
    r = reviewer.post(reviewer.url(f"/review/households/{sari}"), json={"decision": "approve"})
    assert r.status_code == 200, r.text
    new = r.json()["household_id"]
    export = reviewer.get(
        reviewer.url("/exports/results"),
        params={"round": "2026-11", "scope": "32.04.12.2002", "format": "csv"},
    )
    rows = {x["household_id"]: x for x in csv.DictReader(io.StringIO(export.text))}
    assert sari not in rows
    assert (rows[new]["requests"], rows[new]["temuan_hasil"], rows[new]["temuan_alasan"]) == (
        "usul_warga:USL-A", "layak", "miskin"
    )  # fmt: skip
    assert (rows[HID]["requests"], rows[HID]["temuan_hasil"]) == ("sanggahan:SGH-A", "tidak_layak")
    seen = reviewer.get(reviewer.url(f"/review/households/{new}")).json()
    assert [(x["reference"], x["finding"]["result"]) for x in seen["requests"]] == [
        ("USL-A", "layak")
    ]
    assert bnba()["counts"]["requests"]["usul_warga"]["layak"] == 1


def test_a_submission_report_counts_requests_from_its_frozen_rows():
    from sync_server.services.reports import HOUSEHOLD_KEYS, document

    base = dict.fromkeys(HOUSEHOLD_KEYS, "") | {"eligibility_changed": 0, "state": "submitted"}
    before = base | {"household_id": "1"}  # frozen before requests were exported: no keys
    found = base | {"household_id": "2", "requests": "usul_warga:U-1 sanggahan:S-1",
                    "temuan_hasil": "layak", "temuan_alasan": "miskin"}  # fmt: skip
    waiting = base | {"household_id": "3", "requests": "usulan_kemensos:K-1", "temuan_hasil": ""}
    doc = document("2026-11", "3204122002", [before, found, waiting])
    assert doc["households"][0]["requests"] == doc["households"][0]["temuan_hasil"] == ""
    assert doc["counts"]["requests"] == {
        "sanggahan": {"layak": 1, "tidak_layak": 0, "not_visited": 0},
        "usul_warga": {"layak": 1, "tidak_layak": 0, "not_visited": 0},
        "usulan_kemensos": {"layak": 0, "tidak_layak": 0, "not_visited": 1},
    }


def test_an_approval_before_the_visit_leaves_the_request_open_and_its_task_in_the_pull(
    server, tmp_path
):
    _sanggahan(server, tmp_path)
    enum1, reviewer = server.client("enum1"), server.client("reviewer1")
    r = reviewer.post(reviewer.url(f"/review/households/{HID}"), json={"decision": "approve"})
    assert r.status_code == 200, r.text
    assert server.scalar("SELECT closed_at FROM citizen_requests") is None
    h = _household(enum1, server.assignment_ids["enum1"], HID)
    assert [t["id"] for t in _tasks(h, "sanggahan")] == ["SGH-2026-5"]
    # The visit reopens the approved household; the next approval closes the request.
    r = _visit(enum1, HID, h["version"], temuan_hasil="layak", temuan_alasan="masih miskin")
    assert r.status_code == 200, r.text
    assert server.scalar("SELECT state FROM households WHERE household_id = :h", h=HID) == (
        "needs_review"
    )
    r = reviewer.post(reviewer.url(f"/review/households/{HID}"), json={"decision": "approve"})
    assert r.status_code == 200, r.text
    assert server.scalar("SELECT closed_at FROM citizen_requests") is not None
