"""Reading the request CSV (usul warga, sanggahan, usulan Kemensos): every bad row named by
line and column, the good ones read one at a time."""

import pytest

from dtks import citizen_requests as requests

HEADER = "jenis,nomor,tanggal,nik,nama,alamat,kode_wilayah,sasaran,alasan,program"
GOOD = (
    "sanggahan,SGH-1,2026-11-03,3204124508900003,Ani,Jl. A,32.04.12.2002,3204122002000001,mampu,PKH"
)


@pytest.mark.parametrize(
    "row, column",
    [
        ("sanggah,SGH-2,2026-11-03,,Ani,Jl. A,3204122002,3204122002000001,,", "jenis"),
        ("usul_warga,,2026-11-03,,Ani,Jl. A,3204122002,,,", "nomor"),
        ("usul_warga,U-1,03-11-2026,,Ani,Jl. A,3204122002,,,", "tanggal"),
        ("usul_warga,U-1,2026-11-03,3204124508900,Ani,Jl. A,3204122002,,,", "nik"),
        ("usul_warga,U-1,2026-11-03,,Ani,Jl. A,3204129999,,,", "kode_wilayah"),
        ("sanggahan,S-1,2026-11-03,,Ani,Jl. A,3204122002,,,", "sasaran"),
        ("usul_warga,U-1,2026-11-03,,Ani,Jl. A,3204122002,12345,,", "sasaran"),
        ("usul_warga,U-1,2026-11-03,,Ani," + "x" * 501 + ",3204122002,,,", "alamat"),
    ],
)
def test_a_bad_row_is_named_by_its_line_and_column(row, column):
    read = list(requests.read([HEADER, GOOD, row]))
    assert isinstance(read[0], requests.Request) and read[0].line == 2
    (error,) = read[1:]
    assert isinstance(error, requests.RowError)
    assert (error.line, error.column) == (3, column), str(error)
    assert str(error).startswith(f"line 3, column {column}: ")


def test_columns_in_any_order_and_blank_lines_skipped():
    cols = HEADER.split(",")[::-1]
    values = GOOD.split(",")[::-1]
    (r,) = requests.read([",".join(cols), "", ",".join(values)])
    assert (r.kind, r.reference, r.kode_wilayah, r.target, r.line) == (
        "sanggahan", "SGH-1", "3204122002", "3204122002000001", 3,
    )  # fmt: skip


def test_a_header_without_a_column_is_refused_naming_it():
    with pytest.raises(requests.HeaderError, match="missing program"):
        list(requests.read([HEADER.replace(",program", ""), GOOD]))


def test_rows_are_read_one_at_a_time():
    def lines():
        yield HEADER
        for n in range(10**9):
            yield GOOD.replace("SGH-1", f"SGH-{n}")

    first = next(iter(requests.read(lines())))
    assert first.reference == "SGH-0"
