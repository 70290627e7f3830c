"""Shared steps of the end-to-end tests: log in fast, edit households as an enumerator would."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from server_process import PASSWORD

from capi_app.account import Session, login_online
from capi_app.media import gps_of, import_photo
from capi_app.profile import Profile
from capi_app.store import Store
from dtks.model import Gps

PHOTOS = Path(__file__).resolve().parent.parent / "capi_app" / "photos"
# Distinct camera photos: the store indexes a photo once by its hash, for one household.
CAMERA_PHOTOS = [
    "bandung_south_gps.jpg", "Canon_40D.jpg", "DSCN0010.jpg", "DSCN0012.jpg", "DSCN0021.jpg",
    "Nikon_D70.jpg", "jolla.jpg", "landscape_6.jpg", "no_exif.jpg", "portrait_6.jpg",
    "portrait_8.jpg",
]  # fmt: skip
WIB = timezone(timedelta(hours=7))


def login(profile: Profile, url: str, user: str = "enum1") -> Session:
    """Log in online; retries back off in milliseconds so cut tests stay quick."""
    session = login_online(profile, url, user, PASSWORD)
    session.api.backoff = 0.01
    return session


@dataclass
class Expected:
    """What the edits should leave on the server, per household."""

    alamat: dict[str, str] = field(default_factory=dict)
    changed_members: dict[str, tuple[str, int]] = field(
        default_factory=dict
    )  # hid -> (mid, pekerjaan)
    added: dict[str, str] = field(default_factory=dict)  # hid -> nama of the added member
    removed: dict[str, str] = field(default_factory=dict)  # hid -> member_id
    photos: dict[str, str] = field(default_factory=dict)  # hid -> sha256


def answers(values: dict) -> dict:
    """A finalized verivali answer set the form accepts: household not found at the address."""
    return {
        "tanggal_kunjungan": "2026-11-02",
        "kode_wilayah": values["kode_wilayah"],
        "alamat": values["alamat"],
        "rt": values["rt"],
        "rw": values["rw"],
        "gps": "-6.98765 107.62912 700 8",
        "status_rt": 2,
        "hasil": 2,
        "alasan": 2,
    }


def edit(store: Store, hid: str, i: int, expected: Expected, user: str = "enum1") -> None:
    """Edit one household: its address always, a member's job, an added or removed member
    and a photo on some, then finalize its verification."""
    hv = store.household(hid)
    new_alamat = f"Jl. Verivali No. {i + 1}"
    store.set_field(hid, "alamat", new_alamat, user)
    expected.alamat[hid] = new_alamat
    members = [m for m in hv.members if m.status == "active"]
    if i % 3 == 0 and len(members) > 1:
        m = members[1]
        job = 12 if m.values.get("pekerjaan") != 12 else 11
        store.change_member(hid, m.member_id, {"pekerjaan": job}, user)
        expected.changed_members[hid] = (m.member_id, job)
    if i % 5 == 0:
        nama = f"Bayi Verivali {i}"
        store.add_member(hid, newborn(hv.values["kode_wilayah"], i, nama), user)
        expected.added[hid] = nama
    if i % 7 == 0 and len(members) > 2:
        m = members[-1]
        store.remove_member(hid, m.member_id, "meninggal", date(2026, 10, 20), user)
        expected.removed[hid] = m.member_id
    gps = Gps(lat=-6.98765, lon=107.62912, accuracy_m=8, source="device")
    if i % 10 == 0:
        source = PHOTOS / CAMERA_PHOTOS[(i // 10) % len(CAMERA_PHOTOS)]
        record = import_photo(store, hid, source, user)
        expected.photos[hid] = record.sha256
        gps = gps_of(record) or gps
    started = datetime(2026, 11, 2, 9, 0, tzinfo=WIB)
    store.save_verification(
        hid, answers(store.household(hid).values), "finalized", user, result="2", gps=gps,
        started_at=started, finished_at=started + timedelta(minutes=12),
    )  # fmt: skip


def newborn(kode_wilayah: str, i: int, nama: str) -> dict:
    """Values of a member born in the field (a valid NIK of the household's district)."""
    return {
        "nik": f"{kode_wilayah[:6]}050126{i % 9999 + 1:04d}",
        "nama": nama,
        "hubungan": 3,
        "jenis_kelamin": 1,
        "tanggal_lahir": "2026-01-05",
        "status_kawin": 1,
    }


def edit_many(store: Store, ids: list[str], user: str = "enum1") -> Expected:
    """Edit each household of ids; return what the server should hold afterwards."""
    expected = Expected()
    for i, hid in enumerate(ids):
        edit(store, hid, i, expected, user)
    return expected


def dispose(*widgets) -> None:
    """Close and delete windows now, on the GUI thread, and collect their Python cycles here:
    a window left to the garbage collector can be collected on another thread (a server's
    handler, a worker), which deletes a Qt object off its thread and crashes the process."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    for w in widgets:
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def listed_here(store: Store, limit: int = 10_000, desa: str = "3204122002") -> list[str]:
    """Ids of the device's households listed in the desa, in list order: without those listed
    elsewhere that reach the desa through their household id (docs/cycle.md), which the desa's
    reviewer does not review until they move."""
    rows = store.list_households(limit=10_000)
    here = [r.household_id for r in rows if store.household(r.household_id).values.get(
        "kode_wilayah") == desa]  # fmt: skip
    return here[:limit]
