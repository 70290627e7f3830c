"""dtks.cycle: the DTKS calendar's windows, local time by province, deadlines, late data."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtks import cycle

rounds = st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2000, 2099), st.integers(1, 12))
activities = st.sampled_from(cycle.ACTIVITIES)
moments = st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1), timezones=st.just(UTC))
field_moments = st.datetimes(datetime(2000, 1, 1), datetime(2099, 11, 30), timezones=st.just(UTC))
"""Moments before any window of the last round (2099-12, ROUND_PATTERN) closes: field data
arriving then always has an open round to count toward."""


@given(rounds, activities)
def test_a_deadline_is_an_hour_earlier_in_wita_and_two_in_wit_than_in_wib(round_, activity):
    wib = cycle.default_calendar(round_, "3204").deadline(activity)
    assert wib - cycle.default_calendar(round_, "7371").deadline(activity) == timedelta(hours=1)
    assert wib - cycle.default_calendar(round_, "9471").deadline(activity) == timedelta(hours=2)


@given(rounds)
def test_default_windows_follow_the_dtks_calendar(round_):
    year, month = cycle.parse_round(round_)
    w = cycle.default_windows(round_)
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    assert (w["pbi"].opens.day, w["pbi"].closes.day) == (1, 11)
    assert (w["bnba"].opens.day, w["bnba"].closes.day) == (14, last - 1)
    assert w["usulan"].closes.day == last - 5 and w["pengesahan"].closes.day == last - 1
    assert all(x.closes.month == month for x in w.values())


@given(rounds, activities, field_moments)
def test_field_data_counts_toward_a_round_whose_window_is_still_open(round_, activity, moment):
    of = lambda r: cycle.default_calendar(r, "3204")  # noqa: E731
    counts = cycle.counting_round(of, round_, activity, moment)
    assert counts >= round_ and not of(counts).is_closed(activity, moment)
    if counts != round_:
        assert of(round_).is_closed(activity, moment)


def test_the_calendar_ends_at_2099_12_and_says_so():
    with pytest.raises(cycle.InvalidRound, match="2099-12 is the last round"):
        cycle.next_round("2099-12")
    of = lambda r: cycle.default_calendar(r, "3204")  # noqa: E731
    late = datetime(2099, 12, 31, 12, tzinfo=UTC)
    with pytest.raises(cycle.InvalidRound, match="last round"):
        cycle.counting_round(of, "2099-12", "bnba", late)


def test_a_round_years_old_counts_toward_the_open_round_of_the_moment():
    of = lambda r: cycle.default_calendar(r, "3204")  # noqa: E731
    moment = datetime(2026, 12, 2, tzinfo=UTC)
    assert cycle.counting_round(of, "2020-01", "bnba", moment) == "2026-12"


@given(rounds, activities, moments)
def test_days_left_is_zero_exactly_when_closed_and_one_on_the_last_day(round_, activity, moment):
    cal = cycle.default_calendar(round_, "7371")
    left = cal.days_left(activity, moment)
    assert (left == 0) == cal.is_closed(activity, moment)
    last_day = datetime.combine(cal.windows[activity].closes, datetime.min.time(), cal.zone.tzinfo)
    assert cal.days_left(activity, last_day + timedelta(hours=23, minutes=59)) == 1


def test_every_province_of_the_wilayah_table_has_its_zone():
    from dtks import wilayah

    provinces = list(wilayah.codes_under("", 1))
    assert set(provinces) == set(cycle.PROVINCE_ZONES)
    assert cycle.zone_of("51").abbreviation == "WITA" and cycle.zone_of("61").abbreviation == "WIB"


def test_calendar_json_round_trips_and_bad_rounds_and_windows_are_refused():
    cal = cycle.default_calendar("2026-12", "7371").with_window(
        "usulan", cycle.Window(date(2026, 12, 20))
    )
    again = cycle.RoundCalendar.from_json(cal.to_json())
    assert again == cal and again.to_json()["windows"]["usulan"] == {"closes": "2026-12-20"}
    with pytest.raises(cycle.InvalidRound, match="YYYY-MM"):
        cycle.parse_round("2026-13")
    with pytest.raises(cycle.InvalidRound, match="cannot open"):
        cycle.Window(date(2026, 12, 1), date(2026, 12, 2))
    with pytest.raises(cycle.InvalidRound, match="not one of"):
        cal.deadline("panen")
