"""capi_app.visit: the verivali form's answers in from the store and back out as pending edits."""

import pytest

from capi_app.store import Store
from capi_app.visit import save_visit, start_visit
from dtks.forms import load_form
from dtks.model import Household, Member
from dtks.prelist import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, parse_row
from dtks.sample import iter_prelist


@pytest.fixture(scope="module")
def form():
    return load_form("forms/verivali-dtks.xlsx")


def member_values(row: dict) -> dict:
    """A member's typed values without the id columns, which the protocol carries apart."""
    values = parse_row(MEMBER_COLUMNS, row)
    return {k: v for k, v in values.items() if k not in ("member_id", "household_id")}


def sample_households(n: int, seed: int = 5) -> list[Household]:
    """Clean sample households as the server would send them."""
    out = []
    for row, members in iter_prelist(n * 2, "32.04.12.2002", seed):
        if row["anomaly"] or any(m["anomaly"] for m in members):
            continue
        values = parse_row(HOUSEHOLD_COLUMNS, row)
        mm = [
            Member(m["member_id"], values=parse_row(MEMBER_COLUMNS, m) | {"member_id": None})
            for m in members
        ]
        mm = [
            Member(
                m.member_id,
                values={
                    k: v for k, v in m.values.items() if k not in ("member_id", "household_id")
                },
            )
            for m in mm
        ]
        values.pop("household_id")
        out.append(Household(row["household_id"], version=1, values=values, members=mm))
        if len(out) == n:
            return out
    raise AssertionError("not enough clean sample households")


@pytest.fixture
def store(tmp_path):
    s = Store.create(tmp_path / "profile", "rahasia-123")
    s.upsert_pulled(sample_households(3))
    yield s
    s.close()


def first_id(store) -> str:
    return store.list_households()[0].household_id


def test_start_visit_prefills_household_and_members(store, form):
    hid = first_id(store)
    view = store.household(hid)
    visit = start_visit(store, form, hid)
    assert visit.answers["alamat"] == view.values["alamat"]
    assert visit.answers["rt"] == view.values["rt"]
    names = [m["nama"] for m in visit.answers["members"]]
    assert names == [m.values["nama"] for m in view.members]
    assert all(m["id_art"] for m in visit.answers["members"])


def test_draft_save_writes_changed_prelist_fields_back_as_pending(store, form):
    hid = first_id(store)
    visit = start_visit(store, form, hid)
    answers = visit.answers
    answers["alamat"] = "Jl. Melati No. 9"
    old = store.household(hid).members[0].values["pekerjaan"]
    new = 12 if old != 12 else 11
    answers["members"][0]["pekerjaan"] = str(new)
    result = save_visit(store, form, hid, answers, "enum1", revision=visit.revision)
    assert result.state == "draft"
    view = store.household(hid)
    assert view.pending["alamat"].value == "Jl. Melati No. 9"
    first = view.members[0]
    assert first.values["pekerjaan"] == new and first.pending["pekerjaan"].base == old
    # Saving the same answers again changes nothing more.
    again_visit = start_visit(store, form, hid)
    again = save_visit(store, form, hid, again_visit.answers, "enum1", revision=result.revision)
    assert again.state == "draft"
    assert store.household(hid).pending["alamat"].value == "Jl. Melati No. 9"


def test_new_member_is_added_once_and_a_deceased_member_is_removed_with_reason(store, form):
    hid = first_id(store)
    answers = start_visit(store, form, hid).answers
    before = len(store.household(hid).members)
    answers["members"].append(
        {
            "nama": "Bayi Baru",
            "status_art": "4",
            "hubungan": "5",
            "jenis_kelamin": "2",
            "tanggal_lahir": "2026-10-01",
            "status_kawin": "1",
        }
    )
    if len(answers["members"]) > 2:
        answers["members"][1]["status_art"] = "2"
    first = save_visit(store, form, hid, answers, "enum1", revision=store.revision(hid))
    save_visit(
        store, form, hid, start_visit(store, form, hid).answers, "enum1", revision=first.revision
    )
    view = store.household(hid)
    assert len(view.members) == before + 1
    added = [m for m in view.members if m.origin == "local"]
    assert [m.values["nama"] for m in added] == ["Bayi Baru"]
    if before > 1:
        removed = view.members[1]
        assert removed.status == "removed" and removed.removal_reason == "meninggal"


def test_finalize_refuses_incomplete_answers_and_keeps_the_draft(store, form):
    hid = first_id(store)
    answers = start_visit(store, form, hid).answers
    answers["alamat"] = "Jl. Kenanga 1"
    draft = save_visit(store, form, hid, answers, "enum1", revision=store.revision(hid))
    result = save_visit(store, form, hid, answers, "enum1", finalize=True, revision=draft.revision)
    assert result.problems and not result.finalized
    assert any(p.field == "status_rt" for p in result.problems)
    assert store.household_state(hid) == "draft"


def test_bad_bound_value_is_a_problem_naming_the_field(store, form):
    hid = first_id(store)
    answers = start_visit(store, form, hid).answers
    answers["rt"] = "12"
    result = save_visit(store, form, hid, answers, "enum1", finalize=True, revision=None)
    assert any(p.path == "rt" and "3 digits" in p.message for p in result.problems)


def _with_tasks(store, hid, *tasks):
    """The household pulled again, now with these tasks (a request imported on the server)."""
    from dataclasses import replace

    (pulled,) = [h for h in sample_households(3) if h.household_id == hid]
    store.upsert_pulled([replace(pulled, version=store.household(hid).version + 1, tasks=tasks)])


def test_a_request_pulled_after_the_draft_asks_its_finding(store, form):
    from dtks.tasks import Task

    hid = first_id(store)
    visit = start_visit(store, form, hid)
    assert visit.answers["permintaan_jenis"] == ""
    save_visit(store, form, hid, visit.answers, "enum1", revision=visit.revision)
    _with_tasks(store, hid, Task("sanggahan", "SGH-2026-000123", "penerima dinilai mampu"))
    answers = start_visit(store, form, hid).answers
    assert answers["permintaan_jenis"] == "sanggahan"
    assert answers["permintaan_nomor"] == "SGH-2026-000123"
    assert answers["permintaan_alasan"] == "penerima dinilai mampu"
    result = save_visit(store, form, hid, answers, "enum1", finalize=True, revision=None)
    asked = {p.field for p in result.problems}
    assert {"temuan_hasil", "temuan_alasan"} <= asked
    answers.update(temuan_hasil="tidak_layak", temuan_alasan="Rumah permanen, punya mobil")
    save_visit(store, form, hid, answers, "enum1", revision=store.revision(hid))
    assert store.household(hid).verification.answers["temuan_hasil"] == "tidak_layak"
    # the request is answered: reopening keeps the finding, and the task fields follow the pull
    _with_tasks(store, hid)
    reopened = start_visit(store, form, hid).answers
    assert reopened["permintaan_jenis"] == "" and reopened["temuan_hasil"] == "tidak_layak"


def test_a_draft_with_a_bad_bound_value_is_saved_and_reopens_with_it(store, form):
    hid = first_id(store)
    before = store.household(hid).values["rt"]
    answers = start_visit(store, form, hid).answers
    answers["rt"], answers["alamat"] = "12", "Jl. Melati No. 9"
    result = save_visit(store, form, hid, answers, "enum1", revision=store.revision(hid))
    assert result.state == "draft"
    assert any(p.path == "rt" for p in result.problems)
    view = store.household(hid)
    # the good edit reaches the household, the bad one stays only in the answers
    assert view.values["rt"] == before and view.values["alamat"] == "Jl. Melati No. 9"
    reopened = start_visit(store, form, hid).answers
    assert reopened["rt"] == "12" and reopened["alamat"] == "Jl. Melati No. 9"
    final = save_visit(store, form, hid, reopened, "enum1", finalize=True, revision=None)
    assert any(p.path == "rt" and "3 digits" in p.message for p in final.problems)


def _pulled_again(store, hid, values=None, member_values=None):
    """The household pulled again with some values changed on the server (a reviewer's
    resolution, a refused move keeping the old kode wilayah)."""
    from dataclasses import replace

    (pulled,) = [h for h in sample_households(3) if h.household_id == hid]
    members = pulled.members
    if member_values:
        first = members[0]
        members = [replace(first, values={**first.values, **member_values}), *members[1:]]
    again = replace(
        pulled,
        version=store.household(hid).version + 1,
        values={**pulled.values, **(values or {})},
        members=members,
    )
    store.upsert_pulled([again])


def test_reopened_answers_follow_what_a_pull_changed_since_the_save(store, form):
    hid = first_id(store)
    answers = start_visit(store, form, hid).answers
    answers["status_rt"] = "1"
    save_visit(store, form, hid, answers, "enum1", revision=store.revision(hid))
    assert not store.household(hid).pending  # nothing edited: nothing to push
    _pulled_again(store, hid, {"alamat": "Jl. Kenanga 4A"}, {"nama": "Siti Aminah Baru"})
    reopened = start_visit(store, form, hid).answers
    assert reopened["alamat"] == "Jl. Kenanga 4A"
    assert reopened["members"][0]["nama"] == "Siti Aminah Baru"
    assert reopened["status_rt"] == "1"  # unbound answers are the enumerator's
    save_visit(store, form, hid, reopened, "enum1", revision=store.revision(hid))
    view = store.household(hid)
    assert not view.pending and not view.members[0].pending  # the old values not proposed again
