"""Write an XLSForm .xlsx from Python rows, reproducibly (used by the build_*.py scripts here).

A question is written as ``q(type, name, (label_id, label_en), **columns)``; a choice list as
``choice_list(name, {code: (label_id, label_en)})``. Languages are Bahasa Indonesia and English.
"""

from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

ID = "Bahasa Indonesia (id)"
EN = "English (en)"
SURVEY_COLUMNS = [
    "type",
    "name",
    f"label::{ID}",
    f"label::{EN}",
    f"hint::{ID}",
    f"hint::{EN}",
    "required",
    f"required_message::{ID}",
    f"required_message::{EN}",
    "relevant",
    "constraint",
    f"constraint_message::{ID}",
    f"constraint_message::{EN}",
    "calculation",
    "default",
    "appearance",
    "read_only",
    "choice_filter",
    "repeat_count",
    "bind::dtks:field",
]
_KEYWORDS = {
    "required": "required",
    "relevant": "relevant",
    "constraint": "constraint",
    "calculation": "calculation",
    "default": "default",
    "appearance": "appearance",
    "read_only": "read_only",
    "choice_filter": "choice_filter",
    "repeat_count": "repeat_count",
    "bind": "bind::dtks:field",
}
_FIXED_TIME = datetime(2026, 11, 1)


def q(type_: str, name: str = "", label: tuple[str, str] | None = None, **kw) -> dict:
    """One survey row; ``hint``, ``required_message`` and ``constraint_message`` take (id, en)."""
    row = {"type": type_, "name": name}
    if label:
        row[f"label::{ID}"], row[f"label::{EN}"] = label
    for pair in ("hint", "required_message", "constraint_message"):
        if pair in kw:
            row[f"{pair}::{ID}"], row[f"{pair}::{EN}"] = kw.pop(pair)
    for key, value in kw.items():
        row[_KEYWORDS[key]] = value
    return row


def choice_list(name: str, items: dict, **columns: dict) -> list[dict]:
    """Rows of the choices sheet; ``columns`` adds a column (e.g. for choice_filter) per code."""
    rows = []
    for code, (label_id, label_en) in items.items():
        row = {
            "list_name": name,
            "name": str(code),
            f"label::{ID}": label_id,
            f"label::{EN}": label_en,
        }
        for column, values in columns.items():
            row[column] = str(values[code])
        rows.append(row)
    return rows


def write_xlsform(path: Path, survey: list[dict], choices: list[dict], settings: dict) -> None:
    """Write the three sheets to ``path`` (fixed document dates, so rebuilding changes nothing)."""
    book = openpyxl.Workbook()
    _sheet(book.active, "survey", SURVEY_COLUMNS, survey)
    extra = sorted(
        {k for row in choices for k in row} - {"list_name", "name", f"label::{ID}", f"label::{EN}"}
    )
    _sheet(
        book.create_sheet(),
        "choices",
        ["list_name", "name", f"label::{ID}", f"label::{EN}", *extra],
        choices,
    )
    _sheet(book.create_sheet(), "settings", list(settings), [settings])
    book.properties.created = book.properties.modified = _FIXED_TIME
    book.properties.creator = "forms/xlsform_writer.py"
    book.save(path)


def _sheet(sheet, title: str, columns: list[str], rows: list[dict]) -> None:
    sheet.title = title
    unknown = {k for row in rows for k in row} - set(columns)
    if unknown:
        raise ValueError(f"{title}: unknown columns {sorted(unknown)}")
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(c, None) for c in columns])
    sheet.freeze_panes = "C2"
