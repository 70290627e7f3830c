"""Bad input found by fuzzing answers a 4xx that names what and where, never a 500.

Reproductions of issue 11 defect 1: an unknown household in a change-set, NaN/Infinity and
duplicate keys in a body, integers past 64 bits in a path or a query.
"""

import json

import pytest
from server_harness import HID, changeset, edit

from dtks.error_codes import ErrorCode

UNKNOWN = "3204122002999999"
HUGE = 53190913902410514486680101060608  # > 2**63: SQLite and PostgreSQL integers overflow
JSON = {"Content-Type": "application/json"}


def _written(server) -> tuple:
    return tuple(
        server.scalar(f"SELECT count(*) FROM {t}") for t in ("changesets", "audit", "households")
    )


def _refused(r, status: int, code: ErrorCode) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["code"] == code.value, body
    return body


def test_changeset_naming_an_unknown_household_is_422_naming_it(server):
    enum1 = server.client("enum1")
    before = _written(server)
    r = enum1.push([edit(HID, 1, rt=("002", "009")), edit(UNKNOWN, 1, rt=("001", "002"))])
    body = _refused(r, 422, ErrorCode.NOT_FOUND)
    assert (body["household_id"], body["field"]) == (UNKNOWN, "household_id")
    assert f"household {UNKNOWN}" in body["detail"] and '"new": true' in body["detail"]
    assert _written(server) == before


def _raw_changeset(device_id: str, household: str) -> bytes:
    text = json.dumps(changeset([], device_id))
    return text.replace('"households": []', f'"households": [{household}]').encode()


@pytest.mark.parametrize(
    "household, what",
    [
        (f'{{"household_id": "{HID}", "base_version": 1, '
         '"fields": {"alamat": {"base": "Jl. Mawar 1", "value": NaN}}}', "NaN"),
        (f'{{"household_id": "{HID}", "base_version": 1, "fields": {{}}, "verification": '
         '{"status": "draft", "gps": {"lat": Infinity, "lon": 107.6, "source": "exif"}}}',
         "Infinity"),
        (f'{{"household_id": "{HID}", "base_version": 1, "fields": '
         '{"rt": {"base": "001", "value": -Infinity}}}', "-Infinity"),
    ],
)  # fmt: skip
def test_nan_and_infinity_in_a_changeset_are_422_naming_the_constant(server, household, what):
    enum1 = server.client("enum1")
    before = _written(server)
    r = enum1.post(
        enum1.url("/changesets"), data=_raw_changeset(enum1.device_id, household), headers=JSON
    )
    body = _refused(r, 422, ErrorCode.MALFORMED)
    assert what in body["detail"] and "not valid JSON" in body["detail"]
    assert _written(server) == before


def test_duplicate_key_in_a_changeset_is_422_naming_the_key(server):
    enum1 = server.client("enum1")
    text = json.dumps(changeset([edit(HID, 1, rt=("002", "009"))], enum1.device_id))
    raw = text.replace('"mode": "CAPI"', '"mode": "CAPI", "mode": "PAPI"').encode()
    r = enum1.post(enum1.url("/changesets"), data=raw, headers=JSON)
    body = _refused(r, 422, ErrorCode.MALFORMED)
    assert "duplicate key 'mode'" in body["detail"]
    assert server.scalar("SELECT count(*) FROM changesets") == 0


def test_nan_and_duplicate_keys_are_refused_on_every_json_route(server):
    reviewer = server.client("reviewer1")
    url = reviewer.url(f"/review/households/{HID}")
    nan = b'{"decision": "resolve", "choices": {"alamat": {"take": "value", "value": NaN}}}'
    body = _refused(reviewer.post(url, data=nan, headers=JSON), 422, ErrorCode.MALFORMED)
    assert "NaN" in body["detail"]
    twice = b'{"decision": "approve", "decision": "return", "note": "x"}'
    body = _refused(reviewer.post(url, data=twice, headers=JSON), 422, ErrorCode.MALFORMED)
    assert "duplicate key 'decision'" in body["detail"]
    login = b'{"username": "enum1", "username": "admin1", "password": "x", "device_id": "d"}'
    r = reviewer.post(reviewer.url("/auth/token"), data=login, headers=JSON)
    assert "duplicate key 'username'" in _refused(r, 422, ErrorCode.MALFORMED)["detail"]


def test_integers_past_64_bits_in_paths_and_queries_are_422_naming_the_parameter(server):
    enum1, reviewer = server.client("enum1"), server.client("reviewer1")
    aid = server.assignment_ids["enum1"]
    for client, path, params, name in [
        (enum1, f"/assignments/{HUGE}/households", {}, "assignment_id"),
        (enum1, f"/assignments/{2**31}/households", {}, "assignment_id"),  # ids are 32-bit
        (enum1, f"/assignments/{aid}/households", {"since": HUGE}, "since"),
        (enum1, f"/assignments/{aid}/households", {"since": 2**63}, "since"),
        (enum1, f"/assignments/{aid}/households", {"limit": HUGE}, "limit"),
        (reviewer, "/review/queue", {"offset": HUGE}, "offset"),
        (reviewer, f"/submissions/{2**31}", {}, "submission_id"),
    ]:
        r = client.get(client.url(path), params=params)
        body = _refused(r, 422, ErrorCode.VALIDATION)
        assert body["field"].endswith(name) and name in body["detail"], body
    # The largest value that fits is an answer, not an error.
    assert (
        enum1.get(enum1.url(f"/assignments/{aid}/households"), params={"since": 2**63 - 1}).json()[
            "households"
        ]
        == []
    )
    assert enum1.get(enum1.url(f"/assignments/{2**31 - 1}/households")).status_code == 404
