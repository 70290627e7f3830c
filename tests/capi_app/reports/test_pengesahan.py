"""Pengesahan drafts: every eligibility change in the lampiran, counts, DRAFT, language."""

from __future__ import annotations

import re
from datetime import date

from bnba_samples import make_report
from pdf_checks import dark_share, pages, png, text

from capi_app.reports import render_pengesahan
from capi_app.reports.labels import regional_head


def test_every_eligibility_change_is_in_the_lampiran(tmp_path):
    report = make_report(120, "32.04.12.2002")
    pdf = render_pengesahan(report, tmp_path / "p.pdf")
    body = text(pdf)
    lampiran = body[body.index("LAMPIRAN KEPUTUSAN") :]
    changes = report["eligibility_changes"]
    assert len(changes) > 20
    for hh in changes:
        assert hh["household_id"] in lampiran
    unchanged = [hh for hh in report["households"] if not hh["eligibility_changed"]]
    assert not any(hh["household_id"] in lampiran for hh in unchanged)
    numbers = [int(m) for m in re.findall(r"^\s*(\d+)\s+\d{16}", lampiran, re.M)]
    assert numbers == list(range(1, len(changes) + 1))


def test_a_flagged_household_missing_from_the_list_is_still_attached(tmp_path):
    report = make_report(40, "32.04.12.2002")
    dropped = report["eligibility_changes"].pop()
    body = text(render_pengesahan(report, tmp_path / "p.pdf"))
    assert dropped["household_id"] in body[body.index("LAMPIRAN KEPUTUSAN") :]


def test_decision_counts_draft_mark_and_head(tmp_path):
    report = make_report(60, "32.04.12.2002")
    pdf = render_pengesahan(
        report, tmp_path / "p.pdf", number="400/123/Dinsos", date=date(2026, 12, 1)
    )
    first = " ".join(text(pdf, 1, 2).split())
    c = report["counts"]
    for label, n in [
        ("jumlah rumah tangga yang diverifikasi", c["households"]),
        ("jumlah rumah tangga layak", c["by_hasil"]["1"]),
        ("jumlah rumah tangga tidak layak", c["by_hasil"]["2"]),
        ("jumlah perubahan kelayakan", c["eligibility_changed"]),
    ]:  # the DRAFT watermark's letters can land between the words
        assert re.search(rf"{label}.{{0,8}}: {n} rumah tangga", first), label
    assert "KEPUTUSAN BUPATI BANDUNG" in first and "Nomor: 400/123/Dinsos" in first
    assert "DRAF: BELUM DITANDATANGANI" in first
    assert "pada tanggal : 1 Desember 2026" in first
    assert "[dasar hukum" in first


def test_regional_head_title_from_the_kabupaten_or_kota():
    assert regional_head("Kabupaten Bandung") == "Bupati Bandung"
    assert regional_head("Kota Bandung") == "Wali Kota Bandung"
    assert regional_head(None, "Jawa Barat") == "Gubernur Jawa Barat"


def test_kota_scope_is_signed_by_the_wali_kota(tmp_path):
    body = text(render_pengesahan(make_report(10, "32.73"), tmp_path / "p.pdf"))
    assert "KEPUTUSAN WALI KOTA BANDUNG" in body


def test_pages_show_draft_and_are_not_blank(tmp_path):
    pdf = render_pengesahan(make_report(60, "32.04.12.2002"), tmp_path / "p.pdf")
    n = pages(pdf)
    assert n >= 2
    first, last = png(pdf, 1, tmp_path), png(pdf, n, tmp_path)
    assert dark_share(first, (0.1, 0.2, 0.9, 0.8)) > 0.02
    assert dark_share(last, (0.05, 0.05, 0.95, 0.5)) > 0.02
    assert f"Halaman {n} dari {n}" in text(pdf, n)


def test_english_draft(tmp_path):
    body = text(render_pengesahan(make_report(20, "32.04.12.2002"), tmp_path / "p.pdf", lang="en"))
    assert "DECREE OF THE BUPATI" in body and "New status" in body and "Page 1 of" in body
    assert "Menimbang" not in body
