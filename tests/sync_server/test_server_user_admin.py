"""An admin acts only on users whose every scope lies inside the admin's own: revoking anyone
else's tokens answers as for an unknown user and changes nothing."""

from server_harness import PASSWORD

from dtks.error_codes import ErrorCode
from sync_server.services.users import create_user


def _add_users(server, *users) -> None:
    with server.engine.begin() as conn:
        for name, role, scopes in users:
            create_user(conn, name, role, scopes, PASSWORD)


def _revoke(client, username):
    return client.post(client.url("/auth/revoke"), json={"username": username})


def _masked(body: dict, name: str) -> dict:
    return {k: (v.replace(name, "<user>") if isinstance(v, str) else v) for k, v in body.items()}


def test_an_admin_of_another_kabupaten_cannot_revoke_and_learns_nothing(server):
    _add_users(server, ("admin_b", "admin", ["3205"]))
    enum1, admin1, reviewer2 = (server.client(n) for n in ("enum1", "admin1", "reviewer2"))
    admin_b = server.client("admin_b")
    unknown = _revoke(admin_b, "nobody")
    assert unknown.status_code == 404 and unknown.json()["code"] == ErrorCode.NOT_FOUND
    for name in ("admin1", "enum1"):
        r = _revoke(admin_b, name)
        assert r.status_code == 404, r.text
        assert _masked(r.json(), name) == _masked(unknown.json(), "nobody")
    live = "SELECT count(*) FROM tokens t JOIN users u ON u.id = t.user_id "
    live += "WHERE u.username = :u AND t.revoked_at IS NULL"
    assert server.scalar(live, u="enum1") == 1 and server.scalar(live, u="admin1") == 1
    assert enum1.get(enum1.url("/assignments/mine")).ok
    assert admin1.get(admin1.url("/review/queue")).ok
    r = _revoke(admin_b, "reviewer2")
    assert r.status_code == 200 and r.json() == {"revoked": 1}
    assert reviewer2.get(reviewer2.url("/review/queue")).status_code == 401


def test_a_kabupaten_admin_reaches_its_desa_but_not_a_wider_or_straddling_user(server):
    _add_users(
        server,
        ("admin_a", "admin", ["3204"]),
        ("super_ab", "supervisor", ["3204", "3205"]),
    )
    admin_a = server.client("admin_a")
    server.client("super_ab")
    assert _revoke(admin_a, "admin1").status_code == 404  # scope 32 is wider than 32.04
    assert _revoke(admin_a, "super_ab").status_code == 404  # 32.05 lies outside
    assert _revoke(admin_a, "enum1").json() == {"revoked": 0}
    server.client("enum1")
    assert _revoke(admin_a, "enum1").json() == {"revoked": 1}
    admin1 = server.client("admin1")
    assert _revoke(admin1, "admin_a").json() == {"revoked": 1}
    assert _revoke(admin1, "super_ab").json() == {"revoked": 1}
