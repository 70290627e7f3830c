"""GET /progress: the counts per desa and the enumerators' last syncs are exactly what the test
planted, with an enumerator who has not synced for 3 days (DESIGN.md "Progress")."""

import uuid
from datetime import datetime, timedelta

import requests
from server_harness import HID, HID2, PASSWORD, changeset, edit, verification
from server_prelist import DESA, OTHER_DESA, household_id

NOW = datetime.fromisoformat("2026-11-02T09:00:00+07:00")


def _login(server, name: str, device: str | None = None) -> requests.Session:
    body = {"username": name, "password": PASSWORD, "device_id": device or str(uuid.uuid4())}
    r = requests.post(server.base + "/auth/token", json=body, timeout=30)
    assert r.status_code == 200, r.text
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return s


def _push(server, session, device: str, hid: str) -> None:
    entry = {**edit(hid, 1), "verification": verification()}
    r = session.post(server.base + "/changesets", json=changeset([entry], device))
    assert r.status_code == 200, r.text


def _plant(server) -> dict:
    devices = {"enum1": str(uuid.uuid4()), "enum2": str(uuid.uuid4())}
    server.set_clock(NOW - timedelta(days=3, hours=2))
    _push(server, _login(server, "enum2"), devices["enum2"], HID2)
    server.set_clock(NOW)
    enum1 = _login(server, "enum1")
    for hid in (HID, household_id(DESA, 3)):
        _push(server, enum1, devices["enum1"], hid)
    reviewer = _login(server, "reviewer1")
    for hid, decision in ((household_id(DESA, 4), "approve"), (household_id(DESA, 5), "return")):
        body = {"decision": decision, "note": "periksa lagi" if decision == "return" else None}
        r = reviewer.post(server.base + f"/review/households/{hid}", json=body)
        assert r.status_code == 200, r.text
    return devices


def test_progress_counts_what_was_planted_and_who_has_not_synced(server):
    devices = _plant(server)
    r = _login(server, "super1").get(
        server.base + "/progress", params={"scope": "32.04.12", "round": "2026-11"}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    desa = {d["kode_wilayah"]: d for d in body["desa"]}
    open_anomalies = server.scalar(
        "SELECT count(*) FROM anomalies a JOIN households h USING (household_id) "
        "WHERE a.cleared_at IS NULL AND h.kode_wilayah = :k",
        k=DESA,
    )
    a = desa["32.04.12.2002"]
    assert (a["households"], a["visited"], a["finalized"], a["synced"]) == (20, 3, 0, 3)
    assert (a["approved"], a["returned"], a["anomalies_open"]) == (1, 1, open_anomalies)
    assert a["name"]
    b = desa["32.04.12.2003"]
    assert (b["households"], b["visited"], b["synced"], b["approved"]) == (5, 0, 0, 0)
    users = {u["username"]: u for u in body["users"]}
    assert set(users) == {"enum1", "enum2", "enum3", "clerk1"}
    assert users["enum1"]["days_since_sync"] == 0
    assert users["enum1"]["last_device_id"] == devices["enum1"]
    assert users["enum2"]["days_since_sync"] == 3
    assert users["enum2"]["last_device_id"] == devices["enum2"]
    assert users["enum3"]["last_sync"] is None and users["enum3"]["households_assigned"] == 5
    assert users["enum1"]["households_assigned"] == 20


def test_a_reviewer_sees_their_scope_and_a_supervisor_not_beyond_theirs(server):
    _plant(server)
    reviewer = _login(server, "reviewer1").get(server.base + "/progress")
    assert reviewer.status_code == 200
    assert {d["kode_wilayah"] for d in reviewer.json()["desa"]} >= {"32.04.12.2002"}
    far = _login(server, "super1").get(server.base + "/progress", params={"scope": "32.05"})
    assert far.status_code == 403
    enumerator = _login(server, "enum1").get(server.base + "/progress")
    assert enumerator.status_code == 403
    assert OTHER_DESA  # the second desa of the harness is inside super1's kecamatan
