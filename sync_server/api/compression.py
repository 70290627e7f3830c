"""Response compression chosen by the request's Accept-Encoding, as ASGI middleware.

zstd (level 5) when the client accepts it, as the desktop client does: 4 % smaller than gzip
at level 9 on a pull page of 500 households and 5 times faster (7 % of the page's time); gzip
at level 6 for clients that only take gzip (half the time of level 9, 9 % more bytes); nothing
for the others. Only text-like bodies (JSON, CSV, text) of at least ``MINIMUM_SIZE`` bytes are
compressed; photos, scans and workbooks are compressed already. See docs/benchmarks.md.

>>> choose("gzip, deflate, zstd")
'zstd'
>>> choose("gzip;q=1.0, zstd;q=0"), choose("br"), choose("*")
('gzip', None, 'zstd')
"""

import gzip
import zlib

from backports import zstd  # compression.zstd from Python 3.14 on

MINIMUM_SIZE = 1000
ZSTD_LEVEL = 5
GZIP_LEVEL = 6
PREFERENCE = ("zstd", "gzip")
"""Our encodings, best first: chosen in this order among those the client accepts."""
_COMPRESSIBLE = (b"application/json", b"text/", b"application/problem+json")


def choose(accept_encoding: str) -> str | None:
    """The encoding to answer with for an Accept-Encoding header value (None: identity)."""
    accepted: dict[str, float] = {}
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if name:
            accepted[name.strip().lower()] = q
    for name in PREFERENCE:
        if accepted.get(name, accepted.get("*", 0.0)) > 0:
            return name
    return None


def compress(body: bytes, encoding: str) -> bytes:
    """Compress a whole body with the chosen encoding."""
    if encoding == "zstd":
        return zstd.compress(body, level=ZSTD_LEVEL)
    return gzip.compress(body, GZIP_LEVEL, mtime=0)


def _compressor(encoding: str):
    """An incremental compressor with compress(chunk) and flush()."""
    if encoding == "zstd":
        return zstd.ZstdCompressor(level=ZSTD_LEVEL)
    return zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)


class CompressionMiddleware:
    """Compress whole text responses by Accept-Encoding; others pass through untouched."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        encoding = choose(headers.get(b"accept-encoding", b"").decode("latin-1"))
        if encoding is None:
            await self.app(scope, receive, send)
            return
        await _Response(send, encoding).run(self.app, scope, receive)


class _Response:
    """Holds the start message and the body of one response until it can decide."""

    def __init__(self, send, encoding: str):
        self.send, self.encoding = send, encoding
        self.start = None
        self.parts: list[bytes] = []
        self.passing = False
        self.stream = None

    async def run(self, app, scope, receive) -> None:
        await app(scope, receive, self.on_message)

    async def on_message(self, message) -> None:
        if self.passing:
            await self.send(message)
        elif message["type"] == "http.response.start":
            self.start = message
            if not _compressible(message["headers"]):
                self.passing = True
                await self.send(message)
        elif message["type"] == "http.response.body":
            more = message.get("more_body", False)
            if self.stream is not None or (more and not self.parts):
                await self._stream(message.get("body", b""), more)
                return
            self.parts.append(message.get("body", b""))
            if not more:
                await self._finish()
        else:
            await self.send(message)

    async def _stream(self, chunk: bytes, more: bool) -> None:
        """A streamed body (an export): compressed chunk by chunk, no Content-Length."""
        if self.stream is None:
            self.stream = _compressor(self.encoding)
            headers = [(k, v) for k, v in self.start["headers"] if k.lower() != b"content-length"]
            headers += [
                (b"content-encoding", self.encoding.encode()),
                (b"vary", b"Accept-Encoding"),
            ]
            await self.send({**self.start, "headers": headers})
        out = self.stream.compress(chunk) + (b"" if more else self.stream.flush())
        await self.send({"type": "http.response.body", "body": out, "more_body": more})

    async def _finish(self) -> None:
        body = b"".join(self.parts)
        headers = [(k, v) for k, v in self.start["headers"] if k.lower() != b"content-length"]
        if len(body) >= MINIMUM_SIZE:
            body = compress(body, self.encoding)
            headers.append((b"content-encoding", self.encoding.encode()))
        headers.append((b"vary", b"Accept-Encoding"))
        headers.append((b"content-length", str(len(body)).encode()))
        await self.send({**self.start, "headers": headers})
        await self.send({"type": "http.response.body", "body": body})


def _compressible(headers) -> bool:
    """A text-like body not encoded already."""
    kind = b""
    for key, value in headers:
        key = key.lower()
        if key == b"content-encoding":
            return False
        if key == b"content-type":
            kind = value.lower()
    return kind.startswith(_COMPRESSIBLE)
