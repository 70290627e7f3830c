"""The protocol shapes of dtks.model: round trips, the DESIGN.md example, and errors by path."""

import copy
import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtks import model
from dtks.model import (
    Assignment,
    ChangeSet,
    ChangeSetReply,
    ConflictRecord,
    FieldChange,
    Gps,
    Household,
    HouseholdChange,
    HouseholdReply,
    InvalidPayload,
    Member,
    MemberChange,
    PullPage,
    ReviewInfo,
    Verification,
    parse_assignments,
    parse_changeset,
    parse_changeset_reply,
    parse_pull_page,
)

PHOTO = "a" * 64

# --- strategies for valid values -------------------------------------------------------

names = st.from_regex(r"[a-z_][a-z0-9_]{0,12}", fullmatch=True)
ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}", fullmatch=True)
texts = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30)
reasons = texts.filter(str.strip)
numbers = st.integers(-(10**12), 10**12) | st.floats(allow_nan=False, allow_infinity=False)
scalars = st.none() | st.booleans() | numbers | texts
value_maps = st.dictionaries(names, scalars, max_size=5)
uuids = st.uuids().map(str)
sha256s = st.binary(min_size=32, max_size=32).map(bytes.hex)
offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.datetimes(datetime(1990, 1, 1), datetime(2100, 1, 1), timezones=offsets)
dates = st.dates(date(1900, 1, 1), date(2100, 1, 1))


def answers(depth: int = 3) -> st.SearchStrategy:
    if depth == 0:
        return scalars
    inner = answers(depth - 1)
    return scalars | st.lists(inner, max_size=3) | st.dictionaries(names, inner, max_size=3)


members = st.builds(
    Member,
    member_id=ids,
    status=st.sampled_from(["active", "removed"]),
    values=value_maps,
    removal_reason=st.none() | reasons,
    removal_date=st.none() | dates,
    version=st.integers(0, 1000),
)
households = st.builds(
    Household,
    household_id=ids,
    version=st.integers(0, 10**6),
    deleted=st.booleans(),
    values=value_maps,
    members=st.lists(members, max_size=4, unique_by=lambda m: m.member_id),
    review=st.none() | st.builds(ReviewInfo, state=ids, note=st.none() | texts),
)
gpses = st.builds(
    Gps,
    lat=st.floats(-90, 90),
    lon=st.floats(-180, 180),
    accuracy_m=st.none() | st.floats(0, 10_000),
    source=st.sampled_from(["exif", "device", "manual"]),
    altitude_m=st.none() | st.floats(-500, 9000),
)


@st.composite
def verifications(draw) -> Verification:
    started, finished = sorted(draw(st.lists(moments, min_size=2, max_size=2)))
    return Verification(
        status=draw(st.sampled_from(["draft", "finalized"])),
        result=draw(st.none() | ids),
        answers=draw(st.dictionaries(names, answers(), max_size=4)),
        gps=draw(st.none() | gpses),
        photos=draw(st.lists(sha256s, max_size=3)),
        started_at=draw(st.none() | st.just(started)),
        finished_at=draw(st.none() | st.just(finished)),
    )


field_changes = st.dictionaries(
    names, st.builds(FieldChange, base=scalars, value=scalars), max_size=4
)
member_adds = st.builds(MemberChange, op=st.just("add"), member_id=ids, values=value_maps)
member_ops = (
    member_adds
    | st.builds(MemberChange, op=st.just("change"), member_id=ids, fields=field_changes)
    | st.builds(
        MemberChange, op=st.just("remove"), member_id=ids, reason=reasons, date=st.none() | dates
    )
)


@st.composite
def household_changes(draw) -> HouseholdChange:
    new = draw(st.booleans())
    ops = member_adds if new else member_ops
    return HouseholdChange(
        household_id=draw(ids),
        base_version=0 if new else draw(st.integers(0, 10**6)),
        new=new,
        fields={} if new else draw(field_changes),
        values=draw(value_maps) if new else {},
        members=draw(st.lists(ops, max_size=3, unique_by=lambda m: m.member_id)),
        verification=draw(st.none() | verifications()),
    )


changesets = st.builds(
    ChangeSet,
    changeset_id=uuids,
    device_id=uuids,
    form_id=ids,
    form_version=ids,
    mode=st.sampled_from(["CAPI", "PAPI"]),
    created_at=moments,
    households=st.lists(household_changes(), max_size=3, unique_by=lambda h: h.household_id),
)
conflicts = st.builds(
    ConflictRecord,
    field=names | names.map("@{}".format),
    base=scalars,
    server=scalars,
    client=scalars,
    member_id=st.none() | ids,
)
replies = st.builds(
    ChangeSetReply,
    changeset_id=uuids,
    households=st.lists(
        st.builds(
            HouseholdReply,
            household_id=ids,
            outcome=st.sampled_from(["applied", "merged", "conflict", "rejected"]),
            version=st.none() | st.integers(0, 10**6),
            conflicts=st.lists(conflicts, max_size=3),
            message=st.none() | texts,
        ),
        max_size=3,
    ),
)
pull_pages = st.builds(
    PullPage,
    households=st.lists(households, max_size=3),
    next_since=st.integers(0, 10**9),
    more=st.booleans(),
)
assignments = st.builds(
    Assignment,
    id=st.integers(0, 10**6),
    round=ids,
    scope=st.sampled_from(["32", "32.04", "3204", "32.04.12", "32.04.12.2002", "3204122002"]),
    form_id=ids,
    form_version=ids,
)


# --- round trips -----------------------------------------------------------------------


@given(changesets)
def test_changeset_round_trips_through_dict_and_text(changeset):
    assert ChangeSet.from_json(changeset.to_json()) == changeset
    assert parse_changeset(model.dumps(changeset)) == changeset


@given(replies)
def test_changeset_reply_round_trips(reply):
    assert parse_changeset_reply(model.dumps(reply)) == reply


@given(pull_pages)
def test_pull_page_round_trips(page):
    assert parse_pull_page(model.dumps(page)) == page


@given(st.lists(assignments, max_size=3))
def test_assignments_round_trip(items):
    assert parse_assignments(json.dumps(model.assignments_to_json(items))) == items


@given(changesets)
def test_fingerprint_is_stable_through_a_round_trip(changeset):
    assert parse_changeset(model.dumps(changeset)).fingerprint() == changeset.fingerprint()


# --- the DESIGN.md example -------------------------------------------------------------


def design_example() -> dict:
    return {
        "changeset_id": "0b7f4c1e-2a57-4f4e-9d0c-3c1f2a9b8e11",
        "device_id": "5d2c8a10-7e44-4b1b-8f3a-0a6d2e1c9b77",
        "form_id": "verivali_dtks",
        "form_version": "2026110101",
        "mode": "CAPI",
        "created_at": "2026-11-02T09:41:12+07:00",
        "households": [
            {
                "household_id": "3204122002000123",
                "base_version": 3,
                "new": False,
                "fields": {"alamat": {"base": "Jl. Mawar 3", "value": "Jl. Mawar 5"}},
                "members": [
                    {
                        "op": "change",
                        "member_id": "m1",
                        "fields": {"pekerjaan": {"base": "petani", "value": "buruh"}},
                    },
                    {
                        "op": "add",
                        "member_id": "5b0e7c2a-1111-4c4c-8888-222233334444",
                        "values": {"nama": "Siti"},
                    },
                    {
                        "op": "remove",
                        "member_id": "m2",
                        "reason": "meninggal",
                        "date": "2026-10-20",
                    },
                ],
                "verification": {
                    "status": "finalized",
                    "result": "ditemukan",
                    "answers": {"kondisi_rumah": "layak", "art": [{"nama": "Siti", "umur": 34}]},
                    "gps": {"lat": -6.98765, "lon": 107.62912, "accuracy_m": 8, "source": "exif"},
                    "photos": [PHOTO],
                    "started_at": "2026-11-02T09:10:00+07:00",
                    "finished_at": "2026-11-02T09:40:00+07:00",
                },
            },
            {
                "household_id": "2f1d9a34-5c6b-4e7f-8a9b-0c1d2e3f4a5b",
                "base_version": 0,
                "new": True,
                "values": {"alamat": "Jl. Melati 1", "rt": "004"},
                "members": [{"op": "add", "member_id": "m9", "values": {"nama": "Budi"}}],
            },
        ],
    }


def test_design_example_parses_into_typed_values():
    changeset = parse_changeset(json.dumps(design_example()))
    first, new = changeset.households
    assert changeset.created_at == datetime(2026, 11, 2, 2, 41, 12, tzinfo=UTC)
    assert first.fields["alamat"] == FieldChange("Jl. Mawar 3", "Jl. Mawar 5")
    assert [m.op for m in first.members] == ["change", "add", "remove"]
    assert first.members[2].date == date(2026, 10, 20)
    assert first.verification.gps == Gps(-6.98765, 107.62912, 8, "exif")
    assert first.verification.answers["art"] == [{"nama": "Siti", "umur": 34}]
    assert new.new and new.values == {"alamat": "Jl. Melati 1", "rt": "004"}


def test_design_example_writes_back_the_same_keys():
    data = design_example()
    assert parse_changeset(json.dumps(data)).to_json() == data


def test_unknown_keys_are_tolerated():
    data = design_example()
    data["app_version"] = "1.2"
    data["households"][0]["note"] = "x"
    data["households"][0]["verification"]["gps"]["satellites"] = 9
    assert parse_changeset(json.dumps(data)) == parse_changeset(json.dumps(design_example()))


def test_uppercase_uuid_is_kept_in_canonical_lowercase():
    data = design_example()
    data["changeset_id"] = data["changeset_id"].upper()
    assert parse_changeset(json.dumps(data)).changeset_id == design_example()["changeset_id"]


def test_pull_example_and_tombstone_parse():
    page = parse_pull_page(
        json.dumps(
            {
                "households": [
                    {
                        "household_id": "3204122002000123",
                        "version": 3,
                        "deleted": False,
                        "values": {"alamat": "Jl. Mawar 3", "rt": "002"},
                        "members": [
                            {"member_id": "m1", "status": "active", "values": {"nama": "Asep"}}
                        ],
                        "review": {"state": "returned", "note": "foto buram"},
                    },
                    {"household_id": "3204122002000124", "version": 9, "deleted": True},
                ],
                "next_since": 1234,
                "more": True,
            }
        )
    )
    returned, tombstone = page.households
    assert returned.review == ReviewInfo("returned", "foto buram")
    assert returned.member("m1").values == {"nama": "Asep"}
    assert tombstone == Household("3204122002000124", 9, deleted=True)


def test_assignments_example_parses():
    body = (
        '{"assignments": [{"id": 7, "round": "2026-11", "scope": "32.04.12.2002",'
        ' "form_id": "verivali_dtks", "form_version": "2026110101"}]}'
    )
    assert parse_assignments(body) == [
        Assignment(7, "2026-11", "32.04.12.2002", "verivali_dtks", "2026110101")
    ]


def test_reply_example_parses():
    body = {
        "changeset_id": "0b7f4c1e-2a57-4f4e-9d0c-3c1f2a9b8e11",
        "households": [
            {
                "household_id": "3204122002000123",
                "outcome": "conflict",
                "version": 4,
                "conflicts": [{"field": "alamat", "base": "a", "server": "b", "client": "c"}],
                "message": None,
            }
        ],
    }
    reply = parse_changeset_reply(json.dumps(body))
    assert reply.households[0].conflicts == [ConflictRecord("alamat", "a", "b", "c")]
    assert reply.to_json() == body


# --- fingerprint -----------------------------------------------------------------------


def test_fingerprint_ignores_key_order_unknown_keys_and_integral_floats():
    data = design_example()
    other = copy.deepcopy(data)
    other["households"][0]["verification"]["gps"]["accuracy_m"] = 8.0
    other["extra"] = True
    other = dict(reversed(list(other.items())))
    assert (
        parse_changeset(json.dumps(other)).fingerprint()
        == parse_changeset(json.dumps(data)).fingerprint()
    )


FINGERPRINT_BEFORE = "5d07e736a917bd1e711ed23c88c35567ef27d3d0eac58b2bc3c6a0c0e43b23e7"


def _reference_canonical(value):
    """The fingerprint's canonical form as first written (fingerprints already stored were
    made with it): integral floats as integers, everything else as it is."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _reference_canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_reference_canonical(v) for v in value]
    return value


json_trees = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(names, inner, max_size=4),
    max_leaves=30,
)


@given(json_trees)
def test_canonical_form_is_the_one_stored_fingerprints_were_made_with(tree):
    canonical = model._canonical(tree)
    assert model._CANONICAL_JSON.encode(canonical) == model._CANONICAL_JSON.encode(
        _reference_canonical(tree)
    )


def test_fingerprint_of_the_design_example_is_the_one_stored_before():
    # sha256 of the canonical JSON as the server stored it up to 2026-12-03: a change to the
    # fingerprint would make every replay of an older change-set a 409.
    assert parse_changeset(json.dumps(design_example())).fingerprint() == FINGERPRINT_BEFORE


def test_fingerprint_changes_with_content():
    data = design_example()
    other = copy.deepcopy(data)
    other["households"][0]["fields"]["alamat"]["value"] = "Jl. Mawar 6"
    assert (
        parse_changeset(json.dumps(other)).fingerprint()
        != parse_changeset(json.dumps(data)).fingerprint()
    )


# --- errors name the JSON path ---------------------------------------------------------


def _set(path: list, value):
    def mutate(data):
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return mutate


def _delete(path: list):
    def mutate(data):
        target = data
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return mutate


HH = ["households", 0]
VER = [*HH, "verification"]
ERRORS = [
    (
        _set([*HH, "fields", "alamat", "value"], {"x": 1}),
        "households[0].fields.alamat.value: expected a string, number, boolean or null, got object",
    ),
    (
        _set([*HH, "base_version"], -1),
        "households[0].base_version: must be an integer from 0 to 9223372036854775807",
    ),
    (
        _set([*HH, "base_version"], 2**63),
        "households[0].base_version: must be an integer from 0 to 9223372036854775807",
    ),
    (
        _set([*HH, "base_version"], "3"),
        "households[0].base_version: must be an integer from 0 to 9223372036854775807",
    ),
    (
        _set([*HH, "base_version"], True),
        "households[0].base_version: must be an integer from 0 to 9223372036854775807",
    ),
    (_delete([*HH, "household_id"]), "households[0].household_id: is required"),
    (_delete([*HH, "fields", "alamat", "base"]), "households[0].fields.alamat.base: is required"),
    (
        _set([*HH, "household_id"], "x" * 65),
        "households[0].household_id: at most 64 characters, got 65",
    ),
    (_set([*HH, "household_id"], "32 04"), "households[0].household_id: must be letters, digits"),
    (
        _set([*HH, "fields", "alamat", "value"], "x" * 10_001),
        "households[0].fields.alamat.value: at most 10000 characters, got 10001",
    ),
    (
        _set([*HH, "fields", "alamat", "value"], "a\x00b"),
        "households[0].fields.alamat.value: must not contain",
    ),
    (
        _set([*HH, "fields", "bad key"], {"base": 1, "value": 2}),
        'households[0].fields["bad key"]: is not a valid field name',
    ),
    (_set(["changeset_id"], "not-a-uuid"), "changeset_id: must be a UUID"),
    (_set(["device_id"], 12), "device_id: expected a string, got number"),
    (_set(["mode"], "CATI"), "mode: must be one of CAPI, PAPI, got 'CATI'"),
    (
        _set(["created_at"], "2026-11-02T09:41:12"),
        "created_at: must be an ISO-8601 date-time with a UTC offset",
    ),
    (_set(["created_at"], "2026-02-30T09:41:12Z"), "created_at: must be an ISO-8601 date-time"),
    (_set(["households"], {}), "households: expected an array, got object"),
    (
        _set(["households", 1, "household_id"], "3204122002000123"),
        "households[1].household_id: duplicate of households[0]",
    ),
    (
        _set([*HH, "members", 0, "values"], {"nama": "x"}),
        "households[0].members[0].values: belongs to op 'add', not 'change'",
    ),
    (_delete([*HH, "members", 2, "reason"]), "households[0].members[2].reason: is required"),
    (
        _set([*HH, "members", 2, "reason"], "  "),
        "households[0].members[2].reason: must not be empty",
    ),
    (
        _set([*HH, "members", 2, "date"], "2026-13-01"),
        "households[0].members[2].date: must be a calendar date",
    ),
    (
        _set([*HH, "members", 2, "op"], "delete"),
        "households[0].members[2].op: must be one of add, change, remove",
    ),
    (
        _set([*HH, "members", 2, "member_id"], "m1"),
        "households[0].members[2].member_id: duplicate of households[0].members[0]",
    ),
    (
        _set([*VER, "gps", "lat"], 91),
        "households[0].verification.gps.lat: must be a number in [-90, 90], got 91",
    ),
    (
        _set([*VER, "gps", "lon"], -180.5),
        "households[0].verification.gps.lon: must be a number in [-180, 180]",
    ),
    (
        _set([*VER, "gps", "accuracy_m"], -1),
        "households[0].verification.gps.accuracy_m: must be a number >= 0, got -1",
    ),
    (
        _set([*VER, "gps", "source"], "gnss"),
        "households[0].verification.gps.source: must be one of exif, device, manual",
    ),
    (_set([*VER, "photos", 0], "A" * 64), "households[0].verification.photos[0]: must be a sha256"),
    (_set([*VER, "photos", 0], "a" * 63), "households[0].verification.photos[0]: must be a sha256"),
    (
        _set([*VER, "status"], "done"),
        "households[0].verification.status: must be one of draft, finalized",
    ),
    (
        _set([*VER, "finished_at"], "2026-11-02T09:00:00+07:00"),
        "households[0].verification.finished_at: is before started_at",
    ),
    (
        _set([*VER, "answers", "art", 0, "umur"], [{"a": {}}, {"b": None}, {"c": "a\x00"}]),
        "households[0].verification.answers.art[0].umur[2].c: must not contain the NUL character",
    ),
    (
        _set(["households", 1, "base_version"], 2),
        "households[1].base_version: must be 0 for a new household",
    ),
    (
        _set(["households", 1, "fields"], {"rt": {"base": None, "value": "1"}}),
        "households[1].fields: a new household sends its data in values",
    ),
    (
        _set(
            ["households", 1, "members", 0], {"op": "remove", "member_id": "m9", "reason": "pindah"}
        ),
        "households[1].members[0].op: a new household can only add members",
    ),
    (
        _set([*HH, "values"], {"rt": "001"}),
        'households[0].values: only a new household ("new": true) sends values',
    ),
]


@pytest.mark.parametrize(("mutate", "message"), ERRORS)
def test_invalid_changeset_error_names_the_json_path(mutate, message):
    data = design_example()
    mutate(data)
    with pytest.raises(InvalidPayload) as error:
        ChangeSet.from_json(data)
    assert str(error.value).startswith(message)


def test_too_many_households_are_refused():
    data = design_example()
    data["households"] = [
        {"household_id": f"h{i}", "base_version": 0} for i in range(model.MAX_HOUSEHOLDS + 1)
    ]
    with pytest.raises(InvalidPayload, match=r"^households: at most 5000 items, got 5001$"):
        ChangeSet.from_json(data)


def test_answers_nested_too_deep_are_refused():
    deep: object = 1
    for _ in range(model.MAX_ANSWER_DEPTH + 1):
        deep = {"g": deep}
    data = design_example()
    data["households"][0]["verification"]["answers"] = deep
    with pytest.raises(InvalidPayload, match="nested deeper than"):
        ChangeSet.from_json(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "$: not valid JSON"),
        ("[1, NaN]", "$: NaN is not valid JSON"),
        ('{"a": Infinity}', "$: Infinity is not valid JSON"),
        ('{"a": 1, "a": 2}', "$: duplicate key 'a' in an object"),
        ("[]", "$: expected an object, got array"),
        (b"\xff\xfe\x00", "$: not valid JSON"),
    ],
)
def test_invalid_json_text_is_refused_with_a_message(text, message):
    with pytest.raises(InvalidPayload) as error:
        parse_changeset(text)
    assert str(error.value).startswith(message)


def test_overflowing_number_is_refused():
    data = json.dumps(design_example()).replace('"accuracy_m": 8', '"accuracy_m": 1e999')
    with pytest.raises(InvalidPayload, match=r"gps\.accuracy_m: must be a finite number"):
        parse_changeset(data)


def test_invalid_payload_is_a_value_error_with_path_and_problem():
    with pytest.raises(ValueError) as error:
        parse_pull_page(
            '{"households": [{"household_id": "h", "version": 1, "members": [{"status": "x"}]}]}'
        )
    assert error.value.path == "households[0].members[0].member_id"
    assert error.value.problem == "is required"


def test_pulled_household_and_member_carry_replaces_through_json():
    raw = {
        "household_id": "3204122002000301",
        "version": 2,
        "replaces": "6f1c2a4e-8d0b-4c55-9a51-2f0e6d3b7a10",
        "members": [
            {"member_id": "320412200200030101", "replaces": "0b7c3d1e-1111-4a4a-8b8b-000000000001"}
        ],
    }
    h = Household.from_json(raw)
    assert h.replaces == raw["replaces"]
    assert h.members[0].replaces == raw["members"][0]["replaces"]
    assert Household.from_json(h.to_json()) == h
    assert "replaces" not in Household.from_json({"household_id": "x1", "version": 1}).to_json()


def test_each_shape_reads_exactly_the_keys_of_its_dataclass():
    import dataclasses

    import dtks.model as m

    shapes = [c for c in vars(m).values() if isinstance(c, type) and hasattr(c, "JSON_KEYS")]
    assert len(shapes) >= 14
    for cls in shapes:
        keys = [k.name for k in cls.JSON_KEYS.keys]
        assert keys and sorted(keys) == sorted(f.name for f in dataclasses.fields(cls)), cls
        schema = m.json_schema(cls)
        assert sorted(schema["properties"]) == sorted(keys)
