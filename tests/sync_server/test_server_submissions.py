"""Submissions up the chain over HTTP: kabkota submits with the signed scan, provinsi returns
single households or forwards, Kemensos establishes; every step in both histories; the next
round's pre-list carries the established values and importing it changes nothing."""

import csv
import hashlib

import pytest
from server_harness import HID, HID2, PASSWORD, ROUND, edit, verification
from server_prelist import DESA, household_id

from sync_server.services.prelist_export import export_prelist
from sync_server.services.prelist_import import import_prelist
from sync_server.services.users import create_user

HID3 = household_id(DESA, 3)
ELIGIBLE = {"status_rt": "1", "hasil": "1"}
NOT_ELIGIBLE = {"status_rt": "1", "hasil": "2"}


def _pdf(n: int) -> bytes:
    return (
        b"%PDF-1.4\n% pengesahan "
        + str(n).encode()
        + b"\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


@pytest.fixture
def chain(server):
    """The server with a provinsi reviewer (32), a Kemensos one (national), another province's."""
    with server.engine.begin() as conn:
        create_user(conn, "prov1", "reviewer", ["32"], PASSWORD)
        create_user(conn, "prov2", "reviewer", ["33"], PASSWORD)
        create_user(conn, "kemensos1", "reviewer", ["national"], PASSWORD)
    return server


def _ok(r, status=200):
    assert r.status_code == status, r.text
    return r.json()


def _approve_verified(server, ids, answers=ELIGIBLE):
    enum1, reviewer = server.client("enum1"), server.client("reviewer1")
    entries = [{**edit(h, 1), "verification": verification(answers=answers)} for h in ids]
    assert enum1.push(entries).ok
    for h in ids:
        _ok(reviewer.post(reviewer.url(f"/review/households/{h}"), json={"decision": "approve"}))
    return enum1, reviewer


def _scan(reviewer, n, scope="32.04"):
    r = reviewer.put(
        reviewer.url(f"/rounds/{ROUND}/pengesahan"),
        params={"scope": scope},
        data=_pdf(n),
        headers={"Content-Type": "application/pdf"},
    )
    assert r.status_code in (200, 201), r.text
    return hashlib.sha256(_pdf(n)).hexdigest()


def _decide(client, sid, status=200, **body):
    return _ok(client.post(client.url(f"/submissions/{sid}"), json=body), status)


def _create(reviewer, status=201, **body):
    return _ok(reviewer.post(reviewer.url("/submissions"), json={"round": ROUND, **body}), status)


def _state(server, hid):
    return server.scalar("SELECT state FROM households WHERE household_id = :h", h=hid)


def test_submit_without_the_scan_is_409_naming_it_and_with_it_climbs_to_provinsi(chain):
    _, reviewer = _approve_verified(chain, [HID, HID2])
    draft = _create(reviewer, scope="32.04")
    assert (draft["level"], draft["state"], draft["count"]) == ("kabkota", "draft", 2)
    sid = draft["submission_id"]
    body = _decide(reviewer, sid, 409, decision="submit")
    assert body["code"] == "pengesahan_missing" and body["field"] == "pengesahan_sha256"
    assert (body["round"], body["scope"], body["submission_id"]) == (ROUND, "3204", sid)
    assert "pengesahan" in body["detail"] and "32.04" in body["detail"]
    other = _scan(reviewer, 9, scope="32.04.12")  # a scan of another scope does not do
    assert _decide(reviewer, sid, 409, decision="submit", pengesahan_sha256=other)["code"] == (
        "pengesahan_missing"
    )
    assert _state(chain, HID) == "approved"
    sha = _scan(reviewer, 1)
    out = _decide(reviewer, sid, decision="submit", pengesahan_sha256=sha)
    assert (out["level"], out["state"], out["count"]) == ("provinsi", "submitted", 2)
    assert out["decisions"] == []  # it waits for provinsi now
    seen = _ok(chain.client("prov1").get(chain.client("prov1").url(f"/submissions/{sid}")))
    assert seen["decisions"] == ["forward", "return"]
    assert out["pengesahan"]["sha256"] == sha and out["pengesahan"]["uploaded_by"] == "reviewer1"
    assert _state(chain, HID) == "submitted"
    listed = _ok(chain.client("prov1").get(chain.client("prov1").url("/submissions"),
                                           params={"level": "provinsi", "state": "submitted"}))  # fmt: skip
    assert [s["submission_id"] for s in listed["submissions"]] == [sid]
    again = _create(reviewer, 409, scope="32.04")
    assert "no approved household" in again["detail"]


def test_a_submission_after_its_rounds_deadline_is_409_naming_the_deadline(chain):
    """The submission's step closes with the round's pengesahan window (2026-11-29 in WIB):
    a scan uploaded in time does not carry a submit made after it; a wider window does."""
    from datetime import UTC, date, datetime

    from sync_server.services.cycle import set_window

    _, reviewer = _approve_verified(chain, [HID])
    sid = _create(reviewer)["submission_id"]
    chain.set_clock(datetime(2026, 11, 29, 16, 59, 0, tzinfo=UTC))  # 23:59 WIB
    sha = _scan(reviewer, 1)
    chain.set_clock(datetime(2026, 11, 29, 17, 0, 1, tzinfo=UTC))  # 00:00:01 WIB, 30 Nov
    body = _decide(reviewer, sid, 409, decision="submit", pengesahan_sha256=sha)
    assert body["code"] == "deadline_passed" and body["activity"] == "pengesahan"
    assert (body["round"], body["deadline"]) == (ROUND, "2026-11-30T00:00:00+07:00")
    assert "closed at 2026-11-30 00:00 WIB" in body["detail"], body["detail"]
    detail = _ok(reviewer.get(reviewer.url(f"/submissions/{sid}")))
    assert detail["state"] == "draft" and [e["decision"] for e in detail["history"]] == ["create"]
    assert _state(chain, HID) == "approved"
    with chain.engine.begin() as conn:  # the admin gives the kabupaten one more day
        set_window(conn, ROUND, "pengesahan", "3204", date(2026, 11, 30))
    out = _decide(reviewer, sid, decision="submit", pengesahan_sha256=sha)
    assert (out["state"], out["level"]) == ("submitted", "provinsi")


def test_only_the_level_a_submission_waits_at_decides_and_others_cannot_see_it(chain):
    _, reviewer = _approve_verified(chain, [HID])
    sid = _create(reviewer)["submission_id"]
    prov1, prov2, kemensos = (chain.client(n) for n in ("prov1", "prov2", "kemensos1"))
    assert _decide(prov1, sid, 403, decision="forward")["code"] == "forbidden"  # still a draft
    _decide(reviewer, sid, decision="submit", pengesahan_sha256=_scan(reviewer, 1))
    assert _decide(reviewer, sid, 403, decision="forward")["code"] == "forbidden"
    assert _decide(kemensos, sid, 403, decision="establish")["code"] == "forbidden"
    assert _ok(prov2.get(prov2.url(f"/submissions/{sid}")), 403)["code"] == "scope"
    assert _ok(prov2.get(prov2.url("/submissions")))["submissions"] == []
    assert _decide(prov1, sid, 409, decision="establish")["code"] == "conflict_state"
    assert _ok(chain.client("enum1").get(chain.client("enum1").url("/submissions")), 403)
    body = _ok(
        reviewer.post(reviewer.url(f"/review/households/{HID}"), json={"decision": "approve"}), 409
    )
    assert "submitted" in body["detail"]
    assert _ok(prov1.post(prov1.url("/submissions"), json={"round": ROUND}), 403)["code"] == (
        "forbidden"
    )


def test_a_scan_belongs_to_one_submission(chain):
    _, reviewer = _approve_verified(chain, [HID, HID2])
    first = _create(reviewer, household_ids=[HID])["submission_id"]
    second = _create(reviewer, household_ids=[HID2])["submission_id"]
    sha = _scan(reviewer, 1)
    _decide(reviewer, first, decision="submit", pengesahan_sha256=sha)
    body = _decide(reviewer, second, 409, decision="submit", pengesahan_sha256=sha)
    assert f"submission {first}" in body["detail"]
    busy = _create(reviewer, 409, household_ids=[HID])
    assert busy["household_id"] == HID and f"submission {first}" in busy["detail"]


def test_provinsi_returns_two_households_kabkota_sends_one_to_the_field_and_all_are_established(
    chain, tmp_path
):
    enum1, reviewer = _approve_verified(chain, [HID, HID2, HID3])
    prov1, kemensos = chain.client("prov1"), chain.client("kemensos1")
    sid = _create(reviewer)["submission_id"]
    _decide(reviewer, sid, decision="submit", pengesahan_sha256=_scan(reviewer, 1))
    bad = _decide(prov1, sid, 422, decision="return", household_returns={HID: " "})
    assert bad["field"] == f"household_returns.{HID}"
    out = _decide(
        prov1, sid, decision="return",
        household_returns={HID: "foto rumah buram", HID2: "alamat tidak jelas"},
    )  # fmt: skip
    assert (out["state"], out["level"], out["count"], out["returned"]) == ("submitted", "provinsi", 1, 2)  # fmt: skip
    (child_id,) = out["children"]
    child = _ok(reviewer.get(reviewer.url(f"/submissions/{child_id}")))
    assert (child["state"], child["level"], child["parent_id"]) == ("returned", "kabkota", sid)
    assert {h["household_id"]: h["note"] for h in child["households"]} == {
        HID: "foto rumah buram",
        HID2: "alamat tidak jelas",
    }
    queue = _ok(reviewer.get(reviewer.url("/review/queue"), params={"scope": "32.04"}))
    items = {i["household_id"]: i for i in queue["households"]}
    assert set(items) == {HID, HID2}
    assert all("returned_from_above" in i["flags"] for i in items.values())
    detail = _ok(reviewer.get(reviewer.url(f"/review/households/{HID}")))
    assert detail["household"]["note"] == "foto rumah buram"
    assert any(e["field"] == "@submission" for e in detail["history"])

    # kabkota sends HID on to the field; the enumerator fixes it; it is approved again
    _ok(reviewer.post(reviewer.url(f"/review/households/{HID}"),
                      json={"decision": "return", "note": "foto ulang, alamat RT 3"}))  # fmt: skip
    aid = chain.assignment_ids["enum1"]
    pulled = enum1.household(aid, HID)
    assert pulled["review"] == {"state": "returned", "note": "foto ulang, alamat RT 3"}
    fix = {**edit(HID, pulled["version"], alamat=("Jl. Mawar 1", "Jl. Mawar 1 RT 3")),
           "verification": verification(answers=NOT_ELIGIBLE)}  # fmt: skip
    assert enum1.push([fix]).json()["households"][0]["outcome"] == "applied"
    for h in (HID, HID2):
        _ok(reviewer.post(reviewer.url(f"/review/households/{h}"), json={"decision": "approve"}))
    again = _create(reviewer)
    assert again["count"] == 2
    _decide(reviewer, again["submission_id"], decision="submit",
            pengesahan_sha256=_scan(reviewer, 2))  # fmt: skip
    report = _ok(reviewer.get(reviewer.url(f"/submissions/{again['submission_id']}/report")))
    assert {h["household_id"] for h in report["households"]} == {HID, HID2}
    assert report["counts"]["by_hasil"] == {"1": 1, "2": 1, "": 0}

    for s in (sid, again["submission_id"]):
        fwd = _decide(prov1, s, decision="forward", note="sudah dicek provinsi")
        assert (fwd["level"], fwd["state"]) == ("kemensos", "submitted")
    listed = _ok(kemensos.get(kemensos.url("/submissions"), params={"level": "kemensos"}))
    assert {s["submission_id"] for s in listed["submissions"]} == {sid, again["submission_id"]}
    for s in (sid, again["submission_id"]):
        done = _decide(kemensos, s, decision="establish")
        assert done["state"] == "established"
    assert [_state(chain, h) for h in (HID, HID2, HID3)] == ["established"] * 3
    levels = chain.sql("SELECT level FROM approvals WHERE household_id = :h ORDER BY id", h=HID)
    assert [r[0] for r in levels] == ["kabkota", "kabkota", "provinsi", "kemensos"]
    history = [e["decision"] for e in _ok(kemensos.get(kemensos.url(f"/submissions/{sid}")))["history"]]  # fmt: skip
    assert history == ["create", "submit", "return", "forward", "establish"]
    steps = chain.sql(
        "SELECT new FROM audit WHERE household_id = :h AND field = '@submission' ORDER BY id", h=HID
    )
    assert [s for s in ('"create"', '"submit"', '"return"', '"forward"', '"establish"')
            if any(s in r[0] for r in steps)] == ['"create"', '"submit"', '"return"', '"forward"', '"establish"']  # fmt: skip

    out_dir = tmp_path / "prelist-next"
    members = chain.scalar(
        "SELECT count(*) FROM members WHERE status = 'active' AND household_id IN (:a, :b, :c)",
        a=HID, b=HID2, c=HID3,
    )  # fmt: skip
    assert members > 3 and export_prelist(chain.engine, out_dir, ["3204"]) == (3, members)
    with open(out_dir / "households.csv", newline="", encoding="utf-8") as f:
        rows = {r["household_id"]: r for r in csv.DictReader(f)}
    assert rows[HID]["alamat"] == "Jl. Mawar 1 RT 3" and rows[HID2]["alamat"] == "Jl. Mawar 2"
    before = chain.sql('SELECT household_id, version, seq, "values" FROM households ORDER BY 1')
    audit_rows = chain.scalar("SELECT count(*) FROM audit")
    result = import_prelist(chain.engine, out_dir)
    assert (result.households_new, result.households_updated, result.members_new) == (0, 0, 0)
    assert result.households_unchanged == 3 and result.rejected == 0
    assert chain.sql('SELECT household_id, version, seq, "values" FROM households ORDER BY 1') == before  # fmt: skip
    assert chain.scalar("SELECT count(*) FROM audit") == audit_rows


def test_kemensos_returns_to_provinsi_which_returns_on_to_kabkota(chain):
    _, reviewer = _approve_verified(chain, [HID, HID2])
    prov1, kemensos = chain.client("prov1"), chain.client("kemensos1")
    sid = _create(reviewer)["submission_id"]
    _decide(reviewer, sid, decision="submit", pengesahan_sha256=_scan(reviewer, 1))
    _decide(prov1, sid, decision="forward")
    assert _decide(kemensos, sid, 422, decision="return")["field"] == "note"
    back = _decide(kemensos, sid, decision="return", note="desil tidak wajar")
    assert (back["state"], back["level"]) == ("returned", "provinsi")
    assert _state(chain, HID) == "submitted"  # still up the chain, at provinsi
    down = _decide(prov1, sid, decision="return", note="periksa desil")
    assert (down["state"], down["level"]) == ("returned", "kabkota")
    assert [_state(chain, h) for h in (HID, HID2)] == ["needs_review", "needs_review"]
    assert _decide(reviewer, sid, 409, decision="submit")["code"] == "conflict_state"
    detail = _ok(reviewer.get(reviewer.url(f"/review/households/{HID2}")))
    assert detail["household"]["note"] == "periksa desil"


def test_withdrawing_a_draft_frees_its_households(chain):
    _, reviewer = _approve_verified(chain, [HID])
    sid = _create(reviewer)["submission_id"]
    assert _decide(reviewer, sid, decision="withdraw")["state"] == "withdrawn"
    assert _state(chain, HID) == "approved"
    assert _create(reviewer)["count"] == 1


def test_the_pre_list_export_carries_established_values_not_later_field_changes(chain, tmp_path):
    enum1, reviewer = _approve_verified(chain, [HID])
    prov1, kemensos = chain.client("prov1"), chain.client("kemensos1")
    sid = _create(reviewer)["submission_id"]
    _decide(reviewer, sid, decision="submit", pengesahan_sha256=_scan(reviewer, 1))
    _decide(prov1, sid, decision="forward")
    pulled = enum1.household(chain.assignment_ids["enum1"], HID)
    r = enum1.push([edit(HID, pulled["version"], alamat=("Jl. Mawar 1", "Jl. Baru 7"))])
    assert r.json()["households"][0]["outcome"] == "applied"
    assert _state(chain, HID) == "needs_review"  # the change waits for kabkota
    _decide(kemensos, sid, decision="establish")
    assert _state(chain, HID) == "needs_review"
    export_prelist(chain.engine, tmp_path / "next", ["32"])
    with open(tmp_path / "next" / "households.csv", newline="", encoding="utf-8") as f:
        (row,) = csv.DictReader(f)
    assert (row["household_id"], row["alamat"]) == (HID, "Jl. Mawar 1")


def test_reviewers_of_a_province_or_kemensos_do_not_decide_households(chain):
    enum1 = chain.client("enum1")
    assert enum1.push([{**edit(HID, 1), "verification": verification(answers=ELIGIBLE)}]).ok
    for name in ("prov1", "kemensos1"):
        c = chain.client(name)
        r = c.post(c.url(f"/review/households/{HID}"), json={"decision": "approve"})
        assert r.status_code == 403 and "kabupaten/kota" in r.json()["detail"], r.text
        r = c.post(c.url("/review/bulk-approve"), json={"round": ROUND})
        assert r.status_code == 403, r.text
        assert c.get(c.url(f"/review/households/{HID}")).status_code == 200  # they may look
    admin = chain.client("admin1")  # an admin of the province still may
    r = admin.post(admin.url(f"/review/households/{HID}"), json={"decision": "approve"})
    assert r.status_code == 200, r.text


def test_importing_the_export_of_an_established_sample_changes_nothing(db_url, tmp_path):
    """Sample data carries planted defects (an invalid NIK, a birth date in the future) that
    import keeps and flags; established and exported, they come back unchanged and unflagged."""
    from sqlalchemy import text, update

    from dtks import review
    from dtks.sample import write_prelist
    from sync_server.db.engine import make_engine
    from sync_server.db.migrate import upgrade
    from sync_server.db.tables import flags, households, pengesahan
    from sync_server.services import submissions
    from sync_server.services.assignments import assign

    engine = make_engine(db_url)
    upgrade(engine)
    write_prelist(tmp_path / "p", 120, "32.04.12.2002", seed=3)
    first = import_prelist(engine, tmp_path / "p")
    assert first.flagged > 0  # the sample's planted defects
    with engine.begin() as conn:
        kab = create_user(conn, "kab", "reviewer", ["3204"], PASSWORD)
        prov = create_user(conn, "prov", "reviewer", ["32"], PASSWORD)
        kem = create_user(conn, "kem", "reviewer", ["national"], PASSWORD)
        create_user(conn, "enum", "enumerator", ["3204122002"], PASSWORD)
        assign(conn, "enum", "3204122002", ROUND)
        conn.execute(update(households).values(state=review.APPROVED))
        conn.execute(
            update(flags).values(cleared_at="2026-11-02T00:00:00Z")
        )  # approvals clear them
        conn.execute(
            pengesahan.insert().values(
                round=ROUND, scope="3204", sha256="a" * 64, size=1, content_type="application/pdf",
                path="a.pdf", uploaded_by=kab.id, uploaded_at="2026-11-02T00:00:00Z",
            )
        )  # fmt: skip
    sid = submissions.create(engine, kab, ROUND, None, "3204", None)["submission_id"]
    for user, step in (
        (kab, submissions.Step(review.SUBMIT, pengesahan_sha256="a" * 64)),
        (prov, submissions.Step(review.FORWARD)),
        (kem, submissions.Step(review.ESTABLISH)),
    ):
        submissions.decide(engine, user, sid, step)
    export_prelist(engine, tmp_path / "next")

    def snapshot():
        with engine.connect() as conn:
            return [
                conn.execute(text(q)).all()
                for q in (
                    'SELECT household_id, version, seq, "values" FROM households ORDER BY 1',
                    'SELECT member_id, version, "values" FROM members ORDER BY 1',
                    "SELECT count(*) FROM flags WHERE cleared_at IS NULL",
                    "SELECT count(*) FROM audit",
                )
            ]

    before = snapshot()
    again = import_prelist(engine, tmp_path / "next")
    assert (again.households_new, again.households_updated, again.members_updated) == (0, 0, 0)
    assert (again.rejected, again.flagged) == (0, 0)
    assert snapshot() == before
    engine.dispose()
