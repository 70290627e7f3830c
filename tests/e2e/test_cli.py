"""`capi login/pull/push/status` as a supervisor's script runs them: subprocess, stdin password."""

from __future__ import annotations

import re
import subprocess
import sys

from e2e_helpers import edit_many
from server_process import PASSWORD

from capi_app.account import unlock_offline


def capi(*args: str, password: str | None = PASSWORD, profile=None) -> subprocess.CompletedProcess:
    """Run `capi` in a child process, the password on stdin."""
    argv = [sys.executable, "-m", "capi_app.cli", *args]
    if profile is not None:
        argv += ["--profile", str(profile.dir), "--password-stdin"]
    return subprocess.run(
        argv,
        input=None if password is None else password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_login_pull_push_status(profile, small_server):
    r = capi("login", "--server", small_server.url, "--user", "enum1", profile=profile)
    assert r.returncode == 0, r.stderr
    assert "logged in as enum1 (enumerator)" in r.stdout

    r = capi("pull", profile=profile)
    assert r.returncode == 0, r.stderr
    pulled = int(re.search(r"pulled (\d+) households", r.stdout).group(1))
    assert pulled == small_server.reaching_desa()

    session = unlock_offline(profile, PASSWORD)
    ids = [h.household_id for h in session.store.list_households(limit=5)]
    edit_many(session.store, ids)
    session.close()

    r = capi("status", profile=profile)
    assert r.returncode == 0, r.stderr
    assert "finalized    5" in r.stdout and "last sync:" in r.stdout

    r = capi("push", profile=profile)
    assert r.returncode == 0, r.stderr
    assert "pushed 5 households in 1 change-sets: 5 applied" in r.stdout

    r = capi("status", profile=profile)
    assert "synced       5" in r.stdout
    assert "change-sets waiting for the server: 0" in r.stdout


def test_wrong_password_exits_1_with_a_message(profile, small_server):
    assert (
        capi("login", "--server", small_server.url, "--user", "enum1", profile=profile).returncode
        == 0
    )
    r = capi("status", profile=profile, password="salah")
    assert r.returncode == 1
    assert "wrong password" in r.stderr and "Traceback" not in r.stderr
    r = capi(
        "login", "--server", small_server.url, "--user", "enum1", profile=profile, password="salah"
    )
    assert r.returncode == 1 and "Traceback" not in r.stderr


def test_usage_errors_exit_2(profile, tmp_path):
    r = capi("login", profile=profile)  # a fresh profile knows no server
    assert r.returncode == 2 and "--server" in r.stderr
    r = capi("pull", "--no-such-option", password=None)
    assert r.returncode == 2


def test_unreachable_server_exits_1(profile, small_server):
    assert (
        capi("login", "--server", small_server.url, "--user", "enum1", profile=profile).returncode
        == 0
    )
    small_server.stop()
    r = capi("sync", profile=profile)
    assert r.returncode == 1 and "cannot reach the server" in r.stderr


def test_sync_rides_out_a_reply_cut_midway_and_exits_0(profile, small_server, proxy):
    assert capi("login", "--server", proxy.url, "--user", "enum1", profile=profile).returncode == 0
    assert capi("pull", profile=profile).returncode == 0
    session = unlock_offline(profile, PASSWORD)
    ids = [h.household_id for h in session.store.list_households(limit=3)]
    edit_many(session.store, ids)
    session.close()
    cut = proxy.cut(b"POST /api/v1/changesets", "reply_body", after=20)

    r = capi("sync", profile=profile)

    assert r.returncode == 0, r.stderr
    assert cut.done == 1 and "IncompleteRead" not in r.stderr
    assert "pushed 3 households in 1 change-sets: 3 applied" in r.stdout
    assert small_server.query("SELECT count(*) FROM changesets") == [(1,)]


def test_without_a_terminal_the_password_is_asked_for_on_stdin_not_crashed_on(
    profile, small_server
):
    assert capi("login", "--server", small_server.url, "--user", "enum1", profile=profile)
    r = subprocess.run(
        [sys.executable, "-m", "capi_app.cli", "status", "--profile", str(profile.dir)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert r.returncode == 2
    assert "EOFError" not in r.stderr and "Traceback" not in r.stderr
    assert "--password-stdin" in r.stderr and r.stderr.startswith("capi status: no terminal")


def test_an_unknown_command_names_the_commands(tmp_path):
    for argv in (["foo"], ["--profile", str(tmp_path), "stauts"]):
        r = capi(*argv, password=None)
        assert r.returncode == 2
        assert "is not a command" in r.stderr
        assert "login, pull, push, sync, status, bundle, relay" in r.stderr
        assert "--demo" in r.stderr and "unrecognized arguments" not in r.stderr


def test_a_refused_connection_is_one_clean_line(profile):
    r = capi("login", "--server", "http://127.0.0.1:9", "--user", "enum1", profile=profile)
    assert r.returncode == 1
    line = r.stderr.strip()
    assert line.endswith("[Errno 111] Connection refused"), line
    assert '"' not in line and "')" not in line


def test_help_says_where_the_profile_is_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("VERIVALI_PROFILE", str(tmp_path / "laptop-profile"))
    for argv in (["--help"], ["pull", "--help"], ["status", "--help"]):
        r = capi(*argv, password=None)
        text = "".join(r.stdout.split())  # help wraps long paths, also at their hyphens
        assert r.returncode == 0 and "(default:None)" not in text
        assert f"default:{tmp_path / 'laptop-profile'}" in text, argv


def test_pull_reports_only_what_it_did(profile, small_server):
    capi("login", "--server", small_server.url, "--user", "enum1", profile=profile)
    r = capi("pull", profile=profile)
    assert r.returncode == 0, r.stderr
    assert "pulled" in r.stdout and "pushed" not in r.stdout and "photos:" not in r.stdout
    r = capi("status", profile=profile)
    (last,) = [line for line in r.stdout.splitlines() if line.startswith("last sync:")]
    assert "(pull, ok): received" in last and "sent" not in last and "push" not in last
    assert "_pythonToCppCopy" not in r.stderr + capi("pull", profile=profile).stderr
