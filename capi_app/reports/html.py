"""HTML pieces the documents share, in the subset of HTML and CSS that QTextDocument renders.

Every value from the report goes through :func:`esc`: names and addresses are data, and an
'&' or '<' in them must print as itself.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

SANS = "'Arial', 'Liberation Sans', 'Nimbus Sans', 'DejaVu Sans'"
SERIF = "'Times New Roman', 'Liberation Serif', 'Nimbus Roman', 'DejaVu Serif'"
BLANK = "&nbsp;"


def esc(value: object) -> str:
    """Escape a value for HTML text; None prints as nothing."""
    return "" if value is None else html.escape(str(value), quote=True)


def page(body: str, *, font: str = SANS, size_pt: float = 9) -> str:
    """A whole HTML document with the base style.

    Cells are styled by HTML attributes, not by CSS selectors: Qt matches every selector
    against every cell, which made a 5,000-row list three times slower.
    """
    css = f"""
    body {{ font-family: {font}; font-size: {size_pt}pt; color: #000; }}
    p {{ margin-top: 0; margin-bottom: 4pt; }}
    table.small td, table.small th {{ font-family: {SANS}; font-size: 8pt; }}
    """
    return f"<html><head><style>{css}</style></head><body>{body}</body></html>"


ALIGN = {"r": ' align="right"', "c": ' align="center"', "": ""}


def grid(
    headers: Sequence[str],
    rows: Iterable[str],
    *,
    widths: Sequence[int] | None = None,
    padding: int = 8,
    small: bool = False,
) -> str:
    """A bordered table whose header row repeats on every page (<thead> sets Qt's header rows).

    rows are ready-made <tr> strings (see :func:`row`); headers are escaped here.
    """
    head = "".join(
        f'<th bgcolor="#d9d9d9" valign="middle"{f" width={widths[i]}%" if widths else ""}>'
        f"{esc(text)}</th>"
        for i, text in enumerate(headers)
    )
    return (
        f'<table{" class=small" if small else ""} width="100%" cellspacing="0"'
        f' cellpadding="{padding}" border="1" style="border-collapse: collapse;'
        f' border-color: #000; border-style: solid;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def row(cells: Sequence[object], align: Sequence[str] = (), *, bold: bool = False) -> str:
    """One <tr>: cells are escaped; align[i] ('r' right, 'c' centre, '' left) aligns cell i."""
    b, end = ("<b>", "</b>") if bold else ("", "")
    tds = "".join(
        f'<td valign="top"{ALIGN.get(align[i] if i < len(align) else "", "")}>{b}{esc(c)}{end}</td>'
        for i, c in enumerate(cells)
    )
    return f"<tr>{tds}</tr>"


def spanning_row(text: str, columns: int, shaded: bool = True) -> str:
    """A row of one cell across the table, e.g. a desa heading inside the BNBA list."""
    if not shaded:
        return f'<tr><td colspan="{columns}">{esc(text)}</td></tr>'
    return f'<tr><td bgcolor="#eeeeee" colspan="{columns}"><b>{esc(text)}</b></td></tr>'


def signatures(blocks: Sequence[tuple[str, str, str]], *, place_date: str = "") -> str:
    """Signature blocks side by side: (role line, name, id line such as 'NIP.') each.

    place_date ('Bandung, 1 November 2026') sits above the last block, where Indonesian
    documents put it; an empty name leaves a dotted line to write on.
    """
    cells = []
    for i, (role, name, id_line) in enumerate(blocks):
        top = esc(place_date) if i == len(blocks) - 1 and place_date else BLANK
        shown = (
            f"<b><u>{esc(name)}</u></b>"
            if name
            else "(................................................)"
        )
        cells.append(
            f'<td width="{100 // len(blocks)}%" align="center">{top}<br/>{esc(role)}'
            f"<br/><br/><br/><br/><br/>{shown}<br/>{esc(id_line)}</td>"
        )
    return (
        '<table width="100%" cellspacing="0" cellpadding="4" style="page-break-inside: avoid">'
        f"<tr>{''.join(cells)}</tr></table>"
    )
