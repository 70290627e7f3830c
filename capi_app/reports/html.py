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
    """A whole HTML document with the base style."""
    css = f"""
    body {{ font-family: {font}; font-size: {size_pt}pt; color: #000; }}
    p {{ margin-top: 0; margin-bottom: 4pt; }}
    table.grid {{ border-collapse: collapse; border-color: #000; border-style: solid; }}
    table.grid th {{ background-color: #d9d9d9; font-weight: bold; text-align: center;
                    vertical-align: middle; border: 1px solid #000; }}
    table.grid td {{ vertical-align: top; border: 1px solid #000; }}
    tr.group td {{ background-color: #eeeeee; font-weight: bold; }}
    tr.total td {{ font-weight: bold; }}
    .c {{ text-align: center; }}
    .r {{ text-align: right; }}
    .id {{ white-space: nowrap; }}
    table.small td, table.small th {{ font-family: {SANS}; font-size: 8pt; }}
    table.note td {{ font-size: 9pt; }}
    """
    return f"<html><head><style>{css}</style></head><body>{body}</body></html>"


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
        f'<th width="{widths[i]}%">{esc(h)}</th>' if widths else f"<th>{esc(h)}</th>"
        for i, h in enumerate(headers)
    )
    return (
        f'<table class="{"grid small" if small else "grid"}" width="100%" cellspacing="0"'
        f' cellpadding="{padding}" border="1">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def row(cells: Sequence[object], classes: Sequence[str] = (), *, tr_class: str = "") -> str:
    """One <tr>: cells are escaped; classes[i] (e.g. "c", "r", "id") styles cell i."""
    tds = "".join(
        f'<td class="{classes[i]}">{esc(c)}</td>'
        if i < len(classes) and classes[i]
        else f"<td>{esc(c)}</td>"
        for i, c in enumerate(cells)
    )
    return f'<tr class="{tr_class}">{tds}</tr>' if tr_class else f"<tr>{tds}</tr>"


def spanning_row(text: str, columns: int, tr_class: str = "group") -> str:
    """A row of one cell across the table, e.g. a desa heading inside the BNBA list."""
    return f'<tr class="{tr_class}"><td colspan="{columns}">{esc(text)}</td></tr>'


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
