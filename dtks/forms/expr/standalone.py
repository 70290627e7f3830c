"""Evaluate one expression against a plain answer dict, without a form."""

import re
from datetime import datetime

from dtks.forms.expr.evaluate import Context, Layout, compile_tree, value_of
from dtks.forms.expr.parser import parse

_STEP = re.compile(r"([A-Za-z_][\w.\-]*)(?:\[(\d+)\])?")


def evaluate(expression: str, answers: dict, current=None, *, now: datetime | None = None):
    """Evaluate ``expression`` against ``answers``; give the XPath value (str/float/bool/date...).

    ``answers`` is JSON-shaped: field name -> value, a repeat as a list of dicts. ``current``
    says where the expression is evaluated, as a tuple of repeat names and 0-based indexes,
    optionally ending with a field name whose value is ``.``: ``("members", 2, "nik")``, or the
    same as text, ``"members[2].nik"``. ``now`` fixes today()/now() (tests, replays).

    >>> evaluate("${n} * 2", {"n": 21})
    42.0
    >>> evaluate("${age} >= 18", {"members": [{"age": 9}, {"age": 30}]}, ("members", 1))
    True
    >>> evaluate("count(${members})", {"members": [{"age": 9}, {"age": 30}]})
    2.0
    """
    steps = _steps(current)
    layout = layout_of(answers)
    ctx = Context(answers, now)
    owner: list[str] = []
    node = answers
    for name, index in steps:
        if index is None:
            ctx.dot = value_of(node.get(name))
            break
        instances = node.get(name) or []
        if not 0 <= index < len(instances):
            raise ValueError(f"current: {name} has no instance {index} (0-based)")
        node = instances[index]
        owner.append(name)
        ctx.scope.append(node)
        ctx.indexes.append(index)
    return compile_tree(parse(expression), layout, tuple(owner))(ctx)


def _steps(current) -> list[tuple[str, int | None]]:
    if current is None:
        return []
    if isinstance(current, str):
        steps = []
        for part in current.split("."):
            m = _STEP.fullmatch(part)
            if not m:
                raise ValueError(f"current: cannot read {current!r}, write e.g. 'members[2].nik'")
            steps.append((m.group(1), None if m.group(2) is None else int(m.group(2))))
        return steps
    items = list(current)
    steps = []
    for i, item in enumerate(items):
        if isinstance(item, int):
            continue
        nxt = items[i + 1] if i + 1 < len(items) else None
        steps.append((item, nxt if isinstance(nxt, int) else None))
    return steps


def layout_of(answers: dict) -> Layout:
    """Find the repeats in an answer dict: a key whose value is a list of dicts is a repeat."""
    paths: dict[str, tuple[str, ...]] = {}
    repeats: set[str] = set()

    def walk(node: dict, path: tuple[str, ...]):
        for key, value in node.items():
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                repeats.add(key)
                paths.setdefault(key, path + (key,))
                for inst in value:
                    walk(inst, path + (key,))
            else:
                paths.setdefault(key, path)

    walk(answers, ())
    return Layout(paths, frozenset(repeats))
