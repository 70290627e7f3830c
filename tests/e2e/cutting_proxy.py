"""A TCP proxy that forwards to the sync server and cuts chosen requests, like a field link.

Cuts are armed by a marker in the request head (b"POST /api/v1/changesets"): ``request``
forwards only ``after`` bytes of that request and then drops both sides (the server sees half a
body); ``reply`` forwards the whole request and drops the connection after ``after`` bytes of
the server's reply (0: when it starts; more: the status line and part of the body arrive, the
client reads a broken reply); ``reply_body`` forwards the reply's headers whole and then
``after`` bytes of its body (the client reads a truncated body: IncompleteRead). Either way the
server did the work and the client never hears all of it. ``down`` refuses everything.
It also counts the bytes that cross it, headers included.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass


@dataclass
class Cut:
    """One armed cut: where, how and how many more times."""

    marker: bytes
    kind: str  # "request", "reply" or "reply_body"
    after: int = 0
    times: int = 1
    skip: int = 0  # let this many matching requests through first
    seen: int = 0
    done: int = 0


class _Link:
    """One client connection and its upstream, with the cut armed for it (if any)."""

    def __init__(self, client: socket.socket, upstream: socket.socket):
        self.client, self.upstream = client, upstream
        self.cut: Cut | None = None
        self.sent_since_marker = 0
        self.reply_sent = self.reply_limit = 0
        self.closed = False
        self.lock = threading.Lock()

    def close(self) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
        for s in (self.client, self.upstream):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


class CuttingProxy:
    """Listens on 127.0.0.1:<port> and forwards to 127.0.0.1:<upstream_port>."""

    def __init__(self, upstream_port: int):
        self.upstream_port = upstream_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.cuts: list[Cut] = []
        self.down = False
        self.bytes_up = 0  # client -> server
        self.bytes_down = 0  # server -> client
        self._lock = threading.Lock()
        self._links: list[_Link] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self, marker: bytes, kind: str, after: int = 0, times: int = 1, skip: int = 0) -> Cut:
        """Arm a cut for ``times`` requests whose head contains ``marker``, after ``skip``."""
        c = Cut(marker, kind, after, times, skip)
        with self._lock:
            self.cuts.append(c)
        return c

    def go_down(self) -> None:
        """Lose the link: drop open connections and refuse new ones until ``come_back``."""
        self.down = True
        for link in list(self._links):
            link.close()

    def come_back(self) -> None:
        """The link is back."""
        self.down = False

    def reset_counters(self) -> None:
        """Start counting bytes from zero."""
        with self._lock:
            self.bytes_up = self.bytes_down = 0

    def close(self) -> None:
        """Stop listening and drop every open connection."""
        self.listener.close()
        for link in list(self._links):
            link.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.down:
                client.close()
                continue
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            link = _Link(client, upstream)
            self._links.append(link)
            threading.Thread(target=self._pump_up, args=(link,), daemon=True).start()
            threading.Thread(target=self._pump_down, args=(link,), daemon=True).start()

    def _arm(self, link: _Link, chunk: bytes) -> None:
        with self._lock:
            for c in self.cuts:
                if c.done < c.times and c.marker in chunk:
                    c.seen += 1
                    if c.seen <= c.skip:
                        continue
                    c.done += 1
                    link.cut, link.sent_since_marker, link.reply_sent = c, 0, 0
                    return
            link.cut = None

    def _pump_up(self, link: _Link) -> None:
        try:
            while True:
                chunk = link.client.recv(65536)
                if not chunk:
                    break
                if chunk[:8].split(b" ")[0] in (b"GET", b"POST", b"PUT", b"HEAD", b"DELETE"):
                    self._arm(link, chunk)  # a new request starts on this connection
                cut = link.cut
                if cut and cut.kind == "request":
                    room = cut.after - link.sent_since_marker
                    if len(chunk) >= room:
                        link.upstream.sendall(chunk[: max(room, 0)])
                        self._count(up=max(room, 0))
                        break
                    link.sent_since_marker += len(chunk)
                link.upstream.sendall(chunk)
                self._count(up=len(chunk))
        except OSError:
            pass
        link.close()

    def _pump_down(self, link: _Link) -> None:
        try:
            while True:
                chunk = link.upstream.recv(65536)
                if not chunk:
                    break
                cut = link.cut
                if cut and cut.kind in ("reply", "reply_body"):
                    room = self._reply_room(link, chunk)
                    if len(chunk) >= room:  # the server answered; the client hears part of it
                        link.client.sendall(chunk[: max(room, 0)])
                        self._count(down=max(room, 0))
                        break
                    link.reply_sent += len(chunk)
                link.client.sendall(chunk)
                self._count(down=len(chunk))
        except OSError:
            pass
        link.close()

    @staticmethod
    def _reply_room(link: _Link, chunk: bytes) -> int:
        """How many more reply bytes may pass before the cut."""
        if link.reply_sent == 0:
            link.reply_limit = link.cut.after
            if link.cut.kind == "reply_body":
                end = chunk.find(b"\r\n\r\n")  # uvicorn sends the head in its first chunk
                link.reply_limit += len(chunk) if end < 0 else end + 4
        return link.reply_limit - link.reply_sent

    def _count(self, up: int = 0, down: int = 0) -> None:
        with self._lock:
            self.bytes_up += up
            self.bytes_down += down
