"""The monthly cycle on the server: GET /rounds/{round} in local time, an admin's windows,
late field data applied and marked, a pengesahan after its deadline refused naming it."""

import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

from server_harness import HID, HID2, PASSWORD, ROUND, verification

from sync_server.services.users import create_user

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
WIB = timezone(timedelta(hours=7))


def _round(client, round_, scope):
    return client.get(client.url(f"/rounds/{round_}"), params={"scope": scope})


def _verify(client, hid=HID):
    return client.push([{"household_id": hid, "base_version": 1, "verification": verification()}])


def test_round_windows_are_dtks_defaults_in_the_regions_local_time(server):
    admin = server.client("admin1")
    r = _round(admin, "2026-12", "32.04")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["timezone"] == "Asia/Jakarta" and body["scope"] == "3204"
    assert body["windows"] == {
        "pbi": {"opens": "2026-12-01", "closes": "2026-12-11"},
        "bnba": {"opens": "2026-12-14", "closes": "2026-12-30"},
        "usulan": {"opens": "2026-12-01", "closes": "2026-12-26"},
        "pengesahan": {"opens": "2026-12-01", "closes": "2026-12-30"},
    }
    assert body["deadlines"]["pbi"] == "2026-12-12T00:00:00+07:00"
    assert datetime.fromisoformat(body["now"]).date() == datetime(2026, 11, 2).date()


def test_a_wita_deadline_falls_an_hour_before_the_same_date_in_wib(server):
    with server.engine.begin() as conn:
        create_user(conn, "admin73", "admin", ["73"], PASSWORD)
    wita = _round(server.client("admin73"), "2026-12", "73.71").json()
    wib = _round(server.client("admin1"), "2026-12", "32.04").json()
    assert wita["timezone"] == "Asia/Makassar" and wita["windows"] == wib["windows"]
    for activity in ("pbi", "bnba", "usulan", "pengesahan"):
        gap = datetime.fromisoformat(wib["deadlines"][activity]) - datetime.fromisoformat(
            wita["deadlines"][activity]
        )
        assert gap == timedelta(hours=1)


def test_enumerator_reads_the_round_of_their_desa_but_no_other_nor_changes_it(server):
    enum1 = server.client("enum1")
    assert _round(enum1, ROUND, "32.04.12.2002").status_code == 200
    assert _round(enum1, ROUND, None).json()["scope"] == "3204122002"
    r = _round(enum1, ROUND, "32.05")
    assert r.status_code == 403 and "outside" in r.json()["detail"]
    r = enum1.put(enum1.url(f"/rounds/{ROUND}/windows/bnba"), json={"closes": "2026-12-05"})
    assert r.status_code == 403
    assert _round(enum1, "2026-13", None).status_code == 422


def test_admin_moves_a_window_the_narrowest_scope_wins_and_a_reset_falls_back(server):
    admin = server.client("admin1")
    url = admin.url("/rounds/2026-12/windows/pengesahan")
    r = admin.put(url, params={"scope": "32"}, json={"closes": "2026-12-28"})
    assert r.status_code == 200, r.text
    r = admin.put(
        url, params={"scope": "32.04"}, json={"opens": "2026-12-02", "closes": "2026-12-29"}
    )
    assert r.json()["windows"]["pengesahan"] == {"opens": "2026-12-02", "closes": "2026-12-29"}
    assert _round(admin, "2026-12", "32.04.12").json()["windows"]["pengesahan"]["closes"] == (
        "2026-12-29"
    )
    assert _round(admin, "2026-12", "32.05").json()["windows"]["pengesahan"]["closes"] == (
        "2026-12-28"
    )
    bad = admin.put(
        url, params={"scope": "32"}, json={"opens": "2026-12-20", "closes": "2026-12-10"}
    )
    assert bad.status_code == 422 and "cannot open" in bad.json()["detail"]
    assert (
        admin.put(
            admin.url("/rounds/2026-12/windows/panen"), json={"closes": "2026-12-10"}
        ).status_code
        == 422
    )
    r = admin.delete(url, params={"scope": "32.04"})
    assert r.json()["windows"]["pengesahan"]["closes"] == "2026-12-28"
    rows = server.sql("SELECT scope, activity, closes FROM round_windows ORDER BY scope")
    assert [tuple(r) for r in rows] == [("32", "pengesahan", "2026-12-28")]


def test_field_data_after_the_window_closed_is_applied_and_marked_late(server):
    enum1 = server.client("enum1")
    assert _verify(enum1, HID2).json()["households"][0]["outcome"] == "applied"
    # bnba of 2026-11 closes 2026-11-29 (inclusive), WIB: one minute before and after midnight.
    server.set_clock(datetime(2026, 11, 29, 23, 59, tzinfo=WIB))
    r = _verify(enum1)
    assert r.json()["households"][0]["outcome"] == "applied"
    server.set_clock(datetime(2026, 11, 30, 0, 1, tzinfo=WIB))
    r = enum1.push(
        [
            {
                "household_id": HID,
                "base_version": 1,
                "fields": {"alamat": {"base": "Jl. Mawar 1", "value": "Jl. Mawar 1A"}},
                "verification": verification(result="late"),
            }
        ]
    )
    assert r.status_code == 200, r.text
    assert r.json()["households"][0]["outcome"] == "applied"
    rows = server.sql(
        "SELECT household_id, round, late, late_for, result FROM verifications ORDER BY id"
    )
    assert [tuple(r) for r in rows] == [
        (HID2, "2026-11", False, None, "ditemukan"),
        (HID, "2026-11", False, None, "ditemukan"),
        (HID, "2026-12", True, "2026-11", "late"),
    ]
    flags = server.sql("SELECT kind, detail FROM flags WHERE household_id = :h", h=HID)
    late = [f for f in flags if f[0] == "late"]
    assert len(late) == 1 and "round 2026-11" in late[0][1] and "2026-12" in late[0][1]
    assert "Jl. Mawar 1A" in server.scalar(
        'SELECT "values" FROM households WHERE household_id = :h', h=HID
    )


def test_pengesahan_upload_after_its_deadline_is_409_naming_the_deadline(server):
    reviewer = server.client("reviewer1")
    url = reviewer.url(f"/rounds/{ROUND}/pengesahan")
    headers = {"Content-Type": "application/pdf"}
    # pengesahan of 2026-11 closes 2026-11-29: the deadline is 2026-11-30 00:00 WIB.
    server.set_clock(datetime(2026, 11, 29, 16, 59, 59, tzinfo=UTC))
    assert (
        reviewer.put(url, params={"scope": "32.04"}, data=PDF, headers=headers).status_code == 201
    )
    server.set_clock(datetime(2026, 11, 29, 17, 0, 1, tzinfo=UTC))
    r = reviewer.put(url, params={"scope": "32.04"}, data=PDF + b" ", headers=headers)
    assert r.status_code == 409, r.text
    body = r.json()
    assert body["code"] == "deadline_passed" and body["activity"] == "pengesahan"
    assert body["deadline"] == "2026-11-30T00:00:00+07:00" and body["round"] == ROUND
    assert "closed at 2026-11-30 00:00 WIB" in body["detail"]
    assert server.scalar("SELECT count(*) FROM pengesahan") == 1


def test_round_cli_shows_and_changes_windows(server, tmp_path):
    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "sync_server.cli", *args, "--db", server.db_url],
            capture_output=True,
            text=True,
        )

    done = cli("round-window", "2026-12", "usulan", "--closes", "2026-12-20", "--scope", "32.04")
    assert done.returncode == 0, done.stderr
    shown = cli("round", "2026-12", "--scope", "32.04.12.2002")
    assert "usulan" in shown.stdout and "2026-12-20" in shown.stdout
    assert "deadline 2026-12-21T00:00:00+07:00" in shown.stdout
    bad = cli("round-window", "2026-12", "usulan", "--closes", "20-12-2026")
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr and "Traceback" not in bad.stderr
