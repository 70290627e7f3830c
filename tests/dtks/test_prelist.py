"""dtks.prelist: typed parsing of pre-list CSV values, one column at a time."""

import doctest

import pytest

from dtks import ids, prelist, resources, wilayah
from dtks.prelist import HOUSEHOLD_COLUMNS as H
from dtks.prelist import MEMBER_COLUMNS as M
from dtks.prelist import InvalidValue, parse_value


@pytest.mark.parametrize(
    "column, text, value",
    [
        (H["rt"], " 002 ", "002"),
        (H["kode_wilayah"], "32.04.12.2002", "3204122002"),
        (H["jumlah_art"], "4", 4),
        (H["lat"], "-6.98765", -6.98765),
        (H["lat"], "", None),
        (M["nik"], "3204124508900003", "3204124508900003"),
        (M["hubungan"], "1", 1),
        (M["tanggal_lahir"], "1990-08-05", "1990-08-05"),
        (M["nama_ibu"], "", None),
    ],
)
def test_parse_value_accepts_good_values(column, text, value):
    assert parse_value(column, text) == value


@pytest.mark.parametrize(
    "column, text, message",
    [
        (H["rt"], "2", "rt: '2' must be exactly 3 digits"),
        (H["kode_wilayah"], "32.04.12", "is a kecamatan, not a desa"),
        (H["kode_wilayah"], "32.04.12.9999", "kode_wilayah: kode wilayah"),
        (H["household_id"], "", "household_id: is required"),
        (H["jumlah_art"], "dua", "jumlah_art: 'dua' is not a whole number"),
        (M["hubungan"], "9", "hubungan: 9 is not one of the codes 1-8"),
        (M["nik"], "3204124508900000", "nik: NIK 3204124508900000: serial"),
        (M["tanggal_lahir"], "1990-02-30", "not a real date"),
        (M["tanggal_lahir"], "2999-01-01", "in the future"),
        (M["nama"], "x" * 101, "longer than 100"),
    ],
)
def test_parse_value_rejects_bad_values_naming_the_column(column, text, message):
    with pytest.raises(InvalidValue) as err:
        parse_value(column, text)
    assert message in str(err.value)


def test_code_columns_carry_their_code_lists():
    assert M["jenis_kelamin"].codes == prelist.CODES["jenis_kelamin"]
    assert all(c.codes for c in [*H.values(), *M.values()] if c.kind == "code")


@pytest.mark.parametrize("module", [ids, prelist, resources, wilayah])
def test_docstring_examples_run(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
