"""dtks.moves: a household's record of moves, and what a confirmed or refused move means for
the anomaly worklist (dtks.anomalies) and for the field."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from dtks import anomalies, moves, wilayah
from dtks.model import Household, Member
from dtks.moves import MoveRecord

TODAY = date(2026, 11, 1)
HID = "3204122002000001"
DESAS = list(wilayah.codes_under("3204", 4))[:40] + list(wilayah.codes_under("3205", 4))[:40]


def _household(kode: str, records=(), no_kk="3204120101150001") -> Household:
    head = Member(f"{HID}01", values={"nik": "3204121507800001", "hubungan": 1,
        "jenis_kelamin": 1, "tanggal_lahir": "1980-07-15", "nama_ibu": "Euis", "pekerjaan": 2})  # fmt: skip
    values = {"kode_wilayah": kode, "no_kk": no_kk}
    return Household(HID, 1, values=values, members=[head], moves=tuple(records))


def _wrong(h: Household) -> bool:
    return any(a.kind == anomalies.WRONG_WILAYAH for a in anomalies.detect(h, None, TODAY))


records = st.lists(
    st.builds(
        MoveRecord,
        move_id=st.integers(1, 60),
        from_kode=st.sampled_from(DESAS),
        to_kode=st.sampled_from(DESAS),
        state=st.sampled_from(moves.MOVE_STATES),
        note=st.none()
        | st.text(
            st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=20
        ),
    ),
    max_size=30,
    unique_by=lambda r: r.move_id,
)


def test_a_household_moved_across_kabupaten_by_a_reviewer_is_not_wrong_wilayah():
    garut = "3205011001"
    assert _wrong(_household(garut))  # its id and No KK name Kab. Bandung
    confirmed = MoveRecord(1, "3204122002", garut, moves.CONFIRMED)
    assert not _wrong(_household(garut, [confirmed]))
    # Refused, pending or superseded moves settle nothing; nor does a move elsewhere.
    for state in (moves.REFUSED, moves.PENDING, moves.SUPERSEDED):
        assert _wrong(_household(garut, [MoveRecord(1, "3204122002", garut, state)]))
    assert _wrong(_household("3205011002", [confirmed]))
    # A code the table does not know stays unknown, moved or not.
    unknown = _household("3205999999", [MoveRecord(1, "3204122002", "3205999999", "confirmed")])
    assert [a.kind for a in anomalies.detect(unknown, None, TODAY)] == [anomalies.WILAYAH_UNKNOWN]


@given(kode=st.sampled_from(DESAS), history=records)
def test_wrong_wilayah_is_the_plain_rule_unless_a_confirmed_move_settled_the_code(kode, history):
    plain = _wrong(_household(kode))
    settled = any(r.state == moves.CONFIRMED and r.to_kode == kode for r in moves.history(history))
    assert moves.settled(history, kode) == settled
    assert _wrong(_household(kode, history)) == (plain and not settled)


@given(kode=st.sampled_from(DESAS), history=records)
def test_the_device_finds_what_the_server_finds_from_the_pulled_moves(kode, history):
    # The server checks the household with moves.history(rows); the device has only what
    # the pull sent (the same selection, through the wire shape).
    on_server = _household(kode, moves.history(history))
    on_device = Household.from_json(on_server.to_json())
    assert on_device.moves == on_server.moves
    assert anomalies.detect(on_device, None, TODAY) == anomalies.detect(on_server, None, TODAY)


@given(kode=st.sampled_from(DESAS), history=records)
def test_a_refused_move_is_told_only_while_it_is_the_latest_and_the_household_stayed(kode, history):
    told = moves.refused(history, kode)
    kept = moves.history(history)
    if told is None:
        assert not kept or kept[-1].state != moves.REFUSED or kept[-1].from_kode != kode
    else:
        assert told == kept[-1] and told.state == moves.REFUSED and told.from_kode == kode


def test_history_keeps_the_newest_and_drops_superseded():
    many = [MoveRecord(i, "3204122002", "3205011001", moves.REFUSED) for i in range(1, 31)]
    many.append(MoveRecord(99, "3204122002", "3205011002", moves.SUPERSEDED))
    kept = moves.history(many)
    assert [r.move_id for r in kept] == list(range(11, 31))
    assert len(kept) == moves.MAX_HISTORY
