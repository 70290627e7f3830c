"""The anomaly worklist on the device: pulled with the household, re-checked after each local
edit so a fix clears it at once, store-only kinds kept while their value stands."""

import json
import os

from store_samples import ASSIGNMENT

from capi_app.store import Store, migrations
from capi_app.store.db import write
from capi_app.store.listing import list_rows
from dtks.anomalies import Anomaly
from dtks.model import Household, Member
from dtks.tasks import Task

HID = "3204122002000001"
HEAD, WIFE = HID + "01", HID + "02"
OTHER = "320412200200000903"


def household(version=1, **wife) -> Household:
    """A clean household: the head and his wife, NIKs agreeing with birth dates and sex."""
    head = {"nik": "3204121507800001", "nama": "Asep", "hubungan": 1, "jenis_kelamin": 1,
            "tanggal_lahir": "1980-07-15", "nama_ibu": "Euis", "pekerjaan": 2}  # fmt: skip
    spouse = {"nik": "3204125507820001", "nama": "Imas", "hubungan": 2, "jenis_kelamin": 2,
              "tanggal_lahir": "1982-07-15", "nama_ibu": "Enok", "pekerjaan": 10}  # fmt: skip
    return Household(
        HID,
        version,
        values={"kode_wilayah": "3204122002", "no_kk": "3204120101150001", "alamat": "Jl. Mawar"},
        members=[Member(HEAD, values=head), Member(WIFE, values={**spouse, **wife})],
        anomalies=(
            Anomaly("duplicate_nik", "nik", "held twice", HEAD, "3204121507800001", (OTHER,)),
        ),
        tasks=(Task("anomali", f"anomali-{HID}", "duplicate_nik"),),
    )


def kinds(store):
    return sorted((a.kind, a.member_id, a.field) for a in store.anomalies(HID))


def test_pulled_anomalies_and_tasks_are_kept_and_listed(store):
    store.upsert_pulled([household(nama_ibu="")], ASSIGNMENT.id)
    assert kinds(store) == [
        ("duplicate_nik", HEAD, "nik"),
        ("missing_mother_name", WIFE, "nama_ibu"),
    ]
    assert store.tasks(HID) == [Task("anomali", f"anomali-{HID}", "duplicate_nik")]
    (row,) = list_rows(store.db)
    assert row.anomalies == 2 and row.tasks == ("anomali",)


def test_a_local_fix_clears_its_anomaly_and_a_bad_edit_raises_one_before_any_sync(store):
    store.upsert_pulled([household(nama_ibu="")], ASSIGNMENT.id)
    store.change_member(HID, WIFE, {"nama_ibu": "Enok"}, user="siti")
    assert kinds(store) == [("duplicate_nik", HEAD, "nik")]
    store.change_member(HID, WIFE, {"tanggal_lahir": "1983-07-15"}, user="siti")
    assert ("nik_mismatch", WIFE, "tanggal_lahir") in kinds(store)
    store.change_member(HID, WIFE, {"tanggal_lahir": "1982-07-15"}, user="siti")
    # The duplicate needs the whole store: it stays until the NIK it was found on changes.
    store.change_member(HID, HEAD, {"nik": "3204121507800002"}, user="siti")
    assert kinds(store) == []
    assert list_rows(store.db)[0].anomalies == 0


def test_a_new_pull_replaces_the_servers_list_but_keeps_local_edits_checked(store):
    store.upsert_pulled([household()], ASSIGNMENT.id)
    store.change_member(HID, WIFE, {"nama_ibu": ""}, user="siti")
    clean = Household(**{**household(version=2).__dict__, "anomalies": (), "tasks": ()})
    store.upsert_pulled([clean], ASSIGNMENT.id)
    assert kinds(store) == [("missing_mother_name", WIFE, "nama_ibu")]
    assert store.tasks(HID) == []


def test_the_worklist_migration_keeps_an_older_store_and_checks_its_households(
    tmp_path, monkeypatch
):
    key = os.urandom(32)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
    old = Store.open(tmp_path, key)
    h = household(nama_ibu="")
    with write(old.db):  # rows as the app of schema 2 wrote them
        old.db.execute(
            "INSERT INTO households (household_id, version, server_values, kode_wilayah) "
            "VALUES (?, 1, ?, '3204122002')",
            [HID, json.dumps(h.values)],
        )
        for m in h.members:
            old.db.execute(
                "INSERT INTO members (member_id, household_id, origin, server_values, nik) "
                "VALUES (?, ?, 'server', ?, ?)",
                [m.member_id, HID, json.dumps(m.values), m.values["nik"]],
            )
    old.close()
    monkeypatch.undo()
    again = Store.open(tmp_path, key)
    assert again.schema_version() == len(migrations.MIGRATIONS)
    assert again.household(HID).members[1].values["nama_ibu"] == ""
    assert again.anomalies(HID) == [] and again.tasks(HID) == []  # nothing checked yet
    again.change_member(HID, HEAD, {"nama": "Asep Saepudin"}, user="siti")
    assert kinds(again) == [("missing_mother_name", WIFE, "nama_ibu")]
    again.close()


def test_a_request_is_listed_by_kind_and_found_by_its_reference_number(store):
    pulled = household()
    sanggahan = Task("sanggahan", "SGH-2026-000123", "penerima dinilai mampu")
    store.upsert_pulled([Household(**{**pulled.__dict__, "tasks": (*pulled.tasks, sanggahan)})])
    (row,) = list_rows(store.db)
    assert row.tasks == ("anomali", "sanggahan")
    assert "sgh-2026-000123" in row.search_text


def test_the_list_names_a_households_request_tasks(store, qapp):
    from PySide6.QtCore import Qt

    from capi_app.ui.household_list import HouseholdTableModel, request_label

    pulled = household()
    usul = Task("usul_warga", "USW-2026-000045", "belum terdaftar")
    store.upsert_pulled([Household(**{**pulled.__dict__, "tasks": (*pulled.tasks, usul)})])
    (row,) = list_rows(store.db)
    model = HouseholdTableModel(list_rows(store.db))
    column = model.COLUMNS.index("request")
    assert (
        request_label(row)
        == model.data(model.index(0, column))
        == "Usul warga (citizen's proposal)"
    )
    assert model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole) == request_label(row)
    assert model.worklist_counts()["@task:usul_warga"] == 1


GARUT = "3205011001"


def _moved(state: str, version=2, note=None, kode=GARUT) -> Household:
    """The household after a move to Garut was decided: there (confirmed) or still here."""
    from dtks.moves import MoveRecord

    h = household(version=version)
    move = MoveRecord(7, "3204122002", GARUT, state, "2026-11-03T02:00:00.000000Z", note, "rev2")
    values = {**h.values, "kode_wilayah": kode}
    return Household(**{**h.__dict__, "values": values, "anomalies": (), "moves": (move,)})


def test_a_confirmed_move_settles_the_wilayah_on_the_device_as_on_the_server(store):
    # Listed in Garut without a move: its id names Kab. Bandung.
    store.upsert_pulled([Household(**{**_moved("confirmed").__dict__, "moves": ()})], ASSIGNMENT.id)  # fmt: skip
    assert ("wrong_wilayah", None, "kode_wilayah") in kinds(store)
    # Pulled again with its confirmed move: no anomaly.
    store.upsert_pulled([_moved("confirmed", version=3)], ASSIGNMENT.id)
    assert kinds(store) == []
    assert [m.state for m in store.moves(HID)] == ["confirmed"]
    # A local save re-runs the rules with the pulled moves: still none.
    store.change_member(HID, HEAD, {"nama": "Asep Saepudin"}, user="siti")
    assert kinds(store) == []
    # Set to another desa than the one confirmed: listed in the wrong wilayah again.
    store.set_field(HID, "kode_wilayah", "3205011002", "siti")
    assert ("wrong_wilayah", None, "kode_wilayah") in kinds(store)


def test_a_refused_move_is_kept_and_told_until_a_later_move(store):
    store.upsert_pulled([_moved("refused", note="bukan warga kami", kode="3204122002")], ASSIGNMENT.id)  # fmt: skip
    told = store.refused_move(HID)
    assert (told.to_kode, told.note, told.decided_by) == (GARUT, "bukan warga kami", "rev2")
    (row,) = list_rows(store.db)
    assert row.refused_move == told
    # A local edit of the kode (not yet sent) does not hide it: the server still lists it here.
    store.set_field(HID, "kode_wilayah", GARUT, "siti")
    assert store.refused_move(HID) == told
    # Proposed again: the newest move waits, nothing refused to tell.
    from dtks.moves import MoveRecord

    again = MoveRecord(8, "3204122002", GARUT, "pending", "2026-11-04T02:00:00.000000Z")
    h = _moved("refused", version=3, kode="3204122002")
    store.upsert_pulled([Household(**{**h.__dict__, "moves": (*h.moves, again)})], ASSIGNMENT.id)
    assert store.refused_move(HID) is None
    assert list_rows(store.db)[0].refused_move is None


def test_the_moves_migration_keeps_an_older_store(tmp_path, monkeypatch):
    key = os.urandom(32)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:-1])
    old = Store.open(tmp_path, key)
    with write(old.db):  # a row as the app of the schema before wrote it
        old.db.execute(
            "INSERT INTO households (household_id, version, server_values, kode_wilayah) "
            "VALUES (?, 1, ?, '3204122002')",
            [HID, json.dumps(household().values)],
        )
    old.close()
    monkeypatch.undo()
    again = Store.open(tmp_path, key)
    assert again.schema_version() == len(migrations.MIGRATIONS)
    assert again.moves(HID) == [] and again.refused_move(HID) is None
    assert list_rows(again.db)[0].refused_move is None
    again.upsert_pulled([_moved("refused", kode="3204122002")], ASSIGNMENT.id)
    assert again.refused_move(HID).to_kode == GARUT
    again.close()


def test_the_first_pull_of_a_decision_drops_the_push_replys_note_that_the_move_waits(store):
    store.upsert_pulled([household()], ASSIGNMENT.id)
    waiting = "household 3204122002000001, field kode_wilayah: the move ... waits for a reviewer"
    with write(store.db):  # as an acknowledged push with a held move leaves it
        store.db.execute("UPDATE households SET sync_message = ? WHERE household_id = ?", [waiting, HID])  # fmt: skip
    assert store.household(HID).message == waiting
    store.upsert_pulled([_moved("refused", kode="3204122002")], ASSIGNMENT.id)
    assert store.household(HID).message is None
    # A refused push's message is not the move's: it stays through later pulls.
    with write(store.db):
        store.db.execute(
            "UPDATE households SET sync_message = 'refused', rejected = 1 WHERE household_id = ?",
            [HID],
        )
    store.upsert_pulled([_moved("confirmed", version=3)], ASSIGNMENT.id)
    assert store.household(HID).message == "refused"
