"""dtks.anomalies: every kind the DTKS anomaly worklist fixes, found on a household's values."""

from collections import defaultdict
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtks import anomalies as a
from dtks import sample
from dtks.model import Household, Member
from dtks.prelist import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, InvalidValue, parse_value

TODAY = date(2026, 11, 1)
HID = "3204122002000001"


def member(n=1, **values) -> Member:
    base = {
        "nik": "3204121507800001",
        "nama": "Asep",
        "hubungan": 1,
        "jenis_kelamin": 1,
        "tanggal_lahir": "1980-07-15",
        "nama_ibu": "Euis",
        "pekerjaan": 2,
    }
    return Member(f"{HID}{n:02d}", values={**base, **values})


def household(*members, **values) -> Household:
    base = {"kode_wilayah": "3204122002", "no_kk": "3204120101150001"}
    return Household(HID, 1, values={**base, **values}, members=list(members or [member()]))


def kinds(h, holders=None) -> set[tuple]:
    return {(x.kind, x.member_id, x.field) for x in a.detect(h, holders, TODAY)}


def test_a_clean_household_has_none():
    assert kinds(household()) == set()


@pytest.mark.parametrize(
    ("values", "kind", "field"),
    [
        ({"kode_wilayah": "3204999999"}, "wilayah_unknown", "kode_wilayah"),
        ({"kode_wilayah": "3273011001"}, "wrong_wilayah", "kode_wilayah"),
        ({"no_kk": "32041201011500"}, "kk_invalid", "no_kk"),
    ],
)
def test_household_kinds(values, kind, field):
    assert (kind, None, field) in kinds(household(**values))


def test_wrong_wilayah_names_the_desa_of_the_id_and_the_kecamatan_of_the_no_kk():
    (found,) = a.detect(household(kode_wilayah="3273011001"), today=TODAY)
    assert found.related == ("3204122002", "320412")
    assert "Dayeuhkolot" in found.message
    # Only the No KK disagrees: a proposal's id is a UUID.
    proposal = Household("5b0c8a1e-1111-4a4a-8b8b-000000000001", 1, values={
        "kode_wilayah": "3204122002", "no_kk": "3273010101150001"}, members=[member()])  # fmt: skip
    (found,) = a.detect(proposal, today=TODAY)
    assert found.kind == "wrong_wilayah" and found.related == ("327301",)


@pytest.mark.parametrize(
    ("values", "kind", "field"),
    [
        ({"nik": "32041215078000"}, "nik_invalid", "nik"),
        ({"tanggal_lahir": "1981-07-15"}, "nik_mismatch", "tanggal_lahir"),
        ({"jenis_kelamin": 2}, "nik_mismatch", "jenis_kelamin"),
        ({"tanggal_lahir": "2080-07-15"}, "impossible_birth_date", "tanggal_lahir"),
        ({"tanggal_lahir": "1980-02-30"}, "impossible_birth_date", "tanggal_lahir"),
        ({"nama_ibu": ""}, "missing_mother_name", "nama_ibu"),
        ({"nama_ibu": None}, "missing_mother_name", "nama_ibu"),
    ],
)
def test_member_kinds(values, kind, field):
    assert (kind, f"{HID}01", field) in kinds(household(member(**values)))


def test_a_head_aged_four_and_a_civil_servant_aged_six_are_implausible():
    head = member(nik="3204121507220001", tanggal_lahir="2022-07-15", pekerjaan=1)
    child = member(2, nik="3204121507200001", tanggal_lahir="2020-07-15", hubungan=3, pekerjaan=7)
    found = kinds(household(head, child))
    assert ("implausible_relationship", head.member_id, "hubungan") in found
    assert ("implausible_occupation", child.member_id, "pekerjaan") in found
    # A child born before the head; a parent born after; a retiree of 30.
    older_child = member(2, nik="3204121507700001", tanggal_lahir="1970-07-15", hubungan=3)
    young_parent = member(3, nik="3204121507900001", tanggal_lahir="1990-07-15", hubungan=6)
    retiree = member(
        4, nik="3204121507960001", tanggal_lahir="1996-07-15", hubungan=3, pekerjaan=11
    )
    found = kinds(household(member(), older_child, young_parent, retiree))
    assert {k for k, m, _ in found if m != member().member_id} == {
        "implausible_relationship",
        "implausible_occupation",
    }
    aged = member(nik="3204121507100001", tanggal_lahir="1910-07-15")
    assert ("implausible_age", aged.member_id, "tanggal_lahir") in kinds(household(aged))


def test_not_exactly_one_head_among_active_members():
    two = household(member(), member(2, nik="3204125507820001", jenis_kelamin=2,
                                     tanggal_lahir="1982-07-15"))  # fmt: skip
    assert ("head_count", None, "hubungan") in kinds(two)
    gone = Member(f"{HID}01", status="removed", values=member().values)
    wife = member(
        2, nik="3204125507820001", jenis_kelamin=2, tanggal_lahir="1982-07-15", hubungan=2
    )
    assert ("head_count", None, "hubungan") in kinds(household(gone, wife))
    everyone_gone = household(gone)
    assert kinds(everyone_gone) == set()  # all members died or moved: nothing to fix here


def test_duplicate_nik_needs_the_holders_and_names_the_other_member():
    h = household()
    assert kinds(h, {"3204121507800001": [f"{HID}01"]}) == set()
    (found,) = a.detect(h, {"3204121507800001": [f"{HID}01", "320412200200000703"]}, TODAY)
    assert (found.kind, found.related, found.value) == (
        "duplicate_nik",
        ("320412200200000703",),
        "3204121507800001",
    )
    assert a.still_holds(found, {"nik": "3204121507800001"})
    assert not a.still_holds(found, {"nik": "3204121507800002"})
    assert a.Anomaly.from_json(found.to_json()) == found


def _typed(columns, row):
    out = {}
    for name, column in columns.items():
        if column.kind == "anomaly":
            continue
        try:
            out[name] = parse_value(column, row[name])
        except InvalidValue:
            out[name] = row[name]  # kept as written, as the import does
    return out


def test_every_anomaly_planted_by_the_sample_is_found_and_clean_rows_give_none():
    households, members = sample.generate(3000, "32.04", seed=5)
    by_household, holders = defaultdict(list), defaultdict(list)
    for m in members:
        by_household[m["household_id"]].append(m)
        holders[m["nik"]].append(m["member_id"])
    planted_kinds = set()
    for row in households:
        rows = by_household[row["household_id"]]
        h = Household(row["household_id"], 1, values=_typed(HOUSEHOLD_COLUMNS, row),
                      members=[Member(m["member_id"], values=_typed(MEMBER_COLUMNS, m))
                               for m in rows])  # fmt: skip
        found = {(x.kind, x.member_id) for x in a.detect(h, holders, sample.REFERENCE_DATE)}
        planted = {(row["anomaly"], None)} | {(m["anomaly"], m["member_id"]) for m in rows}
        planted = {p for p in planted if p[0]}
        planted_kinds |= {k for k, _ in planted}
        assert planted <= found, row["household_id"]
        copied = {m for k, m in planted if k == "duplicate_nik"}
        for kind, mid in found - planted:
            assert kind == "duplicate_nik" or (kind == "nik_mismatch" and mid in copied)
    assert planted_kinds == set(sample.ANOMALIES)


# --- the member rules, run once for two checks (the server's warnings and the worklist) ---

member_values = st.fixed_dictionaries(
    {
        "nik": st.sampled_from(["3204121507800001", "3204125507800001", "32041215078", "", None]),
        "tanggal_lahir": st.sampled_from(
            ["1980-07-15", "2020-01-01", "1890-01-01", "2030-01-01", "1980-02-30", "", None]
        ),
        "jenis_kelamin": st.sampled_from([1, 2, None]),
        "hubungan": st.sampled_from([1, 2, 3, 5, 6, None]),
        "pekerjaan": st.sampled_from([1, 2, 7, 9, 11, None]),
        "nama_ibu": st.sampled_from(["Euis", "", None]),
    }
)
head_births = st.sampled_from([None, date(1950, 1, 1), date(1980, 7, 15), date(2010, 1, 1)])


@given(member_values, head_births)
def test_remembered_member_rules_answer_as_the_rules_do(values, head_born):
    rules, m = a.MemberRules(), member(**values)
    first = rules(m, TODAY, head_born)
    assert first == a.member_anomalies(m, TODAY, head_born)
    assert rules(m, TODAY, head_born) is first
    other = member(2, **values)  # another object with equal values: its own answer
    assert rules(other, TODAY, head_born) == a.member_anomalies(other, TODAY, head_born)


@given(member_values, head_births)
def test_the_head_birth_date_changes_only_relationship_anomalies(values, head_born):
    m = member(**values)
    without = [x for x in a.member_anomalies(m, TODAY) if x.kind != a.IMPLAUSIBLE_RELATIONSHIP]
    with_head = a.member_anomalies(m, TODAY, head_born)
    assert [x for x in with_head if x.kind != a.IMPLAUSIBLE_RELATIONSHIP] == without


def test_detect_with_remembered_rules_finds_what_it_finds_without():
    h = household(
        member(1), member(2, hubungan=3, tanggal_lahir="1970-01-01", nik="3204120101700002")
    )
    rules = a.MemberRules()
    assert a.detect(h, None, TODAY, rules) == a.detect(h, None, TODAY)
    assert a.detect(h, None, TODAY, rules) == a.detect(h, None, TODAY)  # answered from memory
