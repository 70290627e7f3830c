"""`sync-server`: the server's command line; each command mirrors one service function.

sync-server init --data-dir /srv/verivali
sync-server import-prelist prelist/ --data-dir /srv/verivali
sync-server add-user enum1 --role enumerator --scope 32.04.12.2002 --password-stdin
sync-server assign enum1 --scope 32.04.12.2002 --round 2026-11
sync-server round 2026-12 --scope 73.71
sync-server round-window 2026-12 pengesahan --closes 2026-12-29 --scope 73.71
sync-server serve --host 0.0.0.0 --port 8443 --certfile cert.pem --keyfile key.pem
"""

import argparse
import getpass
import os
import sys
import time
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from dtks.findings import STATUSES as REQUEST_STATUSES
from dtks.tasks import REQUEST_KINDS
from sync_server.errors import ServerError
from sync_server.roles import ROLES
from sync_server.services.assignments import DEFAULT_FORM_VERSION
from sync_server.settings import Settings

DEMO_PASSWORD = "verivali-demo"
DEMO_DESA = "32.04.12.2002"


def demo_round() -> str:
    """The demo's round: the month the server's clock is in (WIB), so its windows are open."""
    from dtks.cycle import WIB, round_of
    from sync_server import clock

    return round_of(clock.current().astimezone(WIB.tzinfo).date())


def _settings(args) -> Settings:
    return Settings.resolve(db=args.db, data_dir=args.data_dir)


def _engine(args, migrate: bool = True):
    from sync_server.db.engine import make_engine
    from sync_server.db.migrate import is_initialised, upgrade

    engine = make_engine(_settings(args).db_url)
    if migrate:
        upgrade(engine)
    elif not is_initialised(engine):
        raise ServerError("the database has no schema yet: run `sync-server init` first")
    return engine


def cmd_init(args) -> int:
    """Create or upgrade the database schema."""
    settings = _settings(args)
    _engine(args)
    settings.prepare_data_dir()
    print(f"database ready: {_safe_url(settings.db_url)}")
    print(f"data directory: {settings.data_dir}")
    return 0


def _count(text: str) -> int:
    """A whole number of 0 or more (argparse type)."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more")
    return int(text)


def cmd_import(args) -> int:
    """Import a pre-list directory."""
    from dtks.review import FLAG_VALIDATION_WARNING
    from sync_server.services.prelist_import import import_prelist

    engine = _engine(args)
    directory = Path(args.directory)
    report = Path(args.report) if args.report else directory / "import-report.csv"
    started = time.monotonic()

    shown = {"step": None}

    def progress(step, done, total):
        if shown["step"] not in (None, step):
            print(file=sys.stderr)
        shown["step"] = step
        if step.startswith("reading"):
            text = f"{step}: {100 * done // max(total, 1)} %"
        else:
            text = f"{step}: {done}/{total}"
        print(f"\r{text}", end="", file=sys.stderr, flush=True)

    result = import_prelist(engine, directory, report, progress, args.workers)
    print(file=sys.stderr)
    if result.resumed:
        print(f"resumed the interrupted import run {result.run_id}")
    print(
        f"households: {result.households_new} new, {result.households_updated} updated, "
        f"{result.households_unchanged} unchanged; members: {result.members_new} new, "
        f"{result.members_updated} updated; {result.rejected} rows rejected, "
        f"{result.flagged} flagged {FLAG_VALIDATION_WARNING} "
        f"({time.monotonic() - started:.1f} s)"
    )
    if result.rejected or result.flagged:
        print(f"they are listed in {report}")
    return 0


def _read_password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(f"password for {args.name}: ")
    if first != getpass.getpass("again: "):
        raise ServerError("the two passwords differ")
    return first


def cmd_import_requests(args) -> int:
    """Import usul warga, sanggahan and usulan Kemensos from a CSV (docs/cycle.md)."""
    from sync_server.services.citizen_requests import import_requests

    engine = _engine(args)
    result = import_requests(engine, Path(args.file))
    for line in result.errors:
        print(line, file=sys.stderr)
    for line in result.attached:
        print(line)
    print(
        f"requests: {result.new} new, {result.known} already imported, "
        f"{len(result.errors)} rows refused; {result.proposed} proposed households to visit, "
        f"{len(result.attached)} requests given to a household already held"
    )
    return 1 if result.errors else 0


def _round(text: str) -> str:
    """A YYYY-MM round argument (dtks.cycle.ROUND_PATTERN)."""
    import re

    from dtks.cycle import ROUND_PATTERN

    if not re.match(ROUND_PATTERN, text):
        raise argparse.ArgumentTypeError(f"{text} is not a round written YYYY-MM")
    return text


REQUEST_COLUMNS = (
    "reference", "kind", "date", "status", "household_id", "kode_wilayah", "nik", "name",
    "reason", "programme", "temuan_hasil", "temuan_alasan", "collected_by", "collected_at",
)  # fmt: skip


def cmd_requests(args) -> int:
    """List requests with their household, status and finding as CSV (as GET /requests)."""
    import csv

    from sync_server.scopes import normalise_scope
    from sync_server.services.citizen_requests import listed

    engine = _engine(args)
    scopes = [normalise_scope(args.scope) if args.scope else ""]
    out = csv.writer(sys.stdout)
    out.writerow(REQUEST_COLUMNS)
    offset, page = 0, 1000
    with engine.connect() as conn:
        while True:
            found = listed(conn, scopes, args.round, args.kind, args.status, page, offset)
            for r in found["requests"]:
                f = r["finding"] or {}
                row = r | {"temuan_hasil": f.get("result"), "temuan_alasan": f.get("reason")}
                row |= {k: f.get(k) for k in ("collected_by", "collected_at")}
                out.writerow(["" if row[c] is None else row[c] for c in REQUEST_COLUMNS])
            offset += page
            if offset >= found["total"]:
                return 0


def cmd_add_user(args) -> int:
    """Create a user."""
    from sync_server.services.users import create_user

    engine = _engine(args)
    password = _read_password(args)
    with engine.begin() as conn:
        user = create_user(conn, args.name, args.role, args.scope, password)
    scopes = ", ".join(s or "national" for s in user.scopes)
    print(f"user {user.username} ({user.role}) created, scopes {scopes}")
    return 0


def cmd_passwd(args) -> int:
    """Set a user's password (revokes their tokens)."""
    from sync_server.services.users import set_password

    engine = _engine(args)
    password = _read_password(args)
    with engine.begin() as conn:
        set_password(conn, args.name, password)
    print(f"password of {args.name} changed; their devices must log in again")
    return 0


def cmd_assign(args) -> int:
    """Assign a user a scope for a round."""
    from sync_server.services.assignments import assign

    engine = _engine(args)
    with engine.begin() as conn:
        a = assign(conn, args.name, args.scope, args.round, args.form, args.form_version)
    print(
        f"assignment {a.id}: {args.name}, round {a.round}, scope {a.scope}, form {a.form_id} {a.form_version}"
    )
    return 0


def cmd_round(args) -> int:
    """Print a round's windows and deadlines for a region (GET /rounds/{round})."""
    from sync_server.services import cycle

    engine = _engine(args)
    plain = _scope_arg(args.scope)
    with engine.connect() as conn:
        cal = cycle.calendar(conn, args.round, plain)
    _print_calendar(cal, plain)
    return 0


def cmd_round_window(args) -> int:
    """Change (or with --reset drop) one window of a round for the regions under --scope."""
    from sync_server.services import cycle

    engine = _engine(args)
    plain = _scope_arg(args.scope)
    with engine.begin() as conn:
        if args.reset:
            cycle.reset_window(conn, args.round, args.activity, plain)
            cal = cycle.calendar(conn, args.round, plain)
        else:
            if not args.closes:
                raise ServerError("give --closes YYYY-MM-DD (or --reset)")
            closes, opens = _date_arg("--closes", args.closes), _date_arg("--opens", args.opens)
            cal = cycle.set_window(conn, args.round, args.activity, plain, closes, opens)
    _print_calendar(cal, plain)
    return 0


def _scope_arg(text: str | None) -> str:
    from sync_server.scopes import normalise_scope

    return normalise_scope(text) if text else ""


def _date_arg(option: str, text: str | None):
    from datetime import date

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ServerError(f"{option} {text!r}: write the date YYYY-MM-DD") from None


def _print_calendar(cal, scope: str) -> None:
    from dtks.wilayah import dotted

    print(f"round {cal.round}, {dotted(scope) if scope else 'national'}: {cal.timezone}")
    for activity, window in cal.windows.items():
        opens = window.opens.isoformat() if window.opens else "start of round"
        print(
            f"  {activity:<11} {opens} .. {window.closes.isoformat()}  "
            f"deadline {cal.deadline(activity).isoformat()}"
        )


def cmd_revoke(args) -> int:
    """Revoke a user's tokens (one device or all)."""
    from sync_server.services.users import revoke_tokens

    engine = _engine(args)
    with engine.begin() as conn:
        n = revoke_tokens(conn, args.name, args.device)
    print(
        f"revoked {n} token(s) of {args.name}"
        + (f" on device {args.device}" if args.device else "")
    )
    return 0


def cmd_export(args) -> int:
    """Export a round's results as CSV or XLSX (the same rows as GET /exports/results)."""
    from sync_server.scopes import normalise_scope
    from sync_server.services.exports import export_file

    engine = _engine(args)
    scopes = [normalise_scope(args.scope)] if args.scope else None
    n = export_file(engine, args.round, Path(args.out), scopes, args.verified_only)
    print(f"{n} households written to {args.out}")
    return 0


def cmd_export_prelist(args) -> int:
    """Write the next round's pre-list (households.csv, members.csv) from the established data."""
    from sync_server.scopes import normalise_scope
    from sync_server.services.prelist_export import export_prelist

    engine = _engine(args)
    scopes = [normalise_scope(args.scope)] if args.scope else None
    n, m = export_prelist(engine, Path(args.out), scopes, args.round)
    print(f"{n} established households and {m} members written to {args.out}")
    return 0


def _exit_when_stdin_closes() -> None:
    """End the server (as SIGTERM would, gracefully) once standard input reaches its end: the
    process that started it with a pipe there has ended, however it ended (normal exit, a
    crash, SIGTERM, SIGKILL: the system closes its end of the pipe). The demo's client starts
    its server so, which then never outlives it."""
    import signal
    import threading

    def watch() -> None:
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except (OSError, ValueError):
            pass
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="exit-with-stdin", daemon=True).start()


def cmd_serve(args) -> int:
    """Run the HTTP server (migrates first)."""
    import uvicorn

    from sync_server.api.client_address import parse_proxies
    from sync_server.app import create_app, serve_environment

    if bool(args.certfile) != bool(args.keyfile):
        raise ServerError("give both --certfile and --keyfile for TLS")
    try:
        proxies = tuple(str(n) for n in parse_proxies(args.trust_proxy or ()))
    except ValueError as e:
        raise ServerError(str(e)) from None
    settings = Settings.resolve(db=args.db, data_dir=args.data_dir, trusted_proxies=proxies)
    if args.exit_with_stdin:
        _exit_when_stdin_closes()
    if args.workers > 1:  # processes share nothing but the database (docs/server.md)
        create_app(settings)  # migrate and check once, before the workers start
        os.environ.update(serve_environment(settings))
        app, extra = "sync_server.app:app_from_environment", {"factory": True}
    else:
        app, extra = create_app(settings), {}
    uvicorn.run(
        app,
        workers=args.workers,
        **extra,
        host=args.host,
        port=args.port,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        log_level=args.log_level,
        timeout_graceful_shutdown=10,
        # The app reads X-Forwarded-For itself, from --trust-proxy only (api/client_address);
        # uvicorn's own default would believe it from 127.0.0.1.
        proxy_headers=False,
        forwarded_allow_ips="",
    )
    return 0


def cmd_demo(args) -> int:
    """Set up a demo: sample pre-list of one desa, users, assignments."""
    from dtks.sample import write_prelist
    from sync_server.services.assignments import assign
    from sync_server.services.prelist_import import import_prelist
    from sync_server.services.users import create_user

    directory = Path(args.dir)
    if args.data_dir is None and args.db is None:
        args.data_dir = str(directory / "server-data")
    engine = _engine(args)
    prelist = directory / "prelist"
    write_prelist(prelist, args.households, DEMO_DESA, seed=args.seed)
    result = import_prelist(engine, prelist, directory / "import-report.csv")
    people = [
        ("enum1", "enumerator", DEMO_DESA),
        ("enum2", "enumerator", DEMO_DESA),
        ("clerk1", "clerk", DEMO_DESA),
        ("super1", "supervisor", "32.04.12"),
        ("reviewer1", "reviewer", "32.04"),
        ("admin1", "admin", "32"),
        ("prov1", "reviewer", "32"),
        ("kemensos1", "reviewer", "national"),
    ]
    with engine.begin() as conn:
        from sync_server.services.users import get_user

        for name, role, scope in people:
            try:
                get_user(conn, name)
            except ServerError:
                create_user(conn, name, role, [scope], DEMO_PASSWORD)
        for name in ("enum1", "enum2", "clerk1"):
            assign(conn, name, DEMO_DESA, demo_round())
    settings = _settings(args)
    print(
        f"pre-list: {prelist} ({result.households_new + result.households_updated + result.households_unchanged} households, {result.rejected} rows rejected)"
    )
    print(f"data directory: {settings.data_dir}")
    print(f"users (password '{DEMO_PASSWORD}'): " + ", ".join(f"{n} ({r})" for n, r, _ in people))
    print("start the server:")
    print(f"  sync-server serve --data-dir {settings.data_dir} --port 8000")
    print("log in:")
    print(
        "  curl -s -X POST http://127.0.0.1:8000/api/v1/auth/token -H 'Content-Type: application/json' "
        f'-d \'{{"username": "enum1", "password": "{DEMO_PASSWORD}", "device_id": "0b7c3d1e-1111-4a4a-8b8b-000000000001"}}\''
    )
    return 0


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `sync-server`."""
    common = argparse.ArgumentParser(add_help=False)
    where = common.add_argument_group("database")
    where.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: SQLite in the data dir); "
        "e.g. postgresql+psycopg://user:pass@host/db",
    )
    where.add_argument(
        "--data-dir", metavar="DIR", help="data directory (default: $XDG_DATA_HOME/verivali-server)"
    )
    p = argparse.ArgumentParser(prog="sync-server", description="Verivali sync server")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("init", parents=[common], help="create or upgrade the database")
    s.set_defaults(func=cmd_init)

    s = sub.add_parser(
        "import-prelist", parents=[common], help="import households.csv + members.csv"
    )
    s.add_argument("directory")
    s.add_argument(
        "--report", metavar="FILE", help="bad-rows CSV (default DIRECTORY/import-report.csv)"
    )
    s.add_argument(
        "--workers",
        type=_count,
        metavar="N",
        help="worker processes checking lines and running the anomaly rules beside the "
        "importing one (0: one process; default: 1 when the machine has a free second core "
        "and the files hold 1 MB or more)",
    )
    s.set_defaults(func=cmd_import)

    s = sub.add_parser(
        "import-requests",
        parents=[common],
        help="import usul warga, sanggahan and usulan Kemensos from a CSV",
    )
    s.add_argument("file")
    s.set_defaults(func=cmd_import_requests)

    s = sub.add_parser(
        "requests",
        parents=[common],
        help="list requests with their household, status and finding as CSV (GET /requests)",
    )
    s.add_argument("--scope", metavar="CODE", help="only this wilayah (default: all)")
    s.add_argument(
        "--round", type=_round, metavar="YYYY-MM", help="only requests dated in that month"
    )
    s.add_argument("--kind", choices=REQUEST_KINDS)
    s.add_argument("--status", choices=REQUEST_STATUSES)
    s.set_defaults(func=cmd_requests)

    for name, func, text in (
        ("add-user", cmd_add_user, "create a user"),
        ("passwd", cmd_passwd, "set a password"),
    ):
        s = sub.add_parser(name, parents=[common], help=text)
        s.add_argument("name")
        if name == "add-user":
            s.add_argument("--role", required=True, choices=ROLES)
            s.add_argument(
                "--scope",
                required=True,
                nargs="+",
                metavar="CODE",
                help="kode wilayah prefixes; 'national' for the whole country (Kemensos). "
                "A reviewer's level follows: 4+ digits kabkota, 2 provinsi, national kemensos",
            )
        s.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
        s.set_defaults(func=func)

    s = sub.add_parser("assign", parents=[common], help="assign a user a scope for a round")
    s.add_argument("name")
    s.add_argument("--scope", required=True, metavar="CODE")
    s.add_argument("--round", required=True, metavar="YYYY-MM")
    s.add_argument("--form", default="verivali_dtks", metavar="FORM_ID")
    s.add_argument("--form-version", default=DEFAULT_FORM_VERSION, metavar="VERSION")
    s.set_defaults(func=cmd_assign)

    s = sub.add_parser("round", parents=[common], help="show a round's windows and deadlines")
    s.add_argument("round", metavar="YYYY-MM")
    s.add_argument("--scope", metavar="CODE", help="a region (its province sets the time zone)")
    s.set_defaults(func=cmd_round)

    s = sub.add_parser("round-window", parents=[common], help="change a window of a round")
    s.add_argument("round", metavar="YYYY-MM")
    s.add_argument("activity", choices=("pbi", "bnba", "usulan", "pengesahan"))
    s.add_argument("--opens", metavar="YYYY-MM-DD", help="first day (default: the 1st)")
    s.add_argument("--closes", metavar="YYYY-MM-DD", help="last day, inclusive, local time")
    s.add_argument("--scope", metavar="CODE", help="regions under this code (default: all)")
    s.add_argument("--reset", action="store_true", help="back to the wider or default window")
    s.set_defaults(func=cmd_round_window)

    s = sub.add_parser("revoke", parents=[common], help="revoke a user's tokens")
    s.add_argument("name")
    s.add_argument("--device", metavar="DEVICE_ID", help="only this device's tokens")
    s.set_defaults(func=cmd_revoke)

    s = sub.add_parser("serve", parents=[common], help="run the HTTP server")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--certfile", help="TLS certificate (PEM)")
    s.add_argument("--keyfile", help="TLS private key (PEM)")
    s.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    s.add_argument(
        "--trust-proxy",
        nargs="+",
        metavar="ADDR",
        help="reverse proxies (addresses or networks, e.g. 127.0.0.1 10.8.0.0/16) whose "
        "X-Forwarded-For names the client; default: none, the header is ignored",
    )
    s.add_argument(
        "--workers",
        type=_count,
        default=1,
        help="server processes (several need PostgreSQL to run writes side by side; default 1)",
    )
    s.add_argument(
        "--exit-with-stdin",
        action="store_true",
        help="stop when standard input closes (the process that started the server, with a "
        "pipe there, has ended: the desktop demo does so)",
    )
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("export", parents=[common], help="export a round's results as CSV or XLSX")
    s.add_argument("--round", required=True, metavar="YYYY-MM")
    s.add_argument("--out", required=True, metavar="FILE.csv|FILE.xlsx")
    s.add_argument("--scope", metavar="CODE", help="only this wilayah (default: the whole round)")
    s.add_argument(
        "--verified-only",
        action="store_true",
        help="only households verified in the round, as GET /exports/results "
        "(default: also those of the round's assignments not verified yet)",
    )
    s.set_defaults(func=cmd_export)

    s = sub.add_parser(
        "export-prelist",
        parents=[common],
        help="write the next round's pre-list from the established data of record",
    )
    s.add_argument("--out", required=True, metavar="DIR", help="gets households.csv, members.csv")
    s.add_argument("--scope", metavar="CODE", help="only this wilayah (default: all)")
    s.add_argument("--round", metavar="YYYY-MM", help="only records established in this round")
    s.set_defaults(func=cmd_export_prelist)

    s = sub.add_parser("demo", parents=[common], help="set up a demo desa with users")
    s.add_argument("--dir", required=True, help="where the pre-list and (by default) the data go")
    s.add_argument("--households", type=int, default=300)
    s.add_argument("--seed", type=int, default=1)
    s.set_defaults(func=cmd_demo)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run `sync-server` with argv; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ServerError as e:
        print(f"sync-server {args.command}: {e.message}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"sync-server {args.command}: {e}", file=sys.stderr)
        return 1
    except SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
        print(f"sync-server {args.command}: database error: {reason}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
