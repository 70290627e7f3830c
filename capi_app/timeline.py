"""A household's local history as a timeline: who changed what, when, old and new value.

The store's audit keeps one line per edit; a saved verification keeps the whole answer set.
Here a save becomes one step for the save and one per answer that differs from the save
before it, so the screen can say "Status rumah tangga: (empty) → 1 Ditemukan" instead of
showing the answers as JSON. Newest step first. No Qt here: the window words the steps.

>>> rows = [
...     {"at": "2026-11-02T09:00:00+07:00", "user": "siti", "member_id": "", "action": "verification",
...      "field": "draft", "old": None, "new": '{"status_rt": "1"}'},
...     {"at": "2026-11-02T09:05:00+07:00", "user": "siti", "member_id": "", "action": "verification",
...      "field": "finalized", "old": None, "new": '{"status_rt": "2"}'},
... ]
>>> [(s.kind, s.field, s.old, s.new) for s in timeline(rows)]
[('saved', None, None, 'finalized'), ('answer', 'status_rt', '1', '2'), ('saved', None, None, 'draft'), ('answer', 'status_rt', None, '1')]
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from capi_app.store import audit_actions as actions

SAVED, ANSWER, FIELD = "saved", "answer", "field"
PHOTO, MEMBER_ADDED, MEMBER_REMOVED = "photo", "member_added", "member_removed"
MEMBER_RESTORED, HOUSEHOLD_ADDED = "member_restored", "household_added"
KINDS = {
    actions.SET: FIELD,
    actions.PHOTO: PHOTO,
    actions.ADD_MEMBER: MEMBER_ADDED,
    actions.REMOVE_MEMBER: MEMBER_REMOVED,
    actions.RESTORE_MEMBER: MEMBER_RESTORED,
    actions.ADD_HOUSEHOLD: HOUSEHOLD_ADDED,
}


@dataclass(frozen=True)
class Step:
    """One change of the household, as the history tab shows it."""

    at: datetime | None
    user: str
    kind: str
    """saved, answer, field, photo, member_added, member_removed, member_restored, household_added."""
    field: str | None = None
    """The question (answer) or pre-list column (field) that changed."""
    member_id: str = ""
    """The member a field edit or member step is about ('' for the household)."""
    instance: tuple[str, int] | None = None
    """For an answer inside a repeat: the repeat's name and the 0-based instance."""
    instance_name: str = ""
    """The name answered in that instance, if any (to say whose answer it is)."""
    old: Any = None
    new: Any = None


def _load(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


def _time(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def answer_changes(before: dict, after: dict) -> list[tuple[str, tuple | None, str, Any, Any]]:
    """(question, instance, instance name, old, new) for every answer that differs.

    >>> answer_changes({"a": 1, "m": [{"x": 1}]}, {"a": 1, "m": [{"x": 2, "nama": "Dede"}]})
    [('x', ('m', 0), 'Dede', 1, 2), ('nama', ('m', 0), 'Dede', None, 'Dede')]
    """
    out = []
    for name in list(dict.fromkeys([*before, *after])):
        old, new = before.get(name), after.get(name)
        if isinstance(old, list) or isinstance(new, list):
            out += _instance_changes(name, old or [], new or [])
        elif old != new:
            out.append((name, None, "", old, new))
    return out


def _instance_changes(repeat: str, old: list, new: list) -> list:
    out = []
    for i in range(max(len(old), len(new))):
        a = old[i] if i < len(old) and isinstance(old[i], dict) else {}
        b = new[i] if i < len(new) and isinstance(new[i], dict) else {}
        who = str(b.get("nama") or a.get("nama") or "")
        for name in list(dict.fromkeys([*a, *b])):
            if a.get(name) != b.get(name):
                out.append((name, (repeat, i), who, a.get(name), b.get(name)))
    return out


def timeline(rows: list[dict]) -> list[Step]:
    """The steps of the audit rows (oldest first, as the store gives them), newest first."""
    steps: list[Step] = []
    answers: dict = {}
    for row in rows:
        at, user = _time(row.get("at")), str(row.get("user") or "")
        action = row.get("action")
        if action == actions.VERIFICATION:
            new = _load(row.get("new")) or {}
            new = new if isinstance(new, dict) else {}
            steps.append(Step(at, user, SAVED, new=row.get("field")))
            steps += [
                Step(at, user, ANSWER, name, instance=where, instance_name=who, old=a, new=b)
                for name, where, who, a, b in answer_changes(answers, new)
            ]
            answers = new
            continue
        steps.append(
            Step(
                at,
                user,
                KINDS.get(action, str(action)),
                row.get("field"),
                member_id=str(row.get("member_id") or ""),
                old=_load(row.get("old")),
                new=_load(row.get("new")),
            )  # fmt: skip
        )
    # Newest first; within one save the save itself, then its answers in the answers' order.
    groups: list[list[Step]] = []
    for step in steps:
        if step.kind == ANSWER and groups:
            groups[-1].append(step)
        else:
            groups.append([step])
    return [step for group in reversed(groups) for step in group]
