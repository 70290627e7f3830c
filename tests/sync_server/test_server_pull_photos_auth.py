"""Pull (paging, gzip, tombstones), photo upload, login, tokens, roles and limits."""

import hashlib
import uuid

import requests
from server_harness import HID, PASSWORD, edit, jpeg, verification
from server_prelist import DESA, OTHER_DESA, household_row, member_rows, write_rows

from sync_server.services.prelist_import import import_prelist

JPEG = jpeg(7)


def test_pull_pages_by_sequence_and_only_changes_after_since(server):
    enum1 = server.client("enum1")
    aid = server.assignment_ids["enum1"]
    seen, since, pages = [], 0, 0
    while True:
        page = enum1.pull(aid, since, limit=7)
        seen += [h["household_id"] for h in page["households"]]
        since, pages = page["next_since"], pages + 1
        if not page["more"]:
            break
    assert len(seen) == len(set(seen)) == 20 and pages == 3
    assert all(h.startswith(DESA) for h in seen)
    assert enum1.pull(aid, since)["households"] == []
    assert enum1.push([edit(HID, 1, rt=("002", "009"))]).ok
    page = enum1.pull(aid, since)
    assert [h["household_id"] for h in page["households"]] == [HID]
    assert page["households"][0]["members"][0]["member_id"] == f"{HID}01"


def test_pull_is_gzipped(server):
    enum1 = server.client("enum1")
    r = enum1.get(
        enum1.url(f"/assignments/{server.assignment_ids['enum1']}/households"),
        headers={"Accept-Encoding": "gzip"},
    )
    assert r.headers["Content-Encoding"] == "gzip"


def test_household_listed_in_another_desa_reaches_both(server, tmp_path):
    # A re-import lists household 3 in another desa. Its household id still names DESA, so
    # it is a wrong_wilayah anomaly and reaches DESA's enumerator too (docs/cycle.md): the
    # family can be found from either side until a reviewer settles where it lies.
    enum1 = server.client("enum1")
    aid = server.assignment_ids["enum1"]
    since = enum1.pull(aid, 0, limit=100)["next_since"]
    moved = household_row(DESA, 3) | {"kode_wilayah": OTHER_DESA}
    (tmp_path / "moved").mkdir()
    write_rows(tmp_path / "moved", [moved], member_rows(DESA, 3))
    result = import_prelist(server.engine, tmp_path / "moved")
    assert result.households_updated == 1
    page = enum1.pull(aid, since)
    got = page["households"]
    assert [(h["household_id"], h["deleted"], h["values"]["kode_wilayah"]) for h in got] == [
        (household_row(DESA, 3)["household_id"], False, OTHER_DESA)
    ]
    assert "wrong_wilayah" in {a["kind"] for a in got[0]["anomalies"]}
    enum3 = server.client("enum3")
    assert household_row(DESA, 3)["household_id"] in enum3.pull_all(server.assignment_ids["enum3"])


def test_pull_of_someone_elses_assignment_is_403(server):
    enum3 = server.client("enum3")
    r = enum3.get(enum3.url(f"/assignments/{server.assignment_ids['enum1']}/households"))
    assert r.status_code == 403
    assert (
        server.client("super1")
        .get(server.base + f"/assignments/{server.assignment_ids['enum1']}/households")
        .ok
    )


def test_photo_upload_checks_and_is_idempotent(server):
    enum1 = server.client("enum1")
    sha = hashlib.sha256(JPEG).hexdigest()
    assert enum1.head(enum1.url(f"/photos/{sha}")).status_code == 404
    r = enum1.put(enum1.url(f"/photos/{sha}"), data=JPEG, headers={"Content-Type": "image/jpeg"})
    assert r.status_code == 201 and r.json()["created"] is True
    assert enum1.head(enum1.url(f"/photos/{sha}")).status_code == 200
    r = enum1.put(enum1.url(f"/photos/{sha}"), data=JPEG)
    assert r.status_code == 200 and r.json()["created"] is False
    assert server.scalar("SELECT count(*) FROM photos") == 1
    wrong = "0" * 64
    assert enum1.put(enum1.url(f"/photos/{wrong}"), data=JPEG).status_code == 422
    png = b"\x89PNG\r\n" + b"x" * 100
    r = enum1.put(enum1.url(f"/photos/{hashlib.sha256(png).hexdigest()}"), data=png)
    assert r.status_code == 422 and "JPEG" in r.json()["detail"]
    big = b"\xff\xd8\xff" + b"\0" * (2 * 1024 * 1024)
    assert (
        enum1.put(enum1.url(f"/photos/{hashlib.sha256(big).hexdigest()}"), data=big).status_code
        == 413
    )
    r = enum1.push([{**edit(HID, 1), "verification": verification(photos=[sha])}])
    assert r.status_code == 200, r.text
    reviewer = server.client("reviewer1")
    assert reviewer.get(reviewer.url(f"/photos/{sha}")).content == JPEG
    (p,) = reviewer.get(reviewer.url(f"/review/households/{HID}")).json()["photos"]
    assert p["sha256"] == sha


def test_push_naming_a_missing_photo_is_422_and_writes_nothing(server):
    enum1 = server.client("enum1")
    missing = hashlib.sha256(b"never uploaded").hexdigest()
    r = enum1.push(
        [edit(HID, 1, rt=("002", "009")) | {"verification": verification(photos=[missing])}]
    )
    assert r.status_code == 422
    assert (r.json()["household_id"], r.json()["field"]) == (HID, "verification.photos")
    assert server.scalar("SELECT count(*) FROM changesets") == 0
    assert server.scalar("SELECT version FROM households WHERE household_id = :h", h=HID) == 1


def test_login_wrong_password_then_throttled(server):
    url = server.base + "/auth/token"
    body = {"username": "enum1", "password": "wrong-password", "device_id": str(uuid.uuid4())}
    codes = [requests.post(url, json=body).status_code for _ in range(6)]
    assert codes[:5] == [401] * 5 and codes[5] == 429
    r = requests.post(url, json=body | {"password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    assert requests.post(url, json=body | {"username": "enum2", "password": PASSWORD}).ok
    r = requests.post(url, json=body | {"username": "nobody"})
    assert r.status_code == 401 and r.json() == {
        "detail": "wrong username or password",
        "code": "unauthenticated",
        "household_id": None,
        "field": None,
    }


def test_tokens_are_needed_stored_hashed_and_revocable_per_device(server):
    assert requests.get(server.base + "/assignments/mine").status_code == 401
    bad = requests.get(server.base + "/assignments/mine", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    laptop, other = server.client("enum1"), server.client("enum1")
    token = laptop.headers["Authorization"].split()[1]
    assert server.scalar("SELECT count(*) FROM tokens WHERE token_hash = :t", t=token) == 0
    assert (
        laptop.get(laptop.url("/assignments/mine")).json()["assignments"][0]["scope"]
        == "32.04.12.2002"
    )
    admin = server.client("admin1")
    r = admin.post(
        admin.url("/auth/revoke"), json={"username": "enum1", "device_id": laptop.device_id}
    )
    assert r.json() == {"revoked": 1}
    assert laptop.get(laptop.url("/assignments/mine")).status_code == 401
    assert other.get(other.url("/assignments/mine")).ok
    assert other.post(other.url("/auth/revoke"), json={}).json() == {"revoked": 1}
    assert other.get(other.url("/assignments/mine")).status_code == 401
    enum2 = server.client("enum2")
    assert enum2.post(enum2.url("/auth/revoke"), json={"username": "enum1"}).status_code == 403


def test_body_limit_and_json_errors(server):
    enum1 = server.client("enum1")
    r = enum1.post(
        enum1.url("/changesets"),
        data=b"{" + b" " * (21 * 1024 * 1024) + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 413 and "detail" in r.json()
    r = enum1.post(
        enum1.url("/changesets"), data=b"not json", headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 422 and set(r.json()) == {"detail", "code", "household_id", "field"}
    assert requests.get(server.base + "/openapi.json").json()["paths"]["/api/v1/changesets"]
