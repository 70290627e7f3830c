"""What an enumerator is asked to do with a household: the ``tasks`` of a pulled household.

A task is {"kind", "id", "note"} with a kind of ``dtks.tasks.KINDS``: ``anomali`` while the
household has open anomalies (the note lists their kinds), one per request naming the household
(``sanggahan``, ``usul_warga``, ``usulan_kemensos``), else ``verivali`` (the round's
verification of a pre-list household).

    tasks.of(households_row, open_anomalies)   # [{"kind": "anomali", "id": "...", ...}]
"""

from dtks import tasks as rule


def of(row, anomalies, requests=()) -> list[dict]:
    """The tasks of one household row, given its open anomalies and requests naming it
    (services/citizen_requests.py: a request's task id is its reference number, its note the
    reason, and for a proposal the programme too)."""
    out = [
        rule.Task(r.kind, r.reference, rule.request_note(r.kind, r.reason, r.programme))
        for r in requests
    ]
    if anomalies:
        kinds = sorted({a.kind for a in anomalies})
        out.append(rule.Task(rule.ANOMALI, f"{rule.ANOMALI}-{row.household_id}", ", ".join(kinds)))
    if not out:
        out.append(rule.Task(rule.VERIVALI, f"{rule.VERIVALI}-{row.household_id}", None))
    return [t.to_json() for t in out]
