"""Every refusal is the one error shape {detail, code, household_id, field}, code from dtks."""

import gzip
import hashlib
import uuid

import requests
from server_harness import HID, HID_B, edit, verification

from dtks.error_codes import ErrorCode

ERROR_KEYS = {"detail", "code", "household_id", "field"}


def _refusal(r: requests.Response, status: int, code: ErrorCode) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert ERROR_KEYS <= set(body), body
    assert body["code"] == code.value, body
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def test_each_kind_of_refusal_carries_its_code(server):
    enum1, reviewer = server.client("enum1"), server.client("reviewer1")
    base = server.base
    _refusal(requests.get(base + "/assignments/mine"), 401, ErrorCode.UNAUTHENTICATED)
    _refusal(reviewer.push([edit(HID, 1, rt=("002", "009"))]), 403, ErrorCode.FORBIDDEN)
    body = _refusal(enum1.push([edit(HID_B, 1, rt=("002", "009"))]), 403, ErrorCode.SCOPE)
    assert body["household_id"] == HID_B
    _refusal(enum1.get(enum1.url("/assignments/999/households")), 404, ErrorCode.NOT_FOUND)
    _refusal(enum1.get(enum1.url("/no/such/route")), 404, ErrorCode.NOT_FOUND)
    _refusal(enum1.delete(enum1.url("/changesets")), 405, ErrorCode.METHOD_NOT_ALLOWED)
    body = _refusal(enum1.push([edit(HID, 1, rt=("002", 9))]), 422, ErrorCode.VALIDATION)
    assert (body["household_id"], body["field"]) == (HID, "rt")
    missing = hashlib.sha256(b"never uploaded").hexdigest()
    photo = edit(HID, 1, rt=("002", "009")) | {"verification": verification(photos=[missing])}
    _refusal(enum1.push([photo]), 422, ErrorCode.PHOTO_MISSING)
    _refusal(
        enum1.put(enum1.url(f"/photos/{missing}"), data=b"\xff\xd8\xffnot this photo"),
        422,
        ErrorCode.PHOTO_INVALID,
    )


def test_replay_clash_too_large_bad_gzip_and_throttle_carry_their_codes(server):
    enum1 = server.client("enum1")
    cs = str(uuid.uuid4())
    assert enum1.push([edit(HID, 1, rt=("002", "009"))], changeset_id=cs).ok
    clash = enum1.push([edit(HID, 1, rt=("002", "010"))], changeset_id=cs)
    _refusal(clash, 409, ErrorCode.CHANGESET_MISMATCH)
    json_headers = {"Content-Type": "application/json"}
    big = b"{" + b" " * (21 * 1024 * 1024) + b"}"
    _refusal(
        enum1.post(enum1.url("/changesets"), data=big, headers=json_headers),
        413,
        ErrorCode.TOO_LARGE,
    )
    gzip_headers = json_headers | {"Content-Encoding": "gzip"}
    bad_gzip = enum1.post(enum1.url("/changesets"), data=b"not gzip", headers=gzip_headers)
    _refusal(bad_gzip, 400, ErrorCode.MALFORMED)
    bomb = gzip.compress(b" " * (21 * 1024 * 1024))
    _refusal(
        enum1.post(enum1.url("/changesets"), data=bomb, headers=gzip_headers),
        413,
        ErrorCode.TOO_LARGE,
    )
    _refusal(
        enum1.post(enum1.url("/changesets"), data=b"not json", headers=json_headers),
        422,
        ErrorCode.MALFORMED,
    )
    login = {"username": "enum2", "password": "wrong", "device_id": str(uuid.uuid4())}
    codes = [requests.post(server.base + "/auth/token", json=login) for _ in range(6)]
    _refusal(codes[0], 401, ErrorCode.UNAUTHENTICATED)
    _refusal(codes[-1], 429, ErrorCode.THROTTLED)
