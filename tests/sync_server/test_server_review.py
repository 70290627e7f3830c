"""Review: the queue, a household's full picture, resolve / approve / return, and the pull after."""

from server_harness import HID, HID2, HID_B, edit


def _conflict(server):
    enum1, enum2 = server.client("enum1"), server.client("enum2")
    assert enum1.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Melati 9"))]).ok
    r = enum2.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Kenanga 4"))])
    assert r.json()["households"][0]["outcome"] == "conflict"
    return enum1, enum2


def test_reviewer_resolves_conflict_and_next_pull_carries_the_value(server):
    enum1, enum2 = _conflict(server)
    aid = server.assignment_ids["enum2"]
    since = enum2.pull(aid)["next_since"]
    reviewer = server.client("reviewer1")
    queue = reviewer.get(reviewer.url("/review/queue"), params={"scope": "32.04"}).json()[
        "households"
    ]
    assert [(q["household_id"], q["flags"], q["open_conflicts"]) for q in queue] == [
        (HID, ["conflict", "needs_review"], 1)
    ]
    detail = reviewer.get(reviewer.url(f"/review/households/{HID}")).json()
    (c,) = detail["conflicts"]
    assert (c["key"], c["server"], c["client"], c["user"]) == (
        "alamat",
        "Jl. Melati 9",
        "Jl. Kenanga 4",
        "enum2",
    )
    r = reviewer.post(
        reviewer.url(f"/review/households/{HID}"),
        json={
            "decision": "resolve",
            "choices": {"alamat": {"take": "client"}},
            "note": "dicek di lapangan",
        },
    )
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "open" and r.json()["version"] == 3
    page = enum2.pull(aid, since)
    (h,) = page["households"]
    assert (
        h["household_id"] == HID and h["values"]["alamat"] == "Jl. Kenanga 4" and h["version"] == 3
    )
    assert h["review"] == {"state": "open", "note": "dicek di lapangan"}
    assert reviewer.get(reviewer.url("/review/queue")).json()["households"] == []
    history = enum1.get(enum1.url(f"/households/{HID}/history")).json()["events"]
    assert [(e["field"], e["new"], e["user"]) for e in history][:3] == [
        ("alamat", "Jl. Melati 9", "enum1"),
        ("alamat", "Jl. Kenanga 4", "reviewer1"),
        ("@review", {"state": "open", "note": "dicek di lapangan"}, "reviewer1"),
    ]


def test_resolve_with_own_value_is_validated(server):
    _conflict(server)
    reviewer = server.client("reviewer1")
    r = reviewer.post(
        reviewer.url(f"/review/households/{HID}"),
        json={"decision": "resolve", "choices": {"alamat": {"take": "value", "value": ""}}},
    )
    assert r.status_code == 422 and r.json()["field"] == "alamat"
    r = reviewer.post(
        reviewer.url(f"/review/households/{HID}"),
        json={"decision": "resolve", "choices": {"rt": {"take": "server"}}},
    )
    assert r.status_code == 422 and "no open conflict" in r.json()["detail"]


def test_approve_needs_conflicts_resolved_first(server):
    _conflict(server)
    reviewer = server.client("reviewer1")
    r = reviewer.post(reviewer.url(f"/review/households/{HID}"), json={"decision": "approve"})
    assert r.status_code == 409
    r = reviewer.post(
        reviewer.url(f"/review/households/{HID}"),
        json={"decision": "approve", "choices": {"alamat": {"take": "server"}}},
    )
    assert r.status_code == 200 and r.json()["state"] == "approved"
    assert (
        server.scalar(
            "SELECT count(*) FROM flags WHERE household_id = :h AND cleared_at IS NULL", h=HID
        )
        == 0
    )


def test_returned_household_shows_the_note_in_the_pull(server):
    enum1 = server.client("enum1")
    reviewer = server.client("reviewer1")
    r = reviewer.post(reviewer.url(f"/review/households/{HID2}"), json={"decision": "return"})
    assert r.status_code == 422 and r.json()["field"] == "note"
    r = reviewer.post(
        reviewer.url(f"/review/households/{HID2}"),
        json={"decision": "return", "note": "foto rumah buram, ulangi"},
    )
    assert r.status_code == 200
    h = enum1.household(server.assignment_ids["enum1"], HID2)
    assert h["review"] == {"state": "returned", "note": "foto rumah buram, ulangi"}
    r = enum1.push([edit(HID2, 1, alamat=("Jl. Mawar 2", "Jl. Mawar 2A"))])
    assert r.ok
    assert (
        server.scalar("SELECT state FROM households WHERE household_id = :h", h=HID2)
        == "needs_review"
    )


def test_review_is_limited_by_role_and_scope(server):
    _conflict(server)
    r = server.client("enum1").get(server.base + "/review/queue")
    assert r.status_code == 403
    other = server.client("reviewer2")
    assert other.get(other.url(f"/review/households/{HID}")).status_code == 403
    r = other.post(other.url(f"/review/households/{HID}"), json={"decision": "approve"})
    assert r.status_code == 403 and r.json()["household_id"] == HID
    assert other.get(other.url("/review/queue"), params={"scope": "32.04"}).status_code == 403


def test_history_is_scoped(server):
    enum3 = server.client("enum3")
    assert enum3.get(enum3.url(f"/households/{HID}/history")).status_code == 403
    assert enum3.get(enum3.url(f"/households/{HID_B}/history")).status_code == 200
    assert enum3.get(enum3.url("/households/9999999999999999/history")).status_code == 404
