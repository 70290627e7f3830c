"""Shared fixtures for the form engine tests: the repo's forms, a fixed clock, answer sets."""

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from dtks.forms import load_form
from dtks.forms.prefill import prefill
from dtks.sample import REFERENCE_DATE, generate

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


@pytest.fixture(scope="session")
def verivali():
    """The verivali form of the repo."""
    return load_form(FORMS / "verivali-dtks.xlsx")


@pytest.fixture(scope="session")
def sample():
    """200 sample households (pre-list rows) and their members, from dtks.sample."""
    households, members = generate(200, "32.04.12.2002", seed=7)
    by_household: dict[str, list[dict]] = {}
    for m in members:
        by_household.setdefault(m["household_id"], []).append(m)
    return [(h, by_household.get(h["household_id"], [])) for h in households]


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


@pytest.fixture(scope="session")
def good_households(sample):
    """Sample households without a planted defect."""
    return [
        (h, ms)
        for h, ms in sample
        if not h.get("anomaly") and not any(m.get("anomaly") for m in ms)
    ]


@pytest.fixture
def good(verivali, good_households):
    """One complete, valid answer set of a household of four or more (fresh for each test)."""
    h, ms = next((h, ms) for h, ms in good_households if len(ms) >= 4)
    return complete(verivali, h, ms)


@pytest.fixture
def make_xlsform(tmp_path):
    """Write a small XLSForm from lists of rows (first row the header); return its path."""

    def make(
        survey: list[list],
        choices: list[list] | None = None,
        settings: list[list] | None = None,
        name: str = "form.xlsx",
    ) -> Path:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "survey"
        for row in survey:
            sheet.append(row)
        if choices:
            c = book.create_sheet("choices")
            for row in choices:
                c.append(row)
        if settings:
            s = book.create_sheet("settings")
            for row in settings:
                s.append(row)
        path = tmp_path / name
        book.save(path)
        return path

    return make
