"""Pre-list values in and out of an answer set, through the fields' ``bind::dtks:field`` column.

A field bound to ``household.alamat`` starts with the household's ``alamat``; a field bound
to ``member.nik`` lies in the repeat of members and starts, in instance i, with member i's
``nik``. Writing back reads the same fields out of the answers.

The household's tasks (dtks.tasks, as the pull sends them) reach the form the same way: a
field bound to ``task.<attribute>`` holds that attribute (``kind``, ``id`` or ``note``) of
every task of the household, ``request.<attribute>`` the same of its request tasks only
(``dtks.tasks.REQUEST_KINDS``: sanggahan, usul warga, usulan Kemensos). Several tasks are
joined: kinds by a space (so ``selected(${x}, 'sanggahan')`` works, as on a select_multiple),
ids and notes by ``"; "``. They are the server's, never the enumerator's: ``with_tasks`` puts
them again into saved answers when a visit is reopened, and ``write_back`` leaves them out.
"""

from collections.abc import Iterable

from dtks.forms.form import Form
from dtks.forms.model import Field
from dtks.tasks import REQUEST_KINDS, Task

TASK_ATTRIBUTES = ("kind", "id", "note")
"""What a ``task.*`` or ``request.*`` binding may name."""
_JOINERS = {"kind": " ", "id": "; ", "note": "; "}


def member_repeat(form: Form) -> Field | None:
    """The repeat that holds the member.* fields, if the form has one."""
    for f in form.iter_fields():
        if f.bind and f.bind.startswith("member.") and f.repeats:
            return form.field(f.repeats[-1])
    return None


def prefill(form: Form, household: dict, members: list[dict] = (), tasks: Iterable = ()) -> dict:
    """A starting answer set: defaults, then the household's and members' pre-list values
    and its tasks (``Task`` or pulled ``{"kind", "id", "note"}`` items).

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
    return with_tasks(form, answers, tasks)


def with_household(
    form: Form, answers: dict, household: dict, members: Iterable[dict] = ()
) -> dict:
    """``answers`` (saved earlier) with every bound field set again from the household and
    its members as they stand now. A save writes the bound answers into the household, so
    they differ only where something else changed it since: a pull (a reviewer's resolution,
    a refused move, another device's edit merged by the server) or the pre-list tab. The
    household is then the truth, and a save of the stale answers would propose the old value
    again. A member instance is matched by its field bound to ``member.member_id``; instances
    without one (members added in the form) are left as they are, and so are unbound answers.

    >>> from dtks.forms import load_form
    >>> form = load_form("forms/verivali-dtks.xlsx")
    >>> saved = {"kode_wilayah": "3205011001", "alamat": "Jl. Lama", "status_rt": "1",
    ...          "members": [{"id_art": "x01", "nama": "Siti"}, {"nama": "Baru"}]}
    >>> a = with_household(form, saved, {"kode_wilayah": "3204122002", "alamat": "Jl. Lama"},
    ...                    [{"member_id": "x01", "nama": "Siti Aminah"}])
    >>> a["kode_wilayah"], a["status_rt"], [m["nama"] for m in a["members"]]
    ('3204122002', '1', ['Siti Aminah', 'Baru'])
    """
    out = dict(answers)
    for f in form.iter_fields():
        kind, _, column = (f.bind or "").partition(".")
        if kind == "household" and column in household:
            _set(out, f.name, household[column])
    repeat = member_repeat(form)
    bound = _bound(repeat, "member") if repeat is not None else []
    id_field = next((f.name for f in bound if f.bind == "member.member_id"), None)
    if id_field and isinstance(out.get(repeat.name), list):
        by_id = {str(m.get("member_id")): m for m in members if m.get("member_id")}
        fields = [f for f in bound if f.bind != "member.member_id"]
        instances = []
        for inst in out[repeat.name]:
            member = by_id.get(str(inst.get(id_field) or "")) if isinstance(inst, dict) else None
            if member is not None:
                inst = dict(inst)
                for f in fields:
                    column = f.bind.partition(".")[2]
                    if column in member:
                        _set(inst, f.name, member[column])
            instances.append(inst)
        out[repeat.name] = instances
    return out


def _set(answers: dict, name: str, value) -> None:
    if value in (None, ""):
        answers.pop(name, None)
    else:
        answers[name] = _text(value)


def with_tasks(form: Form, answers: dict, tasks: Iterable) -> dict:
    """``answers`` with every ``task.*`` / ``request.*`` field set from ``tasks`` (the
    household's tasks now: a request pulled after a draft was saved reaches its form).

    >>> from dtks.forms import load_form
    >>> form = load_form("forms/verivali-dtks.xlsx")
    >>> a = with_tasks(form, {}, [{"kind": "anomali", "id": "x"},
    ...                           {"kind": "sanggahan", "id": "SGH-1", "note": "mampu"}])
    >>> a["permintaan_jenis"], a["permintaan_nomor"], a["permintaan_alasan"]
    ('sanggahan', 'SGH-1', 'mampu')
    >>> form.relevance(a)["temuan_hasil"], form.relevance({})["temuan_hasil"]
    (True, False)
    """
    items = [t if isinstance(t, Task) else Task.from_json(t) for t in tasks]
    out = dict(answers)
    for f in form.iter_fields():
        kind, _, attribute = (f.bind or "").partition(".")
        if kind not in ("task", "request") or attribute not in TASK_ATTRIBUTES:
            continue
        chosen = [t for t in items if kind == "task" or t.kind in REQUEST_KINDS]
        values = [str(getattr(t, attribute) or "") for t in chosen]
        out[f.name] = _JOINERS[attribute].join(v for v in values if v)
    return out


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
