"""The anomaly worklist inside a visit's form: re-checked as the enumerator types, and where
each anomaly is marked.

The form binds questions to pre-list columns (``bind::dtks:field``), so an anomaly on
``member 320412200200000102, nama_ibu`` is marked on the ``nama_ibu`` question of the member
instance whose ``id_art`` is that member. The answers are checked with the same rules as the
store (``capi_app.store.worklist.effective``), so the mark goes the moment the answer is fixed,
before the save.

    found = anomalies_now(form, answers, view, server_anomalies)
    marks, elsewhere = anomaly_paths(form, answers, found)   # {"members[1].nama_ibu": [...]}
"""

from __future__ import annotations

from dataclasses import dataclass, field

from capi_app.store.worklist import effective
from dtks.anomalies import Anomaly
from dtks.forms import Form
from dtks.forms.prefill import member_repeat, write_back
from dtks.removal import FORM_STATUS

ID_FIELD = "id_art"
STATUS_FIELD = "status_art"


@dataclass(frozen=True)
class _Member:
    member_id: str
    status: str
    values: dict


@dataclass(frozen=True)
class _Household:
    household_id: str
    values: dict
    members: list = field(default_factory=list)
    moves: tuple = ()


def anomalies_now(form: Form, answers: dict, view, server: list[Anomaly]) -> list[Anomaly]:
    """The anomalies the household would have with these answers saved."""
    household, members = write_back(form, answers)
    repeat = member_repeat(form)
    instances = (answers.get(repeat.name) or []) if repeat else []
    known = {m.member_id: m for m in view.members}
    people = []
    for i, (inst, values) in enumerate(zip(instances, members, strict=False)):
        mid = inst.get(ID_FIELD) or f"new-{i + 1}"
        saved = known.get(mid)
        base = dict(saved.values) if saved else {}
        removed = str(inst.get(STATUS_FIELD) or "") in FORM_STATUS
        status = "removed" if removed or (saved and saved.status == "removed") else "active"
        values = {k: v for k, v in values.items() if k != "member_id"}
        people.append(_Member(mid, status, {**base, **values}))
    listed = {p.member_id for p in people}
    people += [m for m in view.members if m.member_id not in listed]
    live = _Household(view.household_id, {**view.values, **household}, people, view.moves)
    return effective(live, server)


def anomaly_paths(form: Form, answers: dict, found: list[Anomaly]):
    """({form path: anomalies marked there}, [anomalies no question of the form shows])."""
    bound = form.bindings()
    repeat = member_repeat(form)
    rows = {}
    if repeat is not None:
        for i, inst in enumerate(answers.get(repeat.name) or []):
            if inst.get(ID_FIELD):
                rows[inst[ID_FIELD]] = i
    marks: dict[str, list[Anomaly]] = {}
    elsewhere = []
    for a in found:
        path = None
        if a.member_id is None and f"household.{a.field}" in bound:
            path = bound[f"household.{a.field}"].name
        elif a.member_id in rows and f"member.{a.field}" in bound:
            path = f"{repeat.name}[{rows[a.member_id]}].{bound[f'member.{a.field}'].name}"
        if path is None:
            elsewhere.append(a)
        else:
            marks.setdefault(path, []).append(a)
    return marks, elsewhere
