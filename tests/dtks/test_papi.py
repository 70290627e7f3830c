"""PAPI sampling and error attribution (dtks.papi), and the papi block of a verification."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtks.model import InvalidPayload, Verification
from dtks.papi import Sampling, check_wrong, error_rate, wrong_entries


@given(st.integers(1, 50), st.integers(1, 300))
def test_every_nth_takes_exactly_the_multiples(n, count):
    taken = [p for p in range(1, count + 1) if Sampling(every=n).takes(p)]
    assert taken == list(range(n, count + 1, n))


@given(st.floats(0.5, 100), st.integers(1, 400))
def test_a_percentage_takes_that_share_spread_evenly(percent, count):
    taken = [p for p in range(1, count + 1) if Sampling(percent=percent).takes(p)]
    assert abs(len(taken) - count * percent / 100) < 1
    gaps = [b - a for a, b in zip(taken, taken[1:], strict=False)]
    assert not gaps or max(gaps) - min(gaps) <= 1


def test_hundred_percent_takes_all():
    assert all(Sampling(percent=100).takes(p) for p in range(1, 50))


@pytest.mark.parametrize("kwargs", [{}, {"every": 2, "percent": 5}, {"every": 0}, {"percent": 0}])
def test_a_sampling_needs_one_sensible_rule(kwargs):
    with pytest.raises(ValueError, match="sampling"):
        Sampling(**kwargs)


def test_adjudication_and_checks_find_the_wrong_entry():
    assert wrong_entries("entry1") == {2} and wrong_entries("entry2") == {1}
    assert wrong_entries("value", "3", "1", "2") == {1, 2}
    assert wrong_entries("value", "1", "1", "2") == {2}
    assert check_wrong("5", "6", "6") == {1} and check_wrong("5", "6", "5") == {2}
    assert error_rate(1, 4) == 0.25


def test_papi_block_round_trips_and_rejects_a_third_entry():
    papi = {
        "batch": "B-01",
        "questionnaire_no": "0007",
        "entry": 2,
        "keyed_by": "clerk2",
        "verify": "dependent",
        "checks": [{"field": "m1.nik", "entry1": "1", "keyed": "2", "paper": "2"}],
    }
    v = Verification.from_json({"status": "finalized", "papi": papi})
    assert v.to_json()["papi"] == papi
    with pytest.raises(InvalidPayload, match="papi.entry: must be 1 or 2"):
        Verification.from_json({"status": "finalized", "papi": {**papi, "entry": 3}})
    with pytest.raises(InvalidPayload, match="papi.verify: only a second entry"):
        Verification.from_json({"status": "finalized", "papi": {**papi, "entry": 1}})
    assert "papi" not in Verification.from_json({"status": "draft"}).to_json()


def test_docstring_examples_run():
    import doctest

    import dtks.papi

    result = doctest.testmod(dtks.papi)
    assert result.attempted > 0 and result.failed == 0
