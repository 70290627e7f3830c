"""Text a user sends in a JSON body never holds the NUL character: PostgreSQL's text refuses it
(a 500 before) and a note stored with it on SQLite reached every device's pull. Each input model
refuses it with a 422 that names the field, on both engines, and nothing is stored."""

import pytest
import requests
from server_harness import HID, edit


def _detail_of_422(r):
    assert r.status_code == 422, r.text
    return r.json()


@pytest.mark.parametrize(
    "body, where",
    [
        ({"decision": "return", "note": "cek\x00lagi"}, "note"),
        (
            {"decision": "resolve", "choices": {"alamat": {"take": "value", "value": "Jl.\x00"}}},
            "choices",
        ),
    ],
)
def test_review_decision_with_nul_is_refused_naming_the_field(server, body, where):
    enum1, enum2 = server.client("enum1"), server.client("enum2")
    reviewer = server.client("reviewer1")
    assert enum1.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Melati 9"))]).ok
    r = enum2.push([edit(HID, 1, alamat=("Jl. Mawar 1", "Jl. Kenanga 4"))])
    assert r.json()["households"][0]["outcome"] == "conflict"
    before = server.scalar("SELECT version FROM households WHERE household_id = :h", h=HID)
    r = reviewer.post(reviewer.url(f"/review/households/{HID}"), json=body)
    assert where in r.text and "NUL" in r.text
    _detail_of_422(r)
    after = server.scalar("SELECT version FROM households WHERE household_id = :h", h=HID)
    assert after == before
    pulled = enum1.pull(server.assignment_ids["enum1"])
    assert all("\x00" not in str(h) for h in pulled["households"])


def test_login_with_nul_in_the_username_is_a_422_not_a_500(server):
    r = requests.post(
        server.base + "/auth/token", json={"username": "enum\x001", "password": "x" * 12}
    )
    assert r.status_code == 422, r.text
    assert "NUL" in r.text
