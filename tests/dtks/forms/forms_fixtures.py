"""Helpers shared by the form engine tests: paths, a fixed clock, complete answer sets."""

from datetime import date, datetime
from pathlib import Path

from dtks.forms.prefill import prefill
from dtks.sample import REFERENCE_DATE

ROOT = Path(__file__).resolve().parents[3]
FORMS = ROOT / "forms"
NOW = datetime.combine(REFERENCE_DATE, datetime.min.time()).replace(hour=10)

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
ASSETS = {
    name: "2"
    for name in (
        "tabung_gas lemari_es ac pemanas_air telepon_rumah televisi emas komputer sepeda "
        "sepeda_motor mobil perahu motor_tempel perahu_motor lahan rumah_lain"
    ).split()
}


def age(born: str) -> int:
    """Age in whole years at the reference date, as the form's umur calculation counts it."""
    try:
        return int((REFERENCE_DATE - date.fromisoformat(born)).days / 365.25)
    except ValueError:  # a planted impossible date
        return -1


def complete(form, household: dict, members: list[dict]) -> dict:
    """A complete, consistent answer set for a found household, prefilled from the pre-list."""
    answers = prefill(form, household, members)
    answers.update(HOUSING)
    answers.update(ASSETS)
    answers.update(
        tanggal_kunjungan="2026-10-30",
        gps="-6.98765 107.62912 700 8",
        foto_rumah="3f2a9c.jpg",
        status_rt="1",
        art_lengkap="1",
        program="1 2",
        hasil="1",
    )
    for m in answers["members"]:
        m.update(status_art="1", disabilitas="2", penyakit_kronis="1")
        if m.get("jenis_kelamin") == "2" and 10 <= age(m["tanggal_lahir"]) <= 55:
            m["hamil"] = "2"
    return answers
