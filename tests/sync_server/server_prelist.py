"""Write small, valid pre-list CSVs for server tests and benchmarks (until/besides dtks.sample).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> ids = write_prelist(d, households=3)
>>> ids[0]
'3204122002000001'
"""

import csv
import random
from pathlib import Path

from dtks.prelist import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS

DESA = "3204122002"
"""Desa Dayeuhkolot, Kec. Dayeuhkolot, Kab. Bandung."""
OTHER_DESA = "3204122003"
NAMES = ["Asep", "Siti", "Dedi", "Euis", "Ujang", "Neneng", "Cecep", "Yanti", "Agus", "Rina"]


def household_id(desa: str, n: int) -> str:
    """The n-th household id of a desa."""
    return f"{desa}{n:06d}"


def household_row(desa: str, n: int) -> dict:
    """A valid households.csv row."""
    return {
        "household_id": household_id(desa, n),
        # The No KK names the desa's own kecamatan: a No KK of another region is a
        # wrong_wilayah anomaly whose household reaches that region (issue 15).
        "no_kk": f"{desa[:6]}{(n % 28) + 1:02d}0115{(n % 9999) + 1:04d}",
        "kode_wilayah": desa,
        "alamat": f"Jl. Mawar {n}",
        "rt": f"{n % 12 + 1:03d}",
        "rw": f"{n % 5 + 1:03d}",
        "nama_krt": f"{NAMES[n % len(NAMES)]} {n}",
        "jumlah_art": "2",
        "desil": str(n % 10 + 1),
        "lat": "-6.98765",
        "lon": "107.62912",
        "anomaly": "",
    }


def member_rows(desa: str, n: int) -> list[dict]:
    """Two valid members.csv rows (head and spouse) of the n-th household."""
    hid = household_id(desa, n)
    day = n % 28 + 1
    # Each desa its own serials: the same NIK in two desas is an anomaly (duplicate_nik).
    serial = (n + 1000 * (int(desa[-1]) % 9)) % 9999 + 1
    return [
        {
            "member_id": f"{hid}01",
            "household_id": hid,
            "nik": f"320412{day:02d}0780{serial:04d}",
            "nama": f"{NAMES[n % len(NAMES)]} {n}",
            "hubungan": "1",
            "jenis_kelamin": "1",
            "tempat_lahir": "Bandung",
            "tanggal_lahir": f"1980-07-{day:02d}",
            "status_kawin": "2",
            "nama_ibu": "Ibu",
            "pekerjaan": "2",
            "pendidikan": "2",
            "anomaly": "",
        },
        {
            "member_id": f"{hid}02",
            "household_id": hid,
            "nik": f"320412{day + 40:02d}0782{serial:04d}",
            "nama": f"Istri {n}",
            "hubungan": "2",
            "jenis_kelamin": "2",
            "tempat_lahir": "Bandung",
            "tanggal_lahir": f"1982-07-{day:02d}",
            "status_kawin": "2",
            "nama_ibu": "Ibu",
            "pekerjaan": "10",
            "pendidikan": "3",
            "anomaly": "",
        },
    ]


def write_prelist(directory: Path, households: int, desa: str = DESA, start: int = 1) -> list[str]:
    """Write households.csv and members.csv with n valid households; return their ids."""
    directory.mkdir(parents=True, exist_ok=True)
    rows = [household_row(desa, n) for n in range(start, start + households)]
    write_rows(
        directory, rows, [m for n in range(start, start + households) for m in member_rows(desa, n)]
    )
    return [r["household_id"] for r in rows]


def write_rows(directory: Path, households: list[dict], members: list[dict]) -> None:
    """Write the given rows as the two pre-list files."""
    with open(directory / "households.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(HOUSEHOLD_COLUMNS))
        w.writeheader()
        w.writerows(households)
    with open(directory / "members.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(MEMBER_COLUMNS))
        w.writeheader()
        w.writerows(members)


def shuffled(rows: list, seed: int = 1) -> list:
    """A deterministic shuffle (members files need not be sorted)."""
    rows = list(rows)
    random.Random(seed).shuffle(rows)
    return rows
