"""Review end to end over HTTP: conflicts seen and resolved, return and resubmit, the queue's
round filter and counts, bulk approval, and the informational flags raised by a push."""

from server_harness import HID, HID2, ROUND, edit, verification
from server_prelist import DESA, household_id

HID3, HID4, HID5 = (household_id(DESA, n) for n in (3, 4, 5))
FOUND_ELIGIBLE = {"status_rt": "1", "hasil": "1"}
NOT_FOUND = {"status_rt": "2", "hasil": "2", "alasan": "2"}


def _verified(hid, version=1, answers=FOUND_ELIGIBLE, **fields):
    return {**edit(hid, version, **fields), "verification": verification(answers=answers)}


def _decide(reviewer, hid, **body):
    r = reviewer.post(reviewer.url(f"/review/households/{hid}"), json=body)
    assert r.status_code == 200, r.text
    return r.json()


def _queue(reviewer, **params):
    r = reviewer.get(reviewer.url("/review/queue"), params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_two_enumerators_same_field_reviewer_resolves_both_pull_the_value(server):
    enum1, enum2 = server.client("enum1"), server.client("enum2")
    a1, a2 = server.assignment_ids["enum1"], server.assignment_ids["enum2"]
    since1, since2 = enum1.pull(a1)["next_since"], enum2.pull(a2)["next_since"]
    assert enum1.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Melati 9"))]).ok
    r = enum2.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Kenanga 4"))])
    assert r.json()["households"][0]["outcome"] == "conflict"
    reviewer = server.client("reviewer1")
    detail = reviewer.get(reviewer.url(f"/review/households/{HID}")).json()
    (c,) = detail["conflicts"]
    assert (c["base"], c["server"], c["client"]) == ("Jl. Mawar 1", "Jl. Melati 9", "Jl. Kenanga 4")
    assert {(e["user"], e["new"]) for e in detail["history"]} >= {("enum1", "Jl. Melati 9")}
    out = _decide(
        reviewer,
        HID,
        decision="resolve",
        choices={"alamat": {"take": "value", "value": "Jl. Kenanga 4A"}},
        note="alamat dicek RT",
    )
    assert out["state"] == "open"
    for client, aid, since in ((enum1, a1, since1), (enum2, a2, since2)):
        pulled = {h["household_id"]: h for h in client.pull(aid, since)["households"]}
        assert pulled[HID]["values"]["alamat"] == "Jl. Kenanga 4A"
        assert pulled[HID]["version"] == out["version"]
    stored = server.scalar('SELECT "values" FROM households WHERE household_id = :h', h=HID)
    assert "Jl. Kenanga 4A" in stored


def test_return_with_note_then_fix_resubmit_and_approve(server):
    enum1, reviewer = server.client("enum1"), server.client("reviewer1")
    aid = server.assignment_ids["enum1"]
    assert enum1.push([_verified(HID2, rt=("003", "004"))]).ok
    _decide(reviewer, HID2, decision="return", note="RT salah, cek lagi")
    h = enum1.household(aid, HID2)
    assert h["review"] == {"state": "returned", "note": "RT salah, cek lagi"}
    assert _queue(reviewer, scope="32.04")["households"] == []
    r = enum1.push([_verified(HID2, h["version"], rt=("004", "005"))])
    assert r.json()["households"][0]["outcome"] == "applied", r.text
    page = _queue(reviewer, scope="32.04", round=ROUND)
    (item,) = page["households"]
    assert item["household_id"] == HID2 and item["state"] == "needs_review"
    assert "resubmitted" in item["flags"] and page["counts"]["resubmitted"] == 1
    out = _decide(reviewer, HID2, decision="approve")
    assert out["state"] == "approved" and out["replaces"] is None
    h = enum1.household(aid, HID2)
    assert h["values"]["rt"] == "005" and h["review"]["state"] == "approved"
    reviews = server.sql(
        "SELECT new FROM audit WHERE household_id = :h AND field = '@review' ORDER BY id", h=HID2
    )
    assert ['"returned"' in r[0] for r in reviews] == [True, False]
    assert '"approved"' in reviews[-1][0]
    approvals = server.sql(
        "SELECT level, user_id, submission_id FROM approvals WHERE household_id = :h", h=HID2
    )
    reviewer_id = server.scalar("SELECT id FROM users WHERE username = 'reviewer1'")
    assert [tuple(a) for a in approvals] == [("kabkota", reviewer_id, None)]


def test_queue_filters_by_round_and_counts_open_flags(server):
    enum1, enum2 = server.client("enum1"), server.client("enum2")
    assert enum1.push([_verified(HID, answers=NOT_FOUND), _verified(HID3)]).ok
    assert enum1.push([edit(HID2, 1, alamat=("Jl. Mawar 2", "Jl. A"))]).ok
    assert enum2.push([edit(HID2, 1, alamat=("Jl. Mawar 2", "Jl. B"))]).ok
    reviewer = server.client("reviewer1")
    page = _queue(reviewer, scope="32.04.12.2002", round=ROUND)
    assert page["total"] == 1 and page["counts"] == {
        "conflict": 1,
        "needs_review": 1,
        "eligibility_changed": 1,
    }
    (item,) = page["households"]
    assert (item["household_id"], item["round"], item["desa"]) == (HID2, ROUND, "Dayeuhkolot")
    page = _queue(reviewer, scope="32.04", round=ROUND, flag="eligibility_changed")
    (item,) = page["households"]
    assert (item["household_id"], item["state"], item["result"]) == (HID, "open", "2")
    assert page["total"] == 1
    other = _queue(reviewer, scope="32.04", round="2027-01")
    assert other == {
        "households": [],
        "counts": {},
        "total": 0,
        "awaiting_approval": 0,
        "count_cap": 1000,
    }
    limited = _queue(reviewer, scope="32.04", flag="needs_review", limit=1, offset=1)
    assert limited["households"] == [] and limited["total"] == 1


def test_open_verified_households_are_counted_and_listed_as_waiting_for_approval(server):
    enum1, enum2 = server.client("enum1"), server.client("enum2")
    assert enum1.push([_verified(HID, answers=NOT_FOUND), _verified(HID3)]).ok
    assert enum1.push([edit(HID2, 1, alamat=("Jl. Mawar 2", "Jl. A"))]).ok  # no verification
    assert enum2.push([_verified(HID4, alamat=("Jl. Mawar 4", "Jl. B"))]).ok
    assert enum1.push([_verified(HID4, alamat=("Jl. Mawar 4", "Jl. C"))]).ok  # a conflict
    reviewer = server.client("reviewer1")
    page = _queue(reviewer, scope="32.04.12.2002", round=ROUND)
    assert [h["household_id"] for h in page["households"]] == [HID4]  # needs review
    assert page["awaiting_approval"] == 2  # HID and HID3: verified, open, an approval waits
    waiting = _queue(reviewer, scope="32.04.12.2002", round=ROUND, state="open", verified="true")
    assert sorted(h["household_id"] for h in waiting["households"]) == sorted([HID, HID3])
    assert waiting["total"] == 2 and all(h["result"] for h in waiting["households"])
    assert _queue(reviewer, scope="32.04", state="open", verified="true")["total"] == 2


def test_bulk_approve_approves_only_unflagged_verified_households(server):
    enum1, enum2 = server.client("enum1"), server.client("enum2")
    assert enum1.push(
        [
            _verified(HID),
            _verified(HID2, answers=NOT_FOUND),
            _verified(HID3, alamat=("Jl. Mawar 3", "Jl. C")),
        ]
    ).ok
    assert enum2.push([edit(HID3, 1, alamat=("Jl. Mawar 3", "Jl. D"))]).ok
    assert enum1.push([_verified(HID4, rt=("005", "006"))]).ok
    assert (
        enum2.push([edit(HID4, 1, rw=("005", "001"))]).json()["households"][0]["outcome"]
        == "merged"
    )
    reviewer = server.client("reviewer1")
    body = {"scope": "32.04.12.2002", "round": ROUND}
    assert (
        server.client("enum1").post(enum1.url("/review/bulk-approve"), json=body).status_code == 403
    )
    assert (
        server.client("reviewer2").post(enum1.url("/review/bulk-approve"), json=body).status_code
        == 403
    )
    r = reviewer.post(reviewer.url("/review/bulk-approve"), json=body)
    assert r.status_code == 200, r.text
    assert r.json() == {"approved": [HID, HID4], "skipped": 2}
    states = dict(
        server.sql(
            "SELECT household_id, state FROM households WHERE household_id IN (:a, :b, :c, :d, :e)",
            a=HID,
            b=HID2,
            c=HID3,
            d=HID4,
            e=HID5,
        )
    )
    assert states == {
        HID: "approved",
        HID2: "open",
        HID3: "needs_review",
        HID4: "approved",
        HID5: "open",
    }
    audited = server.scalar(
        "SELECT count(*) FROM audit WHERE field = '@review' AND user_id = (SELECT id FROM users WHERE username = 'reviewer1')"
    )
    assert audited == 2
    r = reviewer.post(reviewer.url("/review/bulk-approve"), json=body)
    assert r.json() == {"approved": [], "skipped": 2}


def test_nik_that_disagrees_with_birth_date_raises_validation_warning(server):
    enum1 = server.client("enum1")
    mid = f"{HID}01"
    h = enum1.household(server.assignment_ids["enum1"], HID)
    born = next(m for m in h["members"] if m["member_id"] == mid)["values"]["tanggal_lahir"]
    change = {
        **edit(HID, 1),
        "members": [
            {
                "op": "change",
                "member_id": mid,
                "fields": {"tanggal_lahir": {"base": born, "value": "1979-01-01"}},
            }
        ],
    }
    assert enum1.push([change]).ok
    (detail,) = server.sql(
        "SELECT detail FROM flags WHERE household_id = :h AND kind = 'validation_warning'", h=HID
    )
    assert mid in detail[0] and "tanggal_lahir" in detail[0]
    assert server.scalar("SELECT state FROM households WHERE household_id = :h", h=HID) == "open"
    assert enum1.push([edit(HID2, 1, alamat=("Jl. Mawar 2", "Jl. Baru 2"))]).ok
    assert server.scalar("SELECT count(*) FROM flags WHERE household_id = :h", h=HID2) == 0


def test_queue_needs_reviewer_role_and_scope(server):
    assert server.client("enum1").get(server.base + "/review/queue").status_code == 403
    other = server.client("reviewer2")
    r = other.get(other.url("/review/queue"), params={"scope": "32.04", "round": ROUND})
    assert r.status_code == 403
    r = other.get(other.url("/review/queue"), params={"round": "2026-13"})
    assert r.status_code == 422
