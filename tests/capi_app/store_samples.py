"""Sample households and the test password for the client store tests."""

from __future__ import annotations

from dtks.model import Assignment, Household, Member

PASSWORD = "kata-sandi-desa"
FIRST = ["Siti", "Ahmad", "Dewi", "Budi", "Nur", "Agus", "Sri", "Joko", "Rina", "Wahyu"]
LAST = ["Aminah", "Santoso", "Lestari", "Hidayat", "Rahayu", "Saputra", "Wulandari", "Setiawan"]


def make_household(i: int, members: int = 3, version: int = 1, **values) -> Household:
    """A pulled household numbered i, with deterministic members and values."""
    hid = f"3204122002{i:06d}"
    mems = [
        Member(
            member_id=f"{hid}{j + 1:02d}",
            values={
                "nik": f"3204124{(i * 7 + j) % 10}{(i * 31 + j) % 1000000:06d}{j + 1:03d}"[:16],
                "nama": f"{FIRST[(i + j) % len(FIRST)]} {LAST[(i * 3 + j) % len(LAST)]}",
                "hubungan": 1 if j == 0 else 3,
                "jenis_kelamin": 1 + (i + j) % 2,
                "tanggal_lahir": "1980-01-01",
                "pekerjaan": 2,
            },
        )
        for j in range(members)
    ]
    base = {
        "no_kk": f"32041220{i:08d}",
        "kode_wilayah": "3204122002",
        "alamat": f"Jl. Mawar {i}",
        "rt": f"{i % 20 + 1:03d}",
        "rw": "002",
        "nama_krt": mems[0].values["nama"] if mems else "Tanpa Nama",
        "jumlah_art": members,
    }
    base.update(values)
    return Household(household_id=hid, version=version, values=base, members=mems)


ASSIGNMENT = Assignment(
    id=7, round="2026-11", scope="32.04.12.2002", form_id="verivali_dtks", form_version="2026110101"
)
