"""The letterhead (kop) and the wilayah block that head the documents."""

from __future__ import annotations

from datetime import date, datetime

from capi_app.reports import html as h
from capi_app.reports import labels
from capi_app.reports.words import Words
from dtks import wilayah


def kop(report: dict, w: Words) -> str:
    """KEMENTERIAN SOSIAL / DINAS SOSIAL <kabupaten> over a double rule, centred."""
    chain = labels.chain(report)
    region = labels.kabupaten(report) or w.translate("Reports", "Province %1").replace(
        "%1", chain[0][2]
    )
    ministry = w.translate("Reports", "Ministry of Social Affairs of the Republic of Indonesia")
    office = w.translate("Reports", "Social Affairs Office (Dinas Sosial) of %1").replace(
        "%1", region
    )
    return (
        '<p align="center" style="font-size: 12pt; margin-bottom: 0;">'
        f"<b>{h.esc(ministry.upper())}</b></p>"
        '<p align="center" style="font-size: 13pt; margin-bottom: 2pt;">'
        f"<b>{h.esc(office.upper())}</b></p>" + rule()
    )


def rule() -> str:
    """The thick-and-thin line under an Indonesian letterhead."""
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom: 4pt;">'
        '<tr><td style="background-color: #000; font-size: 2pt;">&nbsp;</td></tr>'
        '<tr><td style="font-size: 1pt;">&nbsp;</td></tr>'
        '<tr><td style="background-color: #000; font-size: 0.5pt;">&nbsp;</td></tr></table>'
    )


def level_names(w: Words) -> dict[int, str]:
    """The name of each wilayah level in the document's language."""
    return {
        1: w.translate("Reports", "Province"),
        2: w.translate("Reports", "Regency/City"),
        3: w.translate("Reports", "District (kecamatan)"),
        4: w.translate("Reports", "Village (desa/kelurahan)"),
    }


def region_table(report: dict, w: Words) -> str:
    """Province down to the scope, one 'level : name' line each, plus the kode wilayah."""
    levels = level_names(w)
    lines = [(levels[level], name) for level, _code, name in labels.chain(report)]
    lines.append((w.translate("Reports", "Region code"), wilayah.dotted(report["scope"])))
    rows = "".join(
        f"<tr><td width='16%'>{h.esc(k)}</td><td width='2%'>:</td><td>{h.esc(v)}</td></tr>"
        for k, v in lines
    )
    return f'<table cellspacing="0" cellpadding="1" style="margin-bottom: 6pt;">{rows}</table>'


def report_date(report: dict) -> date:
    """The day the server made the report (generated_at), or today when it does not say."""
    try:
        return datetime.fromisoformat(report["generated_at"]).date()
    except (KeyError, TypeError, ValueError):
        return date.today()
