"""HTTP client for the sync API (/api/v1 of DESIGN.md): login, pull, photos, push.

Plain requests with timeouts, retries with exponential backoff on connection failures and
5xx answers, TLS verification with an optional CA bundle. Every call is safe to repeat:
pulls are reads, photo uploads are keyed by their hash and pushes by their changeset_id, so
retrying after a cut connection never applies anything twice.

>>> api = ApiClient("http://127.0.0.1:8000")  # doctest: +SKIP
>>> api.login("enum1", "secret", device_id)    # doctest: +SKIP
"""

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import requests

from capi_app.sync.errors import (
    Cancelled,
    ChangesetReused,
    Forbidden,
    LoginFailed,
    LoginThrottled,
    Rejected,
    ServerUnreachable,
    SessionExpired,
    SyncError,
)

API_PREFIX = "/api/v1"
CONNECT_TIMEOUT = 10
READ_TIMEOUT = 120
RETRY_STATUSES = {502, 503, 504}


class ApiClient:
    """One server, one user token: the calls of the sync protocol."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        ca_bundle: str | None = None,
        retries: int = 4,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
        cancel: threading.Event | None = None,
    ):
        self.base_url = normalize_url(base_url)
        self.token = token
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.cancel = cancel or threading.Event()
        self.session = requests.Session()
        self.session.verify = ca_bundle if ca_bundle else True
        self.session.headers["User-Agent"] = "verivali-capi/0.1"
        self.bytes_received = 0
        self.bytes_sent = 0

    def login(self, username: str, password: str, device_id: str) -> dict[str, Any]:
        """POST /auth/token; keep and return the token with the user's role and scopes."""
        body = {"username": username, "password": password, "device_id": device_id}
        reply = self._request("POST", "/auth/token", json=body, login=True)
        self.token = reply["token"]
        return reply

    def revoke(self) -> int:
        """POST /auth/revoke: the server forgets this device's token; returns how many."""
        return int(self._request("POST", "/auth/revoke", json={}).get("revoked", 0))

    def assignments(self) -> list[dict[str, Any]]:
        """GET /assignments/mine."""
        return self._request("GET", "/assignments/mine")["assignments"]

    def pull_pages(
        self, assignment_id: int, since: int, limit: int = 500
    ) -> Iterator[dict[str, Any]]:
        """Yield the pages of GET /assignments/{id}/households from `since` until `more` is false."""
        while True:
            self._check_cancel()
            page = self._request(
                "GET",
                f"/assignments/{assignment_id}/households",
                params={"since": since, "limit": limit},
            )
            yield page
            since = page["next_since"]
            if not page.get("more"):
                return

    def has_photo(self, sha256: str) -> bool:
        """HEAD /photos/{sha256}: True when the server already holds the photo."""
        try:
            self._request("HEAD", f"/photos/{sha256}")
        except (Rejected, Forbidden):
            # 404 not there, 405 no HEAD route, 403 role may not read photos: upload it.
            return False
        return True

    def put_photo(self, sha256: str, data: bytes) -> None:
        """PUT /photos/{sha256} with the processed JPEG; a repeat is a no-op on the server."""
        self._request("PUT", f"/photos/{sha256}", data=data, headers={"Content-Type": "image/jpeg"})

    def push(self, payload: bytes) -> dict[str, Any]:
        """POST /changesets with the change-set's JSON bytes (built once, resent as is).

        Sent gzipped: JSON shrinks ~5x and field links are slow; the server keys idempotency
        on the change-set's content, not on these bytes."""
        return self._request(
            "POST",
            "/changesets",
            data=gzip.compress(payload, mtime=0),
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled("sync cancelled; what finished before stays done")

    def _request(self, method: str, path: str, login: bool = False, **kwargs) -> Any:
        url = self.base_url + API_PREFIX + path
        headers = kwargs.pop("headers", {})
        if self.token and not login:
            headers["Authorization"] = f"Bearer {self.token}"
        for attempt in range(self.retries + 1):
            self._check_cancel()
            try:
                resp = self.session.request(
                    method, url, headers=headers, timeout=(CONNECT_TIMEOUT, READ_TIMEOUT), **kwargs
                )
            except requests.exceptions.SSLError as e:
                raise ServerUnreachable(
                    f"the server {self.base_url} did not prove its identity (TLS): {e}"
                ) from None
            except (requests.ConnectionError, requests.Timeout) as e:
                if attempt == self.retries:
                    raise ServerUnreachable(
                        f"cannot reach the server {self.base_url}: {short(e)}"
                    ) from None
                self._wait(attempt)
                continue
            self._count(resp, kwargs)
            if resp.status_code in RETRY_STATUSES and attempt < self.retries:
                self._wait(attempt)
                continue
            return self._reply(resp, login)
        raise AssertionError("unreachable")

    def _wait(self, attempt: int) -> None:
        self.sleep(self.backoff * (2**attempt))

    def _count(self, resp: requests.Response, kwargs: dict) -> None:
        content = resp.content or b""
        # raw.tell() is what came over the wire (gzip); content is already inflated.
        try:
            wire = int(resp.raw.tell())
        except (AttributeError, TypeError, ValueError):
            wire = 0
        self.bytes_received += wire or len(content)
        body = kwargs.get("data") or b""
        self.bytes_sent += len(body) if isinstance(body, bytes) else 0

    def _reply(self, resp: requests.Response, login: bool) -> Any:
        status = resp.status_code
        if 200 <= status < 300:
            if resp.request.method == "HEAD" or not resp.content:
                return {}
            return resp.json()
        detail, body = error_detail(resp)
        if status == 401:
            raise (LoginFailed if login else SessionExpired)(detail)
        if status == 429:
            raise LoginThrottled(detail)
        if status == 403:
            raise Forbidden(detail)
        if status == 409:
            raise ChangesetReused(detail)
        if 400 <= status < 500:
            raise Rejected(detail, body.get("household_id"), body.get("field"))
        raise SyncError(f"the server failed ({status}): {detail}")


def error_detail(resp: requests.Response) -> tuple[str, dict]:
    """The server's error message and body; a plain-words fallback when it sent no JSON."""
    try:
        body = resp.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    detail = body.get("detail")
    if isinstance(detail, list):  # FastAPI's validation errors
        detail = "; ".join(
            f"{'.'.join(str(p) for p in d.get('loc', []))}: {d.get('msg')}" for d in detail
        )
    return str(detail or f"HTTP {resp.status_code} {resp.reason}"), body


def normalize_url(url: str) -> str:
    """Trim a server address typed by a user: no trailing slash, http:// when no scheme given."""
    url = url.strip().rstrip("/")
    if url.endswith(API_PREFIX):
        url = url[: -len(API_PREFIX)]
    if "://" not in url:
        url = "http://" + url
    return url


def short(error: Exception) -> str:
    """The last, most specific line of a requests error, without the urllib3 noise."""
    text = str(error)
    for marker in (
        "Failed to establish a new connection: ",
        "Read timed out",
        "Connection aborted",
    ):
        if marker in text:
            return text[text.index(marker) :].split("'))")[0].rstrip("')")
    return text[:200]
