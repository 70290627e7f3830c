"""The review vocabulary: flag kinds, bulk approval, levels and the transition tables."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtks import review
from dtks.review import (
    APPROVE,
    APPROVED,
    DRAFT,
    ESTABLISH,
    ESTABLISHED,
    FORWARD,
    KABKOTA,
    KEMENSOS,
    NEEDS_REVIEW,
    OPEN,
    PROVINSI,
    RETURN,
    RETURNED,
    SUBMIT,
    SUBMITTED,
    IllegalStep,
    InvalidChain,
)

CHAINS = [(KABKOTA, PROVINSI, KEMENSOS), (KABKOTA, KEMENSOS), (KABKOTA, PROVINSI)]


def test_every_flag_kind_is_in_the_table_under_its_own_name():
    names = {v for k, v in vars(review).items() if k.startswith("FLAG_") and isinstance(v, str)}
    assert names == set(review.FLAG_KINDS)
    assert all(kind.name == name for name, kind in review.FLAG_KINDS.items())


def test_bulk_approval_takes_parallel_edit_but_no_flag_that_holds_review_or_blocks():
    assert review.flag_kind(review.FLAG_PARALLEL_EDIT).bulk_ok
    for kind in review.FLAG_KINDS.values():
        if kind.holds_review or kind.blocks_approval:
            assert not kind.bulk_ok, kind.name
    assert not review.flag_kind(review.FLAG_VALIDATION_WARNING).bulk_ok


def test_bulk_approval_leaves_returned_approved_and_proposals_alone():
    assert review.bulk_may_take(OPEN, [])
    assert not review.bulk_may_take(RETURNED, [])
    assert not review.bulk_may_take(APPROVED, [])
    assert not review.bulk_may_take(SUBMITTED, [])
    assert not review.bulk_may_take(OPEN, [], proposed=True)


def test_an_unknown_flag_kind_stops_bulk_approval_but_not_a_single_one():
    assert not review.bulk_may_take(OPEN, ["nik_invalid"])
    assert review.blocking(["nik_invalid"]) == set()
    assert not review.holds_review(["nik_invalid"])


def test_resolve_leaves_needs_review_only_while_a_holding_flag_stays_open():
    assert review.state_after_resolve({review.FLAG_NEEDS_REVIEW}) == OPEN
    assert review.state_after_resolve({review.FLAG_DUPLICATE_VERIFICATION}) == NEEDS_REVIEW


def test_quiet_flags_are_not_shown():
    flags = [review.FLAG_NEEDS_REVIEW, review.FLAG_CONFLICT]
    assert review.shown(flags) == (review.FLAG_CONFLICT,)


@pytest.mark.parametrize(
    "scope, level",
    [
        ("", KEMENSOS),
        ("32", PROVINSI),
        ("3204", KABKOTA),
        ("320412", KABKOTA),
        ("3204122002", KABKOTA),
    ],
)
def test_a_reviewers_level_follows_the_length_of_their_scope(scope, level):
    assert review.level_of_scope(scope) == level


@pytest.mark.parametrize(
    "text", ["kabkota", "provinsi,kemensos", "kabkota,kemensos,provinsi", "kabkota,pusat"]
)
def test_a_chain_that_cannot_work_is_refused(text):
    with pytest.raises(InvalidChain):
        review.parse_chain(text)


def test_the_default_chain_climbs_kabkota_provinsi_kemensos_and_comes_back_down():
    state, level = review.submission_step(DRAFT, SUBMIT, KABKOTA)
    assert (state, level) == (SUBMITTED, PROVINSI)
    assert review.submission_step(state, RETURN, KEMENSOS) == (RETURNED, PROVINSI)
    assert review.submission_step(RETURNED, RETURN, PROVINSI) == (RETURNED, KABKOTA)
    assert review.submission_step(SUBMITTED, FORWARD, PROVINSI) == (SUBMITTED, KEMENSOS)
    assert review.submission_step(SUBMITTED, ESTABLISH, KEMENSOS) == (ESTABLISHED, KEMENSOS)


def test_a_submission_returned_to_kabkota_goes_nowhere_else():
    for decision in review.SUBMISSION_DECISIONS:
        with pytest.raises(IllegalStep):
            review.submission_step(RETURNED, decision, KABKOTA)


def test_only_the_last_level_establishes():
    with pytest.raises(IllegalStep):
        review.submission_step(SUBMITTED, ESTABLISH, PROVINSI)
    assert review.household_step(SUBMITTED, ESTABLISH, KEMENSOS) == ESTABLISHED


def test_a_household_returned_to_kabkota_is_back_in_review_and_up_the_chain_stays_submitted():
    assert review.household_step(SUBMITTED, RETURN, PROVINSI) == NEEDS_REVIEW
    assert review.household_step(SUBMITTED, RETURN, KEMENSOS) == SUBMITTED
    chain = (KABKOTA, KEMENSOS)
    assert review.household_step(SUBMITTED, RETURN, KEMENSOS, chain) == NEEDS_REVIEW


def test_kabkota_cannot_approve_a_household_that_went_up():
    for state in (SUBMITTED, ESTABLISHED):
        with pytest.raises(IllegalStep):
            review.household_step(state, APPROVE, KABKOTA)


@given(
    chain=st.sampled_from(CHAINS),
    decisions=st.lists(st.sampled_from(review.SUBMISSION_DECISIONS), max_size=12),
)
def test_a_submission_moves_one_level_at_a_time_and_stays_on_its_chain(chain, decisions):
    state, level = DRAFT, KABKOTA
    for decision in decisions:
        try:
            new_state, new_level = review.submission_step(state, decision, level, chain)
        except IllegalStep:
            continue
        assert new_level in chain
        assert abs(chain.index(new_level) - chain.index(level)) <= 1
        if new_state == ESTABLISHED:
            assert level == chain[-1]
        state, level = new_state, new_level


@given(chain=st.sampled_from(CHAINS))
def test_every_household_step_of_a_submission_has_its_submission_step(chain):
    households = review.household_transitions(chain)
    submissions = review.submission_transitions(chain)
    for _state, decision, level in households:
        if decision in (SUBMIT, FORWARD, ESTABLISH) or (decision == RETURN and level != KABKOTA):
            assert any(k[1:] == (decision, level) for k in submissions), (decision, level)


def test_docstring_examples_run():
    import doctest

    result = doctest.testmod(review)
    assert result.attempted > 0 and result.failed == 0
