"""Fixtures for the form engine tests: the repo's forms, sample households, answer sets."""

from pathlib import Path

import openpyxl
import pytest
from forms_fixtures import FORMS, complete

from dtks.forms import load_form
from dtks.sample import generate


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
