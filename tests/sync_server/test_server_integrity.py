"""Visit integrity on the server: paradata received and bounded, integrity flags with their
evidence at push, the evidence, map points and per-enumerator routes, a refresh on request."""

import hashlib
import io
from datetime import datetime, timedelta, timezone
from random import Random

from PIL import Image, ImageDraw
from server_harness import HID, HOUSEHOLDS_A, edit, verification
from server_prelist import DESA, OTHER_DESA, household_id

WIB = timezone(timedelta(hours=7))
PARADATA = {
    "v": 1,
    "t0": "2026-11-02T09:00:00+07:00",
    "dropped": 0,
    "e": [[0, "o"], [60, "a", "alamat"]],
}


def test_paradata_over_its_cap_is_refused_with_its_code(server):
    enum1 = server.client("enum1")
    too_many = PARADATA | {"e": [[i, "a", "alamat"] for i in range(2001)]}
    entry = edit(HID, 1, rt=("002", "009")) | {
        "verification": verification() | {"paradata": too_many}
    }
    r = enum1.push([entry])
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == "paradata_too_large" and body["household_id"] == HID
    assert "2,001 events" in body["detail"]
    bad = edit(HID, 1, rt=("002", "009")) | {
        "verification": verification() | {"paradata": PARADATA | {"v": 9}}
    }
    r = enum1.push([bad])
    assert r.status_code == 422 and r.json()["code"] == "validation", r.text
    assert server.scalar("SELECT count(*) FROM verifications") == 0


def house_jpeg(seed: int, size=(800, 600), quality=85) -> bytes:
    """A photo-like JPEG that differs by seed (shapes on a colour)."""
    rng = Random(seed)
    image = Image.new("RGB", (800, 600), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(20):
        x, y, w, h = (
            rng.randrange(800),
            rng.randrange(600),
            rng.randrange(80, 400),
            rng.randrange(80, 300),
        )
        draw.rectangle((x, y, x + w, y + h), fill=tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    image.resize(size).save(out, "JPEG", quality=quality)
    return out.getvalue()


def upload(client, data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    r = client.put(client.url(f"/photos/{sha}"), data=data)
    assert r.status_code in (200, 201), r.text
    return sha


def not_found(values: dict) -> dict:
    """Answers the verivali form accepts: the household was not found at the address."""
    return {
        "tanggal_kunjungan": "2026-11-02", "kode_wilayah": values["kode_wilayah"],
        "alamat": values["alamat"], "rt": values["rt"], "rw": values["rw"],
        "gps": "-6.98765 107.62912 700 8", "status_rt": 2, "hasil": 2, "alasan": 2,
    }  # fmt: skip


def finalized(values, started, finished, lat, lon, sha, taken) -> dict:
    """A finalized verification with paradata: an answer a minute, the photo at 10 s."""
    t0, took = started, round((finished - started).total_seconds())
    exif = round((taken - t0).total_seconds())
    events = [[0, "o"], [5, "a", "alamat"], [10, "p", sha, None, None, exif]]
    events += [[at, "a", f"q{at}"] for at in range(60, took, 60)] + [[took, "f"]]
    return {
        "status": "finalized",
        "result": "2",
        "answers": not_found(values),
        "gps": {"lat": lat, "lon": lon, "accuracy_m": 6, "source": "device"},
        "photos": [sha],
        "started_at": started.isoformat(),
        "finished_at": finished.isoformat(),
        "paradata": {"v": 1, "t0": t0.isoformat(), "dropped": 0, "e": events},
    }


PLANTED = [household_id(DESA, i) for i in range(1, 11)]
HONEST = [household_id(DESA, i) for i in range(11, HOUSEHOLDS_A + 1)]


def push_planted_and_honest(server):
    enum1, enum2 = server.client("enum1"), server.client("enum2")
    pulled = enum1.pull_all(server.assignment_ids["enum1"])
    desk = datetime(2026, 11, 3, 19, 30, tzinfo=WIB)
    original = house_jpeg(1)
    resized = house_jpeg(1, size=(400, 300), quality=60)
    entries = []
    for i, hid in enumerate(PLANTED):
        data = original if i == 0 else resized if i == 1 else house_jpeg(100 + i)
        sha = upload(enum1, data)
        finished = desk + timedelta(seconds=40 * i)
        started = finished - timedelta(seconds=35)
        v = finalized(
            pulled[hid]["values"],
            started,
            finished,
            -6.98,
            107.63,
            sha,
            started - timedelta(days=1),
        )
        entries.append(edit(hid, 1) | {"verification": v})
    r = enum1.push(entries)
    assert r.status_code == 200, r.text
    clock = datetime(2026, 11, 2, 8, 0, tzinfo=WIB)
    entries = []
    for i, hid in enumerate(HONEST):
        sha = upload(enum2, house_jpeg(200 + i))
        started = clock + timedelta(minutes=10)
        finished = started + timedelta(minutes=35)
        clock = finished
        lat = -6.9850 + i * 0.0003  # ~33 m apart along a lane
        v = finalized(
            pulled[hid]["values"],
            started,
            finished,
            lat,
            107.6291,
            sha,
            started + timedelta(minutes=4),
        )
        entries.append(edit(hid, 1) | {"verification": v})
    r = enum2.push(entries)
    assert r.status_code == 200, r.text


def open_integrity(server) -> dict:
    rows = server.sql(
        "SELECT household_id, detail FROM flags WHERE kind = 'integrity' AND cleared_at IS NULL"
    )
    return {r[0]: r[1] for r in rows}


def test_a_planted_set_is_flagged_with_evidence_and_an_honest_one_is_not(server):
    push_planted_and_honest(server)
    flagged = open_integrity(server)
    assert set(flagged) == set(PLANTED)
    reviewer = server.client("reviewer1")
    r = reviewer.get(reviewer.url(f"/integrity/households/{PLANTED[1]}"))
    assert r.status_code == 200, r.text
    body = r.json()
    kinds = {f["indicator"] for f in body["findings"]}
    assert {
        "short_interview",
        "photo_time",
        "shared_photo",
        "clustered_gps",
        "one_sitting",
    } <= kinds
    shared = next(f for f in body["findings"] if f["indicator"] == "shared_photo")
    assert shared["evidence"]["other_household_id"] == PLANTED[0]
    assert shared["evidence"]["match"] == "perceptual"
    late = next(f for f in body["findings"] if f["indicator"] == "photo_time")
    assert late["evidence"]["off_seconds"] >= 86400 - 60
    assert [e["kind"] for e in body["timeline"]] == ["o", "a", "p", "f"]
    assert body["timeline"][2]["what"] == shared["evidence"]["sha256"][:12]
    assert PLANTED[0] in body["related"]
    assert body["visit"]["enumerator"] == "enum1" and body["visit"]["interview_seconds"] == 35
    honest = reviewer.get(reviewer.url(f"/integrity/households/{HONEST[0]}")).json()
    assert honest["findings"] == [] and honest["visit"]["interview_seconds"] == 35 * 60
    # The flag informs: the queue filter finds it, approval is not refused for it.
    queue = reviewer.get(reviewer.url("/review/queue"), params={"flag": "integrity"}).json()
    assert {h["household_id"] for h in queue["households"]} == set(PLANTED)
    assert queue["counts"]["integrity"] == 10
    r = reviewer.post(
        reviewer.url(f"/review/households/{PLANTED[5]}"), json={"decision": "approve"}
    )
    assert r.status_code == 200, r.text


def test_the_supervisor_sees_each_enumerator_and_the_desa_map(server):
    push_planted_and_honest(server)
    supervisor = server.client("super1")
    r = supervisor.get(supervisor.url("/integrity/enumerators"), params={"scope": DESA})
    assert r.status_code == 200, r.text
    rows = {e["username"]: e for e in r.json()["enumerators"]}
    assert rows["enum1"]["verifications"] == 10 and rows["enum1"]["flagged_households"] == 10
    assert rows["enum1"]["by_indicator"]["one_sitting"] == 10
    assert rows["enum2"]["flagged_households"] == 0 and rows["enum2"]["verifications"] == 10
    r = supervisor.get(supervisor.url("/integrity/points"), params={"scope": DESA})
    assert r.status_code == 200, r.text
    body = r.json()
    assert len(body["points"]) == 20 and body["extent"]["source"] == "households"
    assert {p["household_id"] for p in body["points"] if p["flagged"]} == set(PLANTED)
    signs = {p["household_id"]: p["indicators"] for p in body["points"]}
    assert "one_sitting" in signs[PLANTED[0]] and signs[HONEST[0]] == []
    r = supervisor.get(supervisor.url("/integrity/points"), params={"scope": DESA[:6]})
    assert r.status_code == 422 and r.json()["field"] == "scope"


def test_a_refresh_clears_a_sign_that_went_away(server):
    push_planted_and_honest(server)
    reviewer = server.client("reviewer1")
    gone = ", ".join(f"'{hid}'" for hid in PLANTED[2:])
    with server.engine.begin() as conn:
        conn.exec_driver_sql(f"DELETE FROM verifications WHERE household_id IN ({gone})")
    r = reviewer.post(reviewer.url("/integrity/refresh"), json={"scope": DESA})
    assert r.status_code == 200, r.text
    assert r.json() == {"desas": 1, "households": 12, "flagged": 2}
    assert set(open_integrity(server)) == set(PLANTED[:2])  # the shared photo, the day before
    enum1 = server.client("enum1")
    assert enum1.get(enum1.url(f"/integrity/households/{PLANTED[0]}")).status_code == 403


def test_the_same_photo_in_another_desa_is_found(server):
    push_planted_and_honest(server)
    enum3 = server.client("enum3")  # assigned the other desa
    reused = upload(enum3, house_jpeg(200))  # the bytes of the first honest household's photo
    other = household_id(OTHER_DESA, 1)
    values = enum3.pull_all(server.assignment_ids["enum3"])[other]["values"]
    started = datetime(2026, 11, 4, 9, 0, tzinfo=WIB)
    v = finalized(values, started, started + timedelta(minutes=40), -6.95, 107.7, reused, started)
    r = enum3.push([edit(other, 1) | {"verification": v}])
    assert r.status_code == 200, r.text
    flagged = open_integrity(server)
    assert HONEST[0] in flagged and other in flagged
    reviewer = server.client("reviewer1")  # 3204 covers both desas
    body = reviewer.get(reviewer.url(f"/integrity/households/{other}")).json()
    (shared,) = [f for f in body["findings"] if f["indicator"] == "shared_photo"]
    assert shared["evidence"]["match"] == "sha256"
    assert shared["evidence"]["other_household_id"] == HONEST[0]
    # A refresh of the first desa alone reads the other one too: the sign stays.
    r = reviewer.post(reviewer.url("/integrity/refresh"), json={"scope": DESA})
    assert r.json()["desas"] == 2 and other in open_integrity(server)
