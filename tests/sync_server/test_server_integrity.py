"""Visit integrity on the server: paradata received and bounded, integrity flags with their
evidence, the evidence and per-enumerator routes."""

from server_harness import HID, edit, verification

PARADATA = {
    "v": 1,
    "t0": "2026-11-02T09:00:00+07:00",
    "dropped": 0,
    "e": [[0, "o"], [60, "a", "alamat"]],
}


def test_paradata_over_its_cap_is_refused_with_its_code(server):
    enum1 = server.client("enum1")
    too_many = PARADATA | {"e": [[i, "a", "alamat"] for i in range(2001)]}
    entry = edit(HID, 1, rt=("002", "009")) | {
        "verification": verification() | {"paradata": too_many}
    }
    r = enum1.push([entry])
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == "paradata_too_large" and body["household_id"] == HID
    assert "2,001 events" in body["detail"]
    bad = edit(HID, 1, rt=("002", "009")) | {
        "verification": verification() | {"paradata": PARADATA | {"v": 9}}
    }
    r = enum1.push([bad])
    assert r.status_code == 422 and r.json()["code"] == "validation", r.text
    assert server.scalar("SELECT count(*) FROM verifications") == 0
