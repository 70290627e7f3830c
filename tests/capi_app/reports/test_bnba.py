"""BNBA list PDFs: pages, text, not blank, language, grouping by desa, any Unicode."""

from __future__ import annotations

from bnba_samples import make_report
from pdf_checks import dark_share, pages, png, text

from capi_app.reports import render_bnba


def test_desa_bnba_lists_every_household_with_labels(tmp_path):
    report = make_report(40, "32.04.12.2002")
    pdf = render_bnba(report, tmp_path / "bnba.pdf")
    body = text(pdf)
    for hh in report["households"]:
        assert hh["household_id"] in body
        assert hh["nama_krt"] in body
    assert "DAFTAR HASIL VERIFIKASI DAN VALIDASI DTKS (BY NAME BY ADDRESS)" in body
    assert "DINAS SOSIAL KABUPATEN BANDUNG" in body
    assert "Tidak layak" in body and "Tidak ditemukan" in body
    assert "Halaman 1 dari" in body
    assert "Bandung, 20 November 2026" in body
    assert "Kepala Dinas Sosial Kabupaten Bandung" in body


def test_page_count_grows_with_rows_and_headers_repeat(tmp_path):
    small = render_bnba(make_report(10, "32.04.12.2002"), tmp_path / "small.pdf")
    big = render_bnba(make_report(300, "32.04.12.2002"), tmp_path / "big.pdf")
    n_small, n_big = pages(small), pages(big)
    assert n_small == 2  # the list, then the summary with signatures
    assert 12 <= n_big <= 30  # about 16 rows a page, landscape
    assert f"Halaman {n_big} dari {n_big}" in text(big, n_big)
    for page in (2, n_big // 2):  # the column header row comes back on every list page
        assert "NIK KRT" in text(big, page)


def test_first_page_is_not_blank(tmp_path):
    pdf = render_bnba(make_report(30, "32.04.12.2002"), tmp_path / "bnba.pdf")
    image = png(pdf, 1, tmp_path)
    assert dark_share(image, (0.05, 0.35, 0.95, 0.9)) > 0.03  # table lines and text
    assert dark_share(image, (0.3, 0.02, 0.7, 0.1)) > 0.01  # the kop


def test_summary_counts_by_result_and_status(tmp_path):
    report = make_report(40, "32.04.12.2002")
    pdf = render_bnba(report, tmp_path / "bnba.pdf")
    last = text(pdf, pages(pdf))
    assert "REKAPITULASI" in last
    counts = report["counts"]
    line = f"Rumah tangga diverifikasi: {counts['households']}; disetujui Dinas Sosial: {counts['approved']}; perubahan kelayakan: {counts['eligibility_changed']}."
    assert " ".join(line.split()) in " ".join(last.split())
    total_row = next(
        r for r in last.splitlines() if r.strip().startswith("Jumlah") and r.split()[-1].isdigit()
    )
    assert total_row.split()[1:] == [
        str(counts["by_hasil"].get("1", 0)),
        str(counts["by_hasil"].get("2", 0)),
        str(counts["by_hasil"].get("", 0)),
        str(counts["households"]),
    ]


def test_kabupaten_bnba_groups_by_desa(tmp_path):
    report = make_report(600, "32.04")
    pdf = render_bnba(report, tmp_path / "bnba.pdf")
    body = text(pdf)
    desas = {hh["desa"] for hh in report["households"]}
    assert len(desas) >= 3
    assert body.count(", Desa/Kelurahan ") >= len(desas)
    assert "B. JUMLAH RUMAH TANGGA MENURUT DESA/KELURAHAN".lower() in body.lower()


def test_english_labels(tmp_path):
    report = make_report(20, "32.04.12.2002")
    en = text(render_bnba(report, tmp_path / "en.pdf", lang="en"))
    id_ = text(render_bnba(report, tmp_path / "id.pdf", lang="id"))
    assert "Head of household" in en and "Not eligible" in en and "Page 1 of" in en
    assert "Nama KRT" not in en
    assert "Nama KRT" in id_ and "Head of household" not in id_


def test_any_unicode_name_and_markup_print_as_written(tmp_path):
    report = make_report(5, "32.04.12.2002")
    odd = {
        report["households"][0]["household_id"]: "Ni Luh Ayu Ṣūṛyā <b>&amp;",
        report["households"][1]["household_id"]: "Nguyễn Thị Hoà",
    }
    for hh in report["households"]:
        hh["nama_krt"] = odd.get(hh["household_id"], hh["nama_krt"])
    body = text(render_bnba(report, tmp_path / "bnba.pdf"))
    assert "Ni Luh Ayu Ṣūṛyā" in body and "<b>&amp;" in body  # the cell wraps the name
    assert "Nguyễn Thị Hoà" in body


def test_a_kabupaten_of_a_thousand_households_renders_every_row(tmp_path):
    # Speed is measured in bench/bench_reports.py; this checks that a long list stays whole.
    report = make_report(1000, "32.04", seed=2)
    pdf = render_bnba(report, tmp_path / "bnba.pdf")
    assert pages(pdf) > 50
    body = text(pdf)
    assert report["households"][0]["nama_krt"] in body
    assert report["households"][-1]["nama_krt"] in body


def test_requests_and_their_findings_are_printed(tmp_path):
    from dtks import findings

    report = make_report(12, "32.04.12.2002")
    first, second = report["households"][:2]
    first.update(requests="sanggahan:SGH-2026-000123", temuan_hasil="tidak_layak")
    second.update(requests="usul_warga:USW-2026-000045", temuan_hasil="")
    tally = findings.tally([("sanggahan", "tidak_layak"), ("usul_warga", None)])
    report["requests_line"] = findings.line(tally)
    pdf = render_bnba(report, tmp_path / "bnba.pdf")
    body = " ".join(text(pdf).split())
    assert "sanggahan SGH-2026-000123: tidak layak" in body
    assert "usul warga USW-2026-000045" in body
    last = " ".join(text(pdf, pages(pdf)).split())
    assert "Permintaan: sanggahan layak 0, tidak layak 1, belum dikunjungi 0" in last
    assert "usul warga layak 0, tidak layak 0, belum dikunjungi 1" in last


def test_a_report_without_requests_prints_no_request_line(tmp_path):
    pdf = render_bnba(make_report(12, "32.04.12.2002"), tmp_path / "bnba.pdf")
    assert "Permintaan:" not in text(pdf)
