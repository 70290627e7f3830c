"""The sample pre-list generator: deterministic, valid where not marked, realistic, anomalous where marked."""

import csv
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from dtks import ids, wilayah
from dtks.prelist import (
    ANOMALIES,
    CODES,
    HOUSEHOLD_COLUMNS,
    MEMBER_COLUMNS,
    InvalidValue,
    parse_value,
)
from dtks.sample import GROUPS, REFERENCE_DATE, generate, write_prelist

ROOT = Path(__file__).resolve().parents[2]
# Provinces whose names are built differently: Sunda, Batak (marga), Bali, NTT, Papua, Minang.
PROVINCES = ("32", "12", "51", "53", "94", "13")


@pytest.fixture(scope="module")
def big():
    """3,000 households of Jawa Barat: enough for every anomaly kind to show up."""
    return generate(3000, "32", seed=11)


@pytest.fixture(scope="module")
def mixed():
    """300 households in each of several provinces with different naming customs."""
    households, members = [], []
    for i, province in enumerate(PROVINCES):
        h, m = generate(300, province, seed=i)
        households += h
        members += m
    return households, members


@pytest.fixture(scope="module", params=["big", "mixed"])
def sample(request):
    """Each of the samples in turn."""
    return request.getfixturevalue(request.param)


def by_household(members):
    """Member rows grouped by household_id, in file order."""
    groups = defaultdict(list)
    for m in members:
        groups[m["household_id"]].append(m)
    return groups


def born(member) -> date:
    """The member's birth date (only for members without an anomaly)."""
    return date.fromisoformat(member["tanggal_lahir"])


def plus_years(d: date, years: int) -> date:
    """d moved by whole calendar years (29 February becomes 28 February)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def age(member) -> int:
    """Age in completed years on the generator's reference date."""
    b = born(member)
    return (
        REFERENCE_DATE.year
        - b.year
        - ((REFERENCE_DATE.month, REFERENCE_DATE.day) < (b.month, b.day))
    )


def clean(rows):
    """The rows without a planted anomaly."""
    return [r for r in rows if not r["anomaly"]]


def clean_households(sample):
    """(household row, its members) for households with no anomaly anywhere."""
    households, members = sample
    groups = by_household(members)
    for h in households:
        ms = groups[h["household_id"]]
        if not h["anomaly"] and not any(m["anomaly"] for m in ms):
            yield h, ms


# --- determinism and format --------------------------------------------------------------------


def test_same_arguments_give_byte_identical_files_and_another_seed_differs(tmp_path):
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        write_prelist(tmp_path / name, 200, "33.74", seed)
    for f in ("households.csv", "members.csv"):
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes()
        assert (tmp_path / "a" / f).read_bytes() != (tmp_path / "c" / f).read_bytes()


def test_files_have_exactly_the_prelist_columns_in_order_and_round_trip(tmp_path):
    summary = write_prelist(tmp_path, 50, "3204", seed=2)
    households, members = generate(50, "3204", seed=2)
    for name, columns, rows in (
        ("households.csv", HOUSEHOLD_COLUMNS, households),
        ("members.csv", MEMBER_COLUMNS, members),
    ):
        with open(tmp_path / name, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            assert reader.fieldnames == list(columns)
            assert list(reader) == rows
    assert (summary.households, summary.members) == (50, len(members))


def test_rows_are_dicts_keyed_by_the_columns_in_order(big):
    households, members = big
    assert all(list(h) == list(HOUSEHOLD_COLUMNS) for h in households)
    assert all(list(m) == list(MEMBER_COLUMNS) for m in members)


# --- validity of rows without anomalies -------------------------------------------------------


def test_every_value_of_a_row_without_anomaly_passes_parse_value(sample):
    households, members = sample
    for rows, columns in ((households, HOUSEHOLD_COLUMNS), (members, MEMBER_COLUMNS)):
        for row in clean(rows):
            for name, column in columns.items():
                parse_value(column, row[name])


def test_nik_agrees_with_birth_date_sex_and_the_household_regency(sample):
    _, members = sample
    districts = Counter()
    for m in clean(members):
        nik = ids.parse_nik(m["nik"])
        assert nik.birth_date == born(m), m
        assert nik.sex == ("L" if m["jenis_kelamin"] == "1" else "P"), m
        assert nik.regency == m["household_id"][:4], m
        districts[nik.region == m["household_id"][:6]] += 1
    # Mostly the own kecamatan, occasionally another one of the regency.
    assert 0.85 < districts[True] / districts.total() < 0.99


def test_niks_are_unique_except_planted_duplicates(sample):
    _, members = sample
    counts = Counter(m["nik"] for m in clean(members))
    assert counts.most_common(1)[0][1] == 1


def test_no_kk_is_valid_issued_after_the_head_turned_17_and_not_after_the_reference_date(sample):
    households, members = sample
    heads = {m["household_id"]: m for m in members if m["hubungan"] == "1"}
    kks = [h["no_kk"] for h in households]
    assert len(set(kks)) == len(kks)
    for h in households:
        kk = ids.parse_kk(h["no_kk"])
        assert kk.region == h["household_id"][:6]
        assert kk.issued <= REFERENCE_DATE
        head = heads[h["household_id"]]
        if not head["anomaly"]:
            assert kk.issued > plus_years(born(head), 17)


def test_each_household_has_exactly_one_head_listed_first_and_matching_its_row(sample):
    households, members = sample
    groups = by_household(members)
    assert len(groups) == len(households)
    for h in households:
        ms = groups[h["household_id"]]
        assert [m["hubungan"] for m in ms].count("1") == 1
        assert ms[0]["hubungan"] == "1"
        assert h["nama_krt"] == ms[0]["nama"]
        assert h["jumlah_art"] == str(len(ms))
        assert 1 <= len(ms) <= 9
        assert [m["member_id"] for m in ms] == [
            f"{h['household_id']}{i:02d}" for i in range(1, len(ms) + 1)
        ]


def test_household_ids_are_unique_desa_code_plus_serial(big):
    households, _ = big
    hids = [h["household_id"] for h in households]
    assert len(set(hids)) == len(hids)
    for hid in hids:
        assert wilayah.lookup(hid[:10]) is not None and hid[10:] != "000000"


def test_relationships_sexes_ages_and_marital_status_are_consistent(sample):
    for _, ms in clean_households(sample):
        head = ms[0]
        rel = defaultdict(list)
        for m in ms:
            rel[m["hubungan"]].append(m)
            if age(m) < 16:
                assert m["status_kawin"] == "1", m
            assert m["nama_ibu"] and m["nama_ibu"] != m["nama"], m
        spouses = rel["2"]
        assert len(spouses) <= 1
        for s in spouses:
            assert s["jenis_kelamin"] != head["jenis_kelamin"]
            assert s["status_kawin"] == head["status_kawin"] == "2"
        couple = [head, *spouses]
        siblings = [m["nama"] for m in rel["3"]]
        assert len(set(siblings)) == len(siblings), ms
        for child in rel["3"]:
            assert all(born(child) >= plus_years(born(p), 15) for p in couple), ms
        for grandchild in rel["5"]:
            assert born(grandchild) >= plus_years(born(head), 30), ms
        for parent in rel["6"]:
            assert all(born(parent) <= plus_years(born(p), -15) for p in couple), ms
        for menantu in rel["4"]:
            assert menantu["status_kawin"] == "2" and age(menantu) >= 16
            married = [c for c in rel["3"] if c["status_kawin"] == "2"]
            assert any(c["jenis_kelamin"] != menantu["jenis_kelamin"] for c in married), ms


def test_children_carry_their_mothers_name(sample):
    checked = 0
    for _, ms in clean_households(sample):
        head = ms[0]
        mothers = [m for m in ms[:2] if m["jenis_kelamin"] == "2" and m["hubungan"] in "12"]
        for child in (m for m in ms if m["hubungan"] == "3"):
            if mothers:
                assert child["nama_ibu"] == mothers[0]["nama"], ms
                checked += 1
            else:  # a widower or divorced father: the mother lives elsewhere
                assert child["nama_ibu"] and child["nama_ibu"] != head["nama"], ms
    assert checked > 100


def test_occupation_and_education_fit_the_age(sample):
    _, members = sample
    for m in clean(members):
        a, job, edu = age(m), int(m["pekerjaan"]), int(m["pendidikan"])
        if a < 7:
            assert edu == 1 and job in (1, 9), m
        if a < 15:
            assert edu <= 2 and job in (1, 9), m
        if a < 18:
            assert edu <= 3, m
        if edu >= 5:
            assert a >= 20, m
        if job == 9:
            assert 5 <= a <= 25, m
        if job == 11:
            assert a >= 50, m
        if job == 7:
            assert edu >= 4 and 18 <= a <= 58, m


def place_name(regency: str) -> str:
    """A regency's name as written for a birthplace: without Kabupaten/Kota (Administrasi)."""
    return re.sub(r"^(Kabupaten|Kota)( Administrasi)? ", "", wilayah.lookup(regency))


def test_birthplace_is_a_regency_name_mostly_the_own_one(big):
    _, members = big
    names = {place_name(c) for c in wilayah.table() if len(c) == 4}
    assert {m["tempat_lahir"] for m in members} <= names
    own = Counter(place_name(m["household_id"][:4]) == m["tempat_lahir"] for m in members)
    assert own[True] / own.total() > 0.6


def test_addresses_and_rt_rw(big):
    households, _ = big
    pattern = re.compile(r"^(Jl\. .+ No\. \d+|Kp\. .+|Dusun .+)$")
    assert all(pattern.match(h["alamat"]) for h in households)
    assert all(re.fullmatch(r"\d{3}", h["rt"]) and h["rt"] != "000" for h in households)
    kinds = Counter(h["alamat"].split(" ")[0] for h in households)
    assert kinds["Jl."] and kinds["Kp."]


def test_desil_is_skewed_to_the_poorest(big):
    households, _ = big
    desil = Counter(int(h["desil"]) for h in households)
    assert set(desil) <= set(CODES["desil"])
    assert desil[1] > desil[5] > desil[10]


# --- regions and names -------------------------------------------------------------------------


@pytest.mark.parametrize("scope", ["32.04.12", "3204122002", "51", "9171"])
def test_households_lie_in_villages_under_the_given_wilayah(scope):
    households, members = generate(300, scope, seed=4)
    plain = scope.replace(".", "")
    for h in households:
        assert h["household_id"].startswith(plain)
        assert len(wilayah.lookup(h["household_id"][:10]) or "") > 0
        if not h["anomaly"]:
            assert h["kode_wilayah"] == h["household_id"][:10]
    assert all(m["household_id"].startswith(plain) for m in members)


def test_names_follow_the_regions_customs(mixed):
    households, members = mixed
    groups = by_household(members)
    bali = [m for m in members if m["household_id"].startswith("51")]
    balinese = [
        m for m in bali if re.match(r"^(I|Ni) (Wayan|Made|Nyoman|Ketut|Luh Putu) ", m["nama"])
    ]
    assert len(balinese) / len(bali) > 0.8
    assert all(m["nama"].startswith("Ni ") for m in balinese if m["jenis_kelamin"] == "2")
    batak_children = 0
    for h in households:
        if not h["household_id"].startswith("12"):
            continue
        ms = groups[h["household_id"]]
        head = ms[0]
        marga = head["nama"].split()[-1]
        if head["jenis_kelamin"] == "2" or marga not in GROUPS["batak"].families:
            continue  # a woman's children have their father's marga; or a Malay/Javanese name
        for child in (m for m in ms if m["hubungan"] == "3"):
            assert child["nama"].endswith(marga)
            assert (" Br. " in child["nama"]) == (child["jenis_kelamin"] == "2")
            batak_children += 1
    assert batak_children > 50


# --- anomalies --------------------------------------------------------------------------------


def test_about_three_percent_of_households_carry_one_anomaly_of_every_kind(big):
    households, members = big
    marked = Counter(h["anomaly"] for h in households if h["anomaly"])
    marked += Counter(m["anomaly"] for m in members if m["anomaly"])
    assert set(marked) == set(ANOMALIES)
    assert 0.015 < marked.total() / len(households) < 0.045
    assert sum(1 for h, _ in clean_households(big)) == len(households) - marked.total()


def test_each_planted_anomaly_is_the_defect_it_names(sample):
    households, members = sample
    nik_households = defaultdict(set)
    for m in members:
        nik_households[m["nik"]].add(m["household_id"])
    for h in households:
        if h["anomaly"] == "wrong_wilayah":
            assert h["kode_wilayah"][:6] != h["household_id"][:6]
            assert ids.parse_wilayah(h["kode_wilayah"]).level == 4
    for m in members:
        kind = m["anomaly"]
        if kind == "missing_mother_name":
            assert m["nama_ibu"] == ""
        elif kind == "duplicate_nik":
            assert len(nik_households[m["nik"]]) >= 2
        elif kind == "impossible_birth_date":
            with pytest.raises(InvalidValue):
                parse_value(MEMBER_COLUMNS["tanggal_lahir"], m["tanggal_lahir"])
            ids.parse_nik(m["nik"])  # the NIK still is valid, it just no longer agrees


# --- API and command line ----------------------------------------------------------------------


def test_generate_rejects_a_bad_wilayah_and_a_household_count_below_one():
    with pytest.raises(ids.InvalidId, match="99"):
        generate(10, "99", seed=1)
    with pytest.raises(ValueError, match="at least 1"):
        generate(0, "32", seed=1)


def run_cli(*args):
    """Run python -m dtks.sample with args from the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "dtks.sample", *args], capture_output=True, text=True, cwd=ROOT
    )


def test_cli_writes_both_files_and_prints_a_summary(tmp_path):
    out = tmp_path / "out"
    done = run_cli(
        "--households", "120", "--wilayah", "32.04.12.2002", "--seed", "3", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert "120 households" in done.stdout and "in 1 village\n" in done.stdout
    assert "Dayeuhkolot" in done.stdout and "anomalies" in done.stdout
    write_prelist(tmp_path / "api", 120, "3204122002", 3)
    for f in ("households.csv", "members.csv"):
        assert (out / f).read_bytes() == (tmp_path / "api" / f).read_bytes()


@pytest.mark.parametrize(
    ("code", "message"),
    [("99", "provinsi 99 does not exist"), ("32.4", "dotted codes"), ("3204x", "not a digit")],
)
def test_cli_bad_wilayah_is_a_clear_error_with_exit_code_2(tmp_path, code, message):
    done = run_cli("--households", "5", "--wilayah", code, "--out", str(tmp_path))
    assert done.returncode == 2
    assert "--wilayah" in done.stderr and message in done.stderr
    assert not (tmp_path / "households.csv").exists()


# --- the format document -------------------------------------------------------------------------


def test_prelist_format_doc_documents_every_column_code_and_anomaly():
    doc = (ROOT / "docs" / "prelist-format.md").read_text(encoding="utf-8")
    for columns in (HOUSEHOLD_COLUMNS, MEMBER_COLUMNS):
        for name in columns:
            assert re.search(rf"^\| `{name}` \|", doc, re.M), name
    for name, codes in CODES.items():
        for code, label in codes.items():
            assert f"{code} {label}" in doc or f"| {code} | {label} |" in doc, (name, code)
    for kind in ANOMALIES:
        assert f"`{kind}`" in doc


def test_prelist_format_doc_example_is_what_the_generator_writes(tmp_path):
    doc = (ROOT / "docs" / "prelist-format.md").read_text(encoding="utf-8")
    command = re.search(r"`python -m dtks\.sample ([^`]*) --out DIR`", doc).group(1).split()
    args = dict(zip(command[::2], command[1::2], strict=True))
    write_prelist(tmp_path, int(args["--households"]), args["--wilayah"], int(args["--seed"]))
    written = "".join(f.read_text(encoding="utf-8") for f in tmp_path.iterdir())
    example = re.findall(r"^\d{16,18},.*$", doc, re.M)
    assert len(example) >= 2
    assert all(line in written.splitlines() for line in example)
