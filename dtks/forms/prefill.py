"""Pre-list values in and out of an answer set, through the fields' ``bind::dtks:field`` column.

A field bound to ``household.alamat`` starts with the household's ``alamat``; a field bound
to ``member.nik`` lies in the repeat of members and starts, in instance i, with member i's
``nik``. Writing back reads the same fields out of the answers.
"""

from dtks.forms.form import Form
from dtks.forms.model import Field


def member_repeat(form: Form) -> Field | None:
    """The repeat that holds the member.* fields, if the form has one."""
    for f in form.iter_fields():
        if f.bind and f.bind.startswith("member.") and f.repeats:
            return form.field(f.repeats[-1])
    return None


def prefill(form: Form, household: dict, members: list[dict] = ()) -> dict:
    """A starting answer set: defaults, then the household's and members' pre-list values.

    >>> from dtks.forms import load_form
    >>> form = load_form("forms/verivali-dtks.xlsx")
    >>> a = prefill(form, {"alamat": "Jl. Mawar 3"}, [{"nama": "Siti", "member_id": "x01"}])
    >>> a["alamat"], a["members"][0]["nama"], a["members"][0]["id_art"]
    ('Jl. Mawar 3', 'Siti', 'x01')
    """
    answers = form.defaults()
    repeat = member_repeat(form)
    for f in form.iter_fields():
        kind, _, column = (f.bind or "").partition(".")
        if kind == "household" and household.get(column) not in (None, ""):
            answers[f.name] = _text(household[column])
    if repeat is not None:
        instances = []
        for member in members:
            inst = form.defaults(repeat.name)
            for f in _bound(repeat, "member"):
                column = f.bind.partition(".")[2]
                if member.get(column) not in (None, ""):
                    inst[f.name] = _text(member[column])
            instances.append(inst)
        answers[repeat.name] = instances
    return answers


def write_back(form: Form, answers: dict) -> tuple[dict, list[dict]]:
    """The pre-list values in ``answers``: (household columns, one dict per member instance)."""
    household = {}
    for f in form.iter_fields():
        kind, _, column = (f.bind or "").partition(".")
        if kind == "household" and f.name in answers:
            household[column] = answers[f.name]
    members = []
    repeat = member_repeat(form)
    if repeat is not None:
        for inst in answers.get(repeat.name) or []:
            members.append(
                {
                    f.bind.partition(".")[2]: inst[f.name]
                    for f in _bound(repeat, "member")
                    if f.name in inst
                }
            )
    return household, members


def _bound(repeat: Field, kind: str) -> list[Field]:
    out = []
    stack = list(repeat.children)
    while stack:
        f = stack.pop(0)
        if f.bind and f.bind.startswith(kind + "."):
            out.append(f)
        if f.type == "group":
            stack[:0] = f.children
    return out


def _text(value) -> str:
    return value if isinstance(value, str) else str(value)
