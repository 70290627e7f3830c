"""Double entry: compare two keyings of one paper questionnaire, field by field.

The one comparison used by PAPI verify mode (the verifier is stopped at a mismatch) and by
the server (independent entries leave their differences for adjudication). An entry is what
one clerk keyed: the verification's answers, and the pre-list field and member changes of
the household change. Only what would be saved is compared (answers of irrelevant questions
are not keyed); calculations and notes are not keyed, so not compared.

Read-only questions (pre-list ids) are not keyed either. Repeat instances (the members) are paired by their pre-list id (the field bound to
``member.member_id``), the rest by order. A difference is keyed as DESIGN.md's adjudication
choices are: ``"alamat"`` for the household, ``"<member_id>.nik"`` for a member (a member
without a pre-list id, i.e. added on paper, is ``"members.5"``: its repeat and position).

Values compare as a clerk keys them: empty (missing, null, '') is one value; numbers by
value ("36" is 36); other text exactly ("002" is not "2"); a select_multiple as a set of codes.

>>> from dtks.forms import load_form
>>> form = load_form("forms/verivali-dtks.xlsx")
>>> a = {"alamat": "Jl. Mawar 3", "members": [{"id_art": "m1", "nama": "Siti"}]}
>>> b = {"alamat": "Jl. Mawar 5", "members": [{"id_art": "m1", "nama": "Siti"}]}
>>> [(d.key, d.entry1, d.entry2) for d in compare_answers(form, a, b)]
[('alamat', 'Jl. Mawar 3', 'Jl. Mawar 5')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from dtks.forms.answers import prune
from dtks.forms.form import Form
from dtks.forms.model import Field
from dtks.forms.prefill import member_repeat
from dtks.model import FieldChange, HouseholdChange, JsonScalar, MemberChange

MEMBER_ID_BIND = "member.member_id"
INSTANCE_FIELD = "@instance"
"""The pseudo-field of a difference in the number of repeat instances (a member keyed by
one clerk and not by the other)."""


@dataclass(frozen=True)
class Difference:
    """One field where two entries differ."""

    field: str
    member_id: str | None
    entry1: JsonScalar
    entry2: JsonScalar

    @property
    def key(self) -> str:
        """'alamat' or '<member_id>.nik': the key of an adjudication choice."""
        return f"{self.member_id}.{self.field}" if self.member_id else self.field


@dataclass(frozen=True)
class Entry:
    """What one clerk keyed for one household."""

    answers: dict
    fields: Mapping[str, FieldChange] = field(default_factory=dict)
    members: Sequence[MemberChange] = ()

    @classmethod
    def of(cls, change: HouseholdChange) -> Entry:
        """The entry a pushed household change carries."""
        answers = change.verification.answers if change.verification else {}
        return cls(dict(answers), dict(change.fields), list(change.members))


def same(a, b, multiple: bool = False) -> bool:
    """Whether two keyed values are the same answer (see the module's rule).

    >>> same("36", 36), same(36.0, "36"), same("002", "2"), same(None, ""), same("1 2", "2 1", True)
    (True, True, False, True, True)
    """
    if _empty(a) or _empty(b):
        return _empty(a) and _empty(b)
    if multiple:
        return set(str(a).split()) == set(str(b).split())
    na, nb = _number(a), _number(b)
    if isinstance(a, int | float) or isinstance(b, int | float):
        return na is not None and na == nb
    return a == b


def _empty(value) -> bool:
    return value is None or value == "" or value == []


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value))
    except ValueError:
        return None


def compare(form: Form, first: Entry, second: Entry, now: datetime | None = None):
    """Every difference between two entries: answers, then pre-list fields and member
    changes that the form does not carry in its answers."""
    out = compare_answers(form, first.answers, second.answers, now)
    bound = {f.bind.partition(".")[2] for f in form.iter_fields() if f.bind}
    out += _field_differences(first.fields, second.fields, bound, None)
    ops1 = {op.member_id: op for op in first.members if op.op == "change"}
    ops2 = {op.member_id: op for op in second.members if op.op == "change"}
    for member_id in sorted(set(ops1) | set(ops2)):
        f1 = ops1[member_id].fields if member_id in ops1 else {}
        f2 = ops2[member_id].fields if member_id in ops2 else {}
        out += _field_differences(f1, f2, bound, member_id)
    if member_repeat(form) is None:  # else a removal is the repeat's status question
        out += _removal_differences(first.members, second.members)
    return out


def _field_differences(f1, f2, bound: set[str], member_id) -> list[Difference]:
    out = []
    for name in sorted(set(f1) | set(f2)):
        if name in bound:
            continue
        base = (f1.get(name) or f2.get(name)).base
        v1 = f1[name].value if name in f1 else base
        v2 = f2[name].value if name in f2 else base
        if not same(v1, v2):
            out.append(Difference(name, member_id, v1, v2))
    return out


def _removal_differences(m1: Sequence[MemberChange], m2: Sequence[MemberChange]):
    r1 = {op.member_id: op.reason for op in m1 if op.op == "remove"}
    r2 = {op.member_id: op.reason for op in m2 if op.op == "remove"}
    return [
        Difference("@removal_reason", member_id, r1.get(member_id), r2.get(member_id))
        for member_id in sorted(set(r1) | set(r2))
        if r1.get(member_id) != r2.get(member_id)
    ]


def compare_answers(form: Form, first: dict, second: dict, now: datetime | None = None):
    """The differences between two answer sets of ``form`` (saved answers only)."""
    a, b = saved(form, first, now), saved(form, second, now)
    out: list[Difference] = []
    _compare_level(form.fields, a, b, None, out)
    return out


def saved(form: Form, answers: dict, now: datetime | None = None) -> dict:
    """The answers as saved: without those of irrelevant questions."""
    state = form.state(answers if isinstance(answers, dict) else {}, now)
    return prune(form.fields, state.data, state.relevant)


def _compare_level(fields: list[Field], a: dict, b: dict, member_id, out: list) -> None:
    for f in fields:
        if f.type == "group":
            _compare_level(f.children, a, b, member_id, out)
        elif f.type == "repeat":
            for key, x, y in pair_instances(f, a.get(f.name), b.get(f.name)):
                if x is None or y is None:
                    out.append(Difference(INSTANCE_FIELD, key, x is not None, y is not None))
                else:
                    _compare_level(f.children, x, y, key, out)
        elif keyable(f):
            x, y = a.get(f.name), b.get(f.name)
            if not same(x, y, f.type == "select_multiple"):
                out.append(Difference(f.name, member_id, _scalar(x), _scalar(y)))


def keyable(f: Field) -> bool:
    """Whether a clerk keys this question: an input that is not read-only pre-list data
    (kode wilayah, a member's pre-list id) and not a calculation."""
    return f.is_input and f.calculation is None and f.read_only is not True


def _scalar(value) -> JsonScalar:
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)


def instance_id(repeat: Field, instance: dict) -> str | None:
    """The pre-list id of a repeat instance (its field bound to member.member_id), if any."""
    for f in repeat.children:
        if f.bind == MEMBER_ID_BIND and instance.get(f.name) not in (None, ""):
            return str(instance[f.name])
    return None


def instance_key(repeat: Field, instance: dict, position: int) -> str:
    """How a difference names an instance: its pre-list id, else 'members.5' (1-based)."""
    return instance_id(repeat, instance) or f"{repeat.name}.{position + 1}"


def pair_instances(repeat: Field, first, second):
    """(key, instance of entry 1 or None, instance of entry 2 or None) for each instance:
    paired by pre-list id, the others by order."""
    xs = [i for i in first or [] if isinstance(i, dict)]
    ys = [i for i in second or [] if isinstance(i, dict)]
    by_id = {instance_id(repeat, y): y for y in ys if instance_id(repeat, y)}
    used: set[int] = set()
    pairs = []
    rest_x = []
    for pos, x in enumerate(xs):
        xid = instance_id(repeat, x)
        if xid and xid in by_id:
            used.add(id(by_id[xid]))
            pairs.append((instance_key(repeat, x, pos), x, by_id[xid]))
        else:
            rest_x.append((pos, x))
    rest_y = [y for y in ys if id(y) not in used]
    for n in range(max(len(rest_x), len(rest_y))):
        x = rest_x[n][1] if n < len(rest_x) else None
        y = rest_y[n] if n < len(rest_y) else None
        pos = rest_x[n][0] if n < len(rest_x) else len(xs) + n - len(rest_x)
        pairs.append((instance_key(repeat, x or y, pos), x, y))
    return pairs


def answer_at(form: Form, answers: dict, key: str):
    """The answer a difference key names ('alamat', '<member_id>.nik'), or None."""
    scope, name = _locate(form, answers, key)
    return None if scope is None else scope.get(name)


def set_answer(form: Form, answers: dict, key: str, value) -> bool:
    """Write ``value`` (None clears) at a difference key; False when the key names nothing."""
    scope, name = _locate(form, answers, key)
    if scope is None:
        return False
    if value is None or value == "":
        scope.pop(name, None)
    else:
        scope[name] = value
    return True


def _locate(form: Form, answers: dict, key: str) -> tuple[dict | None, str]:
    owner, _, name = key.rpartition(".")
    if not owner:
        return answers, name
    repeat = member_repeat(form)
    if repeat is None:
        return None, name
    instances = answers.get(repeat.name) or []
    for pos, inst in enumerate(instances):
        if isinstance(inst, dict) and instance_key(repeat, inst, pos) == owner:
            return inst, name
    return None, name


def keyed_fields(form: Form, answers: dict, now: datetime | None = None) -> list[str]:
    """The keys of every answered question an entry keyed (the fields a keyer is measured on)."""
    out: list[str] = []
    _keyed(form.fields, saved(form, answers, now), None, out)
    return out


def _keyed(fields: list[Field], data: dict, member_id, out: list) -> None:
    for f in fields:
        if f.type == "group":
            _keyed(f.children, data, member_id, out)
        elif f.type == "repeat":
            for key, x, _ in pair_instances(f, data.get(f.name), []):
                _keyed(f.children, x, key, out)
        elif keyable(f) and not _empty(data.get(f.name)):
            out.append(f"{member_id}.{f.name}" if member_id else f.name)
