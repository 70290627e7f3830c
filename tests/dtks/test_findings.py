"""The finding on a request (dtks.findings): what the form's answers give, and the counts."""

from hypothesis import given
from hypothesis import strategies as st

from dtks import findings
from dtks.tasks import REQUEST_KINDS

answers_values = st.one_of(
    st.none(), st.text(max_size=30), st.integers(), st.sampled_from(findings.RESULTS)
)


@given(st.dictionaries(st.sampled_from([findings.RESULT_FIELD, findings.REASON_FIELD, "hasil"]),
                       answers_values), st.text(max_size=600))  # fmt: skip
def test_read_takes_exactly_a_known_result_with_a_short_text_reason(answers, reason):
    answers = dict(answers)
    if findings.REASON_FIELD in answers:
        answers[findings.REASON_FIELD] = reason
    result = answers.get(findings.RESULT_FIELD)
    try:
        found = findings.read(answers)
    except findings.BadFinding as e:
        assert result not in (None, "")
        bad_result = result not in findings.RESULTS
        assert e.field == (findings.RESULT_FIELD if bad_result else findings.REASON_FIELD)
        assert bad_result or len(reason.strip()) > findings.MAX_REASON
        return
    if result in (None, ""):
        assert found is None
        return
    assert found.result == result in findings.RESULTS
    assert len(found.reason) <= findings.MAX_REASON
    assert found.reason == (answers.get(findings.REASON_FIELD) or "").strip()


pairs = st.lists(
    st.tuples(st.sampled_from(REQUEST_KINDS), st.sampled_from([*findings.RESULTS, None, "ya"]))
)


@given(pairs)
def test_tally_counts_every_request_once_under_its_kind(items):
    counts = findings.tally(items)
    assert set(counts) == set(REQUEST_KINDS)
    assert sum(sum(by.values()) for by in counts.values()) == len(items)
    for kind in REQUEST_KINDS:
        mine = [r for k, r in items if k == kind]
        assert counts[kind][findings.LAYAK] == mine.count(findings.LAYAK)
        assert counts[kind][findings.TIDAK_LAYAK] == mine.count(findings.TIDAK_LAYAK)
    line = findings.line(counts)
    assert (line == "") == (not items)
