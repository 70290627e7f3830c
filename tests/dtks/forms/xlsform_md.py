"""Turn an XLSForm written as markdown tables (as pyxform's tests write forms) into an .xlsx."""

from pathlib import Path

import openpyxl


def md_to_xlsx(md: str, path: Path) -> Path:
    """Write the sheets of ``md`` to ``path``: a row whose first cell is a name starts a sheet,
    the rows after it (first cell empty) are that sheet's rows; lines not in a table are prose.

    >>> import tempfile
    >>> out = md_to_xlsx("| survey |\\n| | type | name |\\n| | text | a |", Path(tempfile.mkdtemp()) / "f.xlsx")
    >>> openpyxl.load_workbook(out)["survey"]["B2"].value
    'a'
    """
    book = openpyxl.Workbook()
    book.remove(book.active)
    sheet = None
    for line in md.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0]:
            sheet = book.create_sheet(cells[0])
            continue
        if sheet is not None:
            sheet.append([c or None for c in cells[1:]])
    book.save(path)
    return path
