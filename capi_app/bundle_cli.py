"""`capi bundle export|import` and `capi relay`: the bundle commands of the `capi` CLI.

capi bundle export --out /media/usb/enum1.vvb      (offline: what a sync would send)
capi bundle import /media/usb/enum1.reply.vvb      (applies the reply as a sync would)
capi relay /media/usb/*.vvb [--replies DIR]        (a supervisor, online)
capi lan-relay --folder DIR [--host H --port P]    (a supervisor: laptops send to it on the LAN)
capi lan-sync --relay http://192.168.1.10:8765     (an enumerator, on the office Wi-Fi)
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path


def add_commands(sub, common, set_up) -> None:
    """Add the bundle and relay commands to the CLI's sub-parsers."""
    s = sub.add_parser("bundle", parents=[common], help="sync by file: export or import a bundle")
    verbs = s.add_subparsers(dest="verb", required=True)
    e = verbs.add_parser("export", parents=[common], help="write a push bundle (works offline)")
    e.add_argument("--out", metavar="FILE", required=True, help="the .vvb file to write")
    e.set_defaults(func=set_up(cmd_bundle_export))
    i = verbs.add_parser("import", parents=[common], help="apply a reply bundle")
    i.add_argument("file", metavar="FILE", help="the .reply.vvb file")
    i.set_defaults(func=set_up(cmd_bundle_import))
    r = sub.add_parser("relay", parents=[common], help="upload bundles and save their replies")
    r.add_argument("files", metavar="FILE", nargs="+", help="push bundles (.vvb)")
    r.add_argument("--replies", metavar="DIR", help="where replies go (default: beside each)")
    r.set_defaults(func=set_up(cmd_relay))
    n = sub.add_parser(
        "lan-sync", parents=[common], help="sync through the office's LAN relay (no uplink)"
    )
    n.add_argument("--relay", metavar="URL", required=True, help="the supervisor's LAN relay")
    n.add_argument("--again", action="store_true", help="send a bundle even if one is waiting")
    n.set_defaults(func=set_up(cmd_lan_sync))
    lr = sub.add_parser("lan-relay", help="a supervisor: take laptops' bundles on the LAN")
    lr.add_argument("--folder", metavar="DIR", required=True, help="where bundles are kept")
    lr.add_argument("--host", default="0.0.0.0", help="address to listen on (default all)")
    lr.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    lr.set_defaults(func=cmd_lan_relay)


def cmd_bundle_export(args, session) -> int:
    """Write a push bundle of the pending change-sets and photos."""
    from capi_app.sync.bundles import export_bundle

    result = export_bundle(session, Path(args.out))
    print(
        f"wrote {result.path} ({result.size} bytes): {result.households} households in "
        f"{result.changesets} change-sets, {result.photos} photos; bundle {result.bundle_id}"
    )
    return 0


def cmd_bundle_import(args, session) -> int:
    """Apply a reply bundle (refused when it is another device's)."""
    from capi_app.sync.bundles import import_reply

    result = import_reply(session, Path(args.file))
    for line in result.summary.lines():
        print(line)
    for message in result.summary.messages:
        print(f"  {message}")
    for assignment in result.skipped_assignments:
        print(f"  assignment {assignment}: pulled since the bundle was made; left to the next sync")
    return 0 if result.summary.ok else 1


def cmd_relay(args, session) -> int:
    """Upload each push bundle and save its reply (a supervisor, online)."""
    from capi_app.sync.bundles import relay

    replies = Path(args.replies) if args.replies else None
    results = relay(session.api, [Path(f) for f in args.files], replies)
    for r in results:
        if r.ok:
            print(f"{r.source}: relayed, {r.message}; reply {r.reply}")
        else:
            print(f"{r.source}: refused, nothing applied: {r.message}", file=sys.stderr)
    ok = sum(1 for r in results if r.ok)
    for source in args.files[len(results) :]:
        print(f"{source}: not tried (the relay stopped); run the command again", file=sys.stderr)
    print(f"{ok} of {len(args.files)} bundles relayed")
    return 0 if ok == len(args.files) else 1


def cmd_lan_sync(args, session) -> int:
    """Import the replies due from the LAN relay, then send the pending work to it."""
    from capi_app.sync.lan_relay import lan_sync

    result = lan_sync(session, args.relay, again=args.again)
    for imported in result.imported:
        print(f"reply of bundle {imported.reply_id} imported")
        for line in imported.summary.lines():
            print(f"  {line}")
    if result.sent:
        print(f"bundle {result.sent.bundle_id} sent to the LAN relay")
    if result.waiting:
        print(f"{len(result.waiting)} bundle(s) waiting for the supervisor to relay them")
    return 0 if all(i.summary.ok for i in result.imported) else 1


def cmd_lan_relay(args) -> int:
    """Serve the LAN relay until interrupted; relay its folder with `capi relay` when online."""
    from capi_app.sync.lan_relay import LanRelay

    relay = LanRelay(Path(args.folder), args.host, args.port).start()
    print(f"LAN relay at {relay.url}, bundles kept in {relay.folder} (Ctrl+C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        relay.stop()
    return 0
