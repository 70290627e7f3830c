"""Field work for the review tests and screenshots: enumerators edit, verify and sync for real."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from capi_app.account import Session, login_online
from capi_app.media import gps_of, import_photo
from capi_app.profile import Profile
from capi_app.sync.session import run_sync
from dtks.model import Gps

PHOTOS = Path(__file__).resolve().parents[1] / "photos"
WIB = timezone(timedelta(hours=7))
POINT_ONE = Gps(lat=-6.98765, lon=107.62912, accuracy_m=8, source="device")
POINT_TWO = Gps(lat=-6.98801, lon=107.62950, accuracy_m=12, source="device")


def enumerator(root: Path, url: str, user: str, password: str) -> Session:
    """An enumerator's client: logged in online and pulled."""
    session = login_online(Profile(root / f"profile-{user}"), url, user, password)
    session.api.backoff = 0.01
    run_sync(session, phases=("pull",))
    return session


def answers(values: dict, gps: Gps = POINT_ONE) -> dict:
    """A finalized verivali answer set the form accepts: household not found at the address."""
    return {
        "tanggal_kunjungan": "2026-11-02",
        "kode_wilayah": values["kode_wilayah"],
        "alamat": values["alamat"],
        "rt": values["rt"],
        "rw": values["rw"],
        "gps": f"{gps.lat:.6f} {gps.lon:.6f} 700 {gps.accuracy_m or 10:.0f}",
        "status_rt": 2,
        "hasil": 2,
        "alasan": 2,
    }


def verify(
    session: Session,
    household_id: str,
    gps: Gps = POINT_ONE,
    photo: str | None = None,
    minutes: int = 12,
) -> None:
    """Finalize the household's verification (optionally with a photo whose GPS is used)."""
    store, user = session.store, session.username
    if photo:
        record = import_photo(store, household_id, PHOTOS / photo, user)
        gps = gps_of(record) or gps
    started = datetime(2026, 11, 2, 9, 0, tzinfo=WIB)
    store.save_verification(
        household_id, answers(store.household(household_id).values, gps=gps), "finalized", user,
        result="2", gps=gps, started_at=started, finished_at=started + timedelta(minutes=minutes),
    )  # fmt: skip


def edit_and_push(session: Session, household_id: str, fields: dict, **verify_args):
    """Change household fields, finalize, sync; returns the sync summary."""
    for name, value in fields.items():
        session.store.set_field(household_id, name, value, session.username)
    verify(session, household_id, **verify_args)
    return run_sync(session)


def make_conflict(one: Session, two: Session, household_id: str, first: str, second: str) -> None:
    """Both enumerators change the address; the second push becomes a hard conflict."""
    assert edit_and_push(one, household_id, {"alamat": first}, photo="bandung_south_gps.jpg").ok
    summary = edit_and_push(two, household_id, {"alamat": second}, gps=POINT_TWO, minutes=20)
    assert summary.outcomes["conflict"] == 1, summary.messages


def verify_found(session: Session, household_id: str, photo: str) -> None:
    """Finalize through the form as for a household found at home and still eligible."""
    from test_form_view import ASSETS, HOUSING

    from capi_app import visit as visits
    from capi_app.forms import form_for

    store = session.store
    form = form_for(store, household_id)
    visit = visits.start_visit(store, form, household_id)
    data = dict(visit.answers)
    data.update(HOUSING)
    data.update(dict.fromkeys(ASSETS, "2"))
    record = import_photo(store, household_id, PHOTOS / photo, session.username)
    revision = store.revision(household_id)  # the photo is this visit's own change
    data.update(
        art_lengkap="1", program="1", status_rt="1", hasil="1", tanggal_kunjungan="2026-11-02",
        gps="-6.987650 107.629120 700 8", foto_rumah=record.sha256,
    )  # fmt: skip
    for m in data["members"]:
        m.update(status_art="1", disabilitas="2", penyakit_kronis="2")
        if m.get("jenis_kelamin") == "2":
            m["hamil"] = "2"
    saved = visits.save_visit(
        store, form, household_id, data, session.username, finalize=True, revision=revision
    )
    assert not saved.problems, saved.problems
