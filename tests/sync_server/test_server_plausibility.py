"""The validation warnings judge birth dates on the household's local day, as the worklist does."""

from datetime import UTC, datetime

import pytest

from dtks import anomalies
from dtks.model import Household, Member
from sync_server import clock
from sync_server.services import plausibility

HID = "3204122002000001"
MID = f"{HID}01"


@pytest.fixture
def evening_utc():
    # 20:00 UTC on 4 December is 03:00 WIB on 5 December in Kabupaten Bandung.
    clock.set(datetime(2026, 12, 4, 20, 0, tzinfo=UTC))
    yield
    clock.reset()


def newborn(born: str, nik: str) -> Household:
    m = Member(
        MID,
        values={"nik": nik, "tanggal_lahir": born, "jenis_kelamin": 1, "hubungan": 3},
    )
    return Household(HID, 1, values={"kode_wilayah": "3204122002"}, members=[m])


def test_a_member_born_today_in_wib_is_not_warned_of_before_utc_midnight(evening_utc):
    h = newborn("2026-12-05", "3204120512260001")
    assert plausibility.household_warnings(h, {MID}) == []


def test_a_birth_date_after_the_local_day_is_still_warned_of(evening_utc):
    h = newborn("2026-12-06", "3204120612260001")
    (warning, *_) = plausibility.household_warnings(h, {MID})
    assert MID in warning and "future" in warning


def test_warnings_and_worklist_share_one_run_of_the_member_rules(evening_utc, monkeypatch):
    h = newborn("2026-12-06", "3204120612260001")
    calls = []
    real = anomalies.member_anomalies
    monkeypatch.setattr(anomalies, "member_anomalies", lambda *a: calls.append(a) or real(*a))
    rules = anomalies.MemberRules()
    plausibility.household_warnings(h, {MID}, rules=rules)
    day = plausibility.local_day("3204122002")
    found = anomalies.detect(h, None, day, rules)
    assert len(calls) == 1
    assert found == anomalies.detect(h, None, day)
