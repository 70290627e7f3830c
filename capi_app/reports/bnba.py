"""The BNBA (By Name By Address) list of verified households of a round, as a PDF.

>>> report = {"round": "2026-11", "scope": "3204122002", "scope_name": "Dayeuhkolot",
...           "level": "desa", "parents": [], "generated_at": "2026-11-20T10:00:00+07:00",
...           "households": [], "eligibility_changes": [],
...           "counts": {"households": 0, "by_status_rt": {}, "by_hasil": {}, "approved": 0}}
>>> import tempfile
>>> pdf = render_bnba(report, Path(tempfile.mkdtemp()) / "bnba-3204122002.pdf")
>>> pdf.name, pdf.read_bytes()[:5]
('bnba-3204122002.pdf', b'%PDF-')

report is the JSON of ``GET /api/v1/reports/bnba?round=R&scope=CODE`` (docs/review-api.md);
nothing here touches the network. A scope above desa lists its households grouped by desa
and adds a desa column and a count per desa.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import groupby
from pathlib import Path

from capi_app.reports import html as h
from capi_app.reports import labels
from capi_app.reports.kop import kop, region_table, report_date
from capi_app.reports.pdf import Page, write_pdf
from capi_app.reports.words import Words
from dtks import findings, markings, wilayah

NO_RESULT = ""


def render_bnba(
    report: dict,
    path: str | Path,
    lang: str = "id",
    *,
    place: str | None = None,
    date_: date | None = None,
) -> Path:
    """Write the BNBA list of report to path (A4 landscape PDF) in lang ('id' or 'en')."""
    w = Words(lang)
    names = labels.choice_labels(lang)
    several = _several_desa(report)
    body = "".join(
        [
            _header(report, w),
            _list(report, w, names, several),
            _summary(report, w, names, several),
            _signatures(report, w, place, date_),
        ]
    )
    page = Page(
        landscape=True,
        margins_mm=(12, 10, 12, 8),
        footer_left=w.translate("Reports", "BNBA verification and validation of DTKS %1, %2")
        .replace("%1", report["round"])
        .replace("%2", wilayah.dotted(report["scope"])),
        page_label=lambda n, total: _page_label(w, n, total),
        title=w.translate("Reports", "BNBA list of DTKS verification and validation results"),
    )
    return write_pdf(h.page(body, size_pt=8), path, page)


def _page_label(w: Words, n: int, total: int) -> str:
    return w.translate("Reports", "Page %1 of %2").replace("%1", str(n)).replace("%2", str(total))


def _several_desa(report: dict) -> bool:
    return (
        report.get("level", len(report["scope"])) != 4
        or len({hh["kode_wilayah"] for hh in report["households"]}) > 1
    )


def _header(report: dict, w: Words) -> str:
    title = w.translate(
        "Reports", "List of DTKS Verification and Validation Results (By Name By Address)"
    )
    period = w.translate("Reports", "Round %1").replace("%1", w.month(report["round"]))
    return (
        kop(report, w)
        + f'<p align="center" style="font-size: 11pt; margin-top: 6pt;"><b>{h.esc(title.upper())}</b></p>'
        + f'<p align="center" style="font-size: 9pt;">{h.esc(period)} ({h.esc(report["round"])})</p>'
        + region_table(report, w)
    )


def _columns(w: Words, several: bool) -> tuple[list[str], list[int], list[str]]:
    cols = [
        (w.translate("Reports", "No"), 3, "r"),
        (w.translate("Reports", "DTKS ID"), 11, ""),
        (w.translate("Reports", "No KK"), 11, ""),
        (w.translate("Reports", "Head of household"), 13, ""),
        (w.translate("Reports", "NIK of head"), 11, ""),
        (w.translate("Reports", "Address"), 13 if several else 16, ""),
        (w.translate("Reports", "RT/RW"), 5, "c"),
        (w.translate("Reports", "Village"), 8, ""),
        (w.translate("Reports", "Status"), 8, ""),
        (w.translate("Reports", "Result"), 7, ""),
        (w.translate("Reports", "Remarks"), 10 if several else 15, ""),
    ]
    if not several:
        del cols[7]
    return [c[0] for c in cols], [c[1] for c in cols], [c[2] for c in cols]


def _order(hh: dict) -> tuple:
    return (hh.get("kode_wilayah", ""), hh.get("rw", ""), hh.get("rt", ""), hh["household_id"])


def _list(report: dict, w: Words, names: dict, several: bool) -> str:
    # One table per desa: Qt walks every row of a table to paint each page, so one
    # 5,000-row table costs quadratic time; a desa has a few hundred rows at most.
    headers, widths, align = _columns(w, several)
    parts, number = [], 0
    households = sorted(report["households"], key=_order)
    for code, group in groupby(households, key=lambda hh: hh.get("kode_wilayah", "")):
        group = list(group)
        rows = []
        for hh in group:
            number += 1
            rows.append(h.row(_cells(hh, number, w, names, several), align))
        if several:
            parts.append(
                f"<p style='margin-top: 6pt;'><b>{h.esc(_desa_heading(w, code, group))}</b></p>"
            )
        parts.append(h.grid(headers, rows, widths=widths, padding=6))
    if not parts:
        empty = h.spanning_row(
            w.translate("Reports", "No verified households."), len(headers), shaded=False
        )
        parts.append(h.grid(headers, [empty], widths=widths, padding=6))
    return "".join(parts)


def _desa_heading(w: Words, code: str, group: list[dict]) -> str:
    first = group[0]
    desa = first.get("desa") or labels.region_name(code)
    kecamatan = first.get("kecamatan") or labels.region_name(code[:6])
    return (
        w.translate("Reports", "District %1, village %2 (%3): %4 households")
        .replace("%1", kecamatan)
        .replace("%2", desa)
        .replace("%3", wilayah.dotted(code))
        .replace("%4", w.number(len(group)))
    )


def _cells(hh: dict, number: int, w: Words, names: dict, several: bool) -> list[str]:
    cells = [
        str(number),
        hh["household_id"],
        hh.get("no_kk", ""),
        hh.get("nama_krt", ""),
        hh.get("nik_krt", ""),
        hh.get("alamat", ""),
        f"{hh.get('rt', '')}/{hh.get('rw', '')}",
        hh.get("desa", ""),
        names["status_rt"].get(str(hh.get("status_rt") or ""), hh.get("status_rt") or ""),
        _result(hh, w, names),
        _remarks(hh, w, names),
    ]
    if not several:
        del cells[7]
    return cells


def _result(hh: dict, w: Words, names: dict) -> str:
    code = str(hh.get("hasil") or NO_RESULT)
    if code == NO_RESULT:
        return w.translate("Reports", "No result")
    return names["hasil"].get(code, code)


def _remarks(hh: dict, w: Words, names: dict) -> str:
    parts = []
    if hh.get("alasan"):
        parts.append(names["alasan"].get(str(hh["alasan"]), str(hh["alasan"])))
    if hh.get("eligibility_changed"):
        parts.append(w.translate("Reports", "eligibility changed"))
    if not hh.get("approved"):
        parts.append(w.translate("Reports", "not yet approved"))
    if hh.get("markings"):
        parts.append(hh["markings"])  # dtks.markings: domain words, the same in both languages
    parts += _request_words(hh)
    return "; ".join(parts)


def _request_words(hh: dict) -> list[str]:
    """'sanggahan SGH-2026-5: tidak layak' for each request naming the household (kind and
    result are domain words, kept in Indonesian as on the summary's line)."""
    result = findings.WORDS.get(str(hh.get("temuan_hasil") or ""), "")
    out = []
    for item in str(hh.get("requests") or "").split():
        kind, _, reference = item.partition(":")
        words = f"{findings.KIND_WORDS.get(kind, kind)} {reference}".strip()
        out.append(f"{words}: {result}" if result else words)
    return out


def _summary(report: dict, w: Words, names: dict, several: bool) -> str:
    households = report["households"]
    title = w.translate("Reports", "Summary")
    part_a = w.translate("Reports", "A. Households by status and result")
    part_b = w.translate("Reports", "B. Households by village")
    parts = [
        f'<p style="page-break-before: always; font-size: 10pt; margin-top: 0;"><b>{h.esc(title.upper())}</b></p>',
        f"<p><b>{h.esc(part_a)}</b></p>",
        _status_by_result(households, w, names),
        _totals_line(households, w),
        _markings_line(households),
        _requests_line(report),
    ]
    if several:
        parts += [
            f"<p style='margin-top: 8pt;'><b>{h.esc(part_b)}</b></p>",
            _by_desa(households, w),
        ]
    return "".join(parts)


def _hasil_columns(names: dict, w: Words) -> list[tuple[str, str]]:
    return [*names["hasil"].items(), (NO_RESULT, w.translate("Reports", "No result"))]


def _status_by_result(households: list[dict], w: Words, names: dict) -> str:
    counts = Counter(
        (str(hh.get("status_rt") or ""), str(hh.get("hasil") or NO_RESULT)) for hh in households
    )
    results = _hasil_columns(names, w)
    statuses = list(names["status_rt"].items())
    statuses += [
        (code, code or "-") for code in sorted({s for s, _ in counts} - set(names["status_rt"]))
    ]
    headers = [
        w.translate("Reports", "Household status"),
        *(label for _, label in results),
        w.translate("Reports", "Total"),
    ]
    rows = []
    for code, label in statuses:
        line = [counts[(code, r)] for r, _ in results]
        rows.append(
            h.row(
                [label, *map(w.number, line), w.number(sum(line))], ["", *["r"] * (len(line) + 1)]
            )
        )
    totals = [sum(counts[(s, r)] for s, _ in statuses) for r, _ in results]
    rows.append(
        h.row(
            [w.translate("Reports", "Total"), *map(w.number, totals), w.number(sum(totals))],
            ["", *["r"] * (len(totals) + 1)],
            bold=True,
        )
    )
    return h.grid(headers, rows, padding=6) if households else ""


def _totals_line(households: list[dict], w: Words) -> str:
    approved = sum(1 for hh in households if hh.get("approved"))
    changed = sum(1 for hh in households if hh.get("eligibility_changed"))
    text = (
        w.translate(
            "Reports",
            "Households verified: %1; approved by the Dinas Sosial: %2; eligibility changes: %3.",
        )
        .replace("%1", w.number(len(households)))
        .replace("%2", w.number(approved))
        .replace("%3", w.number(changed))
    )
    return f"<p style='margin-top: 4pt;'>{h.esc(text)}</p>"


def _markings_line(households: list[dict]) -> str:
    """Members marked (dtks.markings kinds are glossary words, kept in Indonesian)."""
    totals = {k: sum(hh.get(k) or 0 for hh in households) for k in markings.KINDS}
    if not any(totals.values()):
        return ""
    text = "BNBA: " + ", ".join(f"{k} {n}" for k, n in totals.items())
    return f"<p>{h.esc(text)}</p>"


def _requests_line(report: dict) -> str:
    """The requests' results as the server counted them (dtks.findings.line; '' for none)."""
    text = report.get("requests_line") or ""
    return f"<p>{h.esc(text)}</p>" if text else ""


def _by_desa(households: list[dict], w: Words) -> str:
    headers = [
        w.translate("Reports", "No"),
        w.translate("Reports", "Village code"),
        w.translate("Reports", "District"),
        w.translate("Reports", "Village"),
        w.translate("Reports", "Households"),
        w.translate("Reports", "Eligible"),
        w.translate("Reports", "Not eligible"),
        w.translate("Reports", "No result"),
        w.translate("Reports", "Eligibility changed"),
        w.translate("Reports", "Approved"),
    ]
    rows, total = [], Counter()
    ordered = sorted(households, key=_order)
    for i, (code, group) in enumerate(
        groupby(ordered, key=lambda hh: hh.get("kode_wilayah", "")), start=1
    ):
        group = list(group)
        c = _desa_counts(group)
        total.update(c)
        rows.append(
            h.row(
                [
                    i,
                    wilayah.dotted(code),
                    group[0].get("kecamatan") or labels.region_name(code[:6]),
                    group[0].get("desa") or labels.region_name(code),
                    *map(w.number, c.values()),
                ],
                ["r", "", "", "", *["r"] * 6],
            )
        )
    rows.append(
        h.row(
            ["", "", "", w.translate("Reports", "Total"), *map(w.number, total.values())],
            ["", "", "", "", *["r"] * 6],
            bold=True,
        )
    )
    return h.grid(headers, rows, padding=6)


def _desa_counts(group: list[dict]) -> Counter:
    c = Counter(
        households=len(group), eligible=0, not_eligible=0, no_result=0, changed=0, approved=0
    )
    for hh in group:
        hasil = str(hh.get("hasil") or NO_RESULT)
        c["eligible" if hasil == "1" else "not_eligible" if hasil == "2" else "no_result"] += 1
        c["changed"] += bool(hh.get("eligibility_changed"))
        c["approved"] += bool(hh.get("approved"))
    return c


def _signatures(report: dict, w: Words, place: str | None, date_: date | None) -> str:
    kabupaten = labels.kabupaten(report)
    province = labels.chain(report)[0][2]
    where = place or labels.place(kabupaten, province)
    when = w.date(date_ or report_date(report))
    office = w.translate(
        "Reports", "Head of the Social Affairs Office (Dinas Sosial) of %1"
    ).replace("%1", kabupaten or province)
    blocks = [
        (w.translate("Reports", "Field officer (Petugas)"), "", ""),
        (w.translate("Reports", "Supervisor (Pengawas)"), "", ""),
        (office, "", "NIP. ...................................."),
    ]
    return "<p>&nbsp;</p>" + h.signatures(blocks, place_date=f"{where}, {when}")
