"""The monthly cycle end to end (issue 15, Done when) on a server whose clock the test sets: the
BNBA and pengesahan windows of round 2026-11 close mid-test; field data sent after the close is
applied and marked late; a submission after it is refused naming the deadline; a deadline in
WITA falls an hour before the same date in WIB."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from e2e_helpers import WIB, answers, login
from server_process import ROUND, SyncServer

from capi_app.profile import Profile
from capi_app.sync.errors import StateRefused
from capi_app.sync.session import run_sync
from dtks import review
from dtks.error_codes import ErrorCode

SCAN = (
    b"%PDF-1.4\n% Keputusan Bupati Bandung, ditandatangani\n1 0 obj << /Type /Catalog >> endobj"
    b"\ntrailer << /Root 1 0 R >>\n%%EOF\n"
)
BEFORE_CLOSE = datetime(2026, 11, 29, 22, 0, tzinfo=WIB)
"""The last day of round 2026-11's BNBA and pengesahan windows (they close 30 Nov 00:00 WIB)."""
AFTER_CLOSE = datetime(2026, 11, 30, 0, 0, 1, tzinfo=WIB)


@pytest.fixture
def server(tmp_path_factory):
    s = SyncServer(tmp_path_factory.mktemp("cycle"), households=20, own_clock=True)
    s.add_user("enum1")
    s.add_user("rev1", role="reviewer")
    s.add_user("admin1", role="admin", scopes=("national",))
    s.set_clock(BEFORE_CLOSE)
    s.start()
    yield s
    s.stop()


def finalize(session, hid) -> None:
    started = datetime(2026, 11, 29, 10, 0, tzinfo=WIB)
    session.store.set_field(hid, "alamat", f"Jl. Tenggat {hid[-3:]}", session.username)
    session.store.save_verification(
        hid, answers(session.store.household(hid).values), "finalized", session.username,
        result="2", started_at=started, finished_at=started + timedelta(minutes=5),
    )  # fmt: skip


def verification(server, hid) -> tuple:
    return server.query(
        "SELECT round, late, late_for FROM verifications WHERE household_id = ?", (hid,)
    )[0]


def test_a_window_closes_mid_test_late_data_is_kept_and_a_late_submission_refused(server, tmp_path):
    enum1 = login(Profile(tmp_path / "enum1"), server.url)
    rev = login(Profile(tmp_path / "rev1"), server.url, "rev1")
    run_sync(enum1, phases=("pull",))
    listed_here = [
        h.household_id
        for h in enum1.store.list_households(limit=100)
        if not enum1.store.anomalies(h.household_id)
    ]
    first, second = listed_here[:2]

    # Before the close: on time, counted in 2026-11; approved, a draft, the scan uploaded.
    finalize(enum1, first)
    assert run_sync(enum1).outcomes["applied"] == 1
    assert verification(server, first) == (ROUND, 0, None)
    rev.api.review_decide(first, review.APPROVE)
    sid = rev.api.create_submission(ROUND)["submission_id"]
    doc = rev.api.upload_pengesahan(ROUND, "3204122002", SCAN, "application/pdf")

    # The windows close while the test runs.
    server.set_clock(AFTER_CLOSE)
    finalize(enum1, second)
    assert run_sync(enum1).outcomes["applied"] == 1  # never refused for lateness
    values, _ = server.household(second)
    assert values["alamat"] == f"Jl. Tenggat {second[-3:]}"
    assert verification(server, second) == ("2026-12", 1, ROUND)

    with pytest.raises(StateRefused) as refused:
        rev.api.decide_submission(sid, review.SUBMIT, pengesahan_sha256=doc["sha256"])
    assert refused.value.code == ErrorCode.DEADLINE_PASSED
    text = str(refused.value)
    assert "pengesahan" in text and ROUND in text and "closed at 2026-11-30 00:00 WIB" in text
    states = server.query("SELECT state FROM submissions WHERE id = ?", (sid,))
    assert states == [(review.DRAFT,)]

    # The same calendar dates close an hour earlier in Makassar (WITA) than in Bandung (WIB).
    admin = login(Profile(tmp_path / "admin1"), server.url, "admin1")
    wib = admin.api._request("GET", f"/rounds/{ROUND}", params={"scope": "32.04"})
    wita = admin.api._request("GET", f"/rounds/{ROUND}", params={"scope": "73.71"})
    assert (wib["timezone"], wita["timezone"]) == ("Asia/Jakarta", "Asia/Makassar")
    assert wib["windows"] == wita["windows"]
    for activity, deadline in wib["deadlines"].items():
        gap = datetime.fromisoformat(deadline) - datetime.fromisoformat(wita["deadlines"][activity])
        assert gap == timedelta(hours=1), activity
    for s in (enum1, rev, admin):
        s.close()
