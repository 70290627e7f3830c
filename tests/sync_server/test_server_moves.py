"""A push that moves a household out of the pusher's scope, or into another kabupaten, is held
as a pending move that a reviewer of the receiving side confirms or refuses; nothing the
client sent is lost, and the household vanishes from nobody until the move is confirmed."""

import json

from server_harness import HID, HID2, edit
from server_prelist import DESA, OTHER_DESA

from dtks import moves
from dtks.review import FLAG_MOVE_PENDING

ELSEWHERE = "3205011001"
"""Desa Kota Kulon, Kab. Garut: another kabupaten."""


def _open_flags(server, hid):
    rows = server.sql(
        "SELECT kind FROM flags WHERE household_id = :h AND cleared_at IS NULL", h=hid
    )
    return {r.kind for r in rows}


def _push_move(client, hid=HID, to=ELSEWHERE, **more):
    return client.push([edit(hid, 1, kode_wilayah=(DESA, to), **more)])


def test_moving_to_another_kabupaten_is_held_for_its_reviewer(server):
    enum1 = server.client("enum1")
    r = _push_move(enum1, rt=("002", "005"))
    assert r.status_code == 200, r.text
    (reply,) = r.json()["households"]
    assert reply["outcome"] == "conflict"
    assert [(c["field"], c["server"], c["client"]) for c in reply["conflicts"]] == [
        ("kode_wilayah", DESA, ELSEWHERE)
    ]
    assert "waits for a reviewer of 32.05.01.1001" in reply["message"]
    row = server.sql(
        'SELECT kode_wilayah, state, version, "values" FROM households WHERE household_id = :h',
        h=HID,
    )[0]
    assert (row.kode_wilayah, row.state, row.version) == (DESA, "needs_review", 2)
    assert json.loads(row.values)["rt"] == "005"  # the rest of the change applied
    assert FLAG_MOVE_PENDING in _open_flags(server, HID)
    assert not enum1.household(server.assignment_ids["enum1"], HID)["deleted"]
    (pending,) = server.client("reviewer2").get(server.base + "/review/moves").json()["moves"]
    assert (pending["from_kode"], pending["to_kode"], pending["state"]) == (
        DESA,
        ELSEWHERE,
        moves.PENDING,
    )
    assert pending["can_decide"] is True and pending["proposed_by"] == "enum1"
    assert pending["household"]["household_id"] == HID
    sending = server.client("reviewer1").get(server.base + "/review/moves").json()["moves"]
    assert [m["can_decide"] for m in sending] == [False]


def test_the_receiving_reviewer_confirms_and_the_household_moves(server):
    enum1, reviewer1, reviewer2 = (server.client(n) for n in ("enum1", "reviewer1", "reviewer2"))
    aid = server.assignment_ids["enum1"]
    since = enum1.pull(aid, 0, limit=100)["next_since"]
    assert _push_move(enum1).ok
    (move,) = reviewer2.get(reviewer2.url("/review/moves")).json()["moves"]
    url = f"/review/moves/{move['move_id']}"
    r = reviewer1.post(reviewer1.url(url), json={"decision": "confirm"})
    assert r.status_code == 403 and r.json()["code"] == "scope"
    r = reviewer2.post(reviewer2.url(url), json={"decision": "confirm", "note": "pindah ke Garut"})
    assert r.status_code == 200, r.text
    assert (r.json()["state"], r.json()["decided_by"]) == (moves.CONFIRMED, "reviewer2")
    row = server.sql("SELECT kode_wilayah, version FROM households WHERE household_id = :h", h=HID)[
        0
    ]
    assert (row.kode_wilayah, row.version) == (ELSEWHERE, 2)
    assert FLAG_MOVE_PENDING not in _open_flags(server, HID)
    gone = [h for h in enum1.pull(aid, since)["households"] if h["household_id"] == HID]
    assert [h["deleted"] for h in gone] == [True]
    events = reviewer2.get(reviewer2.url(f"/households/{HID}/history")).json()["events"]
    assert [(e["field"], e["old"], e["new"], e["user"]) for e in events][-1] == (
        "kode_wilayah",
        DESA,
        ELSEWHERE,
        "reviewer2",
    )
    again = reviewer2.post(reviewer2.url(url), json={"decision": "refuse"})
    assert again.status_code == 409


def test_a_refused_move_keeps_the_household_and_the_proposed_value(server):
    enum1, reviewer2 = server.client("enum1"), server.client("reviewer2")
    assert _push_move(enum1).ok
    (move,) = reviewer2.get(reviewer2.url("/review/moves")).json()["moves"]
    r = reviewer2.post(
        reviewer2.url(f"/review/moves/{move['move_id']}"),
        json={"decision": "refuse", "note": "bukan warga kami"},
    )
    assert r.status_code == 200 and r.json()["state"] == moves.REFUSED
    assert (
        server.scalar("SELECT kode_wilayah FROM households WHERE household_id = :h", h=HID) == DESA
    )
    kept = server.sql("SELECT to_kode, state, decision_note FROM household_moves")
    assert [tuple(k) for k in kept] == [(ELSEWHERE, moves.REFUSED, "bukan warga kami")]
    assert FLAG_MOVE_PENDING not in _open_flags(server, HID)
    assert reviewer2.get(reviewer2.url("/review/moves")).json() == {"moves": []}


def test_moving_to_another_desa_outside_the_assignment_waits_too(server):
    enum1 = server.client("enum1")
    (reply,) = _push_move(enum1, HID2, OTHER_DESA).json()["households"]
    assert reply["outcome"] == "conflict"
    assert (
        server.scalar("SELECT kode_wilayah FROM households WHERE household_id = :h", h=HID2) == DESA
    )
    (move,) = server.client("reviewer1").get(server.base + "/review/moves").json()["moves"]
    assert move["to_kode"] == OTHER_DESA and move["can_decide"] is True


def test_a_move_inside_the_pushers_scope_and_kabupaten_applies_at_once(server):
    super1 = server.client("super1")  # scope 32.04.12: both desa
    (reply,) = _push_move(super1, HID2, OTHER_DESA).json()["households"]
    assert reply["outcome"] == "applied" and reply["conflicts"] == []
    assert (
        server.scalar("SELECT kode_wilayah FROM households WHERE household_id = :h", h=HID2)
        == OTHER_DESA
    )
    assert server.scalar("SELECT count(*) FROM household_moves") == 0


def test_sending_the_same_move_again_keeps_one_pending_move(server):
    enum1 = server.client("enum1")
    assert _push_move(enum1).ok
    assert _push_move(enum1).ok
    assert server.scalar("SELECT count(*) FROM household_moves WHERE state = 'pending'") == 1
    assert _push_move(enum1, to="3205011002").ok
    states = server.sql("SELECT to_kode, state FROM household_moves ORDER BY id")
    assert [tuple(s) for s in states] == [
        (ELSEWHERE, moves.SUPERSEDED),
        ("3205011002", moves.PENDING),
    ]


def test_an_approval_waits_while_a_move_is_pending(server):
    assert _push_move(server.client("enum1")).ok
    reviewer1 = server.client("reviewer1")
    r = reviewer1.post(reviewer1.url(f"/review/households/{HID}"), json={"decision": "approve"})
    assert r.status_code == 409, r.text
    assert FLAG_MOVE_PENDING in r.json()["detail"]


def test_a_reviewer_resolving_a_kode_conflict_cannot_move_across_kabupaten(server):
    super1, reviewer1, enum1 = (server.client(n) for n in ("super1", "reviewer1", "enum1"))
    aid = server.assignment_ids["enum1"]
    since = enum1.pull(aid, 0, limit=100)["next_since"]
    stale = super1.push([edit(HID2, 1, kode_wilayah=("3204122009", OTHER_DESA))])
    assert stale.json()["households"][0]["outcome"] == "conflict"  # a plain merge conflict
    url = reviewer1.url(f"/review/households/{HID2}")
    r = reviewer1.post(
        url,
        json={
            "decision": "resolve",
            "choices": {"kode_wilayah": {"take": "value", "value": ELSEWHERE}},
        },
    )
    assert r.status_code == 403 and r.json()["field"] == "kode_wilayah", r.text
    assert (
        server.scalar("SELECT kode_wilayah FROM households WHERE household_id = :h", h=HID2) == DESA
    )
    r = reviewer1.post(
        url, json={"decision": "resolve", "choices": {"kode_wilayah": {"take": "client"}}}
    )
    assert r.status_code == 200, r.text
    assert (
        server.scalar("SELECT kode_wilayah FROM households WHERE household_id = :h", h=HID2)
        == OTHER_DESA
    )
    gone = [h for h in enum1.pull(aid, since)["households"] if h["household_id"] == HID2]
    assert [h["deleted"] for h in gone] == [True]  # the old desa's enumerator lets it go


def test_the_receiving_reviewer_reads_the_household_and_its_photo_while_the_move_waits(server):
    """Before confirming, the reviewer of the new wilayah looks at the household (detail,
    history, photos); deciding on it stays with its own kabupaten, and after the move is
    refused the household is outside their scope again."""
    import hashlib

    from server_harness import jpeg, verification

    enum1, reviewer1, reviewer2 = (server.client(n) for n in ("enum1", "reviewer1", "reviewer2"))
    photo = jpeg(5)
    sha = hashlib.sha256(photo).hexdigest()
    put = enum1.put(enum1.url(f"/photos/{sha}"), data=photo, headers={"Content-Type": "image/jpeg"})
    assert put.status_code == 201, put.text
    detail_url = reviewer2.url(f"/review/households/{HID}")
    assert reviewer2.get(detail_url).status_code == 403  # nothing waits yet
    entry = {**edit(HID, 1, kode_wilayah=(DESA, ELSEWHERE)), "verification": verification([sha])}
    assert enum1.push([entry]).json()["households"][0]["outcome"] == "conflict"

    r = reviewer2.get(detail_url)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["household"]["kode_wilayah"] == DESA
    (move,) = body["moves"]
    assert (move["from_kode"], move["to_kode"], move["can_decide"]) == (DESA, ELSEWHERE, True)
    assert [p["sha256"] for p in body["photos"]] == [sha]
    assert reviewer2.get(reviewer2.url(f"/photos/{sha}")).content == photo
    assert [m["can_decide"] for m in reviewer1.get(reviewer1.url(f"/review/households/{HID}")).json()["moves"]] == [False]  # fmt: skip
    decided = reviewer2.post(detail_url, json={"decision": "return", "note": "cek"})
    assert decided.status_code == 403, decided.text  # the household is not theirs yet
    assert server.client("admin1").get(server.client("admin1").url(f"/review/households/{HID}")).ok  # fmt: skip

    refused = reviewer2.post(
        reviewer2.url(f"/review/moves/{move['move_id']}"), json={"decision": "refuse"}
    )
    assert refused.status_code == 200, refused.text
    assert reviewer2.get(detail_url).status_code == 403
    assert reviewer2.get(reviewer2.url(f"/photos/{sha}")).status_code == 404
    assert reviewer1.get(reviewer1.url(f"/review/households/{HID}")).json()["moves"] == []


def _last_state(household) -> str | None:
    return household["moves"][-1]["state"] if household and household["moves"] else None


def _enumerator_of(server, username, kode):
    """A new enumerator assigned to one desa; return their client and assignment id."""
    from server_harness import FORM_ID, FORM_VERSION, PASSWORD, ROUND

    from sync_server.services.assignments import assign
    from sync_server.services.users import create_user

    with server.engine.begin() as conn:
        create_user(conn, username, "enumerator", [kode], PASSWORD)
        aid = assign(conn, username, kode, ROUND, FORM_ID, FORM_VERSION).id
    return server.client(username), aid


def _open_kinds(server, hid):
    rows = server.sql(
        "SELECT kind FROM anomalies WHERE household_id = :h AND cleared_at IS NULL", h=hid
    )
    return {r.kind for r in rows}


def test_a_confirmed_move_across_kabupaten_settles_the_wrong_wilayah_in_the_next_pull(server):
    """Its id still names the old desa, but a reviewer of the new one confirmed the family
    lives there: no wrong_wilayah, on the server and in what the new desa pulls; a later push
    there keeps it so."""
    enum1, reviewer2 = server.client("enum1"), server.client("reviewer2")
    garut, aid = _enumerator_of(server, "enum_garut", ELSEWHERE)
    since = garut.pull(aid)["next_since"]
    assert _push_move(enum1).ok
    (move,) = reviewer2.get(reviewer2.url("/review/moves")).json()["moves"]
    r = reviewer2.post(reviewer2.url(f"/review/moves/{move['move_id']}"), json={"decision": "confirm"})  # fmt: skip
    assert r.status_code == 200, r.text
    assert HID[:10] == DESA != ELSEWHERE
    assert "wrong_wilayah" not in _open_kinds(server, HID)
    got = garut.pull_until(aid, since, lambda got: HID in got)[HID]
    assert got["values"]["kode_wilayah"] == ELSEWHERE
    assert "wrong_wilayah" not in {a["kind"] for a in got["anomalies"]}
    assert [(m["from_kode"], m["to_kode"], m["state"], m["decided_by"]) for m in got["moves"]] == [
        (DESA, ELSEWHERE, moves.CONFIRMED, "reviewer2")
    ]
    detail = reviewer2.get(reviewer2.url(f"/review/households/{HID}")).json()
    assert "wrong_wilayah" not in {a["kind"] for a in detail["anomalies"]}
    # The new desa's enumerator edits it: the push re-checks it with its moves.
    r = garut.push([edit(HID, got["version"], rt=(got["values"]["rt"], "007"))])
    assert r.status_code == 200 and r.json()["households"][0]["outcome"] == "applied", r.text
    assert "wrong_wilayah" not in _open_kinds(server, HID)


def test_a_move_elsewhere_after_a_confirmed_one_is_wrong_wilayah_again(server):
    """The confirmation settles the code it confirmed, not any later one."""
    enum1, reviewer2 = server.client("enum1"), server.client("reviewer2")
    garut, aid = _enumerator_of(server, "enum_garut", "3205")
    assert _push_move(enum1).ok
    (move,) = reviewer2.get(reviewer2.url("/review/moves")).json()["moves"]
    assert reviewer2.post(reviewer2.url(f"/review/moves/{move['move_id']}"), json={"decision": "confirm"}).ok  # fmt: skip
    version = garut.pull_until(aid, 0, lambda got: HID in got)[HID]["version"]
    r = garut.push([edit(HID, version, kode_wilayah=(ELSEWHERE, "3205011002"))])
    assert r.json()["households"][0]["outcome"] == "applied", r.text  # inside scope and kabupaten
    assert "wrong_wilayah" in _open_kinds(server, HID)


def test_a_refused_move_reaches_the_enumerator_at_the_next_pull(server):
    enum1, reviewer2 = server.client("enum1"), server.client("reviewer2")
    aid = server.assignment_ids["enum1"]
    assert _push_move(enum1).ok
    mine = enum1.pull_until(aid, 0, lambda got: bool(got.get(HID, {}).get("moves")))
    (pending,) = mine[HID]["moves"]
    since = enum1.pull(aid, 0, limit=500)["next_since"]
    assert (pending["state"], pending["to_kode"]) == (moves.PENDING, ELSEWHERE)
    (move,) = reviewer2.get(reviewer2.url("/review/moves")).json()["moves"]
    r = reviewer2.post(
        reviewer2.url(f"/review/moves/{move['move_id']}"),
        json={"decision": "refuse", "note": "bukan warga kami"},
    )
    assert r.status_code == 200, r.text
    told = enum1.pull_until(aid, since, lambda got: _last_state(got.get(HID)) == moves.REFUSED)
    got = told[HID]
    assert not got["deleted"] and got["values"]["kode_wilayah"] == DESA
    assert [(m["to_kode"], m["state"], m["note"], m["decided_by"]) for m in got["moves"]] == [
        (ELSEWHERE, moves.REFUSED, "bukan warga kami", "reviewer2")
    ]
    assert got["moves"][0]["at"]


def test_a_decision_note_with_a_nul_character_is_refused(server):
    enum1, reviewer2 = server.client("enum1"), server.client("reviewer2")
    assert _push_move(enum1).ok
    (move,) = reviewer2.get(reviewer2.url("/review/moves")).json()["moves"]
    r = reviewer2.post(
        reviewer2.url(f"/review/moves/{move['move_id']}"),
        json={"decision": "refuse", "note": "bukan\x00warga"},
    )
    assert r.status_code == 422, r.text
    assert server.scalar("SELECT state FROM household_moves") == moves.PENDING


def test_a_reimport_of_a_household_whose_move_was_confirmed_keeps_it_settled(server, tmp_path):
    """The import's worker checks the households of a batch with their moves, as the push
    does: a pre-list listing the household where a reviewer confirmed it lives raises no
    wrong_wilayah, in one process and with a worker; a pre-list listing it elsewhere does."""
    from server_prelist import household_row, member_rows, write_rows

    from sync_server.services.prelist_import import import_prelist

    enum1, reviewer2 = server.client("enum1"), server.client("reviewer2")
    assert _push_move(enum1).ok
    (move,) = reviewer2.get(reviewer2.url("/review/moves")).json()["moves"]
    assert reviewer2.post(reviewer2.url(f"/review/moves/{move['move_id']}"), json={"decision": "confirm"}).ok  # fmt: skip
    assert "wrong_wilayah" not in _open_kinds(server, HID)
    steps = ((0, ELSEWHERE, False), (1, ELSEWHERE, False), (1, "3205011002", True), (1, ELSEWHERE, False))  # fmt: skip
    for n, (workers, kode, expected) in enumerate(steps):
        directory = tmp_path / f"p{n}"
        directory.mkdir()
        row = {**household_row(DESA, 1), "kode_wilayah": kode, "no_kk": "3205010101150001"}
        write_rows(directory, [row], member_rows(DESA, 1))
        import_prelist(server.engine, directory, workers=workers)
        assert ("wrong_wilayah" in _open_kinds(server, HID)) is expected, (workers, kode)
