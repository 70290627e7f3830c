"""POST /bundles and GET /bundles/{reply_id} over HTTP: a relayed bundle applies as a direct
push would, and a damaged, wrongly signed, revoked, foreign or oversized one is refused whole
with nothing applied (issue 14)."""

import hashlib
import uuid

import pytest
import requests
from server_harness import HID, PASSWORD, changeset, edit, jpeg

from dtks.bundles import container
from dtks.bundles.container import Item
from dtks.bundles.keys import KeyPair
from dtks.bundles.manifest import KIND_PUSH, Manifest
from sync_server.services.users import create_user

DEVICE = "5f0c1d2e-0000-4000-8000-00000000e001"


def _login(server, username: str, device: str, keys: KeyPair | None = None) -> requests.Session:
    body = {"username": username, "password": PASSWORD, "device_id": device}
    if keys is not None:
        body |= {"device_public_key": keys.public().ed25519,
                 "device_x25519_key": keys.public().x25519}  # fmt: skip
    r = requests.post(server.base + "/auth/token", json=body, timeout=30)
    assert r.status_code == 200, r.text
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return s


@pytest.fixture
def field(server):
    """enum1's laptop registered its keys; super1 is logged in; the server's public keys."""
    keys = KeyPair.generate()
    enum1 = _login(server, "enum1", DEVICE, keys)
    server_keys = enum1.get(server.base + "/server/keys").json()
    return {"keys": keys, "enum1": enum1, "super1": _login(server, "super1", "office"),
            "server_keys": server_keys}  # fmt: skip


def _bundle(field, payloads=None, signer=None, recipient=None, username="enum1", **head) -> bytes:
    """A push bundle of one change-set moving HID's alamat (or the payloads given)."""
    if payloads is None:
        body = changeset([edit(HID, 1, alamat=(_alamat(), "Jl. Relay 1"))], DEVICE)
        payloads = [Item("changeset", body["changeset_id"], _json(body))]
    keys = field["server_keys"]
    manifest = Manifest(
        head.get("bundle_id", str(uuid.uuid4())), KIND_PUSH, head.get("device_id", DEVICE),
        username, "2026-11-02T09:00:00+07:00", head.get("key_id", keys["key_id"]),
        [i.id for i in payloads if i.kind == "changeset"],
        [i.id for i in payloads if i.kind == "photo"], head.get("since", {}),
    )  # fmt: skip
    return container.seal(manifest, payloads, recipient or keys["x25519"], signer or field["keys"])


_ALAMAT = {}


def _alamat() -> str:
    return _ALAMAT["value"]


def _json(body) -> bytes:
    import json

    return json.dumps(body).encode()


@pytest.fixture(autouse=True)
def _pre_list_address(server):
    import json

    values = server.scalar('SELECT "values" FROM households WHERE household_id = :h', h=HID)
    _ALAMAT["value"] = json.loads(values)["alamat"]


def _post(session, server, data: bytes) -> requests.Response:
    return session.post(server.base + "/bundles", data=data, timeout=120)


def _written(server) -> tuple:
    """What a bundle could have written: audit rows, change-sets, bundles, HID's version."""
    return (
        server.scalar("SELECT count(*) FROM audit"),
        server.scalar("SELECT count(*) FROM changesets"),
        server.scalar("SELECT count(*) FROM bundles"),
        server.scalar("SELECT version FROM households WHERE household_id = :h", h=HID),
    )


def test_a_relayed_bundle_applies_as_the_enumerator_with_the_supervisor_as_relayer(server, field):
    r = _post(field["super1"], server, _bundle(field))
    assert r.status_code == 200, r.text
    reply = field["super1"].get(server.base + f"/bundles/{r.json()['reply_id']}")
    assert reply.status_code == 200
    sealed = container.read(reply.content)
    sealed.verify(field["server_keys"]["ed25519"])
    (item,) = sealed.open(field["keys"])
    assert r.json()["households"] == 1 and r.json()["refused"] == 0, item.data[:400]
    assert b'"outcome":"applied"' in item.data
    rows = server.sql(
        "SELECT u.username, r.username, a.new FROM audit a JOIN users u ON u.id = a.user_id "
        "JOIN users r ON r.id = a.relayer_id WHERE a.household_id = :h",
        h=HID,
    )
    assert rows == [("enum1", "super1", '"Jl. Relay 1"')]


@pytest.mark.parametrize("where", [0.01, 0.2, 0.5, 0.8, 0.995])
def test_a_bundle_with_a_changed_byte_is_refused_whole(server, field, where):
    data = bytearray(_bundle(field))
    data[int(len(data) * where)] ^= 0x01
    before = _written(server)
    r = _post(field["super1"], server, bytes(data))
    assert r.status_code == 422 and r.json()["code"] == "bundle_damaged", r.text
    assert "changed" in r.json()["detail"] or "damaged" in r.json()["detail"]
    assert _written(server) == before


def test_a_bundle_signed_by_another_key_is_refused(server, field):
    before = _written(server)
    r = _post(field["super1"], server, _bundle(field, signer=KeyPair.generate()))
    assert r.status_code == 422 and r.json()["code"] == "bundle_signature", r.text
    assert _written(server) == before


def test_a_bundle_of_another_device_or_user_is_refused(server, field):
    before = _written(server)
    other_device = _post(field["super1"], server, _bundle(field, device_id="stolen-laptop"))
    other_user = _post(field["super1"], server, _bundle(field, username="enum2"))
    for r in (other_device, other_user):
        assert r.status_code == 422 and r.json()["code"] == "bundle_foreign", r.text
    assert _written(server) == before


def test_a_bundle_sealed_for_another_server_is_refused(server, field):
    stranger = KeyPair.generate().public()
    before = _written(server)
    wrong_id = _post(field["super1"], server, _bundle(field, key_id=stranger.key_id))
    wrong_key = _post(field["super1"], server, _bundle(field, recipient=stranger.x25519))
    for r in (wrong_id, wrong_key):
        assert r.status_code == 422 and r.json()["code"] == "bundle_foreign", r.text
    assert _written(server) == before


def test_a_bundle_from_a_revoked_device_is_refused(server, field):
    data = _bundle(field)
    admin = _login(server, "admin1", "office-admin")
    revoked = admin.post(
        server.base + "/auth/revoke", json={"username": "enum1", "device_id": DEVICE}
    )
    assert revoked.status_code == 200, revoked.text
    before = _written(server)
    r = _post(field["super1"], server, data)
    assert r.status_code == 403 and r.json()["code"] == "bundle_revoked", r.text
    assert "revoked" in r.json()["detail"]
    assert _written(server) == before


def test_a_bundle_relayed_twice_applies_once(server, field):
    data = _bundle(field)
    first = _post(field["super1"], server, data)
    after_first = _written(server)
    second = _post(field["super1"], server, data)
    assert first.status_code == second.status_code == 200
    assert second.json()["replayed"] is True
    assert second.json()["reply_id"] == first.json()["reply_id"]
    assert _written(server) == after_first


def test_a_supervisor_outside_the_enumerators_wilayah_cannot_relay(server, field):
    with server.engine.begin() as conn:
        create_user(conn, "super_far", "supervisor", ["320405"], PASSWORD)
    before = _written(server)
    r = _post(_login(server, "super_far", "far-office"), server, _bundle(field))
    assert r.status_code == 403, r.text
    assert "outside your scope" in r.json()["detail"]
    assert _written(server) == before


def test_a_15_mb_bundle_is_admitted_and_an_absurd_one_is_refused_before_reading(server, field):
    photos = []
    for n in range(150):  # 150 x 100 kB: a big day's photos
        data = jpeg(n, (320, 240)) + bytes(100_000)  # trailing bytes: a valid, large JPEG
        photos.append(Item("photo", hashlib.sha256(data).hexdigest(), data))
    big = _bundle(field, payloads=photos)
    assert len(big) > 15_000_000
    r = _post(field["enum1"], server, big)
    assert r.status_code == 200, r.text[:300]
    absurd = _post(field["enum1"], server, bytes(70 * 1024 * 1024))
    assert absurd.status_code == 413 and absurd.json()["code"] == "too_large"


def test_a_reply_is_fetched_only_by_its_enumerator_relayer_or_their_supervisor(server, field):
    r = _post(field["enum1"], server, _bundle(field))
    reply = server.base + f"/bundles/{r.json()['reply_id']}"
    assert field["enum1"].get(reply).status_code == 200
    assert field["super1"].get(reply).status_code == 200
    assert _login(server, "enum2", "laptop-2").get(reply).status_code == 404
    assert _login(server, "reviewer1", "desk").get(reply).status_code == 404
