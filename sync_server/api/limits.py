"""Request body limits (413 past the limit) and gzip-encoded request bodies, as ASGI middleware.

The body is read completely (up to the route's limit) before the app sees it, so a route never
works on a truncated upload; a gzip body is inflated with the same limit on its inflated size.
"""

import json
import zlib

from dtks.error_codes import ErrorCode
from sync_server.errors import error_body
from sync_server.settings import Settings


class BodyLimit:
    """ASGI middleware enforcing per-route body size limits."""

    def __init__(self, app, settings: Settings):
        self.app = app
        self.settings = settings

    def limit_for(self, path: str) -> int:
        """The body limit in bytes for a request path."""
        if path.startswith("/api/v1/photos/"):
            return self.settings.max_photo_bytes
        if path.startswith("/api/v1/changesets"):
            return self.settings.max_changeset_bytes
        if path == "/api/v1/bundles":
            return self.settings.max_bundle_bytes
        if path.startswith("/api/v1/rounds/") and "/pengesahan" in path:
            return self.settings.max_scan_bytes
        return self.settings.max_body_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        limit = self.limit_for(scope["path"])
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            return await _too_large(send, limit)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return await _too_large(send, limit)
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if headers.get(b"content-encoding", b"").lower() == b"gzip":
            try:
                body = _gunzip(body, limit)
            except ValueError as e:
                return await _reject(send, *_gzip_status(e), str(e))
            scope = dict(scope)
            scope["headers"] = [
                (k, v)
                for k, v in scope["headers"]
                if k not in (b"content-encoding", b"content-length")
            ] + [(b"content-length", str(len(body)).encode())]
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _gunzip(data: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as e:
        raise ValueError(f"request body is not valid gzip: {e}") from None
    if len(out) > limit:
        raise ValueError(f"inflated request body larger than {limit} bytes")
    return out


def _gzip_status(error: ValueError) -> tuple[int, ErrorCode]:
    if "larger" in str(error):
        return 413, ErrorCode.TOO_LARGE
    return 400, ErrorCode.MALFORMED


async def _too_large(send, limit: int) -> None:
    await _reject(send, 413, ErrorCode.TOO_LARGE, f"request body larger than {limit} bytes")


async def _reject(send, status: int, code: ErrorCode, detail: str) -> None:
    body = json.dumps(error_body(detail, code)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
