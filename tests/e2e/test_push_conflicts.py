"""The 409s of POST /changesets as the client tells them apart, against a real server: a
change-set id sent again with other content is ChangesetReused (an admin must look); a
household approved under its permanent id meanwhile is StateRefused (conflict_state, naming the
household): nothing was written, and the next sync follows the new id and sends it again."""

from __future__ import annotations

import json
import uuid

import pytest
from e2e_helpers import login

from capi_app.profile import Profile
from capi_app.sync.errors import ChangesetReused, StateRefused
from dtks.error_codes import ErrorCode

VALUES = {
    "no_kk": "3204120101200001",
    "kode_wilayah": "3204122002",
    "alamat": "Kp. Baru 1",
    "rt": "001",
    "rw": "001",
    "nama_krt": "Ujang Baru",
    "jumlah_art": 1,
}
HEAD = {
    "nik": "3204120508900003",
    "nama": "Ujang Baru",
    "hubungan": 1,
    "jenis_kelamin": 1,
    "tanggal_lahir": "1990-08-05",
    "status_kawin": 2,
    "nama_ibu": "Siti Aminah",
}


def _changeset(session, households, changeset_id=None) -> tuple[str, bytes]:
    (a,) = session.api.assignments()
    cid = changeset_id or str(uuid.uuid4())
    body = {
        "changeset_id": cid,
        "device_id": session.profile.settings.device_id,
        "form_id": a["form_id"],
        "form_version": a["form_version"],
        "mode": "CAPI",
        "created_at": "2026-11-02T10:00:00+07:00",
        "households": households,
    }
    return cid, json.dumps(body).encode()


@pytest.fixture
def sessions(tmp_path, small_server):
    small_server.add_user("rev1", role="reviewer", scopes=["3204"])
    out = {n: login(Profile(tmp_path / n), small_server.url, n) for n in ("enum1", "rev1")}
    yield out
    for s in out.values():
        s.close()


def test_a_reused_id_and_a_household_approved_meanwhile_are_two_kinds_of_409(sessions):
    enum1, rev1 = sessions["enum1"], sessions["rev1"]
    hid, head = str(uuid.uuid4()), str(uuid.uuid4())
    proposal = {"household_id": hid, "base_version": 0, "new": True, "values": VALUES,
                "members": [{"op": "add", "member_id": head, "values": HEAD}]}  # fmt: skip
    cid, payload = _changeset(enum1, [proposal])
    assert enum1.api.push(payload)["households"][0]["outcome"] == "applied"

    # The same change-set id with other content: the one 409 resending cannot fix.
    other = {**proposal, "values": {**VALUES, "alamat": "Kp. Lain 2"}}
    with pytest.raises(ChangesetReused) as reused:
        enum1.api.push(_changeset(enum1, [other], cid)[1])
    assert reused.value.code is ErrorCode.CHANGESET_MISMATCH

    # Approved under its permanent id; an edit still naming the proposal's UUID is refused
    # for the household's state, not taken for a reused id.
    decided = rev1.api._request("POST", f"/review/households/{hid}", json={"decision": "approve"})
    assert decided["replaces"] == hid
    edit = {"household_id": hid, "base_version": 1,
            "fields": {"alamat": {"base": "Kp. Baru 1", "value": "Kp. Baru 3"}}}  # fmt: skip
    with pytest.raises(StateRefused) as refused:
        enum1.api.push(_changeset(enum1, [edit])[1])
    assert not isinstance(refused.value, ChangesetReused)
    assert refused.value.code is ErrorCode.CONFLICT_STATE
    assert refused.value.household_id == hid
    assert decided["household_id"] in str(refused.value)
