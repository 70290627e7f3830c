"""The merge rule of dtks.merge: properties over random states and changes, and each branch."""

import copy
import doctest
import json
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtks import merge
from dtks.merge import (
    DATE_FIELD,
    DELETED_FIELD,
    FLAG_CONFLICT,
    FLAG_DUPLICATE_VERIFICATION,
    FLAG_NEEDS_REVIEW,
    FLAG_PARALLEL_EDIT,
    REASON_FIELD,
    STATUS_FIELD,
    AppliedChange,
    InvalidChange,
    Source,
    merge_household,
    values_equal,
)
from dtks.model import (
    ChangeSet,
    ConflictRecord,
    FieldChange,
    Household,
    HouseholdChange,
    HouseholdReply,
    HouseholdState,
    Member,
    MemberChange,
    Verification,
    VerificationRecord,
)

SRC = Source("c-1", "d-1", "2026-11")
FINAL = Verification("finalized", result="ditemukan")


def state(values=None, version=3, members=(), deleted=False, verifications=()) -> HouseholdState:
    household = Household("h1", version, deleted, dict(values or {}), list(members))
    return HouseholdState(household, list(verifications))


def change(fields=None, base_version=3, members=(), verification=None) -> HouseholdChange:
    fields = {k: FieldChange(*v) for k, v in (fields or {}).items()}
    return HouseholdChange(
        "h1", base_version, fields=fields, members=list(members), verification=verification
    )


def snapshot(s: HouseholdState) -> str:
    """A state as text, so that 1, 1.0 and True stay apart when states are compared."""
    records = [
        (r.changeset_id, r.device_id, r.round, r.mode, r.collector, r.verification.to_json())
        for r in s.verifications
    ]
    return json.dumps(
        [s.household.to_json(), records, sorted(s.flags)], sort_keys=True, default=str
    )


# --- strategies: a small world so that collisions are frequent ------------------------

FIELDS = ["alamat", "rt", "desil", "lat"]
MEMBER_IDS = ["m1", "m2", "m3"]
NEW_MEMBER_IDS = ["n1", "n2"]
scalars = st.sampled_from([None, "", "x", "y", 1, 1.0, 2, True, False])
value_maps = st.dictionaries(st.sampled_from(FIELDS), scalars, max_size=4)
field_maps = st.dictionaries(
    st.sampled_from(FIELDS), st.builds(FieldChange, scalars, scalars), max_size=4
)
reasons = st.sampled_from(["meninggal", "pindah"])
dates = st.none() | st.sampled_from([date(2026, 10, 20), date(2026, 10, 21)])
sources = st.builds(
    Source,
    changeset_id=st.sampled_from(["c-1", "c-2", "c-3"]),
    device_id=st.sampled_from(["d-1", "d-2"]),
    round=st.sampled_from(["2026-11", "2027-05"]),
    mode=st.sampled_from(["CAPI", "PAPI"]),
    collector=st.sampled_from([None, "asep"]),
)


@st.composite
def states(draw) -> HouseholdState:
    version = draw(st.integers(0, 5))
    members = draw(
        st.lists(
            st.builds(
                Member,
                member_id=st.sampled_from(MEMBER_IDS),
                status=st.sampled_from(["active", "removed"]),
                values=value_maps,
                removal_reason=st.none() | reasons,
                removal_date=dates,
                version=st.integers(0, version),
            ),
            max_size=3,
            unique_by=lambda m: m.member_id,
        )
    )
    records = draw(
        st.lists(
            sources.map(
                lambda s: VerificationRecord(
                    FINAL, s.changeset_id, s.device_id, s.round, s.mode, s.collector
                )
            ),
            max_size=2,
            unique_by=lambda r: r.changeset_id,
        )
    )
    household = Household("h1", version, draw(st.integers(0, 4)) == 0, draw(value_maps), members)
    return HouseholdState(
        household, records, frozenset(draw(st.sets(st.sampled_from([FLAG_CONFLICT]))))
    )


@st.composite
def member_ops(draw, household: Household, member_ids) -> list[MemberChange]:
    ops = []
    for member_id in member_ids:
        kinds = ["add", "change", "remove"] if household.member(member_id) else ["add"]
        kind = draw(st.sampled_from(kinds))
        if kind == "add":
            ops.append(MemberChange("add", member_id, values=draw(value_maps)))
        elif kind == "change":
            ops.append(MemberChange("change", member_id, fields=draw(field_maps)))
        else:
            ops.append(MemberChange("remove", member_id, reason=draw(reasons), date=draw(dates)))
    return ops


@st.composite
def changes_for(
    draw,
    s: HouseholdState,
    fields=FIELDS,
    member_ids=MEMBER_IDS + NEW_MEMBER_IDS,
    base_version=None,
):
    household = s.household
    field_names = draw(st.sets(st.sampled_from(fields))) if fields else set()
    ids = draw(st.sets(st.sampled_from(member_ids))) if member_ids else set()
    return HouseholdChange(
        "h1",
        draw(st.integers(0, household.version)) if base_version is None else base_version,
        fields={
            name: draw(st.builds(FieldChange, scalars, scalars)) for name in sorted(field_names)
        },
        members=draw(member_ops(household, sorted(ids))),
        verification=draw(st.none() | st.just(FINAL)),
    )


@st.composite
def state_and_change(draw):
    s = draw(states())
    return s, draw(changes_for(s)), draw(sources)


# --- properties ------------------------------------------------------------------------


@given(state_and_change())
def test_applying_the_same_change_twice_equals_applying_it_once(case):
    s, c, source = case
    once = merge_household(s, c, source)
    twice = merge_household(once.state, c, source)
    assert snapshot(twice.state) == snapshot(once.state)
    assert twice.applied == []


@st.composite
def two_disjoint_changes(draw):
    s = draw(states())
    fields = draw(st.permutations(FIELDS))
    ids = draw(st.permutations(MEMBER_IDS + NEW_MEMBER_IDS))
    base = draw(st.integers(0, s.household.version))
    a = draw(changes_for(s, fields[:2], ids[:2], base))
    b = draw(changes_for(s, fields[2:], ids[2:], base))
    source_a, source_b = draw(
        st.lists(sources, min_size=2, max_size=2, unique_by=lambda x: x.changeset_id)
    )
    return s, (a, source_a), (b, source_b)


def content(s: HouseholdState) -> tuple:
    """What must not depend on the order of merging: all but the members' version stamps."""
    household = s.household
    members = sorted(
        json.dumps({**m.to_json(), "version": None}, sort_keys=True) for m in household.members
    )
    records = sorted(r.changeset_id for r in s.verifications)
    return (
        json.dumps(household.values, sort_keys=True),
        household.version,
        members,
        records,
        sorted(s.flags),
    )


@given(two_disjoint_changes())
def test_changes_to_disjoint_fields_and_members_commute(case):
    s, (a, source_a), (b, source_b) = case
    ab_first = merge_household(s, a, source_a)
    ab = merge_household(ab_first.state, b, source_b)
    ba_first = merge_household(s, b, source_b)
    ba = merge_household(ba_first.state, a, source_a)
    assert content(ab.state) == content(ba.state)
    assert sorted(map(repr, ab_first.conflicts + ab.conflicts)) == sorted(
        map(repr, ba_first.conflicts + ba.conflicts)
    )


def in_conflicts(result, name, client, member_id=None) -> bool:
    return any(
        c.field == name and c.member_id == member_id and values_equal(c.client, client)
        for c in result.conflicts
    )


@given(state_and_change())
def test_no_client_value_is_ever_lost(case):
    s, c, source = case
    result = merge_household(s, c, source)
    household = result.state.household
    for name, fc in c.fields.items():
        assert values_equal(household.values.get(name), fc.value) or in_conflicts(
            result, name, fc.value
        )
    for op in c.members:
        member = household.member(op.member_id)

        def kept(name, value, member=member, member_id=op.member_id):
            return (
                member is not None and values_equal(member.values.get(name), value)
            ) or in_conflicts(result, name, value, member_id)

        if op.op == "add":
            assert all(kept(n, v) for n, v in op.values.items())
        elif op.op == "change":
            assert all(kept(n, fc.value) for n, fc in op.fields.items())
        else:
            assert member.status == "removed" or in_conflicts(
                result, STATUS_FIELD, "removed", op.member_id
            )
            assert member.removal_reason == op.reason or in_conflicts(
                result, REASON_FIELD, op.reason, op.member_id
            )
    if c.verification is not None:
        assert any(r.verification == c.verification for r in result.state.verifications)


@given(state_and_change())
def test_a_converged_value_is_never_a_conflict(case):
    s, c, source = case
    result = merge_household(s, c, source)
    household = s.household
    for name, fc in c.fields.items():
        if values_equal(household.values.get(name), fc.value):
            assert not any(x.field == name and x.member_id is None for x in result.conflicts)
    for op in c.members:
        member = household.member(op.member_id)
        if member is None or op.op == "remove":
            continue
        wanted = op.values if op.op == "add" else {n: fc.value for n, fc in op.fields.items()}
        for name, value in wanted.items():
            if values_equal(member.values.get(name), value):
                assert not any(
                    x.field == name and x.member_id == op.member_id for x in result.conflicts
                )


@given(state_and_change())
def test_a_conflict_keeps_the_server_value_and_version_moves_only_when_something_applied(case):
    s, c, source = case
    result = merge_household(s, c, source)
    for conflict in result.conflicts:
        if conflict.member_id is None and not conflict.field.startswith("@"):
            assert values_equal(result.state.household.values.get(conflict.field), conflict.server)
    bumped = result.state.household.version == s.household.version + 1
    assert bumped == bool(result.applied)
    assert (result.outcome == "conflict") == bool(result.conflicts)


@given(state_and_change())
def test_merge_does_not_touch_its_inputs(case):
    s, c, source = case
    before = copy.deepcopy((s, c))
    merge_household(s, c, source)
    assert (s, c) == before and snapshot(s) == snapshot(before[0])


# --- fields, one branch each -----------------------------------------------------------


def test_field_equal_to_base_takes_the_client_value():
    result = merge_household(
        state({"alamat": "Jl. Mawar 3"}), change({"alamat": ("Jl. Mawar 3", "Jl. Mawar 5")}), SRC
    )
    assert result.outcome == "applied" and result.flags == frozenset() and result.message is None
    assert result.state.household.values == {"alamat": "Jl. Mawar 5"}
    assert result.state.household.version == 4
    assert result.applied == [AppliedChange("alamat", None, "Jl. Mawar 3", "Jl. Mawar 5")]


def test_field_already_at_the_client_value_converges_without_conflict_or_new_version():
    result = merge_household(
        state({"alamat": "Jl. Mawar 5"}, version=5),
        change({"alamat": ("Jl. Mawar 3", "Jl. Mawar 5")}),
        SRC,
    )
    assert result.outcome == "applied"
    assert result.conflicts == [] and result.applied == []
    assert result.state.household.version == 5


def test_diverged_field_keeps_the_server_value_and_records_all_three():
    result = merge_household(
        state({"alamat": "Jl. Mawar 4"}, version=4),
        change({"alamat": ("Jl. Mawar 3", "Jl. Mawar 5")}),
        SRC,
    )
    assert result.outcome == "conflict"
    assert result.conflicts == [
        ConflictRecord("alamat", "Jl. Mawar 3", "Jl. Mawar 4", "Jl. Mawar 5")
    ]
    assert result.state.household.values == {"alamat": "Jl. Mawar 4"}
    assert result.state.household.version == 4
    assert result.flags == {FLAG_CONFLICT, FLAG_NEEDS_REVIEW} == result.state.flags
    assert "alamat" in result.message


def test_other_fields_still_apply_beside_a_conflict():
    s = state({"alamat": "Jl. Mawar 4", "rt": "002"})
    result = merge_household(
        s, change({"alamat": ("Jl. Mawar 3", "Jl. Mawar 5"), "rt": ("002", "003")}), SRC
    )
    assert result.outcome == "conflict"
    assert result.state.household.values == {"alamat": "Jl. Mawar 4", "rt": "003"}
    assert result.state.household.version == 4


def test_parallel_edit_to_other_fields_merges_as_a_soft_conflict():
    s = state({"alamat": "Jl. Mawar 4", "rt": "002"}, version=5)
    result = merge_household(s, change({"rt": ("002", "003")}, base_version=3), SRC)
    assert result.outcome == "merged"
    assert result.flags == {FLAG_PARALLEL_EDIT}
    assert FLAG_NEEDS_REVIEW not in result.state.flags
    assert result.state.household.values == {"alamat": "Jl. Mawar 4", "rt": "003"}
    assert result.reply() == HouseholdReply("h1", "merged", 6, [], result.message)


def test_parallel_edit_that_already_converged_is_simply_applied():
    s = state({"rt": "003"}, version=5)
    result = merge_household(s, change({"rt": ("002", "003")}, base_version=3), SRC)
    assert result.outcome == "applied" and result.flags == frozenset()


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        (1, 1.0, True),
        (0, -0.0, True),
        (True, 1, False),
        (False, 0, False),
        (None, "", False),
        ("", None, False),
        ("x", "x ", False),
        ("X", "x", False),
        (None, None, True),
        (True, True, True),
    ],
)
def test_values_compare_as_json_values(a, b, equal):
    assert values_equal(a, b) is equal
    assert values_equal(b, a) is equal


def test_an_integral_float_is_the_same_number_and_converges():
    result = merge_household(state({"desil": 1}), change({"desil": (2, 1.0)}), SRC)
    assert result.conflicts == [] and result.applied == []


def test_true_is_not_one_and_null_is_not_empty():
    result = merge_household(
        state({"a": 1, "b": None}), change({"a": (True, False), "b": ("", "x")}), SRC
    )
    assert [c.field for c in result.conflicts] == ["a", "b"]


def test_an_absent_field_is_null():
    result = merge_household(state({}), change({"rw": (None, "004")}), SRC)
    assert result.outcome == "applied" and result.state.household.values == {"rw": "004"}


def test_a_confirmed_value_that_the_server_changed_meanwhile_is_a_conflict():
    # The enumerator saw and confirmed "002" in the field; someone else set "005": that is news.
    result = merge_household(state({"rt": "005"}), change({"rt": ("002", "002")}), SRC)
    assert result.conflicts == [ConflictRecord("rt", "002", "005", "002")]


# --- households: new, unknown, deleted -------------------------------------------------


def new_household(values, members=()) -> HouseholdChange:
    return HouseholdChange("h-new", 0, new=True, values=values, members=list(members))


def test_new_household_is_created_at_version_one_with_its_members():
    c = new_household(
        {"alamat": "Jl. Melati 1"}, [MemberChange("add", "n1", values={"nama": "Budi"})]
    )
    result = merge_household(None, c, SRC)
    household = result.state.household
    assert result.outcome == "applied"
    assert household == Household(
        "h-new",
        1,
        values={"alamat": "Jl. Melati 1"},
        members=[Member("n1", "active", {"nama": "Budi"}, version=1)],
    )


def test_new_household_sent_again_changes_nothing():
    c = new_household(
        {"alamat": "Jl. Melati 1"}, [MemberChange("add", "n1", values={"nama": "Budi"})]
    )
    first = merge_household(None, c, SRC)
    again = merge_household(first.state, c, SRC)
    assert again.state == first.state and again.outcome == "applied" and again.applied == []


def test_new_household_whose_id_exists_with_other_values_conflicts():
    first = merge_household(None, new_household({"alamat": "Jl. Melati 1"}), SRC)
    other = merge_household(first.state, new_household({"alamat": "Jl. Melati 2"}), SRC)
    assert other.conflicts == [ConflictRecord("alamat", None, "Jl. Melati 1", "Jl. Melati 2")]


def test_change_to_an_unknown_household_is_invalid():
    with pytest.raises(InvalidChange, match="^household h1: unknown household"):
        merge_household(None, change({"rt": ("1", "2")}), SRC)


def test_base_version_ahead_of_the_server_is_invalid():
    with pytest.raises(
        InvalidChange, match="base_version 4 is ahead of the server's version 3"
    ) as error:
        merge_household(state(), change(base_version=4), SRC)
    assert error.value.household_id == "h1"


def test_deleted_household_takes_no_change_and_every_value_waits_in_a_conflict():
    s = state({"alamat": "Jl. Mawar 3", "rt": "002"}, deleted=True)
    c = change(
        {"alamat": ("Jl. Mawar 3", "Jl. Mawar 5"), "rt": ("001", "002")},
        members=[MemberChange("add", "n1", values={"nama": "Budi"})],
    )
    result = merge_household(s, c, SRC)
    assert result.outcome == "conflict"
    assert result.state.household == s.household
    assert result.conflicts == [
        ConflictRecord(DELETED_FIELD, False, True, False),
        ConflictRecord("alamat", "Jl. Mawar 3", "Jl. Mawar 3", "Jl. Mawar 5"),
        ConflictRecord(STATUS_FIELD, None, None, "active", "n1"),
        ConflictRecord("nama", None, None, "Budi", "n1"),
    ]


# --- members ---------------------------------------------------------------------------


def asep(**kw) -> Member:
    return Member("m1", kw.pop("status", "active"), kw.pop("values", {"pekerjaan": "petani"}), **kw)


def test_member_change_merges_field_by_field():
    s = state(members=[asep(values={"pekerjaan": "petani", "pendidikan": 3, "nama": "Asep"})])
    op = MemberChange(
        "change",
        "m1",
        fields={
            "pekerjaan": FieldChange("petani", "buruh"),
            "pendidikan": FieldChange(2, 4),
            "nama": FieldChange("Asp", "Asep"),
        },
    )
    result = merge_household(s, change(members=[op]), SRC)
    assert result.state.household.member("m1") == asep(
        values={"pekerjaan": "buruh", "pendidikan": 3, "nama": "Asep"}, version=4
    )
    assert result.conflicts == [ConflictRecord("pendidikan", 2, 3, 4, "m1")]
    assert result.applied == [AppliedChange("pekerjaan", "m1", "petani", "buruh")]


def test_added_member_keeps_the_client_id_and_comes_last():
    s = state(members=[asep()])
    result = merge_household(
        s, change(members=[MemberChange("add", "n1", values={"nama": "Siti"})]), SRC
    )
    assert [m.member_id for m in result.state.household.members] == ["m1", "n1"]
    assert result.state.household.member("n1") == Member(
        "n1", "active", {"nama": "Siti"}, version=4
    )
    assert AppliedChange(STATUS_FIELD, "n1", None, "active") in result.applied


def test_removed_member_is_flagged_with_reason_and_date_never_deleted():
    s = state(members=[asep()])
    op = MemberChange("remove", "m1", reason="meninggal", date=date(2026, 10, 20))
    result = merge_household(s, change(members=[op]), SRC)
    assert result.outcome == "applied"
    assert result.state.household.members == [
        asep(
            status="removed", removal_reason="meninggal", removal_date=date(2026, 10, 20), version=4
        )
    ]
    assert result.applied == [
        AppliedChange(STATUS_FIELD, "m1", "active", "removed"),
        AppliedChange(REASON_FIELD, "m1", None, "meninggal"),
        AppliedChange(DATE_FIELD, "m1", None, "2026-10-20"),
    ]


def test_removing_a_member_changed_since_base_is_a_conflict():
    s = state(members=[asep(version=3)], version=3)
    op = MemberChange("remove", "m1", reason="pindah")
    result = merge_household(s, change(members=[op], base_version=2), SRC)
    assert result.outcome == "conflict"
    assert result.state.household.member("m1") == asep(version=3)
    assert result.conflicts == [
        ConflictRecord(STATUS_FIELD, "active", "active", "removed", "m1"),
        ConflictRecord(REASON_FIELD, None, None, "pindah", "m1"),
    ]


def test_removing_a_member_unchanged_since_base_applies_even_if_the_household_moved():
    s = state(members=[asep(version=1)], version=3)
    result = merge_household(
        s, change(members=[MemberChange("remove", "m1", reason="pindah")], base_version=2), SRC
    )
    assert result.outcome == "merged" and result.state.household.member("m1").status == "removed"


def test_editing_a_member_removed_on_the_server_is_a_conflict():
    s = state(members=[asep(status="removed", removal_reason="meninggal", version=3)])
    op = MemberChange("change", "m1", fields={"pekerjaan": FieldChange("petani", "buruh")})
    result = merge_household(s, change(members=[op], base_version=2), SRC)
    assert result.outcome == "conflict"
    assert result.conflicts == [
        ConflictRecord(STATUS_FIELD, "active", "removed", "active", "m1"),
        ConflictRecord("pekerjaan", "petani", "petani", "buruh", "m1"),
    ]
    assert result.state.household.member("m1").values == {"pekerjaan": "petani"}


def test_an_edit_of_a_removed_member_that_changes_nothing_is_not_a_conflict():
    s = state(members=[asep(status="removed", removal_reason="meninggal")])
    op = MemberChange("change", "m1", fields={"pekerjaan": FieldChange("nelayan", "petani")})
    assert merge_household(s, change(members=[op]), SRC).conflicts == []


def test_removing_twice_for_the_same_reason_converges_and_for_another_conflicts():
    s = state(members=[asep(status="removed", removal_reason="meninggal", version=3)])
    same = merge_household(
        s, change(members=[MemberChange("remove", "m1", reason="meninggal")], base_version=2), SRC
    )
    other = merge_household(
        s, change(members=[MemberChange("remove", "m1", reason="pindah")], base_version=2), SRC
    )
    assert same.outcome == "applied" and same.conflicts == []
    assert other.conflicts == [ConflictRecord(REASON_FIELD, None, "meninggal", "pindah", "m1")]


def test_change_or_remove_of_an_unknown_member_is_invalid():
    with pytest.raises(
        InvalidChange, match="^household h1, member m9: no member to remove"
    ) as error:
        merge_household(
            state(), change(members=[MemberChange("remove", "m9", reason="pindah")]), SRC
        )
    assert error.value.member_id == "m9"


# --- verifications ---------------------------------------------------------------------


def record(source: Source) -> VerificationRecord:
    return VerificationRecord(
        FINAL, source.changeset_id, source.device_id, source.round, source.mode, source.collector
    )


def test_first_verification_is_kept_without_flags():
    result = merge_household(state(), change(verification=FINAL), SRC)
    assert result.state.verifications == [record(SRC)] and result.flags == frozenset()


def test_second_verification_in_the_round_from_another_device_keeps_both_and_flags():
    other = Source("c-2", "d-2", "2026-11")
    result = merge_household(state(verifications=[record(SRC)]), change(verification=FINAL), other)
    assert result.state.verifications == [record(SRC), record(other)]
    assert result.flags == {FLAG_DUPLICATE_VERIFICATION, FLAG_NEEDS_REVIEW}
    assert result.outcome == "applied" and "another verification" in result.message


@pytest.mark.parametrize(
    "other",
    [Source("c-2", "d-1", "2026-11", "PAPI"), Source("c-2", "d-1", "2026-11", collector="ujang")],
)
def test_papi_and_capi_or_two_collectors_on_one_device_are_duplicates_too(other):
    result = merge_household(state(verifications=[record(SRC)]), change(verification=FINAL), other)
    assert FLAG_DUPLICATE_VERIFICATION in result.flags


def test_a_later_verification_from_the_same_device_is_a_revision_not_a_duplicate():
    later = Source("c-2", "d-1", "2026-11")
    result = merge_household(state(verifications=[record(SRC)]), change(verification=FINAL), later)
    assert len(result.state.verifications) == 2 and result.flags == frozenset()


def test_a_verification_in_another_round_is_not_a_duplicate():
    next_round = Source("c-2", "d-2", "2027-05")
    result = merge_household(
        state(verifications=[record(SRC)]), change(verification=FINAL), next_round
    )
    assert result.flags == frozenset()


def test_the_same_changeset_does_not_add_its_verification_twice():
    result = merge_household(state(verifications=[record(SRC)]), change(verification=FINAL), SRC)
    assert result.state.verifications == [record(SRC)]


# --- the edges of the API --------------------------------------------------------------


def test_source_of_a_changeset_carries_its_ids_and_mode():
    cs = ChangeSet(
        "0b7f4c1e-2a57-4f4e-9d0c-3c1f2a9b8e11",
        "5d2c8a10-7e44-4b1b-8f3a-0a6d2e1c9b77",
        "f",
        "1",
        "PAPI",
        datetime(2026, 11, 2, tzinfo=UTC),
        [],
    )
    assert Source.of(cs, "2026-11", "asep") == Source(
        cs.changeset_id, cs.device_id, "2026-11", "PAPI", "asep"
    )


def test_reply_of_a_conflict_carries_the_records_and_the_unchanged_version():
    result = merge_household(state({"rt": "005"}), change({"rt": ("002", "003")}), SRC)
    reply = result.reply()
    assert reply.to_json() == {
        "household_id": "h1",
        "outcome": "conflict",
        "version": 3,
        "conflicts": [{"field": "rt", "base": "002", "server": "005", "client": "003"}],
        "message": result.message,
    }


def test_docstring_examples_run():
    result = doctest.testmod(merge)
    assert result.attempted > 0 and result.failed == 0
