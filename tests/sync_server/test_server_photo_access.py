"""Photos are seen only within the wilayah scope of a household that names them (or by their
uploader); outside it a photo answers exactly as one never uploaded. Uploads are decoded:
only whole JPEG images are kept. Served files carry X-Content-Type-Options: nosniff."""

import hashlib

import pytest
from server_harness import HID, HID_B, PASSWORD, edit, jpeg, verification

from dtks.error_codes import ErrorCode
from sync_server.services.users import create_user


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _add_users(server, *users) -> None:
    with server.engine.begin() as conn:
        for name, role, scopes in users:
            create_user(conn, name, role, scopes, PASSWORD)


def _put(client, data: bytes, sha: str | None = None):
    return client.put(
        client.url(f"/photos/{sha or _sha(data)}"),
        data=data,
        headers={"Content-Type": "image/jpeg"},
    )


@pytest.fixture
def named_photo(server):
    """A photo enum1 uploaded and named in a verification of HID (desa 32.04.12.2002)."""
    photo = jpeg(3)
    enum1 = server.client("enum1")
    assert _put(enum1, photo).status_code == 201
    r = enum1.push([{**edit(HID, 1), "verification": verification(photos=[_sha(photo)])}])
    assert r.status_code == 200, r.text
    return photo


def _without_sha(body: dict, sha: str) -> dict:
    return {k: (v.replace(sha, "<sha>") if isinstance(v, str) else v) for k, v in body.items()}


def test_a_photo_outside_your_scope_answers_as_one_never_uploaded(server, named_photo):
    _add_users(
        server,
        ("super_b", "supervisor", ["3205"]),
        ("admin_b", "admin", ["3205"]),
    )
    sha, never = _sha(named_photo), _sha(jpeg(99))
    for name in ("reviewer2", "super_b", "admin_b"):
        c = server.client(name)
        r, absent = c.get(c.url(f"/photos/{sha}")), c.get(c.url(f"/photos/{never}"))
        assert (r.status_code, absent.status_code) == (404, 404), name
        assert _without_sha(r.json(), sha) == _without_sha(absent.json(), never)
        assert r.json()["code"] == ErrorCode.NOT_FOUND
    for name in ("enum3", "super_b"):  # enum3: another desa of the same kecamatan
        c = server.client(name)
        r, absent = c.head(c.url(f"/photos/{sha}")), c.head(c.url(f"/photos/{never}"))
        assert (r.status_code, absent.status_code) == (404, 404), name
        assert r.headers["content-length"] == absent.headers["content-length"]
    for name in ("super1", "reviewer1", "admin1"):
        c = server.client(name)
        r = c.get(c.url(f"/photos/{sha}"))
        assert r.status_code == 200 and r.content == named_photo, name
    for name in ("enum1", "enum2", "clerk1", "super1"):  # enum2, clerk1: the same desa
        c = server.client(name)
        assert c.head(c.url(f"/photos/{sha}")).status_code == 200, name


def test_before_the_push_only_the_uploader_sees_the_photo(server):
    photo = jpeg(4)
    sha = _sha(photo)
    enum1, enum2, super1 = (server.client(n) for n in ("enum1", "enum2", "super1"))
    assert _put(enum1, photo).status_code == 201
    assert enum1.head(enum1.url(f"/photos/{sha}")).status_code == 200
    assert enum2.head(enum2.url(f"/photos/{sha}")).status_code == 404
    assert super1.get(super1.url(f"/photos/{sha}")).status_code == 404
    r = _put(enum2, photo)  # another uploader learns nothing: as for a new photo
    assert r.status_code == 201 and r.json()["created"] is True
    assert _put(enum2, photo).json()["created"] is False
    assert server.scalar("SELECT count(*) FROM photos") == 1
    assert server.scalar("SELECT count(*) FROM photo_uploads") == 2


def test_a_change_set_naming_a_photo_outside_your_scope_is_refused_as_missing(server, named_photo):
    enum3 = server.client("enum3")
    sha = _sha(named_photo)
    r = enum3.push([{**edit(HID_B, 1), "verification": verification(photos=[sha])}])
    assert r.status_code == 422
    body = r.json()
    assert (body["code"], body["household_id"]) == (ErrorCode.PHOTO_MISSING, HID_B)
    never = _sha(jpeg(98))
    r2 = enum3.push([{**edit(HID_B, 1), "verification": verification(photos=[never])}])
    assert _without_sha(r2.json(), never) == _without_sha(body, sha)
    assert server.scalar("SELECT count(*) FROM verifications WHERE household_id = :h", h=HID_B) == 0


def _truncated() -> bytes:
    whole = jpeg(5, (400, 300))
    return whole[: len(whole) // 2]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\xff\xd8\xff<html><script>alert(document.cookie)</script></html>", "not a JPEG image"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "not a JPEG but a PNG image"),
        (b"<html><body>hello</body></html>", "not a JPEG but text"),
        (_truncated(), "damaged JPEG"),
        (jpeg(6) + b"<script>alert(1)</script>", "data after its end"),
    ],
    ids=["jpeg-magic-then-html", "png", "html", "truncated", "trailing-html"],
)
def test_an_upload_that_is_not_a_whole_jpeg_is_refused_and_not_kept(server, data, says):
    enum1 = server.client("enum1")
    r = _put(enum1, data)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == ErrorCode.PHOTO_INVALID and body["field"] == "body"
    assert says in body["detail"] and _sha(data) in body["detail"]
    assert server.scalar("SELECT count(*) FROM photos") == 0
    assert not list((server.data_dir / "photos").rglob("*.jpg"))


def test_served_files_and_replies_say_nosniff(server, named_photo):
    reviewer = server.client("reviewer1")
    r = reviewer.get(reviewer.url(f"/photos/{_sha(named_photo)}"))
    assert r.headers["content-type"] == "image/jpeg"
    assert r.headers["x-content-type-options"] == "nosniff"
    for reply in (
        reviewer.get(reviewer.url("/review/queue")),
        reviewer.get(reviewer.url("/no/such/route")),
        reviewer.head(reviewer.url(f"/photos/{_sha(named_photo)}")),
    ):
        assert reply.headers["x-content-type-options"] == "nosniff"
