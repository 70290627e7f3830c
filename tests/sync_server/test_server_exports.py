"""Exports read back: CSV and XLSX rows match the database, the BNBA JSON's counts, the CLI
writes the same rows, and only reviewers and admins of the wilayah may export."""

import csv
import io
import json
import subprocess
import sys

import openpyxl
from server_harness import HID, HID2, HID_B, ROUND, edit, verification
from server_prelist import DESA, household_id

from sync_server.services.exports import COLUMNS

HID3 = household_id(DESA, 3)
FOUND_ELIGIBLE = {"status_rt": "1", "hasil": "1"}
NOT_FOUND = {"status_rt": "2", "hasil": "2", "alasan": "2"}


def _sheet_rows(sheet) -> list[list[str]]:
    """Cells as text, rows padded to the header (read-only mode drops trailing empty cells)."""
    rows = [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    return [row + [""] * (len(COLUMNS) - len(row)) for row in rows]


def _verified(hid, answers):
    return {**edit(hid, 1), "verification": verification(answers=answers)}


def _setup(server):
    enum1 = server.client("enum1")
    assert enum1.push([_verified(HID, NOT_FOUND), _verified(HID2, FOUND_ELIGIBLE)]).ok
    assert enum1.push([edit(HID3, 1, alamat=("Jl. Mawar 3", "Jl. Mawar 3B"))]).ok
    assert server.client("enum3").push([_verified(HID_B, FOUND_ELIGIBLE)]).ok
    reviewer = server.client("reviewer1")
    r = reviewer.post(reviewer.url(f"/review/households/{HID2}"), json={"decision": "approve"})
    assert r.status_code == 200, r.text
    return reviewer


def _export(client, fmt, scope="32.04.12.2002"):
    r = client.get(
        client.url("/exports/results"), params={"round": ROUND, "scope": scope, "format": fmt}
    )
    assert r.status_code == 200, r.text
    return r


def _db_rows(server):
    """Households of the desa verified in the round, straight from the database."""
    rows = server.sql(
        'SELECT h.household_id, h."values", h.state FROM households h WHERE h.kode_wilayah = :d '
        "AND h.household_id IN (SELECT household_id FROM verifications WHERE round = :r) "
        "ORDER BY h.household_id",
        d=DESA,
        r=ROUND,
    )
    return {hid: (json.loads(values), state) for hid, values, state in rows}


def test_csv_rows_match_the_database(server):
    reviewer = _setup(server)
    r = _export(reviewer, "csv")
    assert r.headers["content-disposition"] == (f"attachment; filename=verivali-{ROUND}-{DESA}.csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8"))))
    assert list(rows[0]) == COLUMNS
    db = _db_rows(server)
    assert [row["household_id"] for row in rows] == list(db) == [HID, HID2]
    for row in rows:
        values, state = db[row["household_id"]]
        assert row["alamat"] == values["alamat"] and row["no_kk"] == values["no_kk"]
        assert row["state"] == state and row["desa"] == "Dayeuhkolot"
        assert row["kabupaten"] == "Kabupaten Bandung" or row["kabupaten"].endswith("Bandung")
        assert row["nik_krt"] and row["nik_krt"].startswith("320412")
        assert row["enumerator"] == "enum1" and row["mode"] == "CAPI"
    one, two = rows
    assert (one["status_rt"], one["hasil"], one["alasan"], one["eligibility_changed"]) == (
        "2",
        "2",
        "2",
        "1",
    )
    assert one["flags"] == "eligibility_changed" and one["approved_by"] == ""
    assert (two["hasil"], two["eligibility_changed"], two["state"]) == ("1", "0", "approved")
    approved_at = server.scalar("SELECT at FROM approvals WHERE household_id = :h", h=HID2)
    assert (two["approved_by"], two["approved_at"]) == ("reviewer1", approved_at)


def test_xlsx_rows_match_the_csv_and_summary_counts(server):
    reviewer = _setup(server)
    csv_rows = list(csv.reader(io.StringIO(_export(reviewer, "csv").content.decode("utf-8"))))
    r = _export(reviewer, "xlsx", scope="32.04")
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(r.content), read_only=True)
    assert book.sheetnames == ["hasil", "ringkasan"]
    sheet = _sheet_rows(book["hasil"])
    assert sheet[0] == COLUMNS
    by_id = {row[0]: row for row in sheet[1:]}
    assert set(by_id) == {HID, HID2, HID_B}
    for row in csv_rows[1:]:
        assert by_id[row[0]] == row
    summary = list(book["ringkasan"].iter_rows(values_only=True))
    assert summary[0][:3] == ("kode_wilayah", "desa", "households")
    assert summary[1] == (DESA, "Dayeuhkolot", 2, 1, 1, 0, 1, 1)
    assert summary[2][0] == HID_B[:10] and summary[2][2] == 1


def test_bnba_json_counts_match_the_rows(server):
    reviewer = _setup(server)
    r = reviewer.get(
        reviewer.url("/reports/bnba"), params={"round": ROUND, "scope": "32.04.12.2002"}
    )
    assert r.status_code == 200, r.text
    report = r.json()
    assert (report["scope"], report["scope_name"], report["level"]) == (DESA, "Dayeuhkolot", 4)
    assert [p["code"] for p in report["parents"]] == ["32", "3204", "320412"]
    assert [h["household_id"] for h in report["households"]] == [HID, HID2]
    assert report["counts"] == {
        "households": 2,
        "by_status_rt": {"2": 1, "1": 1},
        "by_hasil": {"1": 1, "2": 1, "": 0},
        "approved": 1,
        "eligibility_changed": 1,
        "markings": {"disabilitas": 0, "hamil": 0, "meninggal": 0},
        "requests": {
            kind: {"layak": 0, "tidak_layak": 0, "not_visited": 0}
            for kind in ("sanggahan", "usul_warga", "usulan_kemensos")
        },
    }
    assert report["requests_line"] == ""
    assert [h["household_id"] for h in report["eligibility_changes"]] == [HID]
    assert report["households"][1]["approved"] is True


def test_cli_export_writes_the_same_rows(server, tmp_path):
    reviewer = _setup(server)
    api_rows = list(csv.reader(io.StringIO(_export(reviewer, "csv").content.decode("utf-8"))))
    out = tmp_path / "hasil.xlsx"
    cmd = [sys.executable, "-m", "sync_server.cli", "export", "--db", server.db_url]
    cmd += ["--round", ROUND, "--scope", "32.04.12.2002", "--verified-only", "--out", str(out)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    book = openpyxl.load_workbook(out, read_only=True)
    rows = _sheet_rows(book["hasil"])
    assert rows == api_rows
    everything = tmp_path / "all.csv"
    cmd = [sys.executable, "-m", "sync_server.cli", "export", "--db", server.db_url]
    r = subprocess.run(
        cmd + ["--round", ROUND, "--out", str(everything)], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    assert len(list(csv.DictReader(open(everything)))) == 25


def test_exports_need_reviewer_role_and_scope(server):
    _setup(server)
    enum1, other = server.client("enum1"), server.client("reviewer2")
    params = {"round": ROUND, "scope": "32.04.12.2002"}
    assert enum1.get(enum1.url("/exports/results"), params=params).status_code == 403
    assert enum1.get(enum1.url("/reports/bnba"), params=params).status_code == 403
    assert other.get(other.url("/exports/results"), params=params).status_code == 403
    r = other.get(other.url("/reports/bnba"), params=params)
    assert r.status_code == 403 and "outside" in r.json()["detail"]
    assert other.get(other.url("/exports/results"), params={"round": ROUND}).status_code == 200
    bad = {**params, "format": "pdf"}
    assert (
        server.client("reviewer1").get(enum1.url("/exports/results"), params=bad).status_code == 422
    )


def test_bnba_markings_are_member_data_in_exports_the_bnba_and_its_pdf(server, tmp_path):
    """Disability (with its kinds), pregnancy and a death with its date, sent as member data,
    show in the export, the BNBA JSON and the printed BNBA (pdftotext)."""
    from capi_app.reports.bnba import render_bnba

    enum1 = server.client("enum1")
    # Disability and pregnancy on HID2's two members, a death in HID's.
    m1, m2, m3 = f"{HID2}01", f"{HID2}02", f"{HID}02"
    entry = _verified(HID2, FOUND_ELIGIBLE) | {
        "members": [
            {
                "op": "change",
                "member_id": m1,
                "fields": {
                    "disabilitas": {"base": None, "value": 1},
                    "jenis_disabilitas": {"base": None, "value": "1 4"},
                },
            },
            {"op": "change", "member_id": m2, "fields": {"hamil": {"base": None, "value": 1}}},
        ]
    }
    died = _verified(HID, FOUND_ELIGIBLE) | {
        "members": [{"op": "remove", "member_id": m3, "reason": "meninggal", "date": "2026-10-20"}]
    }
    r = enum1.push([entry, died])
    assert r.status_code == 200, r.text
    stored = json.loads(server.scalar('SELECT "values" FROM members WHERE member_id = :m', m=m1))
    assert (stored["disabilitas"], stored["jenis_disabilitas"]) == (1, "1 4")
    bad = _verified(HID3, NOT_FOUND) | {
        "members": [
            {
                "op": "change",
                "member_id": f"{HID3}01",
                "fields": {"jenis_disabilitas": {"base": None, "value": "1 9"}},
            }
        ]
    }
    refused = enum1.push([bad])
    assert refused.status_code == 422 and "jenis_disabilitas" in refused.text, refused.text
    reviewer = server.client("reviewer1")
    rows = list(csv.DictReader(io.StringIO(_export(reviewer, "csv").content.decode("utf-8"))))
    by_id = {x["household_id"]: x for x in rows}
    row, other = by_id[HID2], by_id[HID]
    assert (row["disabilitas"], row["hamil"], row["meninggal"]) == ("1", "1", "0")
    assert "disabilitas (penglihatan, fisik)" in row["markings"] and "hamil" in row["markings"]
    assert other["meninggal"] == "1" and "meninggal 2026-10-20" in other["markings"]
    report = reviewer.get(
        reviewer.url("/reports/bnba"), params={"round": ROUND, "scope": "32.04.12.2002"}
    ).json()
    assert report["counts"]["markings"] == {"disabilitas": 1, "hamil": 1, "meninggal": 1}
    pdf = render_bnba(report, tmp_path / "bnba.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for words in ("disabilitas", "penglihatan", "fisik", "hamil", "meninggal"):
        assert words in flat, words
    assert "2026-10-20" in flat and "BNBA: disabilitas 1, hamil 1, meninggal 1" in flat
