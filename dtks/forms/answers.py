"""Answer semantics shared by every screen that edits answers and by the server.

Where an instance's answers live (``scope_at``), what ``${name}`` in a label shows
(``lookup``), which answers are saved (``prune``: those of irrelevant questions are left out,
as ODK does), whether a dynamic required/read_only expression holds (``holds_at``) and how
many instances a ``repeat_count`` asks for (``wanted_count``). The CAPI form screen, PAPI
entry, verify mode and the comparison of two entries all call these.

>>> data = {"members": [{"nama": "Siti"}, {"nama": "Budi"}]}
>>> scope_at(data, ("members", 1))
{'nama': 'Budi'}
>>> scope_at(data, ("members", 5))
{}
"""

from dtks.forms.expr import evaluate
from dtks.forms.expr.values import to_bool, to_number
from dtks.forms.model import Field

_FAILURES = (ValueError, ArithmeticError, TypeError, RecursionError)
"""What evaluating a form's expression can raise (ExprEvalError and ExprSyntaxError are
ValueErrors)."""

MAX_REPEAT_COUNT = 200
"""A repeat_count above this is taken as a mistake of the form, not honoured."""


def scope_at(data: dict, where: tuple) -> dict:
    """The answers of repeat instance ``where`` (e.g. ``("members", 2)``); {} if absent.

    >>> scope_at({"a": 1}, ())
    {'a': 1}
    """
    scope = data
    for name, index in zip(where[::2], where[1::2], strict=False):
        try:
            scope = scope[name][index]
        except (KeyError, IndexError, TypeError):
            return {}
    return scope


def lookup(name: str, scope: dict, top: dict):
    """What ``${name}`` shows inside ``scope``: its own answer, else the top level's, else ''.

    >>> lookup("nama", {"nama": "Siti"}, {"nama": "x"}), lookup("rt", {}, {"rt": "002"})
    ('Siti', '002')
    >>> lookup("none", {"none": None}, {})
    ''
    """
    value = scope.get(name, top.get(name, ""))
    return "" if value is None else value


def prune(fields: list[Field], data: dict, relevant: dict[str, bool], prefix: str = "") -> dict:
    """``data`` without the answers of irrelevant fields (ODK leaves them out on save).

    ``relevant`` is ``Form.state(data).relevant``; ``prefix`` is the path of the level
    (``'members[2].'`` inside an instance)."""
    out = dict(data)

    def drop(fs: list[Field]):
        for f in fs:
            out.pop(f.name, None)
            if f.type == "group":
                drop(f.children)

    def walk(fs: list[Field]):
        for f in fs:
            path = prefix + f.name
            if not relevant.get(path, True):
                drop([f])
            elif f.type == "group":
                walk(f.children)
            elif f.type == "repeat" and isinstance(data.get(f.name), list):
                out[f.name] = [
                    prune(f.children, inst, relevant, f"{path}[{i}].")
                    for i, inst in enumerate(data[f.name])
                    if isinstance(inst, dict)
                ]

    walk(fields)
    return out


def holds_at(expression: str, data: dict, where: tuple = ()) -> bool:
    """Whether a required/read_only expression holds in instance ``where`` of ``data``.

    A failing expression counts as true (the asterisk is shown; validate reports it).

    >>> holds_at("${a} = 1", {"a": "1"}), holds_at("${a} = 1", {"a": "2"})
    (True, False)
    >>> holds_at("1 +", {})
    True
    """
    try:
        return to_bool(evaluate(expression, data, where or None))
    except _FAILURES:
        return True


def wanted_count(repeat: Field, data: dict, where: tuple = ()) -> int | None:
    """How many instances ``repeat``'s repeat_count asks for in ``data`` (at level
    ``where``), or None when it has none, or it fails, or is not a count from 0 to
    MAX_REPEAT_COUNT (then the instances are left as they are).

    >>> from dtks.forms.expr import parse
    >>> from dtks.forms.model import Expression
    >>> kids = Field("kids", "repeat", 1)
    >>> wanted_count(kids, {}) is None
    True
    >>> kids.repeat_count = Expression("${n}", parse("${n}"), "repeat_count", 1)
    >>> wanted_count(kids, {"n": "3"}), wanted_count(kids, {"n": "9999"}), wanted_count(kids, {})
    (3, None, None)
    """
    count = repeat.repeat_count
    if count is None:
        return None
    try:
        want = to_number(evaluate(count.text, data, where or None))
    except _FAILURES:
        return None
    if want != want or not 0 <= want <= MAX_REPEAT_COUNT:
        return None
    return int(want)
