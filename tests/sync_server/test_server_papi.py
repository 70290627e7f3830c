"""PAPI double entry on a real server: the papi block stored, independent entries compared
and adjudicated, dependent verification's sample and corrections, keyer error rates, and
the role and scope of every /papi route."""

import copy
import json
from pathlib import Path

import pytest
from server_harness import DESA, HID, HID2, PASSWORD, ROUND, edit, household_id
from sqlalchemy import text

from dtks.forms import load_form
from dtks.forms.prefill import prefill
from sync_server.services.assignments import assign
from sync_server.services.users import create_user

FORMS = Path(__file__).resolve().parents[2] / "forms"
FORM = load_form(FORMS / "verivali-dtks.xlsx")
HOUSING = {
    "status_bangunan": "1",
    "luas_lantai": 36,
    "lantai": "6",
    "dinding": "1",
    "kondisi_dinding": "1",
    "atap": "4",
    "kondisi_atap": "2",
    "kamar_tidur": 2,
    "sumber_air": "5",
    "cara_air": "3",
    "penerangan": "1",
    "daya": "1",
    "bahan_bakar": "3",
    "fasilitas_bab": "1",
    "kloset": "1",
    "tinja": "1",
}
ASSETS = dict.fromkeys(
    "tabung_gas lemari_es ac pemanas_air telepon_rumah televisi emas komputer sepeda "
    "sepeda_motor mobil perahu motor_tempel perahu_motor lahan rumah_lain".split(),
    "2",
)


@pytest.fixture
def clerk2(server):
    """A second clerk of the desa."""
    with server.engine.begin() as conn:
        create_user(conn, "clerk2", "clerk", [DESA], PASSWORD)
        assign(conn, "clerk2", DESA, ROUND, "verivali_dtks", "2026110101")
    return server.client("clerk2")


def paper(server, hid: str) -> dict:
    """The answers a paper questionnaire of the household holds (complete, valid)."""
    h = server.client("clerk1").household(server.assignment_ids["clerk1"], hid)
    members = [{**m["values"], "member_id": m["member_id"]} for m in h["members"]]
    answers = prefill(FORM, h["values"], members)
    answers.update(HOUSING, **ASSETS)
    answers.update(
        tanggal_kunjungan="2026-11-01",
        gps="-6.98765 107.62912 0 8",
        status_rt="1",
        art_lengkap="1",
        program="1 2",
        hasil="1",
    )
    for m in answers["members"]:
        m.update(status_art="1", disabilitas="2", penyakit_kronis="1", pekerjaan="3")
        if m.get("jenis_kelamin") == "2":
            m["hamil"] = "2"
    assert FORM.validate(answers, paper=True) == []
    return answers


def entry(hid, answers, clerk, number, batch="B-01", no="0001", verify=None, checks=()):
    """A household entry of a PAPI change-set: the verification with its papi block."""
    papi = {"batch": batch, "questionnaire_no": no, "entry": number, "keyed_by": clerk}
    if verify:
        papi["verify"] = verify
    if checks:
        papi["checks"] = list(checks)
    return {
        **edit(hid, 1),
        "verification": {
            "status": "finalized",
            "result": "1",
            "answers": answers,
            "gps": None,
            "photos": [],
            "started_at": "2026-11-02T09:00:00+07:00",
            "finished_at": "2026-11-02T09:10:00+07:00",
            "papi": papi,
        },
    }


def push(client, households):
    r = client.push(households, mode="PAPI")
    assert r.status_code == 200, r.text
    return r.json()


def open_flags(server, hid):
    rows = server.sql(
        "SELECT kind FROM flags WHERE household_id = :h AND cleared_at IS NULL", h=hid
    )
    return {r[0] for r in rows}


def test_two_independent_entries_wait_as_differences_and_adjudication_writes_the_paper(
    server, clerk2
):
    clerk1, super1 = server.client("clerk1"), server.client("super1")
    truth = paper(server, HID)
    mid = truth["members"][1]["id_art"]
    first = copy.deepcopy(truth)
    first["members"][1]["pekerjaan"] = "7"  # clerk1 mis-keys a member's occupation
    second = copy.deepcopy(truth)
    second["luas_lantai"] = 63  # clerk2 mis-keys the floor area
    push(clerk1, [entry(HID, first, "clerk1", 1)])
    push(clerk2, [entry(HID, second, "clerk2", 2, verify="independent")])

    assert server.scalar("SELECT count(*) FROM verifications WHERE household_id = :h", h=HID) == 2
    assert open_flags(server, HID) >= {"papi_difference"}
    assert "duplicate_verification" not in open_flags(server, HID)
    r = super1.get(super1.url("/papi/differences"), params={"scope": DESA, "batch": "B-01"})
    assert r.status_code == 200, r.text
    found = {d["key"]: (d["entry1"], d["entry2"]) for d in r.json()["differences"]}
    assert found == {
        "luas_lantai": ({"value": 36, "keyed_by": "clerk1"}, {"value": 63, "keyed_by": "clerk2"}),
        f"{mid}.pekerjaan": (
            {"value": "7", "keyed_by": "clerk1"},
            {"value": "3", "keyed_by": "clerk2"},
        ),
    }

    choices = {"luas_lantai": {"take": "entry1"}, f"{mid}.pekerjaan": {"take": "entry2"}}
    r = super1.post(super1.url(f"/papi/differences/{HID}"), json={"choices": choices})
    assert r.status_code == 200, r.text
    assert r.json()["open"] == 0 and r.json()["resolved"] == 2
    assert "papi_difference" not in open_flags(server, HID)
    member = server.client("clerk1").household(server.assignment_ids["clerk1"], HID)["members"][1]
    assert member["values"]["pekerjaan"] == 3  # the member column holds the paper's value
    final = server.scalar(
        "SELECT answers FROM verifications WHERE household_id = :h AND papi_entry = 1", h=HID
    )
    final = json.loads(final)
    assert final["members"][1]["pekerjaan"] == "3" and final["luas_lantai"] == 36
    assert super1.get(super1.url("/papi/differences"), params={"scope": DESA}).json() == {
        "differences": []
    }

    r = super1.get(super1.url("/papi/keyers"), params={"scope": DESA, "round": ROUND})
    assert r.status_code == 200, r.text
    keyers = {k["username"]: k for k in r.json()["keyers"]}
    assert keyers["clerk1"]["errors"] == 1 and keyers["clerk2"]["errors"] == 1
    keyed = keyers["clerk1"]["fields_keyed"]
    assert keyed > 60 and keyers["clerk1"]["fields_verified"] == keyed
    assert keyers["clerk1"]["error_rate"] == pytest.approx(1 / keyed)
    fields = {f["field"]: f["errors"] for f in r.json()["fields"]}
    assert fields["pekerjaan"] == 1 and fields["luas_lantai"] == 1 and fields["alamat"] == 0


def test_dependent_verification_gets_every_second_questionnaire_and_applies_the_paper(
    server, clerk2
):
    clerk1, super1 = server.client("clerk1"), server.client("super1")
    r = super1.put(super1.url("/papi/sampling"), json={"round": ROUND, "scope": DESA, "every": 2})
    assert r.status_code == 200, r.text
    ids = [household_id(DESA, n) for n in range(1, 5)]
    papers = {hid: paper(server, hid) for hid in ids}
    for n, hid in enumerate(ids, 1):
        push(clerk1, [entry(hid, papers[hid], "clerk1", 1, no=f"{n:04d}")])
    listed = clerk2.get(clerk2.url("/papi/verify"), params={"scope": DESA})
    assert listed.status_code == 200, listed.text
    items = listed.json()["questionnaires"]
    assert [q["household_id"] for q in items] == [ids[1], ids[3]]
    assert clerk1.get(clerk1.url("/papi/verify")).json()["questionnaires"] == []  # own work

    # clerk1 keyed rt wrong on questionnaire 2: the verifier meets it and says the paper has 009
    hid = ids[1]
    keyed1 = items[0]["answers"]["rt"]
    verified = copy.deepcopy(papers[hid])
    verified["rt"] = "009"
    checks = [
        {"field": "rt", "entry1": keyed1, "keyed": "009", "paper": "009"},
        {"field": "kamar_tidur", "entry1": 2, "keyed": 3, "paper": 2},
    ]
    push(clerk2, [entry(hid, verified, "clerk2", 2, no="0002", verify="dependent", checks=checks)])
    pulled = clerk1.household(server.assignment_ids["clerk1"], hid)
    assert pulled["values"]["rt"] == "009"
    assert "papi_difference" not in open_flags(server, hid)
    assert [
        q["household_id"] for q in clerk2.get(clerk2.url("/papi/verify")).json()["questionnaires"]
    ] == [ids[3]]
    rows = server.sql(
        "SELECT field, take, resolved_at IS NOT NULL FROM papi_differences WHERE household_id = :h",
        h=hid,
    )
    assert [tuple(r) for r in rows] == [("rt", "entry2", True)]
    report = super1.get(super1.url("/papi/keyers"), params={"scope": DESA}).json()
    keyers = {k["username"]: k for k in report["keyers"]}
    assert (keyers["clerk1"]["errors"], keyers["clerk2"]["errors"]) == (1, 1)
    assert keyers["clerk1"]["questionnaires"] == 4
    assert keyers["clerk1"]["fields_verified"] * 4 == keyers["clerk1"]["fields_keyed"]


@pytest.mark.parametrize(
    ("user", "method", "path", "status"),
    [
        ("clerk1", "get", "/papi/differences", 403),
        ("enum1", "get", "/papi/verify", 403),
        ("enum1", "get", "/papi/keyers", 403),
        ("clerk1", "put", "/papi/sampling", 403),
        ("reviewer2", "get", "/papi/differences?scope=3204", 403),
        ("reviewer2", "get", "/papi/keyers?scope=3204", 403),
        ("super1", "get", "/papi/verify?scope=3205", 403),
        ("reviewer2", "post", f"/papi/differences/{HID}", 403),
    ],
)
def test_papi_routes_check_role_and_scope(server, user, method, path, status):
    client = server.client(user)
    body = {"round": ROUND, "scope": DESA, "every": 2} if method == "put" else None
    if method == "post":
        body = {"choices": {"alamat": {"take": "entry1"}}}
    r = getattr(client, method)(client.url(path), json=body)
    assert r.status_code == status, r.text
    assert "detail" in r.json()


def test_bad_papi_input_is_a_4xx_naming_what(server, clerk2):
    super1 = server.client("super1")
    r = super1.post(
        super1.url(f"/papi/differences/{HID2}"), json={"choices": {"alamat": {"take": "entry1"}}}
    )
    assert r.status_code == 422 and "alamat" in r.json()["detail"]
    r = super1.put(
        super1.url("/papi/sampling"), json={"round": ROUND, "scope": DESA, "every": 2, "percent": 5}
    )
    assert r.status_code == 422
    bad = entry(HID, paper(server, HID), "clerk1", 3)
    r = server.client("clerk1").push([bad], mode="PAPI")
    assert r.status_code == 422 and "papi.entry" in r.json()["detail"]


def test_migration_0011_keeps_existing_verifications(tmp_path):
    from alembic import command

    from sync_server.db.engine import make_engine
    from sync_server.db.migrate import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(alembic_config(engine), "0010")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (username, role, password_hash, created_at, disabled) "
                "VALUES ('u', 'clerk', 'x', '2026', 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO verifications (household_id, round, changeset_id, user_id, "
                "device_id, answers, photos, received_at) VALUES "
                "('h1', '2026-11', 'c1', 1, 'd1', '{\"a\": 1}', '[]', '2026')"
            )
        )
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as conn:
        row = conn.execute(text("SELECT answers, papi, papi_entry FROM verifications")).one()
        assert tuple(row) == ('{"a": 1}', None, None)
        assert conn.execute(text("SELECT count(*) FROM papi_differences")).scalar() == 0
    engine.dispose()
