"""dtks.ids: NIK, No KK and kode wilayah on real-shaped valid ids and every kind of broken one."""

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from dtks import ids, wilayah

TODAY = date(2026, 11, 25)
REGENCIES = sorted(code for code in wilayah.table() if len(code) == 4)
DISTRICTS = sorted(code for code in wilayah.table() if len(code) == 6)
VILLAGES = sorted(code for code in wilayah.table() if len(code) == 10)


def make_nik(region: str, born: date, sex: str, serial: int) -> str:
    """Build a NIK text the way Dukcapil does."""
    day = born.day + (40 if sex == "P" else 0)
    return f"{region}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


births = st.dates(min_value=date(1927, 1, 1), max_value=TODAY)
regions = st.sampled_from(DISTRICTS)
sexes = st.sampled_from(["L", "P"])
serials = st.integers(1, 9999)


@given(regions, births, sexes, serials)
def test_valid_nik_round_trips_its_parts(region, born, sex, serial):
    # A two-digit year is ambiguous over a century: keep to births the rule can tell apart.
    assume(born.year > TODAY.year - 100)
    nik = ids.parse_nik(make_nik(region, born, sex, serial), today=TODAY)
    assert (nik.region, nik.birth_date, nik.sex, nik.serial) == (
        region,
        born,
        sex,
        f"{serial:04d}",
    )
    assert nik.province == region[:2] and nik.regency == region[:4]


@given(regions, births, sexes, serials)
def test_valid_nik_tolerates_whitespace_around(region, born, sex, serial):
    assume(born.year > TODAY.year - 100)
    text = make_nik(region, born, sex, serial)
    assert ids.parse_nik(f"  {text}\n", today=TODAY).text == text


@given(regions, births, sexes, serials, st.integers(0, 15), st.sampled_from(" -.aO٣"))
def test_nik_with_any_non_digit_inside_is_rejected_naming_position(
    region, born, sex, serial, pos, ch
):
    text = make_nik(region, born, sex, serial)
    broken = text[:pos] + ch + text[pos + 1 :]
    assume(broken.strip() == broken or ch != " ")
    with pytest.raises(ids.InvalidId, match=f"position {pos + 1}"):
        ids.parse_nik(broken, today=TODAY)


@given(st.text(alphabet="0123456789", min_size=0, max_size=30).filter(lambda s: len(s) != 16))
def test_nik_of_wrong_length_is_rejected(text):
    with pytest.raises(ids.InvalidId, match="empty|digits, must have 16"):
        ids.parse_nik(text, today=TODAY)


@pytest.mark.parametrize(
    "text, part",
    [
        ("9904124508900003", "province code 99"),
        ("3299124508900003", "regency code 3299"),
        ("3204004508900003", "district code 00"),
        ("3204120008900003", "day 00"),
        ("3204123508900003", "day 35"),
        ("3204124008900003", "day 40"),
        ("3204127208900003", "day 72"),
        ("3204121500900003", "month 00"),
        ("3204121513900003", "month 13"),
        ("3204123002900003", "30-02-1990"),
        ("3204127002900003", "30-02-1990"),
        ("3204122902010003", "29-02-2001"),
        ("3204120112260003", "in the future"),
        ("3204124508900000", "serial number"),
    ],
)
def test_broken_nik_message_names_the_part(text, part):
    with pytest.raises(ids.InvalidId) as err:
        ids.parse_nik(text, today=TODAY)
    assert part in str(err.value)
    assert text in str(err.value)


def test_leap_day_nik_is_valid_in_leap_year():
    assert ids.parse_nik("3204126902000003", today=TODAY).birth_date == date(2000, 2, 29)


def test_two_digit_year_takes_latest_century_not_in_future():
    assert ids.parse_nik("3204120101250001", today=TODAY).birth_date.year == 2025
    assert ids.parse_nik("3204120101270001", today=TODAY).birth_date.year == 1927


def test_nik_rejects_non_text():
    with pytest.raises(ids.InvalidId, match="must be text"):
        ids.parse_nik(3204124508900003)


def test_is_valid_nik_agrees_with_parse():
    assert ids.is_valid_nik("3204124508900003")
    assert not ids.is_valid_nik("3204124508900000")


@given(regions, st.dates(min_value=date(1971, 1, 1), max_value=TODAY), serials)
def test_valid_kk_round_trips(region, issued, serial):
    text = f"{region}{issued.day:02d}{issued.month:02d}{issued.year % 100:02d}{serial:04d}"
    kk = ids.parse_kk(text, today=TODAY)
    assert (kk.region, kk.issued, kk.serial) == (region, issued, f"{serial:04d}")


@pytest.mark.parametrize(
    "text, part",
    [
        ("320412150890000", "15 digits"),
        ("9904121508900003", "province code 99"),
        ("3204124508900003", "day 45"),
        ("3204121513900003", "month 13"),
        ("3204123102900003", "31-02-1990"),
        ("3204121508900000", "serial number"),
        ("3204120112260003", "in the future"),
    ],
)
def test_broken_kk_message_names_the_part(text, part):
    with pytest.raises(ids.InvalidId, match="No KK") as err:
        ids.parse_kk(text, today=TODAY)
    assert part in str(err.value)


@given(st.sampled_from(VILLAGES))
def test_every_village_parses_dotted_and_plain_alike(code):
    plain = ids.parse_wilayah(code)
    dotted = ids.parse_wilayah(wilayah.dotted(code))
    assert plain == dotted
    assert plain.level == 4 and plain.level_name == "desa/kelurahan"
    assert plain.parents == (code[:2], code[:4], code[:6])
    assert plain.name == wilayah.lookup(code)


@pytest.mark.parametrize(
    "text, level, name",
    [
        ("32", 1, "Jawa Barat"),
        ("32.04", 2, "Kabupaten Bandung"),
        ("320412", 3, "Dayeuhkolot"),
        (" 32.04.12.2002 ", 4, "Dayeuhkolot"),
    ],
)
def test_wilayah_levels(text, level, name):
    w = ids.parse_wilayah(text)
    assert (w.level, w.name) == (level, name)
    assert w.dotted == text.strip() if "." in text else True


@pytest.mark.parametrize(
    "text, part",
    [
        ("", "empty"),
        ("3", "has 1 digits"),
        ("32041", "has 5 digits"),
        ("32.0412", "dotted codes are written"),
        ("32.04.12.202", "dotted codes are written"),
        ("32-04-12", "'-' is not a digit"),
        ("32 04", "' ' is not a digit"),
        ("99", "provinsi 99 does not exist"),
        ("32.99.01", "kabupaten/kota 32.99 does not exist"),
        ("32.04.99", "kecamatan 32.04.99 does not exist"),
        ("32.04.12.9999", "desa/kelurahan 32.04.12.9999 does not exist"),
    ],
)
def test_broken_wilayah_message_names_the_part(text, part):
    with pytest.raises(ids.InvalidId) as err:
        ids.parse_wilayah(text)
    assert part in str(err.value)


def test_table_holds_all_of_indonesia():
    by_length = {}
    for code in wilayah.table():
        by_length[len(code)] = by_length.get(len(code), 0) + 1
    assert by_length == {2: 38, 4: 514, 6: 7285, 10: 83762}


def test_codes_under_prefix_lists_villages_of_a_district():
    villages = list(wilayah.codes_under("320412"))
    assert "3204122002" in villages
    assert all(v.startswith("320412") and len(v) == 10 for v in villages)
    assert villages == sorted(villages)
