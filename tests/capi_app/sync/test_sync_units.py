"""The sync client's own logic without a server: saved login, outbox sending, CLI dispatch."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from store_samples import ASSIGNMENT

from capi_app import cli
from capi_app.sync import credentials
from capi_app.sync.credentials import Credentials
from capi_app.sync.errors import ChangesetReused, Forbidden, Rejected, StateRefused, SyncError
from capi_app.sync.push import build_outbox, mode_for, send_outbox
from capi_app.sync.summary import SyncSummary
from dtks.error_codes import ErrorCode


def _creds(expires: str = "2027-01-24T21:46:53Z") -> Credentials:
    return Credentials("tok", expires, "enum1", "enumerator", ["32.04.12.2002"], "http://x")


def test_credentials_expire_at_the_servers_time():
    creds = _creds("2026-12-01T00:00:00Z")
    assert not creds.expired(datetime(2026, 11, 30, tzinfo=UTC))
    assert creds.expired(datetime(2026, 12, 1, tzinfo=UTC))
    assert not _creds("not a time").expired()


def test_credentials_round_trip_inside_the_store_and_can_be_forgotten(store):
    assert credentials.load(store) is None
    credentials.save(store, _creds())
    assert credentials.load(store) == _creds()
    credentials.forget(store)
    assert credentials.load(store) is None


class FakeApi:
    """Answers pushes from a list: a reply dict or an exception to raise."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.sent: list[bytes] = []

    def push(self, payload: bytes):
        self.sent.append(payload)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def _finalized(pulled, n: int = 2) -> list[str]:
    ids = [f"3204122002{i:06d}" for i in range(1, n + 1)]
    for hid in ids:
        pulled.set_field(hid, "alamat", f"Jl. Baru {hid[-2:]}", "enum1")
        pulled.save_verification(hid, {"x": 1}, "finalized", "enum1")
    build_outbox(pulled, [ASSIGNMENT], "0b7c3d1e-1111-4a4a-8b8b-000000000001", "CAPI")
    return ids


def _reply(changeset_id: str, ids: list[str], outcome: str = "applied") -> dict:
    return {
        "changeset_id": changeset_id,
        "households": [
            {"household_id": h, "outcome": outcome, "version": 2, "conflicts": [], "message": None}
            for h in ids
        ],
    }


def test_applied_reply_clears_the_outbox(pulled):
    ids = _finalized(pulled)
    (item,) = pulled.pending_changesets()
    summary = SyncSummary()
    send_outbox(pulled, FakeApi(_reply(item.changeset_id, ids)), summary)
    assert summary.outcomes["applied"] == 2 and summary.pushed == 1
    assert pulled.pending_changesets() == []
    assert {pulled.household_state(h) for h in ids} == {"synced"}


def test_refused_changeset_goes_back_to_unsent_with_the_message(pulled):
    ids = _finalized(pulled)
    api = FakeApi(Rejected(f"household {ids[0]}, field alamat: too long", ids[0], "alamat"))
    summary = SyncSummary()
    send_outbox(pulled, api, summary)
    assert summary.failed_changesets == 1 and not summary.ok
    assert pulled.pending_changesets() == []
    assert "too long" in pulled.household(ids[0]).message
    assert pulled.household(ids[0]).pending["alamat"].value == "Jl. Baru 01"


def test_a_409_for_the_households_state_keeps_it_pending_for_the_next_sync(pulled):
    ids = _finalized(pulled)
    summary = SyncSummary()
    refused = StateRefused(f"household {ids[0]} was approved as X: pull first", ids[0])
    refused.code = ErrorCode.CONFLICT_STATE
    send_outbox(pulled, FakeApi(refused), summary)
    assert summary.held_changesets == 1 and summary.reused_changesets == 0 and not summary.ok
    assert len(pulled.pending_changesets()) == 1  # nothing failed, nothing lost
    (note,) = summary.notes
    assert (note.kind, note.household_id, note.code) == ("held", ids[0], ErrorCode.CONFLICT_STATE)
    assert summary.messages[0].startswith("change-set") and "next sync" in summary.messages[0]


def test_409_keeps_the_changeset_pending_and_reports_it(pulled):
    _finalized(pulled)
    summary = SyncSummary()
    send_outbox(pulled, FakeApi(ChangesetReused("other content")), summary)
    assert summary.reused_changesets == 1
    assert len(pulled.pending_changesets()) == 1
    assert summary.messages[0].startswith("409")


def test_resend_is_the_same_bytes(pulled):
    _finalized(pulled)
    (item,) = pulled.pending_changesets()
    api = FakeApi(Forbidden("role reviewer cannot push"), Forbidden("again"))
    for _ in range(2):
        send_outbox(pulled, api, SyncSummary())
    assert api.sent == [item.payload, item.payload]


def test_reply_to_another_changeset_is_an_error(pulled):
    ids = _finalized(pulled)
    with pytest.raises(SyncError, match="answered change-set"):
        send_outbox(
            pulled, FakeApi(_reply("5b1f6a56-0000-4000-8000-000000000000", ids)), SyncSummary()
        )
    assert len(pulled.pending_changesets()) == 1


def test_clerks_push_papi():
    assert mode_for("clerk") == "PAPI" and mode_for("enumerator") == "CAPI"


@pytest.mark.parametrize(
    "argv, headless",
    [
        ([], False),
        (["--demo"], False),
        (["--version"], False),
        (["--self-check"], False),
        (["pull"], True),
        (["--profile", "/tmp/p", "status"], True),
        (["--profile=/tmp/p", "sync"], True),
        (["--help"], True),
    ],
)
def test_commands_go_headless_and_the_rest_to_the_window(argv, headless):
    assert cli._headless(argv) is headless


def test_login_without_a_server_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["login", "--profile", str(tmp_path), "--password-stdin"]) == 2
    assert "--server" in capsys.readouterr().err


def test_status_before_any_login_says_to_log_in_online(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("x\n"))
    assert cli.main(["status", "--profile", str(tmp_path), "--password-stdin"]) == 1
    assert "first login needs the server" in capsys.readouterr().err
