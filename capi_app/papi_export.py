"""Keyer error rates (GET /papi/keyers) written as CSV or XLSX for the supervisor.

One table per view: keyers, questions (fields) and batches, each row with fields keyed,
verified, errors and the error rate. CSV puts the three one after another with a ``table``
column; XLSX gives each its own sheet.

>>> import tempfile
>>> from pathlib import Path
>>> path = write_keyer_report({"keyers": [], "fields": [], "batches": []},
...                           Path(tempfile.mkdtemp()) / "keyers.csv")
>>> path.read_text().split(",")[:3]
['table', 'name', 'questionnaires']
"""

from __future__ import annotations

import csv
from pathlib import Path

from dtks.private_files import open_private

TABLES = (("keyers", "username"), ("fields", "field"), ("batches", "batch"))
COLUMNS = ("questionnaires", "fields_keyed", "fields_verified", "errors", "error_rate")


def rows_of(report: dict, table: str, name: str) -> list[list]:
    """The rows of one table: name, then COLUMNS (blank where the table has none)."""
    return [[r.get(name)] + [r.get(c, "") for c in COLUMNS] for r in report.get(table, [])]


def write_keyer_report(report: dict, path: str | Path) -> Path:
    """Write the report to ``path`` (.csv or .xlsx, by its suffix); return the path."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        _xlsx(report, path)
    else:
        _csv(report, path)
    return path


def _csv(report: dict, path: Path) -> None:
    with open_private(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["table", "name", *COLUMNS])
        for table, name in TABLES:
            for row in rows_of(report, table, name):
                out.writerow([table, *row])


def _xlsx(report: dict, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table, name in TABLES:
        sheet = book.create_sheet(table)
        sheet.append([name, *COLUMNS])
        for row in rows_of(report, table, name):
            sheet.append(row)
    with open_private(path) as f:  # names each keyer with their error rate
        book.save(f)
