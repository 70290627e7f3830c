"""A LAN relay in the supervisor's client: laptops on the office Wi-Fi hand it their bundles.

When the office has no uplink, the supervisor's laptop listens on the office network; an
enumerator's laptop sends the same push bundle it would put on a USB stick (``capi lan-sync
--relay URL``). The bundles land in the relay's folder, exactly as if copied from a stick, and
the supervisor relays that folder when the uplink is back (the Relay tab or ``capi relay``);
the replies written beside them are fetched by the laptops on their next ``lan-sync``.

The relay holds nothing it can read: a push bundle is sealed to the server and a reply to
its device. It checks a bundle's shape (dtks.bundles.container.read: a changed byte refuses
it) and kind before keeping it, bounds each body to a bundle's limit and the folder to
``MAX_KEPT`` bundles, and answers JSON errors with a ``code``. It needs no login; anything
but a push bundle or a reply's id is refused.

>>> relay = LanRelay(Path("/media/usb/lan"), "0.0.0.0", 8765).start()   # doctest: +SKIP
>>> sent = send_bundle("http://192.168.1.10:8765", Path("enum1.vvb"))   # doctest: +SKIP
>>> relay.stop()                                                        # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import requests

from capi_app.session import Session
from capi_app.sync.bundles import (
    REPLY_SUFFIX,
    SUFFIX,
    ImportResult,
    export_bundle,
    import_reply,
    reply_path,
)
from capi_app.sync.errors import BundleInvalid, ServerUnreachable, SyncError
from dtks.bundles import container
from dtks.bundles.container import BundleRefused
from dtks.bundles.manifest import KIND_PUSH
from dtks.error_codes import ErrorCode
from dtks.private_files import private_dir, write_private

MAX_KEPT = 2000
"""Bundles the relay's folder holds at most (a full folder refuses more: relay it first)."""
MAX_KEPT_BYTES = 4 * 1024**3
"""Bytes of bundles the folder holds at most (4 GiB: a crowded office's day, a USB stick's)."""
BUNDLE_ID = re.compile(r"^[0-9a-fA-F-]{8,64}$")
TIMEOUT = 120

__all__ = ["LanRelay", "LanSync", "Sent", "fetch_reply", "lan_sync", "send_bundle"]


@dataclass(frozen=True)
class Sent:
    """A bundle the relay kept: its id, the file it is kept as, whether it had it already."""

    bundle_id: str
    name: str
    again: bool


def _bundle_file(folder: Path, username: str, bundle_id: str) -> Path:
    """USER-BUNDLEID.vvb: the enumerator's name first, so the Relay tab lists them by person."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", username)[:40] or "bundle"
    return folder / f"{safe}-{bundle_id}{SUFFIX}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = 60  # a laptop that stops sending mid-body does not hold a thread for ever

    def log_message(self, *_args) -> None:  # the relay keeps no log of who sent what
        pass

    def _answer(self, status: int, body: dict | bytes, kind: str = "application/json") -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, code: ErrorCode, detail: str) -> None:
        self._answer(status, {"code": str(code), "detail": detail})

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        """GET /health, or GET /bundles/{bundle_id}/reply: the reply once relayed (404 until)."""
        if self.path == "/health":
            return self._answer(200, {"status": "ok", "kept": len(self.server.kept())})
        m = re.fullmatch(r"/bundles/([^/]+)/reply", self.path)
        if not m or not BUNDLE_ID.match(m.group(1)):
            return self._error(404, ErrorCode.NOT_FOUND, f"no route {self.path}")
        found = self.server.reply_of(m.group(1))
        if found is None:
            return self._error(
                404, ErrorCode.NOT_FOUND,
                f"bundle {m.group(1)}: no reply yet (the supervisor has not relayed it)",
            )  # fmt: skip
        self._answer(200, found.read_bytes(), "application/vnd.verivali.bundle")

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        """POST /bundles with a push bundle's bytes: kept in the folder for the relay."""
        if self.path != "/bundles":
            return self._error(404, ErrorCode.NOT_FOUND, f"no route {self.path}")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return self._error(411, ErrorCode.BAD_REQUEST, "a bundle is sent with Content-Length")
        if length > container.MAX_BUNDLE_BYTES or length < 0:
            self.close_connection = True
            return self._error(
                413, ErrorCode.TOO_LARGE,
                f"{length} bytes; a bundle has at most {container.MAX_BUNDLE_BYTES}",
            )  # fmt: skip
        data = self.rfile.read(length)
        try:
            sent = self.server.keep(data)
        except BundleRefused as e:
            return self._error(422, e.reason, str(e))
        except _Full as e:
            return self._error(507, ErrorCode.TOO_LARGE, str(e))
        self._answer(200, {"bundle_id": sent.bundle_id, "file": sent.name, "again": sent.again})


class _Full(Exception):
    """The relay's folder holds MAX_KEPT bundles."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, folder: Path):
        super().__init__(address, _Handler)
        self.folder = folder
        self.lock = threading.Lock()

    def kept(self) -> list[Path]:
        return [p for p in self.folder.glob(f"*{SUFFIX}") if not p.name.endswith(REPLY_SUFFIX)]

    def keep(self, data: bytes) -> Sent:
        m = container.read(data).manifest  # shape and bytes: a changed byte refuses it whole
        if m.kind != KIND_PUSH:
            raise BundleRefused(
                ErrorCode.BUNDLE_FOREIGN, f"bundle {m.bundle_id} is a {m.kind}, not a push bundle"
            )
        if not BUNDLE_ID.match(m.bundle_id):
            raise BundleRefused(ErrorCode.BUNDLE_DAMAGED, "the bundle id is not a UUID")
        path = _bundle_file(self.folder, m.username, m.bundle_id)
        with self.lock:
            if path.exists():
                return Sent(m.bundle_id, path.name, True)
            kept = self.kept()
            if len(kept) >= MAX_KEPT or sum(p.stat().st_size for p in kept) + len(data) > (
                MAX_KEPT_BYTES
            ):
                raise _Full(
                    f"the relay holds {len(kept)} bundles, as many as it may: it takes more "
                    "once they are relayed"
                )
            write_private(path, data)
        return Sent(m.bundle_id, path.name, False)

    def reply_of(self, bundle_id: str) -> Path | None:
        for path in self.folder.glob(f"*-{bundle_id}{SUFFIX}"):
            reply = reply_path(path)
            if reply.is_file():
                return reply
        return None


class LanRelay:
    """The relay's HTTP service on host:port, keeping bundles in folder (0700)."""

    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int = 0):
        self.folder = private_dir(Path(folder))
        self._server = _Server((host, port), self.folder)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Where laptops send their bundles (the address it listens on)."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> LanRelay:
        """Serve on a thread of its own until stop()."""
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)


def _refusal(resp: requests.Response) -> SyncError:
    try:
        body = resp.json()
    except ValueError:
        body = {}
    detail = body.get("detail") or f"HTTP {resp.status_code}"
    try:
        code = ErrorCode(body.get("code"))
    except ValueError:
        code = None
    return BundleInvalid(f"the LAN relay refused it: {detail}", code)


def send_bundle(relay_url: str, path: Path) -> Sent:
    """POST a push bundle to a LAN relay; BundleInvalid when refused."""
    try:
        resp = requests.post(
            relay_url.rstrip("/") + "/bundles",
            data=Path(path).read_bytes(),
            headers={"Content-Type": "application/octet-stream"},
            timeout=TIMEOUT,
        )
    except requests.RequestException as e:
        raise ServerUnreachable(
            f"the LAN relay at {relay_url} does not answer: {e}", "connect", relay_url
        ) from None
    if resp.status_code != 200:
        raise _refusal(resp)
    body = resp.json()
    return Sent(str(body["bundle_id"]), str(body["file"]), bool(body.get("again")))


def fetch_reply(relay_url: str, bundle_id: str, out: Path) -> bool:
    """Save a bundle's reply from the LAN relay to out (0600); False when not relayed yet."""
    try:
        resp = requests.get(f"{relay_url.rstrip('/')}/bundles/{bundle_id}/reply", timeout=TIMEOUT)
    except requests.RequestException as e:
        raise ServerUnreachable(
            f"the LAN relay at {relay_url} does not answer: {e}", "connect", relay_url
        ) from None
    if resp.status_code == 404:
        return False
    if resp.status_code != 200:
        raise _refusal(resp)
    write_private(Path(out), resp.content)
    return True


WAITING_FILE = "lan-bundles.json"
"""In the enumerator's profile: the ids of bundles sent to a LAN relay whose reply is due."""


@dataclass
class LanSync:
    """One lan-sync: the replies imported, the bundle sent (if any), the ids still waiting."""

    imported: list[ImportResult] = field(default_factory=list)
    sent: Sent | None = None
    waiting: list[str] = field(default_factory=list)


def _waiting(session: Session) -> list[str]:
    path = session.profile.dir / WAITING_FILE
    try:
        ids = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [i for i in ids if isinstance(i, str) and BUNDLE_ID.match(i)]


def _keep_waiting(session: Session, ids: list[str]) -> None:
    write_private(session.profile.dir / WAITING_FILE, json.dumps(ids).encode())


def lan_sync(session: Session, relay_url: str, again: bool = False) -> LanSync:
    """Fetch and import the replies due from the LAN relay, then send a new push bundle when
    none is waiting for its reply (or ``again``): a sync through the office's relay.

    Importing a reply twice is harmless, so a failure midway leaves every id still due."""
    work = private_dir(session.profile.dir / "lan")
    out = LanSync()
    for bundle_id in _waiting(session):
        target = work / f"{bundle_id}{REPLY_SUFFIX}"
        if fetch_reply(relay_url, bundle_id, target):
            out.imported.append(import_reply(session, target))
            target.unlink()
        else:
            out.waiting.append(bundle_id)
    if not out.waiting or again:
        bundle = work / f"outbox{SUFFIX}"
        exported = export_bundle(session, bundle)
        out.sent = send_bundle(relay_url, bundle)
        bundle.unlink()
        out.waiting.append(exported.bundle_id)
    _keep_waiting(session, out.waiting)
    return out
