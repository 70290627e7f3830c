"""capi_app.submissions: the reviewer's levels and a submission's JSON as typed rows."""

import doctest

from capi_app import submissions
from capi_app.submissions import SubmissionDetail, levels, works_up_the_chain

DETAIL = {
    "submission_id": 7, "round": "2026-11", "activity": "bnba", "scope": "3204",
    "scope_name": "Kabupaten Bandung", "level": "provinsi", "state": "submitted", "note": None,
    "parent_id": None, "count": 1, "returned": 1, "created_by": "reviewer1",
    "created_at": "2026-11-02T02:00:00Z", "updated_at": "2026-11-02T03:00:00Z",
    "households": [
        {"household_id": "3204122002000001", "state": "submitted", "note": None,
         "kode_wilayah": "3204122002", "desa": "Dayeuhkolot", "nama_krt": "Tati",
         "alamat": "Jl. Mawar 1", "hasil": "1", "status_rt": "1", "eligibility_changed": False,
         "approved_by": "reviewer1"},
        {"household_id": "3204122002000002", "state": "returned", "note": "foto buram",
         "kode_wilayah": "3204122002", "desa": "Dayeuhkolot", "nama_krt": "Asep",
         "alamat": "Jl. Mawar 2", "hasil": "", "status_rt": None, "eligibility_changed": True,
         "approved_by": "reviewer1"},
    ],
    "recap": {"households": 1, "by_result": {"1": 1, "2": 0, "": 0},
              "by_desa": [{"kode_wilayah": "3204122002", "desa": "Dayeuhkolot", "households": 1,
                           "layak": 1, "tidak_layak": 0, "tanpa_hasil": 0}]},
    "history": [], "pengesahan": None, "children": [8], "decisions": ["forward", "return"],
}  # fmt: skip


def test_a_reviewer_without_a_kabkota_scope_works_up_the_chain():
    assert works_up_the_chain(["32"]) and works_up_the_chain([""])
    assert not works_up_the_chain(["32.04"]) and not works_up_the_chain(["32.04", "32"])
    assert not works_up_the_chain([])
    assert levels(["32.04.12.2002", "33", ""]) == ("kabkota", "provinsi", "kemensos")


def test_a_submission_reads_into_rows_with_what_the_user_may_decide():
    d = SubmissionDetail.from_json(DETAIL)
    assert d.item.submission_id == 7 and d.item.level == "provinsi"
    assert [h.in_it for h in d.households] == [True, False]
    assert d.households[1].hasil is None and d.households[1].note == "foto buram"
    assert d.by_desa[0].layak == 1 and d.children == [8]
    assert d.may("forward") and not d.may("establish")


def test_docstring_examples_run():
    result = doctest.testmod(submissions)
    assert result.attempted > 0 and result.failed == 0
