"""`capi`: the desktop client, and headless commands for supervisors and scripts.

capi login --server https://dinsos.example --user enum1 --password-stdin < pw.txt
capi pull | push | sync | status  [--profile DIR] [--password-stdin]
capi bundle export --out FILE | bundle import FILE | relay FILE... [--replies DIR]
capi                              (the window; also --demo, --version, --self-check)

Exit codes: 0 done, 1 failed (or the server refused something), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from capi_app.profile import Profile, default_profile_dir

_PROFILE_HELP = (
    f"profile directory: the users' encrypted data (default: {default_profile_dir()}; "
    "$VERIVALI_PROFILE changes it)"
)
COMMANDS = ("login", "pull", "push", "sync", "status", "bundle", "relay", "lan-sync", "lan-relay")
_HELP = ("-h", "--help")


def _password(args, prompt: str) -> str:
    """The password from standard input (--password-stdin), else asked at the terminal."""
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise _Usage("--password-stdin: no password on standard input")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        # getpass would fall back to reading stdin with a warning, then fail with EOFError.
        raise _Usage(
            "no terminal to ask for the password: give it on standard input with "
            "--password-stdin (capi status --password-stdin < password.txt)"
        )
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise _Usage("no password given") from None


class _Usage(Exception):
    """A problem with how the command was called (exit 2)."""


def _profile(args) -> Profile:
    return Profile(args.profile or default_profile_dir())


def _progress(phase: str, done: int, total: int | None) -> None:
    of = f"/{total}" if total is not None else ""
    print(f"\r{phase}: {done}{of}   ", end="", file=sys.stderr, flush=True)


def _unlock(args):
    from capi_app.account import unlock_offline

    profile = _profile(args)
    user = args.user or profile.settings.username
    return unlock_offline(profile, _password(args, f"password for {user}: "), user)


def cmd_login(args) -> int:
    """Log in online; the first login sets up the profile."""
    from capi_app.account import PasswordOutOfDate, login_online

    profile = _profile(args)
    server = args.server or profile.settings.server_url
    user = args.user or profile.settings.username
    if not server or not user:
        raise _Usage("give --server URL and --user NAME (no earlier login in this profile)")
    if args.ca_bundle:
        profile.settings.ca_bundle = args.ca_bundle
        profile.save()
    password = _password(args, f"password for {user} at {server}: ")
    try:
        session = login_online(profile, server, user, password)
    except PasswordOutOfDate as e:
        print(f"capi login: {e}", file=sys.stderr)
        old = _password(args, "previous password on this device: ")
        session = login_online(profile, server, user, password, old_password=old)
    try:
        creds = session.credentials
        print(f"logged in as {creds.username} ({creds.role}) at {creds.server_url}")
        print(f"scopes: {', '.join(creds.scopes) or '-'}; login valid until {creds.expires_at}")
        print(f"profile: {profile.dir}")
    finally:
        session.close()
    return 0


def _sync(args, phases: tuple[str, ...]) -> int:
    from capi_app.sync.session import run_sync

    session = _unlock(args)
    try:
        progress = _progress if sys.stderr.isatty() else None
        try:
            summary = run_sync(session, progress=progress, phases=phases)
        finally:
            if progress:
                print(file=sys.stderr)
        for line in summary.lines(phases):
            print(line)
        for message in summary.messages:
            print(f"  {message}")
        return 0 if summary.ok else 1
    finally:
        session.close()


def cmd_pull(args) -> int:
    """Download assignments and households changed since the last pull."""
    return _sync(args, ("pull",))


def cmd_push(args) -> int:
    """Upload photos, then send finalized households."""
    return _sync(args, ("photos", "push"))


def cmd_sync(args) -> int:
    """Pull, upload photos, push."""
    return _sync(args, ("pull", "photos", "push"))


def _last_sync_line(store) -> str:
    """The newest sync of the sync log in one line, naming only what that kind does."""
    from capi_app.store import sync_log

    kept = sync_log.entries(store.db, limit=1)
    if not kept:
        return "last sync: never"
    e = kept[0]
    done = []
    if e.kind in ("sync", "pull", "bundle_import"):
        done.append(f"received {e.received} households")
    if e.kind in ("sync", "push"):
        done.append(f"sent {e.households_sent} households")
    if e.kind == "bundle_import":
        done.append(f"answers for {e.households_sent} households")
    if e.kind == "bundle_export":
        done.append(f"bundled {e.households_sent} households")
    error = f"; {e.error}" if e.error else ""
    return f"last sync: {e.finished_at} ({e.kind}, {e.outcome}): {', '.join(done)}{error}"


def cmd_status(args) -> int:
    """Households per state, waiting change-sets, last sync."""
    session = _unlock(args)
    try:
        store, creds = session.store, session.credentials
        if creds:
            valid = "expired" if creds.expired() else f"valid until {creds.expires_at}"
            print(f"user: {creds.username} ({creds.role}) at {creds.server_url}; login {valid}")
        else:
            print(f"user: {session.username}; not logged in to a server (capi login)")
        print(f"profile: {session.profile.dir}")
        counts = store.counts_by_state()
        print(f"households: {sum(counts.values())}")
        for state, n in counts.items():
            print(f"  {state:<12} {n}")
        print(f"change-sets waiting for the server: {len(store.pending_changesets())}")
        print(_last_sync_line(store))
        return 0
    finally:
        session.close()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the headless `capi` commands."""
    p = argparse.ArgumentParser(
        prog="capi",
        description="Verivali client. Without a command it opens the window.",
        epilog="Window options: capi [--demo [--user NAME]] [--lang id|en] [--version] "
        "[--self-check]",
    )
    p.add_argument("--profile", metavar="DIR", help=_PROFILE_HELP)
    p.set_defaults(profile=None)
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a --profile given before the command is not overwritten by the default here.
    common.add_argument("--profile", metavar="DIR", default=argparse.SUPPRESS,
                        help=_PROFILE_HELP)  # fmt: skip
    common.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    common.add_argument(
        "--user",
        metavar="NAME",
        help="user name (default: the last user of the profile; each user's data is their own)",
    )
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("login", parents=[common], help="log in online (first time: set up)")
    s.add_argument("--server", metavar="URL", help="sync server address")
    s.add_argument("--ca-bundle", metavar="FILE", help="CA certificates to trust (PEM)")
    s.set_defaults(func=cmd_login)
    for name, func in (
        ("pull", cmd_pull),
        ("push", cmd_push),
        ("sync", cmd_sync),
        ("status", cmd_status),
    ):
        s = sub.add_parser(name, parents=[common], help=func.__doc__.rstrip("."))
        s.set_defaults(func=func)
    from capi_app.bundle_cli import add_commands

    add_commands(sub, common, _with_session)
    return p


def _with_session(command):
    """A command run with the unlocked session (closed after it)."""

    def run(args) -> int:
        session = _unlock(args)
        try:
            return command(args, session)
        finally:
            session.close()

    run.__doc__ = command.__doc__
    return run


def _headless(argv: list[str]) -> bool:
    """True when argv names a headless command (or asks for its help)."""
    rest = list(argv)
    while rest and rest[0].startswith("--profile"):
        rest = rest[1:] if "=" in rest[0] else rest[2:]
    return bool(rest) and (rest[0] in COMMANDS or rest[0] in _HELP)


WINDOW_VALUE_OPTIONS = ("--profile", "--user", "--lang")
"""Options of the window (ui/app.py) that take a value: the word after them is no command."""


def _unknown_command(argv: list[str]) -> str | None:
    """The first word that is neither an option, an option's value nor a command, if any."""
    words = iter(argv)
    for word in words:
        if word in WINDOW_VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return None if word in COMMANDS else word
    return None


def _errors() -> tuple[type[BaseException], ...]:
    from capi_app.account import AccountError
    from capi_app.store import KeyFileError, StoreError, WrongKey, WrongPassword
    from capi_app.sync.errors import SyncError

    return (AccountError, SyncError, WrongPassword, KeyFileError, StoreError, WrongKey, OSError)


def main(argv: list[str] | None = None) -> int:
    """Run `capi` with argv; return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    unknown = _unknown_command(argv)
    if unknown is not None:
        print(
            f"capi: {unknown!r} is not a command; the commands are {', '.join(COMMANDS)} "
            "(capi COMMAND --help says more); without a command, capi opens the window "
            "(capi --demo, --self-check, --version; see capi --help)",
            file=sys.stderr,
        )
        return 2
    if not _headless(argv):
        from capi_app.ui.app import main as ui_main  # only the window needs Qt

        return ui_main(argv)
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except _Usage as e:
        print(f"capi {args.command}: {e}", file=sys.stderr)
        return 2
    except _errors() as e:
        print(f"capi {args.command}: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"capi {args.command}: interrupted; what finished stays done", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
