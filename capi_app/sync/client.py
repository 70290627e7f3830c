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
    StateRefused,
    SyncError,
)
from dtks.bundles.keys import PublicKeys
from dtks.error_codes import ErrorCode
from dtks.private_files import open_private

API_PREFIX = "/api/v1"
CONNECT_TIMEOUT = 10
READ_TIMEOUT = 120
RETRY_STATUSES = {502, 503, 504}
BROKEN_REPLY = (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError)
"""A reply that started and then broke off (IncompleteRead, a truncated gzip stream)."""


ACCEPT_ENCODING = "zstd, gzip"
"""What the client takes: zstd first (urllib3 decodes it with the zstandard package)."""


class TruncatedReply(Exception):
    """A 2xx whose body is not the JSON it must be: the head arrived, the body was cut off."""


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
        self.session.headers["Accept-Encoding"] = ACCEPT_ENCODING
        self.bytes_received = 0
        self.bytes_sent = 0

    def login(
        self, username: str, password: str, device_id: str, keys: PublicKeys | None = None
    ) -> dict[str, Any]:
        """POST /auth/token; keep and return the token with the user's role and scopes.

        ``keys`` are the device's public bundle keys, registered with the login."""
        body = {"username": username, "password": password, "device_id": device_id}
        if keys is not None:
            body["device_public_key"] = keys.ed25519
            body["device_x25519_key"] = keys.x25519
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

    def round_calendar(self, round_: str, scope: str) -> dict[str, Any]:
        """GET /rounds/{round}?scope=: the round's windows in the region's local time."""
        return self._request("GET", f"/rounds/{round_}", params={"scope": scope})

    def has_photo(self, sha256: str) -> bool:
        """HEAD /photos/{sha256}: True when the server already holds the photo."""
        try:
            self._request("HEAD", f"/photos/{sha256}")
        except (Rejected, Forbidden):
            # 404 not there, 405 no HEAD route, 403 role may not read photos: upload it.
            return False
        return True

    def put_photo(self, sha256: str, data: bytes) -> bool:
        """PUT /photos/{sha256} with the processed JPEG; a repeat is a no-op on the server."""
        self._request("PUT", f"/photos/{sha256}", data=data, headers={"Content-Type": "image/jpeg"})
        return True  # the server answered 2xx: it holds the photo now

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

    # Bundles and progress (docs/bundles.md): sync by file, relay by a supervisor.

    def server_keys(self) -> dict[str, Any]:
        """GET /server/keys: {key_id, x25519, ed25519} that bundles are sealed to."""
        return self._request("GET", "/server/keys")

    def upload_bundle(self, data: bytes) -> dict[str, Any]:
        """POST /bundles with a push bundle's bytes: {bundle_id, reply_id, households, ...}."""
        return self._request(
            "POST", "/bundles", data=data, headers={"Content-Type": "application/octet-stream"}
        )

    def reply_bundle(self, reply_id: str) -> bytes:
        """GET /bundles/{reply_id}: the sealed reply bundle's bytes."""
        resp = self._raw("GET", f"/bundles/{reply_id}")
        self.bytes_received += len(resp.content)
        return resp.content

    def progress(self, scope: str | None = None, round: str | None = None) -> dict[str, Any]:
        """GET /progress: per-desa counts and per-user last sync within your scopes."""
        params = {k: v for k, v in (("scope", scope), ("round", round)) if v}
        return self._request("GET", "/progress", params=params)

    # Review (docs/review-api.md): reviewer and admin roles, within their scopes.

    def review_queue(
        self, scope=None, round=None, flag=None, state=None, limit=200, offset=0, verified=False
    ) -> dict[str, Any]:
        """GET /review/queue: {households, counts?, total?, awaiting_approval?} in the user's scopes."""
        params = {"scope": scope, "round": round, "flag": flag, "state": state}
        if verified:
            params["verified"] = "true"
        params = {k: v for k, v in params.items() if v}
        params.update(limit=limit, offset=offset)
        return self._request("GET", "/review/queue", params=params)

    def review_household(self, household_id: str) -> dict[str, Any]:
        """GET /review/households/{id}: conflicts, flags, verifications, photos, history."""
        return self._request("GET", f"/review/households/{household_id}")

    def review_decide(
        self, household_id: str, decision: str, choices: dict | None = None, note: str | None = None
    ) -> dict[str, Any]:
        """POST /review/households/{id} with resolve|approve|return; the household after it."""
        body: dict[str, Any] = {"decision": decision, "choices": choices or {}}
        if note is not None:
            body["note"] = note
        return self._request("POST", f"/review/households/{household_id}", json=body)

    def review_moves(self, scope: str | None = None, state: str | None = None) -> dict[str, Any]:
        """GET /review/moves: {moves} into or out of the user's scopes (pending by default)."""
        params = {k: v for k, v in (("scope", scope), ("state", state)) if v}
        return self._request("GET", "/review/moves", params=params)

    def decide_move(self, move_id: int, decision: str, note: str | None = None) -> dict[str, Any]:
        """POST /review/moves/{id} with confirm|refuse (a reviewer of the new wilayah)."""
        body: dict[str, Any] = {"decision": decision}
        if note:
            body["note"] = note
        return self._request("POST", f"/review/moves/{move_id}", json=body)

    def bulk_approve(self, scope: str, round: str) -> dict[str, Any]:
        """POST /review/bulk-approve: {approved: [ids], skipped: n}."""
        return self._request("POST", "/review/bulk-approve", json={"scope": scope, "round": round})

    def papi_verify(self, scope=None, round=None, batch=None, sample: bool = True) -> list[dict]:
        """GET /papi/verify: first entries to re-key (sampled, or all with sample=False), each
        with the answers and the pre-list it started from."""
        params = {"scope": scope, "round": round, "batch": batch}
        params = {k: v for k, v in params.items() if v}
        params["sample"] = "true" if sample else "false"
        return self._request("GET", "/papi/verify", params=params)["questionnaires"]

    def papi_differences(self, scope=None, batch=None, round=None) -> list[dict]:
        """GET /papi/differences: differences of independent entries waiting for adjudication."""
        params = {"scope": scope, "batch": batch, "round": round}
        params = {k: v for k, v in params.items() if v}
        return self._request("GET", "/papi/differences", params=params)["differences"]

    def papi_adjudicate(self, household_id: str, choices: dict) -> dict[str, Any]:
        """POST /papi/differences/{id}: {key: {take: entry1|entry2|value, value}}."""
        return self._request("POST", f"/papi/differences/{household_id}", json={"choices": choices})

    def papi_keyers(self, scope=None, round=None) -> dict[str, Any]:
        """GET /papi/keyers: {keyers, fields, batches} with error rates."""
        params = {k: v for k, v in {"scope": scope, "round": round}.items() if v}
        return self._request("GET", "/papi/keyers", params=params)

    # Visit integrity (docs/integrity.md): supervisors, reviewers and admins, within scope.

    def integrity_household(self, household_id: str) -> dict[str, Any]:
        """GET /integrity/households/{id}: findings with evidence, the visit and its timeline."""
        return self._request("GET", f"/integrity/households/{household_id}")

    def integrity_points(self, desa: str) -> dict[str, Any]:
        """GET /integrity/points: a desa's households' GPS points and their extent."""
        return self._request("GET", "/integrity/points", params={"scope": desa})

    def integrity_enumerators(self, scope=None, round=None) -> dict[str, Any]:
        """GET /integrity/enumerators: per enumerator, verifications and households flagged."""
        params = {k: v for k, v in {"scope": scope, "round": round}.items() if v}
        return self._request("GET", "/integrity/enumerators", params=params)

    def integrity_refresh(self, scope=None) -> dict[str, Any]:
        """POST /integrity/refresh: recompute the indicators of a scope's desas."""
        return self._request("POST", "/integrity/refresh", json={"scope": scope})

    def household_history(self, household_id: str) -> list[dict[str, Any]]:
        """GET /households/{id}/history: the audit events, oldest first."""
        return self._request("GET", f"/households/{household_id}/history")["events"]

    def photo_bytes(self, sha256: str) -> bytes:
        """GET /photos/{sha256}: the processed JPEG."""
        return self._raw("GET", f"/photos/{sha256}").content

    def bnba_report(self, round: str, scope: str) -> dict[str, Any]:
        """GET /reports/bnba: the JSON the BNBA and pengesahan documents are rendered from."""
        return self._request("GET", "/reports/bnba", params={"round": round, "scope": scope})

    def upload_pengesahan(
        self, round: str, scope: str, data: bytes, content_type: str
    ) -> dict[str, Any]:
        """PUT /rounds/{round}/pengesahan: keep the signed scan with the round."""
        return self._request(
            "PUT",
            f"/rounds/{round}/pengesahan",
            params={"scope": scope},
            data=data,
            headers={"Content-Type": content_type},
        )

    def pengesahan_documents(self, round: str, scope: str) -> list[dict[str, Any]]:
        """GET /rounds/{round}/pengesahan: the signed scans uploaded for the scope."""
        reply = self._request("GET", f"/rounds/{round}/pengesahan", params={"scope": scope})
        return reply["documents"]

    # Submissions (docs/review-api.md "Submissions"): reviewers at every level of the chain.

    def submissions(
        self, level=None, state=None, round=None, scope=None, limit=200, offset=0
    ) -> dict[str, Any]:
        """GET /submissions: {submissions, total} visible to the user, newest change first."""
        params = {"level": level, "state": state, "round": round, "scope": scope}
        params = {k: v for k, v in params.items() if v}
        params.update(limit=limit, offset=offset)
        return self._request("GET", "/submissions", params=params)

    def submission(self, submission_id: int) -> dict[str, Any]:
        """GET /submissions/{id}: its households, recap, history, scan and your decisions."""
        return self._request("GET", f"/submissions/{submission_id}")

    def create_submission(
        self, round: str, scope: str | None = None, activity: str | None = None, household_ids=None
    ) -> dict[str, Any]:
        """POST /submissions: a draft of the round's approved households (kabkota)."""
        body: dict[str, Any] = {"round": round}
        for key, value in (
            ("scope", scope),
            ("activity", activity),
            ("household_ids", household_ids),
        ):
            if value is not None:
                body[key] = value
        return self._request("POST", "/submissions", json=body)

    def decide_submission(
        self,
        submission_id: int,
        decision: str,
        note: str | None = None,
        household_returns: dict[str, str] | None = None,
        pengesahan_sha256: str | None = None,
    ) -> dict[str, Any]:
        """POST /submissions/{id}: submit, forward, return, establish or withdraw."""
        body: dict[str, Any] = {"decision": decision}
        for key, value in (
            ("note", note),
            ("household_returns", household_returns),
            ("pengesahan_sha256", pengesahan_sha256),
        ):
            if value:
                body[key] = value
        return self._request("POST", f"/submissions/{submission_id}", json=body)

    def submission_report(self, submission_id: int) -> dict[str, Any]:
        """GET /submissions/{id}/report: the BNBA JSON of its content (the pengesahan draft)."""
        return self._request("GET", f"/submissions/{submission_id}/report")

    def download_export(
        self, round: str, scope: str, fmt: str, dest, progress: Callable | None = None
    ):
        """GET /exports/results into the file dest (written whole or not at all); returns dest.

        progress(done_bytes, total_bytes_or_None) is called per chunk; the cancel flag stops it."""
        from pathlib import Path

        dest = Path(dest)
        params = {"round": round, "scope": scope, "format": fmt}
        resp = self._raw("GET", "/exports/results", params=params, stream=True)
        total = int(resp.headers.get("Content-Length") or 0) or None
        part = dest.with_name(dest.name + ".part")
        done = 0
        try:
            with resp, open_private(part) as f:  # results hold NIKs: 0600, and so the file
                for chunk in resp.iter_content(64 * 1024):
                    self._check_cancel()
                    f.write(chunk)
                    done += len(chunk)
                    self.bytes_received += len(chunk)
                    if progress is not None:
                        progress(done, total)
            part.replace(dest)
        except requests.RequestException as e:
            part.unlink(missing_ok=True)
            raise ServerUnreachable(
                f"the download from {self.base_url} broke off: {short(e)}", "broken", self.base_url
            ) from None
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        return dest

    def _raw(self, method: str, path: str, **kwargs) -> requests.Response:
        """One request whose body is not JSON (files); errors become the usual SyncErrors."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        self._check_cancel()
        try:
            resp = self.session.request(
                method,
                self.base_url + API_PREFIX + path,
                headers=headers,
                timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                **kwargs,
            )
        except (requests.ConnectionError, requests.Timeout, *BROKEN_REPLY) as e:
            raise ServerUnreachable(
                f"cannot reach the server {self.base_url}: {short(e)}", "connect", self.base_url
            ) from None
        if not 200 <= resp.status_code < 300:
            self._reply(resp, login=False)  # raises the matching error
        return resp

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
                self._count(resp, kwargs)
                if resp.status_code in RETRY_STATUSES and attempt < self.retries:
                    self._wait(attempt)
                    continue
                return self._reply(resp, login)
            except requests.exceptions.SSLError as e:
                raise ServerUnreachable(
                    f"the server {self.base_url} did not prove its identity (TLS): {e}",
                    "tls",
                    self.base_url,
                ) from None
            except (requests.ConnectionError, requests.Timeout) as e:
                if attempt == self.retries:
                    raise ServerUnreachable(
                        f"cannot reach the server {self.base_url}: {short(e)}",
                        "connect",
                        self.base_url,
                    ) from None
                self._wait(attempt)
                continue
            except (*BROKEN_REPLY, TruncatedReply) as e:
                # The server may have done the work: asking again is safe (every call is
                # idempotent; a push resends the same change-set bytes under the same id).
                if attempt == self.retries:
                    raise ServerUnreachable(
                        f"the server's reply to {method} {path} broke off in all "
                        f"{attempt + 1} tries ({short(e)}); nothing is lost: what was not "
                        "acknowledged is sent again at the next sync",
                        "broken",
                        self.base_url,
                    ) from None
                self._wait(attempt)
                continue
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
            if resp.request.method == "HEAD":
                return {}
            try:  # every 2xx of the API is a JSON object; anything else was cut short
                return resp.json()
            except requests.exceptions.JSONDecodeError:
                raise TruncatedReply(f"{len(resp.content)} bytes that are not JSON") from None
        detail, body = error_detail(resp)
        error = self._error(status, detail, body, login)
        error.code = error_code(body)
        raise error

    @staticmethod
    def _error(status: int, detail: str, body: dict, login: bool) -> SyncError:
        return error_for(status, detail, body, login)


def error_for(status: int, detail: str, body: dict, login: bool = False) -> SyncError:
    """The client's error for a server's HTTP status and error body (also a reply bundle's)."""
    if status == 401:
        return (LoginFailed if login else SessionExpired)(detail)
    if status == 429:
        return LoginThrottled(detail)
    if status == 403:
        return Forbidden(detail)
    if status == 409:
        # Only the server's changeset_mismatch is a reused id; an older server sent no code.
        code = body.get("code")
        if code in (None, ErrorCode.CHANGESET_MISMATCH):
            return ChangesetReused(detail, body.get("household_id"), body.get("field"))
        return StateRefused(detail, body.get("household_id"), body.get("field"))
    if 400 <= status < 500:
        return Rejected(detail, body.get("household_id"), body.get("field"))
    return SyncError(f"the server failed ({status}): {detail}")


def error_code(body: dict) -> ErrorCode | None:
    """The error body's code; None when absent or one this client does not know yet."""
    try:
        return ErrorCode(body.get("code"))
    except ValueError:
        return None


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
    """The last, most specific line of a requests error, without the urllib3 noise.

    >>> short(OSError('Max retries exceeded with url: / (Caused by NewConnectionError("'
    ...     'HTTPConnection: Failed to establish a new connection: [Errno 111] Connection refused"))'))
    'Failed to establish a new connection: [Errno 111] Connection refused'
    """
    text = str(error)
    for marker in (
        "Failed to establish a new connection: ",
        "Read timed out",
        "Connection aborted",
        "Connection broken: ",
    ):
        if marker in text:
            tail = text[text.index(marker) :]
            # requests nests the reason in repr()s: cut where the quoted reason ends.
            for end in ("'))", '"))', "', ", '", '):
                tail = tail.split(end)[0]
            return tail.rstrip("'\")")
    return text[:200]
