"""The DRAFT of the pengesahan: the regional head's decree approving a round's results.

>>> report = {"round": "2026-11", "scope": "3204122002", "scope_name": "Dayeuhkolot",
...           "level": "desa", "parents": [], "generated_at": "2026-11-20T10:00:00+07:00",
...           "households": [], "eligibility_changes": [],
...           "counts": {"households": 0, "by_status_rt": {}, "by_hasil": {}, "approved": 0}}
>>> import tempfile
>>> pdf = render_pengesahan(report, Path(tempfile.mkdtemp()) / "pengesahan.pdf")
>>> pdf.name, pdf.read_bytes()[:5]
('pengesahan.pdf', b'%PDF-')

report is the JSON of ``GET /api/v1/reports/bnba`` (docs/review-api.md). The draft carries the
decision with its counts and, as its lampiran, every eligibility change of the report: a change
without a pengesahan does not count. Legal bases are left as marked placeholders for the
district's legal office; every page says DRAFT until the signed scan replaces it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from capi_app.reports import html as h
from capi_app.reports import labels
from capi_app.reports.kop import rule
from capi_app.reports.pdf import Page, write_pdf
from capi_app.reports.words import Words
from dtks import wilayah

DOTS = "...................................."


def render_pengesahan(
    report: dict,
    path: str | Path,
    lang: str = "id",
    *,
    regional_head_title: str | None = None,
    number: str | None = None,
    place: str | None = None,
    date: date | None = None,
) -> Path:
    """Write the pengesahan draft of report to path (A4 portrait PDF) in lang ('id' or 'en').

    regional_head_title defaults to the head of the report's kabupaten/kota ('Bupati Bandung',
    'Wali Kota Bandung'); number, place and date default to blanks to fill in by hand.
    """
    w = Words(lang)
    names = labels.choice_labels(lang)
    chain = labels.chain(report)
    head = regional_head_title or labels.regional_head(labels.kabupaten(report), chain[0][2])
    doc = _Doc(
        report,
        w,
        names,
        head,
        number or DOTS,
        place or labels.place(labels.kabupaten(report), chain[0][2]),
        w.date(date) if date else DOTS,
    )
    page = Page(
        margins_mm=(25, 15, 20, 12),
        footer_left=w.translate("Reports", "DRAFT pengesahan %1, %2, made by Verivali")
        .replace("%1", report["round"])
        .replace("%2", wilayah.dotted(report["scope"])),
        page_label=lambda n, total: (
            w.translate("Reports", "Page %1 of %2").replace("%1", str(n)).replace("%2", str(total))
        ),
        watermark="DRAFT",
        title=doc.subject(),
    )
    return write_pdf(h.page(doc.body(), font=h.SERIF, size_pt=11), path, page)


def eligibility_changes(report: dict) -> list[dict]:
    """Every household whose eligibility changed: the report's list plus any flagged entry."""
    seen, out = set(), []
    listed = report.get("eligibility_changes") or []
    flagged = [hh for hh in report["households"] if hh.get("eligibility_changed")]
    for hh in [*listed, *flagged]:
        if hh["household_id"] not in seen:
            seen.add(hh["household_id"])
            out.append(hh)
    return sorted(out, key=lambda hh: (hh.get("kode_wilayah", ""), hh["household_id"]))


class _Doc:
    """The pieces of one draft; methods return HTML."""

    def __init__(self, report, w: Words, names, head, number, place, when):
        self.report, self.w, self.names = report, w, names
        self.head, self.number, self.place, self.when = head, number, place, when
        self.changes = eligibility_changes(report)

    def subject(self) -> str:
        """'Approval of the results ... in <region>, round <month year>'."""
        region = labels.region_phrase(self.report, self.w)
        return (
            self.w.translate(
                "Reports",
                "Approval of the results of the verification and validation of the "
                "Integrated Social Welfare Data (DTKS) in %1, round %2",
            )
            .replace("%1", region)
            .replace("%2", self.w.month(self.report["round"]))
        )

    def body(self) -> str:
        """The decree, then its lampiran on a new page."""
        return "".join(
            [
                self.draft_mark(),
                self.kop(),
                self.title(),
                self.considerations(),
                self.decision(),
                self.signature(),
                self.lampiran(),
            ]
        )

    def draft_mark(self) -> str:
        text = self.w.translate("Reports", "DRAFT for review: not signed, not valid as a decree")
        return (
            '<table width="100%" cellspacing="0" cellpadding="4" border="1" '
            'style="border-color: #b00000; border-style: solid; margin-bottom: 6pt;">'
            f'<tr><td align="center" style="color: #b00000; font-family: {h.SANS}; '
            f'font-size: 9pt;"><b>{h.esc(text.upper())}</b></td></tr></table>'
        )

    def kop(self) -> str:
        province = labels.chain(self.report)[0][2]
        line = self.w.translate("Reports", "Province %1").replace("%1", province)
        return (
            f'<p align="center" style="font-size: 14pt; margin-bottom: 0;"><b>{h.esc(self.head.upper())}</b></p>'
            f'<p align="center" style="font-size: 12pt; margin-bottom: 2pt;"><b>'
            f"{h.esc(line.upper())}</b></p>" + rule()
        )

    def title(self) -> str:
        decree = self.w.translate("Reports", "Decree of the %1").replace("%1", self.head)
        number = self.w.translate("Reports", "Number")
        on = self.w.translate("Reports", "on")
        grace = self.w.translate("Reports", "By the grace of God Almighty")
        return (
            f'<p align="center" style="margin-top: 8pt; margin-bottom: 0;"><b>{h.esc(decree.upper())}</b></p>'
            f'<p align="center" style="margin-bottom: 6pt;"><b>{h.esc(number)}: {h.esc(self.number)}</b></p>'
            f'<p align="center" style="margin-bottom: 0;"><b>{h.esc(on.upper())}</b></p>'
            f'<p align="center" style="margin-bottom: 8pt;"><b>{h.esc(self.subject().upper())}</b></p>'
            f'<p align="center" style="margin-bottom: 8pt;"><b>{h.esc(grace.upper())}</b></p>'
            f'<p align="center" style="margin-bottom: 8pt;"><b>{h.esc(self.head.upper())},</b></p>'
        )

    def considerations(self) -> str:
        considering = [
            self.w.translate(
                "Reports",
                "that the households of the Integrated Social Welfare Data (DTKS) in %1 were "
                "verified and validated in round %2, and the results were reviewed by the "
                "Social Affairs Office (Dinas Sosial);",
            )
            .replace("%1", labels.region_phrase(self.report, self.w))
            .replace("%2", self.w.month(self.report["round"])),
            self.w.translate(
                "Reports",
                "that changes in the eligibility of households must be approved by the regional "
                "head before the results are sent to the Minister of Social Affairs;",
            ),
            self.w.translate(
                "Reports",
                "that, on the considerations in letters a and b, a decree on the approval of the "
                "verification and validation results must be issued;",
            ),
        ]
        placeholder = self.w.translate(
            "Reports",
            "[legal basis to be completed by the legal office: law, government "
            "regulation, regulation of the Minister of Social Affairs, regional regulation]",
        )
        return _clause(
            self.w.translate("Reports", "Considering"), considering, "abcdefgh"
        ) + _clause(
            self.w.translate("Reports", "Having regard to"), [placeholder] * 4, None, italic=True
        )

    def decision(self) -> str:
        n = self.w.number
        households = self.report["households"]
        hasil = [str(hh.get("hasil") or "") for hh in households]
        counts = [
            (self.w.translate("Reports", "households verified"), n(len(households))),
            (self.w.translate("Reports", "households eligible"), n(hasil.count("1"))),
            (self.w.translate("Reports", "households not eligible"), n(hasil.count("2"))),
        ]
        if hasil.count(""):
            counts.append(
                (self.w.translate("Reports", "households without a result"), n(hasil.count("")))
            )
        counts.append((self.w.translate("Reports", "eligibility changes"), n(len(self.changes))))
        unit = self.w.translate("Reports", "households")
        count_rows = "".join(
            f"<tr><td width='4%'>{'abcdefg'[i]}.</td><td width='55%'>{h.esc(k)}</td>"
            f"<td width='3%'>:</td><td>{h.esc(v)} {h.esc(unit)}</td></tr>"
            for i, (k, v) in enumerate(counts)
        )
        region = (
            f"{labels.region_phrase(self.report, self.w)} ({wilayah.dotted(self.report['scope'])})"
        )
        first = (
            self.w.translate(
                "Reports",
                "To approve the results of the verification and validation of DTKS in %1, round "
                "%2, as follows:",
            )
            .replace("%1", region)
            .replace("%2", self.w.month(self.report["round"]))
        )
        first_end = self.w.translate(
            "Reports",
            "with the eligibility changes listed in the Attachment, which is an integral "
            "part of this Decree.",
        )
        second = self.w.translate(
            "Reports",
            "The results in the FIRST part are sent to the Minister of Social Affairs through "
            "the Social Affairs Office (Dinas Sosial) to update the DTKS.",
        )
        third = self.w.translate("Reports", "This Decree takes effect on the date it is enacted.")
        items = [
            (
                self.w.translate("Reports", "FIRST"),
                f"{h.esc(first)}<table cellspacing='0' cellpadding='1' width='100%'>{count_rows}</table>{h.esc(first_end)}",
            ),
            (self.w.translate("Reports", "SECOND"), h.esc(second)),
            (self.w.translate("Reports", "THIRD"), h.esc(third)),
        ]
        rows = "".join(
            f"<tr><td width='18%'><b>{h.esc(k)}</b></td><td width='3%'>:</td><td align='justify'>{v}</td></tr>"
            for k, v in items
        )
        decide = self.w.translate("Reports", "HAS DECIDED")
        enact = self.w.translate("Reports", "To enact")
        decree = self.w.translate("Reports", "Decree of the %1").replace("%1", self.head)
        on = self.w.translate("Reports", "on")
        return (
            f'<p align="center" style="margin-top: 8pt;"><b>{h.esc(decide.upper())}:</b></p>'
            f"<table width='100%' cellspacing='0' cellpadding='3'>"
            f"<tr><td width='18%'>{h.esc(enact)}</td><td width='3%'>:</td>"
            f"<td align='justify'><b>{h.esc(decree.upper())} "
            f"{h.esc(on.upper())} {h.esc(self.subject().upper())}.</b></td></tr>{rows}</table>"
        )

    def signature(self) -> str:
        enacted = self.w.translate("Reports", "Enacted in")
        on = self.w.translate("Reports", "on (date)")
        name = self.w.translate("Reports", "(name of the regional head)")
        return (
            "<table width='100%' cellspacing='0' cellpadding='2' style='margin-top: 12pt; page-break-inside: avoid'>"
            "<tr><td width='50%'></td><td>"
            f"{h.esc(enacted)} : {h.esc(self.place)}<br/>"
            f"{h.esc(on)} : {h.esc(self.when)}<br/><br/>"
            f"<b>{h.esc(self.head.upper())},</b><br/><br/><br/><br/><br/>"
            f"<b>{h.esc(name)}</b></td></tr></table>"
        )

    def lampiran(self) -> str:
        decree = self.w.translate("Reports", "Attachment to the Decree of the %1").replace(
            "%1", self.head
        )
        head_rows = "".join(
            f"<tr><td width='22%'>{h.esc(k)}</td><td width='3%'>:</td><td>{h.esc(v)}</td></tr>"
            for k, v in [
                (self.w.translate("Reports", "Number"), self.number),
                (self.w.translate("Reports", "Date"), self.when),
                (self.w.translate("Reports", "On"), self.subject()),
            ]
        )
        title = self.w.translate("Reports", "List of eligibility changes of households")
        return (
            "<p style='page-break-before: always; margin: 0;'></p>"
            f"<table class='note' width='100%' cellspacing='0' cellpadding='0'><tr><td width='45%'></td><td>"
            f"<b>{h.esc(decree.upper())}</b>"
            f"<table class='note' width='100%' cellspacing='0' cellpadding='1'>{head_rows}</table>"
            "</td></tr></table>"
            f'<p align="center" style="margin-top: 10pt; margin-bottom: 6pt;"><b>{h.esc(title.upper())}</b></p>'
            + self.change_table()
            + self.signature()
        )

    def change_table(self) -> str:
        headers = [
            self.w.translate("Reports", "No"),
            self.w.translate("Reports", "DTKS ID"),
            self.w.translate("Reports", "Head of household"),
            self.w.translate("Reports", "Address"),
            self.w.translate("Reports", "Old status"),
            self.w.translate("Reports", "New status"),
            self.w.translate("Reports", "Reason"),
        ]
        rows = [
            h.row(
                [
                    i,
                    hh["household_id"],
                    hh.get("nama_krt", ""),
                    _address(hh, self.w),
                    *self.old_new(hh),
                    self.reason(hh),
                ],
                ["r"],
            )
            for i, hh in enumerate(self.changes, start=1)
        ]
        if not rows:
            rows = [
                h.spanning_row(
                    self.w.translate("Reports", "No household changed eligibility."),
                    len(headers),
                    "",
                )
            ]
        return h.grid(headers, rows, widths=[5, 17, 14, 23, 10, 16, 15], padding=5, small=True)

    def old_new(self, hh: dict) -> tuple[str, str]:
        status = str(hh.get("status_rt") or "")
        hasil = str(hh.get("hasil") or "")
        if hasil == "1":  # an eligible household changes eligibility only when it is new
            return self.w.translate("Reports", "Not in DTKS"), self.names["hasil"].get("1", "1")
        new = self.names["hasil"].get(hasil, hasil) or self.w.translate("Reports", "Not eligible")
        if status and status != "1":
            new = f"{new} ({self.names['status_rt'].get(status, status)})"
        return self.w.translate("Reports", "Listed in DTKS"), new

    def reason(self, hh: dict) -> str:
        if str(hh.get("hasil") or "") == "1":
            return self.w.translate("Reports", "New household proposal")
        alasan = str(hh.get("alasan") or "")
        return self.names["alasan"].get(alasan, alasan)


def _address(hh: dict, w: Words) -> str:
    district = w.translate("Reports", "District %1").replace("%1", hh.get("kecamatan", ""))
    return f"{hh.get('alamat', '')}, RT {hh.get('rt', '')}/RW {hh.get('rw', '')}, {hh.get('desa', '')}, {district}"


def _clause(title: str, items: list[str], letters: str | None, italic: bool = False) -> str:
    inner = "".join(
        f"<tr><td width='6%'>{letters[i] if letters else i + 1}.</td>"
        f"<td align='justify'>{'<i>' if italic else ''}{h.esc(text)}{'</i>' if italic else ''}</td></tr>"
        for i, text in enumerate(items)
    )
    return (
        "<table width='100%' cellspacing='0' cellpadding='2' style='margin-bottom: 4pt;'>"
        f"<tr><td width='18%'>{h.esc(title)}</td><td width='3%'>:</td><td>"
        f"<table width='100%' cellspacing='0' cellpadding='1'>{inner}</table></td></tr></table>"
    )
