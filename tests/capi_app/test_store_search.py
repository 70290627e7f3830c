"""capi_app.store search: name prefix, NIK, No KK, address, over indexed columns."""

from __future__ import annotations

from store_samples import make_household

HID = "3204122002000001"


def test_search_by_name_prefix_any_word_case_blind(pulled):
    hits = pulled.search("siti")
    assert hits and all("siti" in h.nama.lower() for h in hits if h.member_id)
    aminah = pulled.search("AMIN")
    assert aminah and all("aminah" in (h.nama or h.nama_krt).lower() for h in aminah)


def test_search_with_two_words_needs_both(pulled):
    name = pulled.household(HID).members[0].values["nama"]
    first, last = name.lower().split()
    hits = pulled.search(f"{first[:3]} {last[:3]}")
    assert any(h.household_id == HID for h in hits)
    assert all(
        first[:3] in (h.nama or "").lower() and last[:3] in (h.nama or "").lower()
        for h in hits
        if h.member_id
    )


def test_search_by_nik_and_no_kk(pulled):
    nik = pulled.household(HID).members[1].values["nik"]
    (hit,) = [h for h in pulled.search(nik) if h.member_id]
    assert hit.member_id == HID + "02" and hit.nik == nik
    assert any(h.household_id == HID for h in pulled.search(nik[:10]))
    kk = pulled.household(HID).values["no_kk"]
    assert [h.household_id for h in pulled.search(kk)] == [HID]


def test_search_by_address_word(pulled):
    hits = pulled.search("mawar 1")
    assert {h.household_id for h in hits} >= {HID, "3204122002000010"}


def test_search_follows_local_edits(pulled):
    pulled.change_member(HID, HID + "02", {"nama": "Kartini Wijaya"}, user="siti")
    assert [h.member_id for h in pulled.search("kartini")] == [HID + "02"]
    pulled.upsert_pulled([make_household(1, version=2)])
    assert [h.member_id for h in pulled.search("kartini")] == [HID + "02"]


def test_empty_query_finds_nothing(pulled):
    assert pulled.search("  ") == []
    assert pulled.search("zzzz") == []
